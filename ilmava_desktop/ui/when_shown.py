"""Refreshing a tool only when someone can see it.

A key press in one tool changes the cohort; tools that are not on screen need not redraw
for it (a hidden Groups page re-scoring every grouping on every answer typed cost 60 ms a
key). They remember that they are out of date and refresh the moment they are shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None]):
        super().__init__(widget)
        self.widget = widget
        self.refresh = refresh
        self.pending = False
        widget.installEventFilter(self)

    def __call__(self, *_args) -> None:
        if self.widget.isVisible():
            self.pending = False
            self.refresh()
        else:
            self.pending = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget and event.type() == QEvent.Type.Show and self.pending:
            self.pending = False
            self.refresh()
        return False
