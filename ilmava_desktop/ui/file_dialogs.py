"""Asking for a file to write or read: non-blocking dialogs that call back with the path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save(parent: QWidget, title: str, suggested: str, filters: str,
             on_path: Callable[[Path], None]) -> QFileDialog:
    dialog = QFileDialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.fileSelected.connect(lambda path: on_path(Path(path)))
    dialog.open()
    return dialog


def ask_open(parent: QWidget, title: str, filters: str,
             on_path: Callable[[Path], None]) -> QFileDialog:
    dialog = QFileDialog(parent, title, "", filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda path: on_path(Path(path)))
    dialog.open()
    return dialog
