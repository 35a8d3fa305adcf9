"""Small widgets the tools share."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget


class CommittingTextEdit(QPlainTextEdit):
    """A multi-line field that says when the user is done with it (focus leaves)."""

    editing_finished = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self._committed = ""

    def set_committed_text(self, text: str) -> None:
        if self.toPlainText() != text and not self.hasFocus():
            self.setPlainText(text)
        self._committed = text

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._committed:
            self.editing_finished.emit()


def heading(text: str, level: int = 2) -> QLabel:
    label = QLabel(text)
    label.setObjectName(f"heading{level}")
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label
