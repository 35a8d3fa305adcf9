"""What the window shows with no cohort open: new, open, recent, the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
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

RECENT_PATH_ROLE = Qt.ItemDataRole.UserRole


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
        self.recent.setMaximumWidth(900)
        self.recent.itemActivated.connect(self.on_recent_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(heading(_("ILMAVA Desktop"), 1))
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(heading(_("Recently used"), 2))
        layout.addWidget(self.recent)

    def on_recent_activated(self, item: QListWidgetItem) -> None:
        if path := item.data(RECENT_PATH_ROLE):
            self.recent_chosen.emit(Path(path))

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}    {path.parent}")
            item.setData(RECENT_PATH_ROLE, str(path))
            self.recent.addItem(item)
        if not paths:
            placeholder = QListWidgetItem(_("No cohorts opened yet."))
            # Readable (enabled), but nothing to choose: Enter on it does nothing.
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(placeholder)
        else:
            self.recent.setCurrentRow(0)
