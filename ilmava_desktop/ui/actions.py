"""The window's actions, declared once: menus and shortcuts are built from this list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


@dataclass(frozen=True)
class ActionSpec:
    key: str
    menu: str
    text: str
    trigger: Callable[[], object]
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    needs_cohort: bool = False
    icon: str = ""  # one of ui.icons.NAMES, for the actions the set has a picture of


def build_actions(window: QWidget, menubar: QMenuBar, specs: list[ActionSpec],
                  menu_titles: dict[str, str]) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    for spec in specs:
        menu = menus.get(spec.menu) or menus.setdefault(
            spec.menu, menubar.addMenu(menu_titles[spec.menu]))
        if spec.key.startswith("-"):
            menu.addSeparator()
            continue
        action = QAction(spec.text, window)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.triggered.connect(lambda _checked=False, f=spec.trigger: f())
        action.setProperty("needs_cohort", spec.needs_cohort)
        if spec.icon:
            from ilmava_desktop.ui.icons import icon

            action.setIcon(icon(spec.icon))
        menu.addAction(action)
        window.addAction(action)
        actions[spec.key] = action
    return actions, menus
