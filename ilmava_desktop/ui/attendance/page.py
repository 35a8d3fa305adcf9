"""The Attendance tool: type-to-find check-in at the door, grouped by municipality."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import attendance as rules
from ilmava_desktop.core.attendance import OverLimit
from ilmava_desktop.i18n import _, current_language, ngettext
from ilmava_desktop.services import attendance
from ilmava_desktop.services.attendance import PersonAtDay
from ilmava_desktop.services.attendance import days as day_service
from ilmava_desktop.services.attendance.documents import write_badges, write_signin_sheet
from ilmava_desktop.services.attendance.export import export_attendance
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.municipalities import people as people_service
from ilmava_desktop.ui.attendance.days_dialog import DaysDialog
from ilmava_desktop.ui.attendance.invitations_dialog import InvitationsDialog
from ilmava_desktop.ui.attendance.model import (
    AttendanceModel,
    all_rows,
    count_text,
    filtered_rows,
)
from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_save
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import done_sentence, run_op
from ilmava_desktop.ui.undo_keys import CohortUndoKeys
from ilmava_desktop.ui.widgets import heading, row_table, say_whole_text_in_tooltip

# A check-in to run, told whether it may go over the day's maximum.
CheckIn = Callable[[CohortSession, bool], Changes]


class AttendancePage(QWidget):
    NAME = "attendance"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[attendance.MunicipalityAtDay] = []
        self.built_rows: list = []
        # The cohort's days as last read: checking in needs the chosen day at once, and a
        # key press never waits for the database worker.
        self.days: dict[str, object] = {}
        # The check-in refused over the day's maximum, ready to be done anyway (Ctrl+Enter):
        # a registered person, a scanned badge, or a walk-in or substitute with the name
        # typed for them, which is never typed twice.
        self.pending_override: CheckIn | None = None
        self.pending_name = ""
        # Enter acts on a highlighted row only when the user moved to it with the arrow keys
        # after the last keystroke; a highlight the list put there itself is never a choice.
        self.chosen_by_arrow = False

        self.day = QComboBox()
        self.day.setAccessibleName(_("Day"))
        # Day labels are long; the combo shrinks with the window instead of widening it.
        self.day.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day.setMinimumContentsLength(24)
        say_whole_text_in_tooltip(self.day)
        self.day.setMinimumWidth(160)  # gives way in a narrow window
        self.day.activated.connect(lambda _i: self.refresh())
        self.days_button = QPushButton(_("Da&ys…"))
        self.days_button.setToolTip(_("Add or change the cohort's days and their limits"))
        self.days_button.clicked.connect(self.open_days)
        self.invitations_button = QPushButton(_("&Invitations…"))
        self.invitations_button.setToolTip(_("Who is invited to which day"))
        self.invitations_button.clicked.connect(self.open_invitations)
        self.invitations: InvitationsDialog | None = None
        day_label = QLabel(_("&Day:"))
        day_label.setBuddy(self.day)
        self.search = QLineEdit()
        self.search.setObjectName("checkinSearch")
        self.search.setAccessibleName(_("Find a person to check in, or scan a badge"))
        self.search.setPlaceholderText(
            _("Type the start of a name, municipality or role, then Enter — or scan a badge"))
        say_whole_text_in_tooltip(self.search)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.installEventFilter(self)
        CohortUndoKeys(ctx, self.search)
        self.missing_only = QCheckBox(_("Show only those &missing"))
        self.missing_only.toggled.connect(lambda _c: self.apply_filter())
        self.walk_in_button = icon_button(_("&Walk-in…"), "new")
        self.walk_in_button.setToolTip(_("Someone who was not registered (Ctrl+Shift+N)"))
        self.walk_in_button.setShortcut("Ctrl+Shift+N")
        self.substitute_button = QPushButton(_("&Substitute…"))
        self.substitute_button.setToolTip(
            _("Someone in place of the highlighted registered person (Ctrl+Shift+U)"))
        self.substitute_button.setShortcut("Ctrl+Shift+U")
        self.badges_button = icon_button(_("&Badges (PDF)…"), "print")
        self.badges_button.setToolTip(_("Name badges with QR codes for everyone, ten to an A4"))
        self.signin_button = icon_button(_("Si&gn-in sheet (PDF)…"), "print")
        self.signin_button.setToolTip(_("A paper list of the day's people to sign"))
        self.badges_button.clicked.connect(lambda: self.choose_pdf_file("badges"))
        self.signin_button.clicked.connect(lambda: self.choose_pdf_file("signin"))
        self.export_button = icon_button(_("E&xport…"), "export")
        self.export_button.setToolTip(_("Attendance of every day as an Excel or CSV file"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.walk_in_button.clicked.connect(self.add_walk_in)
        self.substitute_button.clicked.connect(self.add_substitute)

        self.message = QLabel()
        self.message.setObjectName("checkinMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Check-in result"))
        self.override_button = QPushButton(_("Check in over the limit (Ctrl+Enter)"))
        self.override_button.clicked.connect(self.check_in_over_limit)
        self.override_button.hide()
        self.walk_in_offer = QPushButton()
        self.walk_in_offer.setObjectName("walkInOffer")
        self.walk_in_offer.clicked.connect(self.add_walk_in)
        self.walk_in_offer.hide()

        self.model = AttendanceModel(self)
        self.view = row_table(self.model, _("People by municipality"), stretch=(0,))
        self.view.setShowGrid(False)
        # Fixed row heights: the view never measures 1,540 rows to lay them out.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.size_columns()
        self.view.activated.connect(lambda index: self.check_in_row(index.row()))

        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.day, 1)
        top.addWidget(self.days_button)
        top.addWidget(self.invitations_button)
        # The day's whole name has its row; the list's own tools one above the list, the
        # printing one below it: no row wider than a projector's 1024 pixels.
        tools = QHBoxLayout()
        tools.addWidget(self.missing_only)
        tools.addWidget(self.walk_in_button)
        tools.addWidget(self.substitute_button)
        tools.addStretch()
        printing = QHBoxLayout()
        printing.addStretch()
        for button in (self.badges_button, self.signin_button, self.export_button):
            printing.addWidget(button)
        result = QHBoxLayout()
        result.addWidget(self.message, 1)
        result.addWidget(self.override_button)
        result.addWidget(self.walk_in_offer)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Attendance"), 1))
        # The chosen day's period and where the cohort is in its year.
        self.year = QLabel()
        self.year.setWordWrap(True)
        self.year.setAccessibleName(_("The day in the programme's year"))
        layout.addWidget(self.year)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addLayout(result)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(printing)
        self.setFocusProxy(self.search)
        ctx.cohort_opened.connect(self.cohort_ready)
        ctx.changed.connect(self.on_ctx_changed)

    # -- showing ---------------------------------------------------------------------

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.load_days()

    def load_days(self) -> None:
        days = self.ctx.read(lambda s: day_service.days(s.db))
        self.days = {day.id: day for day in days}
        if not days:
            self.show_message(_("The cohort has no days yet: add them with Days…"), True)
        kept = self.day.currentData()
        self.day.clear()
        for day in days:
            self.day.addItem(attendance.day_label(day), day.id)
        chosen = next((d for d in days if d.id == kept), None) or attendance.default_day(days)
        if chosen:
            self.day.setCurrentIndex(self.day.findData(chosen.id))
        self.refresh()

    def on_ctx_changed(self, changes) -> None:
        if self.invitations is not None and changes.tables == {"invitation"}:
            return  # ticks in the grid: the list is read again when the grid closes
        if changes.touches("day"):
            self.load_days()
        elif len(checked_in := changes.only("attendance")) == 1:
            self.refresh_municipality_of(next(iter(checked_in)))  # one municipality
        elif changes.touches("attendance", "person", "municipality", "invitation"):
            self.refresh()

    def refresh_municipality_of(self, attendance_row_id: str) -> None:
        day = self.current_day()
        language = current_language()

        def show(groups) -> None:
            if self.current_day() != day:
                return  # another day was chosen meanwhile and read in full
            updated = {group.id: group for group in groups}
            if not updated:
                return self.refresh()
            for number, group in enumerate(self.groups):
                if group.id in updated:
                    self.groups[number] = updated[group.id]
                    self.built_rows[number] = all_rows([updated[group.id]])[0]
            self.apply_filter(keep=self.current_person_id())

        # Not waited for: the field the next person is typed into stays live meanwhile.
        self.ctx.read_then(
            lambda s: attendance.overview_of_check_in(s, day, attendance_row_id, language), show)

    def current_day(self):
        return self.days.get(self.day.currentData())

    def refresh(self) -> None:
        day = self.current_day() if self.ctx.session else None
        language = current_language()

        def show(groups) -> None:
            if self.current_day() == day:  # else another day was chosen and read since
                self.show_groups(groups)

        self.year.setText(self.ctx.read(lambda s: programme_service.day_in_year(
            s.db, day, language)) if self.ctx.session else "")
        if day is None:
            self.show_groups([])
            return
        # Not waited for: typing in the field goes on while the day is read.
        self.ctx.read_then(lambda s: attendance.overview(s, day, language), show)

    def show_groups(self, groups: list) -> None:
        self.groups = groups
        self.built_rows = all_rows(self.groups)
        self.apply_filter(keep=self.current_person_id())

    def on_search_text_changed(self) -> None:
        self.chosen_by_arrow = False
        self.walk_in_offer.hide()
        self.apply_filter()

    def apply_filter(self, *_args, keep: str | None = None) -> None:
        text = self.search.text()
        self.model.set_rows(filtered_rows(self.built_rows, text, self.missing_only.isChecked()))
        people = self.person_rows()
        chosen = next((n for n in people if self.model.rows[n].person.id == keep), None)
        if chosen is None and rules.search_words(text) and len(people) == 1:
            chosen = people[0]  # the one match is what Enter checks in
        if chosen is not None:
            self.view.setCurrentIndex(self.model.index(chosen, 0))
        else:
            self.chosen_by_arrow = False

    def person_rows(self) -> list[int]:
        return [n for n, row in enumerate(self.model.rows) if row.person is not None]

    def visible_people(self) -> list[PersonAtDay]:
        return [self.model.rows[n].person for n in self.person_rows()]

    def current_row(self):
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def current_person_id(self) -> str | None:
        row = self.current_row()
        return row.person.id if row is not None and row.person is not None else None

    def municipality_text(self, name: str) -> str:
        """What the list says of one municipality (its counts, limits and state)."""
        row = next(r for r in self.model.rows if r.person is None and r.group.name == name)
        return AttendanceModel.text(row, 3)

    # -- checking in -----------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key, modifiers = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if modifiers & Qt.KeyboardModifier.ControlModifier:
                    self.check_in_over_limit()
                else:
                    self.check_in_from_search()
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                return True
            # The buttons' window shortcuts do not fire while the window is inactive (a
            # dialog just closed); the field the facilitator types in still honours them.
            ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            if modifiers & ctrl_shift == ctrl_shift and key in (Qt.Key.Key_N, Qt.Key.Key_U):
                (self.add_walk_in if key == Qt.Key.Key_N else self.add_substitute)()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.move_highlight(1 if key == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    def move_highlight(self, step: int) -> None:
        rows = self.person_rows()
        if not rows:
            return
        current = self.view.currentIndex().row()
        position = rows.index(current) + step if current in rows else 0
        self.view.setCurrentIndex(self.model.index(rows[max(0, min(position, len(rows) - 1))], 0))
        self.chosen_by_arrow = True

    def check_in_from_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        day = self.current_day()
        if rules.parse_badge(text):  # a scanner typed a badge's code and Enter
            self._run_check_in(lambda s, over: attendance.check_in(
                s, day.id, attendance.person_by_badge(s, text), over))
            return
        rows = self.person_rows()
        current = self.view.currentIndex().row()
        if len(rows) == 1:
            self.check_in_row(rows[0])
        elif self.chosen_by_arrow and current in rows:
            self.check_in_row(current)
        elif not rows:
            self.show_message(_("No one matches “{text}”.").format(text=text), True)
            self.walk_in_offer.setText(_("Walk-in “{name}”… (Ctrl+Shift+N)").format(name=text))
            self.walk_in_offer.show()
        else:
            self.show_message(ngettext(
                "{n} person matches “{text}”: move to one with the arrow keys and press Enter.",
                "{n} people match “{text}”: move to one with the arrow keys and press Enter.",
                len(rows)).format(n=len(rows), text=text), True)

    def check_in_row(self, number: int, override: bool = False) -> None:
        row = self.model.rows[number] if 0 <= number < len(self.model.rows) else None
        person_id = row.person.id if row is not None and row.person is not None else None
        day = self.current_day()
        if person_id is None or day is None:
            return
        self._run_check_in(lambda s, over: attendance.check_in(s, day.id, person_id, over),
                           row.person.name, override)

    def check_in_over_limit(self) -> None:
        if self.pending_override:
            self._run_check_in(self.pending_override, self.pending_name, override=True)

    def _run_check_in(self, check_in: CheckIn, name: str = "", override: bool = False) -> None:
        def done(changes) -> None:
            self.pending_override = None
            self.override_button.hide()
            self.walk_in_offer.hide()
            self.show_message(done_sentence(changes), False)
            # setText, not clear(): the field keeps no text edits of its own to undo, so
            # Ctrl+Z next takes back the check-in itself.
            self.search.setText("")
            self.search.setFocus()

        def failed(exc: BaseException) -> None:
            may_override = isinstance(exc, OverLimit) and exc.can_override
            self.pending_override = check_in if may_override else None
            self.pending_name = name
            self.override_button.setText(
                _("Check in {name} over the limit (Ctrl+Enter)").format(name=name) if name
                else _("Check in over the limit (Ctrl+Enter)"))
            self.override_button.setVisible(may_override)
            self.search.setFocus()

        run_op(self.ctx, lambda s: check_in(s, override), say=self.show_message, quiet=True,
               done=done, failed=failed)

    def show_message(self, text: str, is_error: bool) -> None:
        # The sign says it in words too; colour only repeats it. A palette change, not a
        # re-polish against the window's style sheet, which costs a frame on its own.
        self.message.setText(("⚠ " if is_error else "✓ ") + text)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#a4000f" if is_error else "#1b5e20"))
        self.message.setPalette(palette)

    # -- walk-ins and substitutes ------------------------------------------------------

    def add_walk_in(self) -> None:
        day = self.current_day()
        if day is None:
            return
        municipalities = [(g.id, g.name) for g in self.groups]
        current = self.current_row()
        chosen = current.group.id if current is not None else None
        dialog = NewAttendeeDialog(_("Walk-in"), _("Add someone who was not registered and "
                                                    "check them in."), municipalities, chosen, self)
        typed = self.search.text().strip()
        if typed and not self.person_rows() and not rules.parse_badge(typed):
            dialog.name.setText(typed)  # the name typed at the door that matched no one
        def accepted() -> None:
            values = dialog.values()
            self._run_check_in(lambda s, over: attendance.walk_in(
                s, day.id, override=over, **values), values["name"].strip())

        dialog.accepted.connect(accepted)
        dialog.open()

    def add_substitute(self) -> None:
        day, person_id = self.current_day(), self.current_person_id()
        if day is None or person_id is None:
            self.show_message(_("First highlight the registered person who is being replaced."),
                              True)
            return
        person = self.ctx.read(lambda s: people_service.person(s.db, person_id))
        dialog = NewAttendeeDialog(_("Substitute"), _("Who comes in place of {name}?").format(
            name=person.name), None, None, self, default_role=person.role)
        def accepted() -> None:
            values = dialog.values()
            self._run_check_in(lambda s, over: attendance.substitute(
                s, day.id, person_id, override=over, **values), values["name"].strip())

        dialog.accepted.connect(accepted)
        dialog.open()

    def open_invitations(self) -> InvitationsDialog:
        self.invitations = InvitationsDialog(self.ctx, self)
        self.invitations.finished.connect(self.on_invitations_finished)
        self.invitations.open()
        return self.invitations

    def on_invitations_finished(self) -> None:
        self.invitations = None
        self.refresh()

    def open_days(self) -> DaysDialog:
        dialog = DaysDialog(self.ctx, self)
        dialog.open()
        return dialog

    def size_columns(self) -> None:
        """The time and the count as wide as their words (measured, not guessed: fixed
        widths left the names 30 pixels at a projector's 1024); names and roles share the
        rest, so a name is the last thing cut, and then with its tooltip. Measured when
        shown, in the window's font."""
        header = self.view.horizontalHeader()
        plain = self.view.fontMetrics()
        bold = QFont(self.view.font())
        bold.setBold(True)
        strong = QFontMetrics(bold)
        counts = [strong.horizontalAdvance(count_text(5, 5, 1, 5, state))
                  for state in (rules.UNDER, rules.OVER, rules.WITHIN)]
        needs = {2: max(plain.horizontalAdvance(self.model.headerData(
                     2, Qt.Orientation.Horizontal)), plain.horizontalAdvance("00.00")),
                 3: max(counts + [plain.horizontalAdvance(self.model.headerData(
                     3, Qt.Orientation.Horizontal))])}
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, need in needs.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, need + 24)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.size_columns()

    # -- export ----------------------------------------------------------------------

    def choose_export_file(self) -> None:
        ask_save(self, _("Export attendance"), _("attendance") + ".xlsx",
                 _("Excel workbook (*.xlsx);;CSV, semicolons (*.csv)"), self.export_to)

    def export_to(self, path: Path) -> None:
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        run_op(self.ctx, lambda s: export_attendance(s, path), say=self.show_message)

    def choose_pdf_file(self, kind: str) -> None:
        name = _("badges") if kind == "badges" else _("sign-in sheet")
        ask_save(self, _("Save as PDF"), f"{name}.pdf", _("PDF files (*.pdf)"),
                 lambda path: self.write_pdf(kind, path))

    def write_pdf(self, kind: str, path: Path) -> None:
        day = self.current_day()
        if day is None:
            return
        write = write_badges if kind == "badges" else write_signin_sheet
        run_op(self.ctx, lambda s: write(s, day, path), say=self.show_message)
