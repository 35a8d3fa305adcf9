"""The sparring months in the window: each municipality's sessions with its sparrer, the
sparrers' load, and the sparring log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.services.groups import sparrers, sparring
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_save
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import (
    CommittingTextEdit,
    date_format,
    dialog_buttons,
    labelled_form,
    row_table,
    wide_enough_for_example,
)


@dataclass(frozen=True)
class MunicipalityRow:
    id: str
    name: str
    sparrer: str
    sessions: int
    hours: str


@dataclass(frozen=True)
class SessionRow:
    id: str
    date: str
    minutes: int
    where: str
    participants: str
    topic: str
    next_step: str
    notes: str
    publishable: bool
    held: sparring.SparringSession | None = None


@dataclass(frozen=True)
class LoadRow:
    id: str
    name: str
    municipalities: int
    sessions: int
    hours: str


class SessionDialog(QDialog):
    """A session held: date, length, on site or online, who, topic, notes, next step."""

    def __init__(self, municipality: str, theme: str, when: date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Sparring session: {municipality}").format(
            municipality=municipality))
        self.date = QDateEdit(QDate(when.year, when.month, when.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        self.date.setAccessibleName(_("Date"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, sparring.MAX_MINUTES)
        self.minutes.setValue(sparring.DEFAULT_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName(_("Length in minutes"))
        self.online = QCheckBox(_("Held o&nline"))
        self.participants = QLineEdit()
        self.participants.setAccessibleName(_("Who took part"))
        self.topic = QLineEdit()
        self.topic.setAccessibleName(_("Topic"))
        self.topic.setPlaceholderText(theme)
        self.notes = CommittingTextEdit(_("Notes"))
        self.notes.setMaximumHeight(90)
        self.publishable = QCheckBox(_("The notes may go into the &report (publishable)"))
        # A sentence or two, like the notes: one line showed only the end of it.
        self.next_step = CommittingTextEdit(_("Next step agreed"))
        self.next_step.setMaximumHeight(60)
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([
            (_("&Date:"), self.date), (_("&Length:"), self.minutes), ("", self.online),
            (_("&Who took part:"), self.participants), (_("&Topic:"), self.topic),
            (_("N&otes:"), self.notes), ("", self.publishable),
            (_("Ne&xt step agreed:"), self.next_step)]))
        wide_enough_for_example(self.topic)  # the theme, whole, as the topic's hint
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))

    def fill(self, s: sparring.SparringSession) -> None:
        """An existing session's values, to be edited."""
        self.setWindowTitle(self.windowTitle() + " · " + format_date(s.date))
        self.date.setDate(QDate(s.date.year, s.date.month, s.date.day))
        self.minutes.setValue(s.minutes)
        self.online.setChecked(s.online)
        self.participants.setText(s.participants)
        self.topic.setText(s.topic)
        self.notes.setPlainText(s.notes)
        self.publishable.setChecked(s.publishable)
        self.next_step.setPlainText(s.next_step)

    def values(self) -> dict:
        chosen = self.date.date()
        return {"when": date(chosen.year(), chosen.month(), chosen.day()),
                "minutes": self.minutes.value(), "online": self.online.isChecked(),
                "participants": self.participants.text(), "topic": self.topic.text(),
                "notes": self.notes.toPlainText(), "publishable": self.publishable.isChecked(),
                "next_step": self.next_step.toPlainText()}


class SparringTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.period = QLabel()
        self.period.setWordWrap(True)
        self.municipality_model = RowTableModel([
            Column(_("Municipality"), lambda r: r.name),
            # Sessions and their hours in one column: the list stays narrow beside the
            # sessions, even at a projector's 1024 pixels.
            Column(_("Sessions"), lambda r: _("{sessions} · {hours} h").format(
                sessions=r.sessions, hours=r.hours), align_right=True),
        ], self)
        self.municipalities = row_table(self.municipality_model,
                                        _("Municipalities and their sparrers"), stretch=(0,),
                                        wrap=True)
        self.municipalities.selectionModel().currentRowChanged.connect(
            lambda *_args: self.show_sessions())
        # Four columns, each a short paragraph: eight narrow ones cut the long Finnish words
        # of a session's notes. When and where; what and who; the step agreed; the notes.
        self.session_model = RowTableModel([
            Column(_("When"), lambda r: _("{date}\n{minutes} min · {where}").format(
                date=r.date, minutes=r.minutes, where=r.where)),
            # The people said as such: after the topic they read as its last words.
            Column(_("Topic and who took part"), lambda r: "\n".join(
                part for part in (r.topic, _("with: {who}").format(who=r.participants)
                                  if r.participants else "") if part)),
            Column(_("Next step"), lambda r: r.next_step),
            Column(_("Notes"), lambda r: "\n".join(part for part in (r.notes, "(" + (
                _("publishable") if r.publishable else _("confidential")) + ")") if part)),
        ], self)
        self.sessions = row_table(self.session_model, _("Sparring sessions"),
                                  stretch=(1, 2, 3), wrap=True)
        self.sparrer = QLabel()
        self.sparrer.setWordWrap(True)
        self.load_model = RowTableModel([
            Column(_("Sparrer"), lambda r: r.name),
            Column(_("Municipalities"), lambda r: r.municipalities, align_right=True),
            # Sessions and their hours in one column: the list stays narrow beside the
            # sessions, even at a projector's 1024 pixels.
            Column(_("Sessions"), lambda r: _("{sessions} · {hours} h").format(
                sessions=r.sessions, hours=r.hours), align_right=True),
        ], self)
        self.load_table = row_table(self.load_model, _("The sparrers' load"), stretch=(0,),
                                    wrap=True)
        self.add_button = icon_button(_("&Add a session…"), "new")
        self.add_button.clicked.connect(self.open_add)
        self.edit_button = QPushButton(_("Ed&it the session…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.sessions.doubleClicked.connect(lambda _index: self.open_edit())
        edit = QShortcut(QKeySequence("F2"), self.sessions)
        edit.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit.activated.connect(self.open_edit)
        self.delete_button = icon_button(_("&Delete the session"), "delete")
        self.delete_button.clicked.connect(self.delete)
        self.publish_button = QPushButton(_("Notes &publishable / confidential"))
        self.publish_button.clicked.connect(self.toggle_publishable)
        publish = QShortcut(QKeySequence("Ctrl+L"), self.sessions)
        publish.setContext(Qt.ShortcutContext.WidgetShortcut)
        publish.activated.connect(self.toggle_publishable)
        self.log_button = icon_button(_("Sparring &log…"), "export")
        self.log_button.setToolTip(_("Every municipality's sessions and the sparrers' load"))
        self.log_button.clicked.connect(lambda: self.choose_log())
        self.municipality_log_button = icon_button(_("The &municipality's log…"), "export")
        self.municipality_log_button.clicked.connect(lambda: self.choose_log(True))
        self.message = QLabel()
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        logs = QHBoxLayout()
        logs.addWidget(self.publish_button)
        logs.addStretch(1)
        logs.addWidget(self.municipality_log_button)
        # The whole log beside the load it ends with: two rows of three buttons each held
        # the sessions' side so wide in Swedish that the municipalities' list scrolled
        # sideways at 1024 pixels.
        load_heading = QHBoxLayout()
        load_heading.addWidget(QLabel(_("The sparrers' load")))
        load_heading.addStretch(1)
        load_heading.addWidget(self.log_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.sparrer)
        right_layout.addWidget(self.sessions, 3)
        right_layout.addLayout(buttons)
        right_layout.addLayout(logs)
        right_layout.addLayout(load_heading)
        right_layout.addWidget(self.load_table, 1)
        split = QSplitter()
        split.addWidget(self.municipalities)
        split.addWidget(right)
        # The sessions' texts need the width (a Finnish word of twenty letters in a column of
        # notes); the municipalities' names wrap in a narrower list.
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 5)
        split.setSizes([290, 970])
        layout = QVBoxLayout(self)
        layout.addWidget(self.period)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    # -- showing ---------------------------------------------------------------------------

    def load(self) -> None:
        language = current_language()
        current = self.current_municipality()

        def read(session):
            db = session.db
            return (municipality_service.taking_part(db), sparrers.saved_matches(db),
                    {s.id: s.name for s in sparrers.sparrers(db)}, sparring.sessions(db),
                    sparring.load(db), programme_service.programme(db))

        municipalities, matches, names, held, load, programme = self.ctx.read(read)
        by_municipality: dict[str, list] = {}
        for s in held:
            by_municipality.setdefault(s.municipality_id, []).append(s)
        self.municipality_model.set_rows([MunicipalityRow(
            m.id, m.name(language), names.get(matches.get(m.id, ("",))[0], "–"),
            len(by_municipality.get(m.id, [])),
            _hours(sum(s.minutes for s in by_municipality.get(m.id, [])))) for m in municipalities])
        self.load_model.set_rows([LoadRow(item.sparrer_id, item.name, item.municipalities,
                                          item.sessions, _hours(item.minutes))
                                  for item in load])
        period = programme.period(4)
        self.period.setText(_("Period {number}: {name} ({start}–{end})").format(
            number=period.number, name=period.name(language), start=format_date(period.start),
            end=format_date(period.end)) if period and period.start else "")
        row = self.municipality_model.row_of_id(current) if current else None
        if row is None and municipalities:
            row = 0
        if row is not None:
            self.municipalities.setCurrentIndex(self.municipality_model.index(row, 0))
        self.show_sessions()

    def current_municipality(self) -> str | None:
        index = self.municipalities.currentIndex()
        return self.municipality_model.row_at(index.row()).id if index.isValid() else None

    def current_session(self) -> SessionRow | None:
        index = self.sessions.currentIndex()
        return self.session_model.row_at(index.row()) if index.isValid() else None

    def show_sessions(self) -> None:
        municipality_id = self.current_municipality()
        if municipality_id is None or self.ctx.session is None:
            self.session_model.set_rows([])
            self.sparrer.setText("")
            return
        chosen = self.municipality_model.row_at(self.municipality_model.row_of_id(
            municipality_id))
        self.sparrer.setText(_("{municipality} · sparrer: {sparrer}").format(
            municipality=chosen.name, sparrer=chosen.sparrer))
        language = current_language()

        def read(session):
            return (municipality_service.municipality(session.db, municipality_id),
                    sparring.sessions(session.db, municipality_id))

        m, held = self.ctx.read(read)
        self.session_model.set_rows([SessionRow(
            s.id, format_date(s.date), s.minutes, _("online") if s.online else _("on site"),
            s.participants, sparring.topic_of(s, m, language), s.next_step, s.notes,
            s.publishable, s) for s in held])

    # -- acting ----------------------------------------------------------------------------

    def open_add(self) -> SessionDialog | None:
        municipality_id = self.current_municipality()
        if municipality_id is None:
            self.message.setText(_("Choose a municipality first."))
            return None
        language = current_language()
        m = self.ctx.read(lambda s: municipality_service.municipality(s.db, municipality_id))
        programme = self.ctx.read(lambda s: programme_service.programme(s.db))
        period = programme.period(4)
        today = date.today()
        when = today if not (period and period.start) or period.holds(today) else period.start
        from ilmava_desktop.resources import wicked_problem_themes

        theme = wicked_problem_themes().get(m.theme or "", {}).get(language, "")
        dialog = SessionDialog(m.name(language), theme, when, self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: sparring.add_session(s, municipality_id, **dialog.values()),
            say=self.message))
        dialog.open()
        return dialog

    def open_edit(self) -> SessionDialog | None:
        row, municipality_id = self.current_session(), self.current_municipality()
        if row is None or row.held is None or municipality_id is None:
            self.message.setText(_("Choose a session first."))
            return None
        language = current_language()
        m = self.ctx.read(lambda s: municipality_service.municipality(s.db, municipality_id))
        from ilmava_desktop.resources import wicked_problem_themes

        theme = wicked_problem_themes().get(m.theme or "", {}).get(language, "")
        dialog = SessionDialog(m.name(language), theme, row.held.date, self)
        dialog.fill(row.held)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: sparring.update_session(s, row.id, **dialog.values()),
            say=self.message))
        dialog.open()
        return dialog

    def delete(self) -> None:
        row = self.current_session()
        if row is None:
            self.message.setText(_("Choose a session first."))
            return
        run_op(self.ctx, lambda s: sparring.delete_session(s, row.id), say=self.message)

    def toggle_publishable(self) -> None:
        row = self.current_session()
        if row is None:
            self.message.setText(_("Choose a session first."))
            return
        run_op(self.ctx, lambda s: sparring.update_session(
            s, row.id, publishable=not row.publishable), say=self.message)

    def choose_log(self, municipality_only: bool = False):
        municipality_id = self.current_municipality() if municipality_only else None
        return ask_save(self, _("Save the sparring log"), _("sparring-log.pdf"),
                        _("PDF files (*.pdf);;Excel workbooks (*.xlsx)"),
                        lambda path: self.write_log(path, municipality_id))

    def write_log(self, path, municipality_id: str | None = None) -> None:
        language = current_language()
        run_op(self.ctx, lambda s: sparring.export_log(s.db, path, language, municipality_id),
               say=self.message)


def _hours(minutes: int) -> str:
    from ilmava_desktop.i18n import decimal

    return decimal(minutes / 60) if minutes else "0"
