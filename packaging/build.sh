#!/usr/bin/env bash
# Builds dist/ilmava-desktop/ (the folder to ship) from a clean checkout, with one command:
#   packaging/build.sh
# The build runs in its own venv (build/venv) so nothing else on the machine matters.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv build/venv
build/venv/bin/pip install -q --upgrade pip
build/venv/bin/pip install -q . "pyinstaller>=6.5"
# The spec reads the version and the data from the checkout; the app code from the venv.
build/venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/ilmava-desktop.spec
if [ "$(uname)" = "Linux" ]; then
  cp packaging/linux/ilmava-desktop.desktop packaging/linux/ilmava-cohort.xml \
     packaging/linux/install.sh dist/ilmava-desktop/
fi
du -sh dist/ilmava-desktop | awk '{print "bundle size: " $1}'
