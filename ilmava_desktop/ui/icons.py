"""The window's icons: a small set from Tabler Icons (MIT, resources/icons/LICENSE-tabler-icons
.txt), one line weight and one colour throughout, with a white drawing for a chosen row."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton

from ilmava_desktop.resources import resource_path

# What each icon stands for in this window; the file is icons/NAME.svg (and NAME-light.svg).
NAMES = ("tool-municipalities", "tool-attendance", "tool-assessment", "tool-groups",
         "tool-board", "tool-reports", "tool-visits", "new", "open", "save-copy", "close",
         "undo", "redo", "import", "export", "print", "delete", "about", "projector", "search")
TOOLS = NAMES[:7]  # the navigation's, in the order of the tools


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (one of NAMES): dark on the window, white where its row is chosen."""
    found = QIcon(str(resource_path(f"icons/{name}.svg")))
    light = str(resource_path(f"icons/{name}-light.svg"))
    for state in (QIcon.State.Off, QIcon.State.On):
        found.addFile(light, mode=QIcon.Mode.Selected, state=state)
    return found


def icon_button(text: str, name: str) -> QPushButton:
    """A page's button with its action's icon (add, delete, import, export, print) before
    the words, which still say what it does."""
    return QPushButton(icon(name), text)
