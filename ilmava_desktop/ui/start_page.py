"""What the window shows with no cohort open: new, open, recent, the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.widgets import heading


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        intro = QLabel(_("One cohort a file. Everything you do is saved as you go, and a copy "
                         "stays on this laptop even if the USB stick is pulled."))
        intro.setWordWrap(True)
        self.new_button = QPushButton(_("&New cohort…"))
        self.open_button = QPushButton(_("&Open cohort…"))
        self.demo_button = QPushButton(_("Open the &demo cohort"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.recent = QListWidget()
        self.recent.setAccessibleName(_("Recently used cohorts"))
        self.recent.itemActivated.connect(lambda item: self.recent_chosen.emit(Path(item.data(256))))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(heading(_("ILMAVA Desktop"), 1))
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(heading(_("Recently used"), 2))
        layout.addWidget(self.recent)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}    {path.parent}")
            item.setData(256, str(path))
            self.recent.addItem(item)
        if not paths:
            self.recent.addItem(_("No cohorts opened yet."))
