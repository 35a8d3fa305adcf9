"""`python -m ilmava_desktop.services.demo resources/demo/esimerkkikohortti.ilmava` rebuilds
the bundled demo cohort."""

import sys
from pathlib import Path

from ilmava_desktop.services.demo import rebuild_bundled

rebuild_bundled(Path(sys.argv[1]))
