"""Who is invited to which day: a grid of people by days, ticked from the keyboard.

Space ticks or unticks the current cell; M invites the current person's whole municipality
to the current day (M again, when they all are, takes them back); Ctrl+Z and Ctrl+Shift+Z
undo and redo here as in the window. Each day's heading counts its invited people, and a
tick changes only its own cell and that count.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.i18n import _, current_language, ngettext
from ilmava_desktop.services.attendance import invitations
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.geometry import keep_dialog_geometry
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.widgets import dialog_buttons

FIXED_COLUMNS = 2  # municipality, name; then one column per day
# Asked for many roles per cell on every paint; the others are answered at once.
ANSWERED_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                  Qt.ItemDataRole.CheckStateRole}
NAME_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
DAY_FLAGS = NAME_FLAGS | Qt.ItemFlag.ItemIsUserCheckable


class InvitationModel(QAbstractTableModel):
    """An adapter over the grid's plain data: people × days, ticked when invited."""

    def __init__(self, grid: invitations.InvitationGrid, parent=None):
        super().__init__(parent)
        self.grid = grid
        self._rows: dict[str, int] | None = None

    def set_grid(self, grid: invitations.InvitationGrid) -> None:
        self.beginResetModel()
        self.grid, self._rows = grid, None
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.grid.people)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.grid.days)

    def day_at(self, column: int):
        return self.grid.days[column - FIXED_COLUMNS] if column >= FIXED_COLUMNS else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return _("Municipality")
        if section == 1:
            return _("Name")
        day = self.day_at(section)
        count = len(self.grid.invited[day.id])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{format_date(day.date)} {day.venue} – {day.title_in(current_language())}"
        return "{when}\n{count}".format(
            when=format_date(day.date) or day.title_in(current_language()),
            count=ngettext("{n} invited", "{n} invited", count).format(n=count))

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return DAY_FLAGS if index.column() >= FIXED_COLUMNS else NAME_FLAGS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED_ROLES or not index.isValid() or not 0 <= index.row() < len(
                self.grid.people):
            return None
        person, column = self.grid.people[index.row()], index.column()
        if column < FIXED_COLUMNS:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return person.municipality if column == 0 else person.name
            return None
        invited = person.id in self.grid.invited[self.day_at(column).id]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if invited else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("invited") if invited else _("not invited")
        return None

    def row_of_person(self) -> dict[str, int]:
        if self._rows is None:
            self._rows = {p.id: n for n, p in enumerate(self.grid.people)}
        return self._rows

    def show_invited(self, day_id: str, person_ids: list[str], invited: bool) -> None:
        """Tick or untick these cells and recount the day: nothing else is redrawn."""
        column = FIXED_COLUMNS + [d.id for d in self.grid.days].index(day_id)
        chosen = self.grid.invited[day_id]
        (chosen.update if invited else chosen.difference_update)(person_ids)
        rows = self.row_of_person()
        numbers = [rows[i] for i in person_ids if i in rows]
        if numbers:
            self.dataChanged.emit(self.index(min(numbers), column),
                                  self.index(max(numbers), column),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)


class InvitationsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Invitations"))
        grid = ctx.read(lambda s: invitations.invitation_grid(s.db, current_language()))
        self.model = InvitationModel(grid, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Invited people by day"))
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Widths measured once from the texts, never from 1,540 rows on every tick.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        names = {p.municipality for p in grid.people} | {_("Municipality")}
        header.resizeSection(0, max(metrics.horizontalAdvance(n) for n in names) + 24)
        for column in range(FIXED_COLUMNS, self.model.columnCount()):
            lines = str(self.model.headerData(column, Qt.Orientation.Horizontal)).splitlines()
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in lines) + 32)
        self.table.installEventFilter(self)
        self.table.clicked.connect(self.on_table_clicked)
        if grid.days and grid.people:
            self.table.setCurrentIndex(self.model.index(0, FIXED_COLUMNS))
        self.message = QLabel(_("Space ticks or unticks the invitation; M invites the whole "
                                "municipality to the day."))
        self.message.setWordWrap(True)
        # The window's Edit menu does not reach into this dialog; a wrong M is taken back here.
        for keys, redo in ((QKeySequence.StandardKey.Undo, False), ("Ctrl+Shift+Z", True)):
            QShortcut(QKeySequence(keys), self, activated=lambda r=redo: self.undo(redo=r))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Close))
        self.resize(820, 560)
        keep_dialog_geometry(self, "invitations")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Space and not event.modifiers():
                self.toggle(self.table.currentIndex())
                return True
            if event.key() == Qt.Key.Key_M and not (
                    event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
                self.invite_municipality(self.table.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def on_table_clicked(self, index) -> None:
        if index.column() >= FIXED_COLUMNS:
            self.toggle(index)

    def toggle(self, index) -> None:
        day = self.model.day_at(index.column()) if index.isValid() else None
        if day is None:
            return
        person = self.model.grid.people[index.row()]
        self.set_invited(day.id, [person.id], person.id not in self.model.grid.invited[day.id])

    def invite_municipality(self, index) -> None:
        day = self.model.day_at(index.column()) if index.isValid() else None
        if day is None:
            return
        municipality = self.model.grid.people[index.row()].municipality_id
        people = [p.id for p in self.model.grid.people if p.municipality_id == municipality]
        already = self.model.grid.invited[day.id]
        self.set_invited(day.id, people, not all(p in already for p in people))

    def set_invited(self, day_id: str, person_ids: list[str], invited: bool) -> None:
        def done(changes) -> None:
            self.model.show_invited(day_id, person_ids, invited)
            self.message.setText(changes.description)

        run_op(self.ctx, lambda s: invitations.set_invited(
            s, day_id=day_id, person_ids=person_ids, invited=invited), say=self.say,
            quiet=True, done=done)

    def undo(self, *, redo: bool = False) -> None:
        run_op(self.ctx, lambda s: s.redo() if redo else s.undo(), say=self.say, quiet=True,
               done=lambda changes: self.read_again(changes, redo))

    def read_again(self, changes, redo: bool) -> None:
        self.message.setText(changes.description or (
            _("Nothing to redo.") if redo else _("Nothing to undo.")))
        current = self.table.currentIndex()
        self.model.set_grid(self.ctx.read(
            lambda s: invitations.invitation_grid(s.db, current_language())))
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))

    def say(self, text: str, _is_error: bool) -> None:
        self.message.setText(text)
