"""Helpers for window tests: find the dialog a click opened, press its buttons."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton


def open_dialog(kind=QDialog):
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    raise AssertionError(f"no open {kind.__name__}")


def click_button(qtbot, dialog, text: str) -> None:
    for button in dialog.findChildren(QPushButton):
        if button.text().replace("&", "") == text and button.isVisible():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    shown = [b.text() for b in dialog.findChildren(QPushButton)]
    raise AssertionError(f"no button {text!r}; buttons: {shown}")


def message_text() -> str:
    return open_dialog(QMessageBox).text()
