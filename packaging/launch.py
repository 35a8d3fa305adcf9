"""The bundle's entry point: the same `main` the `ilmava-desktop` command runs."""

import sys

from ilmava_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
