"""The cohort's days: date, venue, audience and attendance limits (1–5 per municipality)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.invitations import ALL, AUDIENCES
from ilmava_desktop.core.model import Day
from ilmava_desktop.core.rules import ABSOLUTE_MAX_ATTENDANCE, RuleViolation, check_day_limits
from ilmava_desktop.i18n import _, current_language, ngettext
from ilmava_desktop.services.attendance import days as day_service
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import ask
from ilmava_desktop.ui.geometry import keep_dialog_geometry
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import date_format, dialog_buttons, labelled_form, row_table


class DayDialog(QDialog):
    def __init__(self, day: Day | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Edit day") if day else _("Add day"))
        self.date = QDateEdit()
        self.date.setDisplayFormat(date_format())
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(_("Date"))
        self.date.setDate(QDate(day.date.year, day.date.month, day.date.day)
                          if day and day.date else QDate.currentDate())
        self.title = QLineEdit(day.title if day else "")
        self.title.setAccessibleName(_("Day"))
        self.title_sv = QLineEdit(day.title_sv if day else "")
        self.title_sv.setAccessibleName(_("The day's title in Swedish"))
        self.title_en = QLineEdit(day.title_en if day else "")
        self.title_en.setAccessibleName(_("The day's title in English"))
        for field in (self.title_sv, self.title_en):
            field.setPlaceholderText(_("As in Finnish"))
        self.venue = QLineEdit(day.venue if day else "")
        self.venue.setAccessibleName(_("Venue"))
        self.audience = QLineEdit(day.audience if day else "")
        self.audience.setAccessibleName(_("Audience"))
        self.invitees = QComboBox()
        self.invitees.setAccessibleName(_("Who the day invites"))
        for key, label in AUDIENCES.items():
            self.invitees.addItem(_(label), key)
        self.invitees.setCurrentIndex(self.invitees.findData(day.invitees if day else ALL))
        self.invitees.setToolTip(_("A new day invites these people; change single invitations "
                                   "with Invitations…"))
        self.invitees.setEnabled(day is None)  # an existing day's invitations are set by hand
        # Said beside it, not only in its tooltip: greyed out, it looked broken.
        invite = QHBoxLayout()
        invite.addWidget(self.invitees)
        if day is not None:
            where = QLabel(_("(who is invited is changed in Invitations…)"))
            where.setWordWrap(True)
            invite.addWidget(where, 1)
        self.period = QSpinBox()
        self.period.setRange(1, 9)
        self.period.setValue(day.period if day else 1)
        self.period.setAccessibleName(_("Period of the programme"))
        self.minimum, self.maximum = QSpinBox(), QSpinBox()
        for box, value, name in ((self.minimum, day.min_attendance if day else 1, _("Minimum")),
                                 (self.maximum, day.max_attendance if day else 3, _("Maximum"))):
            box.setRange(0, ABSOLUTE_MAX_ATTENDANCE)
            box.setValue(value)
            box.setAccessibleName(name)
        limits = QHBoxLayout()
        limits.addWidget(self.minimum)
        limits.addWidget(QLabel("–"))
        limits.addWidget(self.maximum)
        limits.addWidget(QLabel(_("people per municipality (at most {cap})").format(
            cap=ABSOLUTE_MAX_ATTENDANCE)), 1)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([
            (_("&Date:"), self.date), (_("Title in &Finnish:"), self.title),
            (_("Title in S&wedish:"), self.title_sv), (_("Title in &English:"), self.title_en),
            (_("&Venue:"), self.venue),
            (_("&Audience:"), self.audience), (_("&Invite:"), invite),
            (_("&Period:"), self.period),
            (_("&Limits:"), limits)]))
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel))
        self.setMinimumWidth(600)

    def values(self) -> dict:
        return {"period": self.period.value(), "title": self.title.text(),
                "title_sv": self.title_sv.text(), "title_en": self.title_en.text(),
                "day_date": self.date.date().toPython(), "venue": self.venue.text(),
                "audience": self.audience.text(), "min_attendance": self.minimum.value(),
                "max_attendance": self.maximum.value(),
                "invitees": self.invitees.currentData()}

    def accept(self) -> None:
        try:
            check_day_limits(self.minimum.value(), self.maximum.value())
        except RuleViolation as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class DaysDialog(QDialog):
    """The list of days with add, edit and remove; every change goes through undo."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Days of the cohort"))
        self.model = RowTableModel([
            Column(_("Date"), lambda d: format_date(d.date)),
            Column(_("Day"), lambda d: d.title_in(current_language())),
            Column(_("Venue"), lambda d: d.venue), Column(_("Audience"), lambda d: d.audience),
            Column(_("Per municipality"), lambda d: _("{low}–{high} people").format(
                low=d.min_attendance, high=d.max_attendance)),
        ], self)
        self.table = row_table(self.model, _("Days of the cohort"), stretch=(1, 3), wrap=True)
        self.table.doubleClicked.connect(lambda _i: self.edit_day())
        buttons = QHBoxLayout()
        for text, slot in ((_("&Add day…"), self.add_day), (_("E&dit…"), self.edit_day),
                           (_("&Remove"), self.remove_day)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Close))
        self.resize(900, 380)
        keep_dialog_geometry(self, "days")
        ctx.changed.connect(lambda changes: changes.touches("day") and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.read(lambda s: day_service.days(s.db)))

    def selected(self) -> Day | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add_day(self) -> DayDialog:
        dialog = DayDialog(None, self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: day_service.add_day(s, **dialog.values()), parent=self))
        dialog.open()
        return dialog

    def edit_day(self) -> DayDialog | None:
        day = self.selected()
        if day is None:
            return None
        dialog = DayDialog(day, self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: day_service.update_day(s, day.id, **dialog.values()),
            parent=self))
        dialog.open()
        return dialog

    def remove_day(self) -> None:
        day = self.selected()
        if day is None:
            return
        held = self.ctx.read(lambda s: day_service.day_contents(s.db, day.id))

        def remove() -> None:
            run_op(self.ctx, lambda s: day_service.remove_day(s, day.id), parent=self)

        if not (held.check_ins or held.invitations):
            remove()
            return
        label = format_date(day.date) or day.title
        ask(self, _("The day {day} has {check_ins} and {invitations}. Remove the day with them "
                    "(they leave the reports)? Undo (Ctrl+Z) brings them back.").format(
            day=label,
            check_ins=ngettext("{n} check-in", "{n} check-ins", held.check_ins).format(
                n=held.check_ins),
            invitations=ngettext("{n} invited person", "{n} invited people",
                                 held.invitations).format(n=held.invitations)),
            [(_("Remove the day"), QMessageBox.ButtonRole.DestructiveRole),
             (_("Keep the day"), QMessageBox.ButtonRole.RejectRole)],
            lambda answer: answer == 0 and remove())
