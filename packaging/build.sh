#!/usr/bin/env bash
# Builds dist/ilmava-desktop/ (the folder to ship) from a clean checkout, with one command:
#   packaging/build.sh
# The build runs in its own venv (build/venv) so nothing else on the machine matters.
set -euo pipefail
cd "$(dirname "$0")/.."
python=python3
command -v "$python" >/dev/null || python=python   # Windows (Git Bash) has python.exe
"$python" -m venv build/venv
bin=build/venv/bin
[ -d "$bin" ] || bin=build/venv/Scripts            # a Windows venv
"$bin/python" -m pip install -q --upgrade pip
"$bin/python" -m pip install -q . "pyinstaller>=6.5"
# The spec reads the version and the data from the checkout; the app code from the venv.
"$bin/python" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/ilmava-desktop.spec
if [ "$(uname)" = "Linux" ]; then
  cp packaging/linux/ilmava-desktop.desktop packaging/linux/ilmava-cohort.xml \
     packaging/linux/install.sh dist/ilmava-desktop/
fi
du -sh dist/ilmava-desktop | awk '{print "bundle size: " $1}'
