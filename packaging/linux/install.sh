#!/usr/bin/env bash
# Registers the built bundle for the current user: the menu entry and the .ilmava file type.
# No administrator rights: everything goes under ~/.local.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${1:-$here/../../dist/ilmava-desktop}"
bundle="$(cd "$bundle" && pwd)"
mkdir -p ~/.local/bin ~/.local/share/applications ~/.local/share/mime/packages
ln -sf "$bundle/ilmava-desktop" ~/.local/bin/ilmava-desktop
sed "s|^Exec=ilmava-desktop|Exec=$bundle/ilmava-desktop|" "$here/ilmava-desktop.desktop" \
  > ~/.local/share/applications/ilmava-desktop.desktop
cp "$here/ilmava-cohort.xml" ~/.local/share/mime/packages/
command -v update-mime-database >/dev/null && update-mime-database ~/.local/share/mime || true
command -v update-desktop-database >/dev/null && \
  update-desktop-database ~/.local/share/applications || true
echo "ILMAVA Desktop registered for .ilmava files."
