"""The Groups tool: thematic groups, peer-review pairs and sparrers, a tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.groups.page import GroupsPage
from ilmava_desktop.ui.groups.pairs_tab import PairsTab
from ilmava_desktop.ui.groups.sparrers_tab import SparrersTab
from ilmava_desktop.ui.groups.sparring_tab import SparringTab
from ilmava_desktop.ui.when_shown import WhenShown
from ilmava_desktop.ui.widgets import heading


class GroupsTool(QWidget):
    NAME = "groups"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups = GroupsPage(ctx)
        self.pairs = PairsTab(ctx)
        self.sparrers = SparrersTab(ctx)
        self.sparring = SparringTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Groups, pairs and sparrers"))
        self.tabs.addTab(self.groups, _("Themati&c groups"))
        self.tabs.addTab(self.pairs, _("Peer-revie&w pairs"))
        self.tabs.addTab(self.sparrers, _("&Sparrers"))
        self.tabs.addTab(self.sparring, _("Sparri&ng"))
        layout = QVBoxLayout(self)
        # The heading every tool has, above its tabs (as Visits has it).
        layout.addWidget(heading(_("Groups"), 1))
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)
        # Each tab reads the cohort when it is shown, and again after a change only if shown.
        self.pairs_when_shown = WhenShown(self.pairs, self.pairs.load)
        self.sparrers_when_shown = WhenShown(self.sparrers, self.sparrers.load)
        self.sparring_when_shown = WhenShown(self.sparring, self.sparring.load)
        ctx.cohort_opened.connect(self.cohort_ready)
        ctx.changed.connect(self.on_changed)

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.groups.load_when_shown()
        self.load()

    def load(self) -> None:
        self.pairs_when_shown()
        self.sparrers_when_shown()
        self.sparring_when_shown()

    def on_changed(self, changes) -> None:
        if changes.touches("review_pair", "grouping", "municipality", "answer"):
            self.pairs_when_shown()
        if changes.touches("sparrer", "sparrer_match", "municipality"):
            self.sparrers_when_shown()
        if changes.touches("sparrer", "sparrer_match", "municipality", "sparring_session",
                           "cohort"):
            self.sparring_when_shown()
