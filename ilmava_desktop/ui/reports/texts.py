"""The facilitator's summary and next steps for the chosen municipality's report."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services.reports import texts
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.widgets import CommittingTextEdit


class ReportTextEditor(QWidget):
    """Saved when the field is left; *Draft from the board* fills both from the most voted
    development areas, to be rewritten in the facilitator's own words."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.municipality_id: str | None = None
        self.summary = CommittingTextEdit(_("Summary of the report"))
        self.summary.setPlaceholderText(_("The facilitator's summary, printed first"))
        self.next_steps = CommittingTextEdit(_("Next steps of the report"))
        self.next_steps.setPlaceholderText(_("One step per line, up to five"))
        for edit in (self.summary, self.next_steps):
            edit.setMaximumHeight(90)
            edit.editing_finished.connect(self.save)
        self.draft_button = QPushButton(_("&Draft from the board"))
        self.draft_button.clicked.connect(self.draft)
        summary_label, steps_label = QLabel(_("S&ummary:")), QLabel(_("Ne&xt steps:"))
        summary_label.setBuddy(self.summary)
        steps_label.setBuddy(self.next_steps)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(summary_label)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(steps_label)
        row.addStretch(1)
        row.addWidget(self.draft_button)
        layout.addLayout(row)
        layout.addWidget(self.next_steps)

    def show_for(self, municipality_id: str | None) -> None:
        self.municipality_id = municipality_id
        self.setEnabled(municipality_id is not None)
        written = self.ctx.read(lambda s: texts.report_text(s.db, municipality_id)) if (
            municipality_id) else texts.ReportText("", [])
        self.summary.set_committed_text(written.summary)
        self.next_steps.set_committed_text("\n".join(written.next_steps))

    def save(self) -> None:
        municipality_id = self.municipality_id
        if municipality_id is None:
            return
        summary = self.summary.toPlainText()
        steps = self.next_steps.toPlainText().splitlines()
        run_op(self.ctx, lambda s: texts.set_report_text(
            s, municipality_id=municipality_id, summary=summary, next_steps=steps),
            parent=self)

    def draft(self) -> None:
        municipality_id = self.municipality_id
        if municipality_id is None:
            return
        drafted = self.ctx.read(lambda s: texts.draft(s.db, municipality_id,
                                                      current_language()))
        self.summary.setPlainText(drafted.summary)
        self.next_steps.setPlainText("\n".join(drafted.next_steps))
        self.save()
