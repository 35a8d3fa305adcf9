"""The Attendance tool: type-to-find check-in at the door, grouped by municipality."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import attendance as rules
from ilmava_desktop.core.attendance import OverLimit
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services import attendance
from ilmava_desktop.services.attendance_documents import write_badges, write_signin_sheet
from ilmava_desktop.services.attendance_export import export_attendance
from ilmava_desktop.storage import queries
from ilmava_desktop.ui.attendance.new_attendee import NewAttendeeDialog
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import message_for
from ilmava_desktop.ui.widgets import heading

ID_ROLE = Qt.ItemDataRole.UserRole
# Colour backs up the words, never replaces them (the counts column says it in text).
STATE_COLOURS = {rules.UNDER: "#fff1c2", rules.OVER: "#ffd6d6"}


def state_words(state: str) -> str:
    return {rules.UNDER: _("under the minimum"), rules.OVER: _("over the maximum"),
            rules.WITHIN: _("within the limits")}[state]


class AttendancePage(QWidget):
    NAME = "attendance"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[attendance.MunicipalityAtDay] = []
        self.pending_override: str | None = None

        self.day = QComboBox()
        self.day.setAccessibleName(_("Day"))
        self.day.activated.connect(lambda _i: self.refresh())
        day_label = QLabel(_("&Day:"))
        day_label.setBuddy(self.day)
        self.search = QLineEdit()
        self.search.setObjectName("checkinSearch")
        self.search.setAccessibleName(_("Find a person to check in, or scan a badge"))
        self.search.setPlaceholderText(
            _("Type part of a name, municipality or role, then Enter — or scan a badge"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.search.installEventFilter(self)
        self.missing_only = QCheckBox(_("Only who is &missing"))
        self.missing_only.toggled.connect(lambda _c: self.apply_filter())
        self.walk_in_button = QPushButton(_("&Walk-in…"))
        self.walk_in_button.setToolTip(_("Someone who was not registered (Ctrl+Shift+N)"))
        self.walk_in_button.setShortcut("Ctrl+Shift+N")
        self.substitute_button = QPushButton(_("&Substitute…"))
        self.substitute_button.setToolTip(
            _("Someone in place of the highlighted registered person (Ctrl+Shift+U)"))
        self.substitute_button.setShortcut("Ctrl+Shift+U")
        self.badges_button = QPushButton(_("&Badges (PDF)…"))
        self.badges_button.setToolTip(_("Name badges with QR codes for everyone, ten to an A4"))
        self.signin_button = QPushButton(_("Si&gn-in sheet (PDF)…"))
        self.signin_button.setToolTip(_("A paper list of the day's people to sign"))
        self.badges_button.clicked.connect(lambda: self.choose_pdf_file("badges"))
        self.signin_button.clicked.connect(lambda: self.choose_pdf_file("signin"))
        self.export_button = QPushButton(_("E&xport…"))
        self.export_button.setToolTip(_("Attendance of every day as an Excel or CSV file"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.walk_in_button.clicked.connect(self.add_walk_in)
        self.substitute_button.clicked.connect(self.add_substitute)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Check-in result"))
        self.override_button = QPushButton(_("Check in over the limit (Ctrl+Enter)"))
        self.override_button.clicked.connect(self.check_in_over_limit)
        self.override_button.hide()

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("People by municipality"))
        self.tree.setHeaderLabels([_("Name"), _("Role"), _("Checked in"),
                                   _("Present / registered · limits")])
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda item, _c: self.check_in_item(item))

        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.day, 1)
        top.addWidget(self.missing_only)
        top.addWidget(self.walk_in_button)
        top.addWidget(self.substitute_button)
        printing = QHBoxLayout()
        printing.addStretch()
        for button in (self.badges_button, self.signin_button, self.export_button):
            printing.addWidget(button)
        result = QHBoxLayout()
        result.addWidget(self.message, 1)
        result.addWidget(self.override_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Attendance"), 1))
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addLayout(result)
        layout.addWidget(self.tree, 1)
        layout.addLayout(printing)
        self.setFocusProxy(self.search)
        ctx.cohort_opened.connect(self.load_days)
        ctx.changed.connect(self.on_ctx_changed)

    # -- showing ---------------------------------------------------------------------

    def load_days(self) -> None:
        days = self.ctx.read(lambda s: queries.days(s.db))
        self.day.clear()
        for day in days:
            self.day.addItem(attendance.day_label(day), day.id)
        chosen = attendance.default_day(days)
        if chosen:
            self.day.setCurrentIndex(self.day.findData(chosen.id))
        self.refresh()

    def on_ctx_changed(self, changes) -> None:
        if changes.touches("day"):
            self.load_days()
        elif changes.touches("attendance", "person", "municipality"):
            self.refresh()

    def current_day(self):
        day_id = self.day.currentData()
        return self.ctx.read(lambda s: queries.day(s.db, day_id)) if day_id else None

    def refresh(self) -> None:
        day = self.current_day() if self.ctx.session else None
        language = current_language()
        self.groups = self.ctx.read(lambda s: attendance.overview(s, day, language)) if day else []
        current = self.current_person_id()
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        for group in self.groups:
            counts = _("{present} / {registered} · {low}–{high} · {state}").format(
                present=group.present, registered=group.registered, low=group.minimum,
                high=group.maximum, state=state_words(group.state))
            top = QTreeWidgetItem([group.name, "", "", counts])
            top.setFont(0, bold)
            if colour := STATE_COLOURS.get(group.state):
                for column in range(4):
                    top.setBackground(column, QBrush(QColor(colour)))
            for person in group.people:
                when = person.checked_in_at or ""
                if person.kind == "walk_in":
                    when += " " + _("(walk-in)")
                elif person.kind == "substitute":
                    when += " " + _("(substitute)")
                child = QTreeWidgetItem([person.name, person.role, when.strip(), ""])
                child.setData(0, ID_ROLE, person.id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        self.apply_filter()
        if current:
            self.select_person(current)

    def apply_filter(self, *_args) -> None:
        words = rules.search_words(self.search.text())
        missing_only = self.missing_only.isChecked()
        first_visible = None
        for index, group in enumerate(self.groups):
            top = self.tree.topLevelItem(index)
            shown = 0
            for number, person in enumerate(group.people):
                visible = (not words or rules.matches(words, person.search_text)) and not (
                    missing_only and person.checked_in_at)
                top.child(number).setHidden(not visible)
                shown += visible
                if visible and first_visible is None:
                    first_visible = top.child(number)
            top.setHidden(shown == 0 and bool(words or missing_only))
        if words and first_visible is not None:
            self.tree.setCurrentItem(first_visible)

    def visible_people(self) -> list[QTreeWidgetItem]:
        items = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            items += [top.child(n) for n in range(top.childCount()) if not top.child(n).isHidden()]
        return items

    def current_person_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None and item.parent() is not None else None

    def select_person(self, person_id: str) -> None:
        for item in self.visible_people():
            if item.data(0, ID_ROLE) == person_id:
                self.tree.setCurrentItem(item)
                return

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
        items = self.visible_people()
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) + step if current in items else 0
        self.tree.setCurrentItem(items[max(0, min(index, len(items) - 1))])

    def check_in_from_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        day = self.current_day()
        if rules.parse_badge(text):  # a scanner typed a badge's code and Enter
            self._run_check_in(lambda s: attendance.check_in(
                s, day.id, attendance.person_by_badge(s, text)))
            return
        items = self.visible_people()
        chosen = items[0] if len(items) == 1 else self.tree.currentItem()
        if chosen is None or chosen not in items:
            self.show_message(_("Several people match; move to one with the arrow keys."), True)
            return
        self.check_in_item(chosen)

    def check_in_item(self, item: QTreeWidgetItem, override: bool = False) -> None:
        person_id = item.data(0, ID_ROLE) if item is not None and item.parent() is not None else None
        day = self.current_day()
        if person_id is None or day is None:
            return
        self._run_check_in(lambda s: attendance.check_in(s, day.id, person_id, override),
                           person_id)

    def check_in_over_limit(self) -> None:
        if self.pending_override:
            person_id, day = self.pending_override, self.current_day()
            self._run_check_in(lambda s: attendance.check_in(s, day.id, person_id, True),
                               person_id)

    def _run_check_in(self, work, person_id: str | None = None) -> None:
        def done(changes) -> None:
            self.pending_override = None
            self.override_button.hide()
            self.show_message(changes.description, False)
            self.search.clear()
            self.search.setFocus()

        def failed(exc: BaseException) -> None:
            may_override = isinstance(exc, OverLimit) and exc.can_override
            self.pending_override = person_id if may_override else None
            self.override_button.setVisible(may_override)
            self.show_message(message_for(exc), True)
            self.search.setFocus()

        session = self.ctx.session
        self.ctx.door.run(lambda: work(session),
                          lambda changes: (self.ctx.changed.emit(changes), done(changes)), failed)

    def show_message(self, text: str, is_error: bool) -> None:
        self.message.setText(("⚠ " if is_error else "✓ ") + text)
        self.message.setObjectName("error" if is_error else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # -- walk-ins and substitutes ------------------------------------------------------

    def add_walk_in(self) -> None:
        day = self.current_day()
        if day is None:
            return
        municipalities = [(g.id, g.name) for g in self.groups]
        current = self.tree.currentItem()
        chosen = None
        if current is not None:
            top = current.parent() or current
            chosen = self.groups[self.tree.indexOfTopLevelItem(top)].id
        dialog = NewAttendeeDialog(_("Walk-in"), _("Add someone who was not registered and "
                                                    "check them in."), municipalities, chosen, self)
        dialog.accepted.connect(lambda: self._run_check_in(
            lambda s: attendance.walk_in(s, day.id, **dialog.values())))
        dialog.open()

    def add_substitute(self) -> None:
        day, person_id = self.current_day(), self.current_person_id()
        if day is None or person_id is None:
            self.show_message(_("First highlight the registered person who is being replaced."),
                              True)
            return
        person = self.ctx.read(lambda s: queries.person(s.db, person_id))
        dialog = NewAttendeeDialog(_("Substitute"), _("Who comes in place of {name}?").format(
            name=person.name), None, None, self)
        dialog.accepted.connect(lambda: self._run_check_in(
            lambda s: attendance.substitute(s, day.id, person_id, **dialog.values())))
        dialog.open()

    # -- export ----------------------------------------------------------------------

    def choose_export_file(self) -> None:
        dialog = QFileDialog(self, _("Export attendance"), _("attendance") + ".xlsx",
                             _("Excel workbook (*.xlsx);;CSV, semicolons (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def export_to(self, path: Path) -> None:
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        self.ctx.door.run(lambda: export_attendance(self.ctx.session, path),
                          lambda written: self.show_message(
                              _("Wrote {path}").format(path=written), False),
                          lambda exc: self.show_message(message_for(exc), True))

    def choose_pdf_file(self, kind: str) -> None:
        name = _("badges") if kind == "badges" else _("sign-in sheet")
        dialog = QFileDialog(self, _("Save as PDF"), f"{name}.pdf", _("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.write_pdf(kind, Path(path)))
        dialog.open()

    def write_pdf(self, kind: str, path: Path) -> None:
        day = self.current_day()
        if day is None:
            return
        write = write_badges if kind == "badges" else write_signin_sheet
        self.ctx.door.run(lambda: write(self.ctx.session, day, path),
                          lambda written: self.show_message(
                              _("Wrote {path}").format(path=written), False),
                          lambda exc: self.show_message(message_for(exc), True))
