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

from ilmava_desktop.core.dates import format_moment
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.ui.widgets import heading

RECENT_PATH_ROLE = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # What the app is for, said to someone opening it for the first time.
        self.first_run = QLabel(_(
            "For the facilitators of municipal climate-leadership coaching and peer learning: "
            "check-in, self-assessment, groups and pairs, peer-review visits, the debrief board "
            "and each municipality's report, all on this laptop, with no network needed. Start "
            "with the demo cohort to see a year's work, or make a new cohort."))
        self.first_run.setWordWrap(True)
        self.first_run.setObjectName("firstRun")
        intro = QLabel(_("One cohort per file. Everything you do is saved as you go, and a "
                         "copy stays on this laptop even if the USB stick is pulled."))
        intro.setWordWrap(True)
        self.new_button = QPushButton(_("&New cohort…"))
        self.open_button = QPushButton(_("&Open cohort…"))
        self.demo_button = QPushButton(_("Open the &demo cohort"))
        from ilmava_desktop.ui.icons import icon

        self.new_button.setIcon(icon("new"))
        self.open_button.setIcon(icon("open"))
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
        layout.addWidget(self.first_run)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(heading(_("Recently used"), 2))
        layout.addWidget(self.recent)

    def on_recent_activated(self, item: QListWidgetItem) -> None:
        if path := item.data(RECENT_PATH_ROLE):
            self.recent_chosen.emit(Path(path))

    def set_recent(self, paths: list[Path],
                   details: dict[Path, dict[str, str]] | None = None) -> None:
        """Each recent cohort: its name and programme, when it was last opened and where
        it is (and, if its file is not there now, that it is not)."""
        self.recent.clear()
        self.first_run.setVisible(not paths)
        for path in paths:
            known = (details or {}).get(path, {})
            first = " · ".join(part for part in (known.get("name") or path.stem,
                                                 _programme_name(known.get("programme")))
                               if part)
            when = format_moment(known.get("opened", ""))
            second = " · ".join(part for part in (
                _("last opened {when}").format(when=when) if when else "", str(path.parent),
                "" if path.exists() else _("the file is not there now (is the stick in?)"))
                if part)
            item = QListWidgetItem(f"{first}\n{second}")
            item.setData(RECENT_PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not paths:
            placeholder = QListWidgetItem(_("No cohorts opened yet."))
            # Readable (enabled), but nothing to choose: Enter on it does nothing.
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(placeholder)
        else:
            self.recent.setCurrentRow(0)


def _programme_name(names: str | dict | None) -> str:
    """The programme's name in the window's language (remembered in all three; a name
    remembered before that, as it was)."""
    if isinstance(names, dict):
        return names.get(current_language()) or next(iter(names.values()), "")
    return names or ""
