"""The tools later releases bring: an honest empty state naming what is coming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ilmava_desktop.i18n import N_, _
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.widgets import heading

COMING = {
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
        layout.addStretch()
