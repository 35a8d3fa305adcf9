"""The programme's year for a cohort: the periods' dates, how many municipalities are
selected and each one's own funding."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.widgets import date_format, dialog_buttons, heading, labelled_form


def _qdate(value: date | None) -> QDate:
    value = value or date.today()
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class YearDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("The programme's year"))
        shown = ctx.read(lambda s: programme_service.programme(s.db))
        language = current_language()
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Period")), 0, 0)
        grid.addWidget(QLabel(_("Starts")), 0, 1)
        grid.addWidget(QLabel(_("Ends")), 0, 2)
        self.periods: list[tuple[int, QDateEdit, QDateEdit]] = []
        for row, period in enumerate(shown.periods, start=1):
            label = QLabel(f"{period.number}. {period.name(language)}")
            start, end = QDateEdit(_qdate(period.start)), QDateEdit(_qdate(period.end))
            for edit, what in ((start, _("starts")), (end, _("ends"))):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat(date_format())
                edit.setAccessibleName(f"{period.number}. {period.name(language)} {what}")
            label.setBuddy(start)
            grid.addWidget(label, row, 0)
            grid.addWidget(start, row, 1)
            grid.addWidget(end, row, 2)
            self.periods.append((period.number, start, end))
        low, high = shown.selection or (0, 0)
        self.low, self.high, self.funding = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, value, name in ((self.low, low, _("Fewest selected")),
                                  (self.high, high, _("Most selected"))):
            spin.setRange(0, 308)
            spin.setValue(value)
            spin.setAccessibleName(name)
        self.funding.setRange(0, 1_000_000)
        self.funding.setSingleStep(100)
        # Grouped as the window's language writes thousands (its locale is the default),
        # the euro sign where that language puts it: 2 000 €, €2,000.
        self.funding.setGroupSeparatorShown(True)
        if current_language() == "en":
            self.funding.setPrefix("€")
        else:
            self.funding.setSuffix(" €")
        self.funding.setValue(shown.own_funding or 0)
        self.funding.setAccessibleName(_("Own funding in euros"))
        # The range's two numbers side by side and the amount as wide as an amount: in the
        # form's full width the upper number stood under the periods' end dates.
        selected = QHBoxLayout()
        selected.addWidget(self.low)
        selected.addWidget(QLabel("–"))
        selected.addWidget(self.high)
        selected.addStretch(1)
        funding = QHBoxLayout()
        funding.addWidget(self.funding)
        funding.addStretch(1)
        self.funding.setMinimumWidth(self.funding.fontMetrics().horizontalAdvance("1 000 000 €")
                                     + 40)
        self.said = QLabel()
        self.said.setWordWrap(True)
        layout = QVBoxLayout(self)
        if self.periods:
            layout.addWidget(heading(_("Periods"), 2))
            layout.addLayout(grid)
        layout.addLayout(labelled_form([(_("&Selected municipalities:"), selected),
                                        (_("Own &funding:"), funding)]))
        layout.addWidget(self.said)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                 | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.disconnect()
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)

    def values(self) -> dict:
        return {"periods": [(number, _date(start.date()), _date(end.date()))
                            for number, start, end in self.periods],
                "low": self.low.value() if self.high.value() else None,
                "high": self.high.value() or None,
                "own_funding": self.funding.value() if self.funding.value() else None}

    def save(self) -> None:
        values = self.values()
        run_op(self.ctx, lambda s: programme_service.set_year(s, **values), parent=self,
               say=lambda text, is_error: self.said.setText(text) if is_error else None,
               done=lambda _changes: self.accept())
