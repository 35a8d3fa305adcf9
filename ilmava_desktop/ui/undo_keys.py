"""Ctrl+Z and Ctrl+Shift+Z where the hands are.

At the door and at the board the focus stays in an entry field, and a line edit takes
Ctrl+Z as its own text undo even when it has nothing to undo: the check-in just made
could not be taken back. Here the field keeps the keys while it has text edits of its own
to undo or redo, and otherwise they undo or redo the cohort's last action, as the Edit
menu does, and the status line says what was undone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.ops import run_op

UNDO, REDO = "undo", "redo"
_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def undo_last(ctx: AppContext, where: QWidget, *, redo: bool = False) -> None:
    """Undo (or redo) the cohort's last action and say on the status line what it was."""
    def tell(text: str) -> None:
        window = where.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)
        else:
            ctx.notice.emit(text)

    def done(changes) -> None:
        if changes.description:
            tell(changes.description)
        else:
            tell(_("Nothing to redo.") if redo else _("Nothing to undo."))

    run_op(ctx, lambda s: s.redo() if redo else s.undo(), quiet=True, done=done,
           say=lambda text, is_error: tell(("⚠ " if is_error else "") + text))


def which_key(event: QKeyEvent) -> str | None:
    if event.matches(QKeySequence.StandardKey.Undo):
        return UNDO
    if event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Z and event.modifiers() & _CTRL_SHIFT == _CTRL_SHIFT):
        return REDO
    return None


class CohortUndoKeys(QObject):
    """Installed on an entry field: its own undo first, then the cohort's."""

    def __init__(self, ctx: AppContext, field: QLineEdit):
        super().__init__(field)
        self.ctx = ctx
        self.field = field
        field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        which = which_key(event)
        if which is None or self.field_has_its_own(which):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # Claimed here, so that the key press comes to this field (and to the
            # cohort's undo below) even when the window's own shortcut would not fire.
            event.accept()
            return True
        undo_last(self.ctx, self.field, redo=which == REDO)
        return True

    def field_has_its_own(self, which: str) -> bool:
        field = self.field
        return field.isUndoAvailable() if which == UNDO else field.isRedoAvailable()
