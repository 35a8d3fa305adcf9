"""The tools later releases bring: an honest empty state naming what is coming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.model import Day
from ilmava_desktop.i18n import N_, _
from ilmava_desktop.storage import queries
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import heading, row_table

COMING = {
    "attendance": N_("Check-in at the door is coming next: type-to-find check-in, QR codes on "
                     "name badges, walk-ins and substitutes, each day's limits per municipality, "
                     "sign-in sheets and attendance export. The days of this cohort are below."),
    "assessment": N_("The self-assessment is coming: keyboard-fast entry of answer sheets, live "
                     "results per municipality and for the cohort, officials against politicians, "
                     "a projector view and a printable paper form."),
    "groups": N_("Groups are coming: thematic peer groups, peer-review pairs formed from the "
                 "self-assessments, and sparrers matched to development tasks, proposed by an "
                 "optimiser and finished by hand."),
    "board": N_("The debrief board is coming: cards for strengths, development areas, ideas, "
                "lessons and questions, fast entry while people talk, clusters, dot votes and a "
                "projector mode."),
    "reports": N_("Reports are coming: a PDF for each municipality with its strengths and "
                  "development areas, and a publishable summary of the cohort's lessons."),
}


class ComingToolPage(QWidget):
    def __init__(self, name: str, title: str, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.NAME = name
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1))
        badge = QLabel(_("Not available yet"))
        badge.setObjectName("badge")
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        text = QLabel(_(COMING[name]))
        text.setWordWrap(True)
        text.setObjectName("coming")
        text.setAccessibleName(title)
        layout.addWidget(text)
        self.days_table: QTableView | None = None
        if name == "attendance":
            self.days_model = RowTableModel([
                Column(_("Date"), lambda d: format_date(d.date)),
                Column(_("Day"), lambda d: d.title), Column(_("Venue"), lambda d: d.venue),
                Column(_("Audience"), lambda d: d.audience),
                Column(_("Per municipality"), lambda d: _("{low}–{high} people").format(
                    low=d.min_attendance, high=d.max_attendance)),
            ], self)
            self.days_table = row_table(self.days_model, _("Days of the cohort"))
            layout.addWidget(heading(_("Days"), 2))
            layout.addWidget(self.days_table)
            ctx.cohort_opened.connect(self.refresh)
            ctx.changed.connect(lambda c: c.touches("day") and self.refresh())
        layout.addStretch()

    def refresh(self) -> None:
        days: list[Day] = self.ctx.read(lambda s: queries.days(s.db)) if self.ctx.session else []
        self.days_model.set_rows(days)
