"""The Visits tool: review teams, and each visit with its interviewees and its day."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.services.visits import guides
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_open, ask_save
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.visits.teams_tab import TeamsTab
from ilmava_desktop.ui.visits.visit_tab import VisitTab
from ilmava_desktop.ui.when_shown import WhenShown
from ilmava_desktop.ui.widgets import heading

# The tables each tab shows: a change to any of them reloads it (when it is shown).
TEAM_TABLES = ("review_team_member", "review_pair", "person", "municipality")
VISIT_TABLES = ("visit", "interviewee", "preparation_meeting", "interview_guide",
                "answer", "card", *TEAM_TABLES)


class VisitsPage(QWidget):
    NAME = "visits"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.teams = TeamsTab(ctx)
        self.visit = VisitTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Review teams and visits"))
        self.tabs.addTab(self.visit, _("V&isits"))
        self.tabs.addTab(self.teams, _("Review &teams"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("What was done"))
        self.teams.message = self.visit.message = self.message
        top = QHBoxLayout()
        top.addWidget(heading(_("Visits"), 1))
        top.addStretch(1)
        self.import_guide_button = icon_button(_("Import &guide…"), "import")
        self.import_guide_button.setToolTip(_("An interview guide as JSON: themes with "
                                              "questions in Finnish, Swedish and English"))
        self.import_guide_button.clicked.connect(self.import_guide)
        self.export_guide_button = icon_button(_("E&xport guide…"), "export")
        self.export_guide_button.clicked.connect(self.export_guide)
        self.edit_guide_button = QPushButton(_("Edit guide…"))
        self.edit_guide_button.setToolTip(_("The guide's themes and questions in Finnish, "
                                            "Swedish and English"))
        self.edit_guide_button.clicked.connect(self.edit_guide)
        top.addWidget(self.edit_guide_button)
        top.addWidget(self.import_guide_button)
        top.addWidget(self.export_guide_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.setFocusProxy(self.tabs)
        self.teams_when_shown = WhenShown(self.teams, self.teams.load)
        self.visit_when_shown = WhenShown(self.visit, self.visit.load)
        ctx.cohort_opened.connect(self.cohort_ready)
        ctx.changed.connect(self.on_changed)

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.load()

    def load(self) -> None:
        self.teams_when_shown()
        self.visit_when_shown()

    def on_changed(self, changes) -> None:
        if changes.touches(*TEAM_TABLES):
            self.teams_when_shown()
        if changes.touches(*VISIT_TABLES):
            self.visit_when_shown()

    def edit_guide(self):
        from ilmava_desktop.ui.visits.guide_dialog import GuideDialog

        if self.ctx.session is None:
            return None
        dialog = GuideDialog(self.ctx.read(lambda s: guides.guide_data(s.db)), self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: guides.save_guide(s, data=dialog.edited()), say=self.message,
            parent=self))
        dialog.open()
        return dialog

    def import_guide(self):
        return ask_open(self, _("Import an interview guide"), _("Interview guides (*.json)"),
                        lambda path: run_op(self.ctx, lambda s: guides.import_guide(s, path=path),
                                            say=self.message, parent=self))

    def export_guide(self):
        return ask_save(self, _("Export the interview guide"), "haastattelupohja.json",
                        _("Interview guides (*.json)"), lambda path: run_op(
                            self.ctx, lambda s: guides.export_guide(s.db, path=path),
                            say=self.message, parent=self))
