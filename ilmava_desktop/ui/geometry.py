"""Windows and dialogs open where and as large as the user left them, and never larger than
the screen they open on (a 1366×768 laptop, a projector at 1024×768)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QDialog, QWidget

from ilmava_desktop.services import preferences


def restore(widget: QWidget, name: str) -> bool:
    """Give `widget` its remembered geometry; whether there was one that fits this screen."""
    saved = preferences.geometry(name)
    if not saved or not widget.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        return False
    screen = widget.screen().availableGeometry()
    if not screen.intersects(widget.frameGeometry()):
        return False  # left on a screen that is not there now (the projector was unplugged)
    fit(widget, widget.size())
    return True


def fit(widget: QWidget, preferred: QSize) -> None:
    """`preferred`, or the screen's room for it when the screen is smaller."""
    screen = widget.screen().availableGeometry()
    frame = widget.frameGeometry().size() - widget.geometry().size()
    width = min(preferred.width(), screen.width() - frame.width())
    height = min(preferred.height(), screen.height() - frame.height())
    widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))


def remember(widget: QWidget, name: str) -> None:
    preferences.remember_geometry(name, bytes(widget.saveGeometry().toBase64()).decode("ascii"))


def keep_dialog_geometry(dialog: QDialog, name: str) -> None:
    """The dialog opens as the user last left it, and is remembered when it closes."""
    if not restore(dialog, name):
        fit(dialog, dialog.size())
    dialog.finished.connect(lambda _result: remember(dialog, name))
