"""One visit: its date, place and status, the host's interviewees, and the day's schedule,
generated and then edited with the rules checked at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import visits as core
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.guides import text_in
from ilmava_desktop.i18n import _, current_language, ngettext
from ilmava_desktop.services import visits
from ilmava_desktop.services.visits import documents, findings, guides, interviewees, schedule
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_save
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.visits.finding_dialog import FindingDialog
from ilmava_desktop.ui.visits.interviewee_dialog import IntervieweeDialog
from ilmava_desktop.ui.visits.preparations_panel import PreparationsPanel
from ilmava_desktop.ui.visits.schedule_actions import ScheduleActions
from ilmava_desktop.ui.visits.schedule_table import ScheduleKeys, ScheduleModel, schedule_table
from ilmava_desktop.ui.widgets import labelled_form, row_table


@dataclass(frozen=True)
class IntervieweeRow:
    id: str
    name: str
    group: str
    title: str


@dataclass(frozen=True)
class SlotRow:
    id: str  # its position in the schedule
    time: str
    room: str
    what: str
    interviewers: str


class VisitTab(QWidget, ScheduleActions):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.message: QLabel | None = None
        self.current: visits.Visit | None = None
        self.choice = QComboBox()
        self.choice.setAccessibleName(_("Visit"))
        self.choice.currentIndexChanged.connect(lambda _i: self.show_visit())
        self.date = QLineEdit()
        self.date.setPlaceholderText(format_date(date(2026, 10, 14)))
        self.date.setAccessibleName(_("Date"))
        self.place = QLineEdit()
        self.place.setAccessibleName(_("Place"))
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for status in core.STATUSES:
            self.status.addItem(_(core.STATUS_LABELS[status]), status)
        self.save_button = QPushButton(_("&Save details"))
        self.save_button.clicked.connect(self.save_details)
        self.pack_button = icon_button(_("Visit pac&k (PDF)…"), "print")
        self.pack_button.setToolTip(_("The programme, the teams, the interviewees and the "
                                      "questions with room for notes, in the host's language"))
        self.pack_button.clicked.connect(self.write_pack)
        self.finding_button = QPushButton(_("F&inding…"))
        self.finding_button.setToolTip(_("A strength or development area of the host, written "
                                         "at the joint debrief; it goes on the board"))
        self.finding_button.clicked.connect(self.add_finding)
        self.timeline_button = QPushButton(_("Timeline…"))
        self.timeline_button.setToolTip(_("The steps before and after the visit day with "
                                          "their dates: the agreement, the pack, the "
                                          "preparation, the day, the findings, the report "
                                          "and the follow-up"))
        self.timeline_button.clicked.connect(self.show_timeline)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("The visit"))

        self.people_model = RowTableModel([
            Column(_("Interviewee"), lambda r: r.name),
            Column(_("Interview group"), lambda r: r.group),
        ], self)
        self.people = row_table(self.people_model, _("Interviewees"), stretch=(0,), wrap=True)
        self.add_button = QPushButton(_("&Add…"))
        self.add_button.clicked.connect(self.add_interviewee)
        self.import_button = QPushButton(_("&Import…"))
        self.import_button.setToolTip(_("A CSV or XLSX list: Nimi, Titteli tai yksikkö, Ryhmä, "
                                        "Sähköposti"))
        self.import_button.clicked.connect(self.import_list)
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.setToolTip(_("Erases the interviewee's data (GDPR)"))
        self.delete_button.clicked.connect(self.delete_interviewee)

        self.slot_model = ScheduleModel([
            Column(_("Time"), lambda r: r.time),
            Column(_("Room"), lambda r: r.room),
            Column(_("What"), lambda r: r.what),
            Column(_("Interviewers"), lambda r: r.interviewers),
        ], self)
        self.slots = schedule_table(self.slot_model, _("Schedule"))
        self.slots.setToolTip(_("Drag an interview onto another, or press Alt+Up or Alt+Down, "
                                "and the two change places; the rules are checked at once"))
        self.slot_model.slot_dropped.connect(self.swap_slots)
        self.slot_keys = ScheduleKeys(self)
        self.slot_keys.step_asked.connect(self.step_slot)
        self.slots.installEventFilter(self.slot_keys)
        self.slots.selectionModel().currentRowChanged.connect(lambda *_a: self.slot_chosen())
        self.start = QLineEdit("09:00")
        self.start.setAccessibleName(_("Start of the day"))
        self.rooms = QSpinBox()
        self.rooms.setRange(0, 6)
        self.rooms.setSpecialValueText(_("one per team"))
        self.rooms.setAccessibleName(_("Interview rooms"))
        self.group_size = QSpinBox()
        self.group_size.setRange(1, core.GROUP_INTERVIEW_MAX)
        self.group_size.setAccessibleName(_("People per interview"))
        self.group_size.setToolTip(_("Above one, people of one interview group are "
                                     "interviewed together, at most this many a slot"))
        self.plan_button = QPushButton(_("&Plan the day"))
        self.plan_button.setToolTip(_("Opening, interviews, lunch and debrief, generated; "
                                      "the date above is kept"))
        self.plan_button.clicked.connect(self.plan)
        self.slot_start = QLineEdit()
        self.slot_start.setAccessibleName(_("New start time of the slot"))
        self.slot_room = QSpinBox()
        self.slot_room.setRange(0, 6)
        self.slot_room.setSpecialValueText("–")
        self.slot_room.setAccessibleName(_("Room of the slot"))
        self.move_button = QPushButton(_("&Move"))
        self.move_button.clicked.connect(self.move_slot)
        self.roles_button = QPushButton(_("Roles…"))
        self.roles_button.setToolTip(_("Who of the chosen interview's interviewers leads it "
                                       "and who takes the notes"))
        self.roles_button.clicked.connect(self.choose_roles)
        self.briefing_button = QPushButton(_("Briefing given"))
        self.briefing_button.setToolTip(_("Ticks (or unticks) that the chosen interview began "
                                          "with the briefing: why we are here, who is present, "
                                          "and that names and workplaces stay out of the "
                                          "report"))
        self.briefing_button.clicked.connect(self.toggle_briefing)
        self.themes = QListWidget()
        self.themes.setAccessibleName(_("Themes the visit covers"))
        self.themes.setWordWrap(True)  # long Finnish theme names wrap, never cut
        self.themes.setToolTip(_("Space ticks a theme. By default: the host's development "
                                 "task theme and its weakest self-assessment themes"))
        self.themes.itemChanged.connect(lambda _item: self.themes_ticked())
        self.preparations = PreparationsPanel(self)
        self.conflicts = QLabel()
        self.conflicts.setObjectName("errorText")
        self.conflicts.setWordWrap(True)
        self.conflicts.setAccessibleName(_("Rules broken"))
        self._layout()

    def _layout(self) -> None:
        details = QHBoxLayout()
        details.addLayout(labelled_form([(_("V&isit:"), self.choice)]), 2)
        details.addLayout(labelled_form([(_("&Date:"), self.date)]), 1)
        details.addLayout(labelled_form([(_("Stat&us:"), self.status)]), 1)
        where = QHBoxLayout()
        where.addLayout(labelled_form([(_("P&lace:"), self.place)]), 1)
        where.addWidget(self.save_button)
        # The visit's own actions on a row of their own: beside the place they would not fit
        # a projector's 1024 pixels.
        visit_actions = QHBoxLayout()
        visit_actions.addStretch(1)
        visit_actions.addWidget(self.timeline_button)
        visit_actions.addWidget(self.finding_button)
        visit_actions.addWidget(self.pack_button)
        left = QWidget()
        left.setMinimumWidth(300)
        people = QVBoxLayout(left)
        people.setContentsMargins(0, 0, 0, 0)
        people.addWidget(self.people, 3)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        people.addLayout(buttons)
        # The meetings and the themes share the room below, a tab each: stacked, each had a
        # row or two at a projector's 700 pixels. The tabs' letters are the labels' were.
        self.below = QTabWidget()
        self.below.setAccessibleName(_("Preparation meetings and themes"))
        self.preparations.label.hide()
        self.preparations.table.setMaximumHeight(16777215)
        self.below.addTab(self.preparations, _("Preparatio&n meetings"))
        self.below.addTab(self.themes, _("&Themes"))
        people.addWidget(self.below, 2)
        right = QWidget()
        day = QVBoxLayout(right)
        day.setContentsMargins(0, 0, 0, 0)
        # Labels beside their fields, in two rows: one row is too narrow in Finnish.
        time_width = self.start.fontMetrics().horizontalAdvance("00:00") + 24
        self.start.setFixedWidth(time_width)
        self.slot_start.setFixedWidth(time_width)
        rows = ([(_("Sta&rt:"), self.start), (_("R&ooms:"), self.rooms)],
                [(_("People per intervie&w:"), self.group_size), (None, self.plan_button)])
        for fields in rows:
            plan = QHBoxLayout()
            for text, field in fields:
                if text:
                    label = QLabel(text)
                    label.setBuddy(field)
                    plan.addWidget(label)
                plan.addWidget(field)
            plan.addStretch(1)
            day.addLayout(plan)
        day.addWidget(self.slots, 1)
        # The chosen slot: its time and room, then what else is done to an interview.
        for fields in ([(_("Chosen slot starts a&t:"), self.slot_start),
                        (_("in roo&m:"), self.slot_room), (None, self.move_button)],
                       [(None, self.roles_button), (None, self.briefing_button)]):
            edit = QHBoxLayout()
            for text, field in fields:
                if text:
                    label = QLabel(text)
                    label.setBuddy(field)
                    edit.addWidget(label)
                edit.addWidget(field)
            edit.addStretch(1)
            day.addLayout(edit)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(details)
        layout.addLayout(where)
        layout.addLayout(visit_actions)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.conflicts)
        self.setFocusProxy(self.choice)

    # -- reading --------------------------------------------------------------------------------

    def load(self) -> None:
        language = current_language()
        found = self.ctx.read(lambda s: visits.visits(s.db))
        kept = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for v in found:
            self.choice.addItem(v.host.name(language), v.host.id)
        index = self.choice.findData(kept)
        self.choice.setCurrentIndex(index if index >= 0 else 0)
        self.choice.blockSignals(False)
        self.show_visit()

    def show_visit(self) -> None:
        host_id = self.choice.currentData()
        language = current_language()
        if host_id is None:
            self.current = None
            self.summary.setText(_("No visits yet: save the peer-review pairs in Groups, and "
                                   "each reviewed municipality has a visit here."))
            self.people_model.set_rows([])
            self.slot_model.set_rows([])
            self.preparations.show_visit(None, {})
            self.conflicts.setText("")
            return

        def read(session):
            db = session.db
            found = visits.visit(db, host_id)
            teams = {t.municipality.id: t for t in visits.teams(db)}
            return (found, teams, schedule.conflicts(db, found), schedule.names(db, found),
                    guides.guide(db), guides.visit_themes(db, found),
                    findings.findings(db, host_id))

        found, teams, conflicts, names, guide, covered, written = self.ctx.read(read)
        self.fill_themes(guide, covered, language)
        self.current = found
        self.date.setText(visits.shown_date(found.date))
        self.place.setText(found.place)
        self.status.setCurrentIndex(max(0, self.status.findData(found.status)))
        visiting = "; ".join(
            f"{teams[r].municipality.name(language)}: "
            + (", ".join(p.name for p in teams[r].members) or _("(no team yet)"))
            for r in found.reviewer_ids if r in teams)
        notes = [_("Visiting: {teams}.").format(teams=visiting or "–")]
        if found.warning:
            notes.append("▲ " + found.warning)
        missing = core.missing_groups([i.group for i in found.interviewees])
        if found.interviewees and missing:
            notes.append(_("Nobody from: {groups}.").format(
                groups=", ".join(_(core.GROUP_LABELS[g]) for g in missing)))
        if written:
            notes.append(ngettext("{n} finding on the board.", "{n} findings on the board.",
                                  len(written)).format(n=len(written)))
        self.summary.setText("  ".join(notes))
        self.preparations.show_visit(found, {r: t.municipality.name(language)
                                             for r, t in teams.items()})
        self.people_model.set_rows([IntervieweeRow(i.id, i.name, _(core.GROUP_LABELS[i.group]),
                                                   i.title) for i in found.interviewees])
        titles = schedule.slot_titles(found)
        self.slot_model.set_rows([SlotRow(
            str(n), f"{schedule.shown_time(slot['start'])}–{schedule.shown_time(slot['end'])}",
            _("room {room}").format(room=slot["room"]) if slot.get("room") else "",
            titles[n], schedule.interviewer_text(slot, names)
            if slot["kind"] == core.INTERVIEW else "")
            for n, slot in enumerate(found.schedule)])
        self.conflicts.setText("\n".join("▲ " + text for text in conflicts) or _(
            "✓ Nobody is in two places at once, and everyone is interviewed once."))
        if not found.schedule:
            self.conflicts.setText(_("No schedule yet: Plan the day generates one."))

    def fill_themes(self, guide, covered: list[str], language: str) -> None:
        self.themes.blockSignals(True)
        self.themes.clear()
        for theme in guide.themes:
            item = QListWidgetItem(text_in(theme.title, language))
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if theme.id in covered
                               else Qt.CheckState.Unchecked)
            self.themes.addItem(item)
        self.themes.blockSignals(False)

    def themes_ticked(self) -> None:
        if (host := self._host()) is None:
            return
        chosen = [self.themes.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.themes.count())
                  if self.themes.item(i).checkState() == Qt.CheckState.Checked]
        if chosen:
            self._write(lambda s: guides.set_themes(s, host_id=host, theme_ids=chosen))

    # -- writing --------------------------------------------------------------------------------

    def _write(self, work, done=None) -> None:
        run_op(self.ctx, work, say=self.message, parent=self, done=done)

    write = _write  # for the panels inside the tab

    def say(self, text: str) -> None:
        if self.message:
            self.message.setText(text)

    def _host(self) -> str | None:
        host_id = self.choice.currentData()
        if host_id is None:
            self.say(_("Choose a visit first."))
        return host_id

    host_id = _host

    def save_details(self) -> None:
        if (host := self._host()) is None:
            return
        day, place, status = self.date.text().strip() or None, self.place.text(), \
            self.status.currentData()
        self._write(lambda s: visits.update_visit(s, host_id=host, date=day, place=place,
                                                  status=status))

    def write_pack(self):
        if (host := self._host()) is None:
            return None
        suggested = _("visit-pack-{municipality}.pdf").format(
            municipality=self.choice.currentText().split(" – ")[0].lower())
        return ask_save(self, _("Visit pack (PDF)"), suggested, _("PDF files (*.pdf)"),
                        lambda path: run_op(self.ctx, lambda s: documents.write_visit_pack(
                            s.db, host_id=host, target=path), say=self.message, parent=self))

    def add_finding(self) -> FindingDialog | None:
        from ilmava_desktop.services.groups.pairs import theme_titles

        if (host := self._host()) is None:
            return None
        language = current_language()
        titles = self.ctx.read(lambda s: theme_titles(s.db, language))
        dialog = FindingDialog(self.choice.currentText(), list(titles.items()), self)
        dialog.accepted.connect(lambda: self._write(
            lambda s: findings.add_finding(s, host_id=host, **dialog.values())))
        dialog.open()
        return dialog

    def add_interviewee(self) -> IntervieweeDialog | None:
        if (host := self._host()) is None:
            return None
        dialog = IntervieweeDialog(self.choice.currentText(), self)
        dialog.accepted.connect(lambda: self._write(
            lambda s: interviewees.add_interviewee(s, host_id=host, **dialog.values())))
        dialog.open()
        return dialog

    def import_list(self):
        """The preview of a list of interviewees: each column's use, then Import."""
        from ilmava_desktop.ui.import_preview import Importer, ImportPreviewDialog

        if (host := self._host()) is None:
            return None
        importer = Importer(
            title=_("Import interviewees"),
            intro=_("The host's list of interviewees as CSV or XLSX: name, title or unit, "
                    "interview group and e-mail."),
            label_header=_("Interviewee"),
            detail_header=_("Title, group and e-mail, or the reason"),
            plan=lambda session, path, chosen, _picks: interviewees.plan_import(
                session, host_id=host, path=path, chosen=chosen),
            apply=interviewees.apply_import,
            rows=_interviewee_rows,
            summary=lambda plan: _("{added} added, {updated} updated, {unchanged} "
                                   "unchanged.").format(**plan.summary()),
            fields=lambda plan: interviewees.field_choices(),
            can_apply=lambda plan: bool(plan.count("add") + plan.count("update")),
        )
        dialog = ImportPreviewDialog(self.ctx, importer, self)
        dialog.accepted.connect(self.show_visit)
        dialog.open()
        return dialog

    def import_file(self, host: str, path) -> None:
        def work(session):
            plan = interviewees.plan_import(session, host_id=host, path=path)
            interviewees.apply_import(session, plan)
            return plan

        def told(plan) -> None:
            summary = plan.summary()
            text = _("{added} added, {updated} updated, {unchanged} unchanged.").format(
                **summary)
            if plan.rejected:
                text += " " + ngettext("{n} row rejected: {first}", "{n} rows rejected: {first}",
                                       len(plan.rejected)).format(
                    n=len(plan.rejected), first=_("line {line}: {reason}").format(
                        line=plan.rejected[0].line, reason=plan.rejected[0].reason))
            if self.message:
                self.message.setText(text)
            self.show_visit()

        run_op(self.ctx, work, say=self.message, parent=self, done=told)

    def delete_interviewee(self) -> None:
        index = self.people.currentIndex()
        if not index.isValid():
            if self.message:
                self.message.setText(_("Choose an interviewee first."))
            return
        row = self.people_model.row_at(index.row())
        self._write(lambda s: interviewees.delete_interviewee(s, interviewee_id=row.id))

    def show_timeline(self):
        from ilmava_desktop.ui.visits.timeline_dialog import TimelineDialog

        if (host := self._host()) is None:
            return None
        dialog = TimelineDialog(self.ctx, host, self.choice.currentText(), self)
        dialog.open()
        return dialog


def _interviewee_rows(plan) -> list:
    """A row per interviewee of the file (added, updated or unchanged), then the lines
    rejected."""
    from ilmava_desktop.ui.import_preview import PreviewRow

    actions = {"add": _("add"), "update": _("update"), "unchanged": _("unchanged")}

    def group(row) -> str:
        # Looked up apart from _(): a string inside its brackets is taken for a message.
        label = core.GROUP_LABELS[row["interview_group"]]
        return _(label)

    return ([PreviewRow(plan.lines.get(r["id"], 0), actions[r["action"]], "", r["name"],
                        " · ".join(x for x in (r["title"], group(r), r["email"]) if x))
             for r in plan.rows]
            + [PreviewRow(r.line, _("rejected"), "", "", r.reason) for r in plan.rejected])
