"""The attendance list as a flat model: municipality header rows, each followed by its people.

An adapter over a plain list that is rebuilt on every keystroke: the view asks only for
the rows on screen, so filtering 1,540 people costs the matching and nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ilmava_desktop.core import attendance as rules
from ilmava_desktop.i18n import _
from ilmava_desktop.services.attendance import MunicipalityAtDay, PersonAtDay

# Colour backs up the words, never replaces them (the last column says it in text).
STATE_COLOURS = {rules.UNDER: "#fff1c2", rules.OVER: "#ffd6d6"}


def count_text(present: int, invited: int, low: int, high: int, state: str) -> str:
    """A municipality's row: "2 of 3 · limits 2–5 · within the limits" (the bare
    "2 / 3 · 2–5" read as a riddle)."""
    return _("{present} of {invited} · limits {low}–{high} · {state}").format(
        present=present, invited=invited, low=low, high=high, state=state_words(state))


def state_words(state: str) -> str:
    return {rules.UNDER: _("under the minimum"), rules.OVER: _("over the maximum"),
            rules.WITHIN: _("within the limits")}[state]


ANSWERED_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                  Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
                  Qt.ItemDataRole.BackgroundRole}


@dataclass(frozen=True)
class Row:
    group: MunicipalityAtDay
    person: PersonAtDay | None = None  # None: the municipality's own row


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = [_("Name"), _("Role"), _("Checked in"), _("Here · limits")]

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
                and orientation == Qt.Orientation.Horizontal):
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Asked for many roles per cell on every paint; answer the others at once.
        if role not in ANSWERED_ROLES or not index.isValid() or not 0 <= index.row() < len(
                self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):  # a name shortened in a narrow window
            return self.text(row, index.column())
        if row.person is None:
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole and row.group.state in STATE_COLOURS:
                return QBrush(QColor(STATE_COLOURS[row.group.state]))
        return None

    @staticmethod
    def text(row: Row, column: int) -> str:
        group, person = row.group, row.person
        if person is None:
            if column == 0:
                return group.name
            if column == 3:
                return count_text(group.present, group.invited, group.minimum,
                                  group.maximum, group.state)
            return ""
        if column == 0:
            return "    " + person.name
        if column == 1:
            return person.role
        if column == 2:
            when = person.checked_in_at or ""
            if person.kind == "walk_in":
                when += " " + _("(walk-in)")
            elif person.kind == "substitute":
                when += " " + _("(substitute)")
            if not person.invited or person.invited_at_door:
                when += " " + _("(not invited)")
            return when.strip()
        return ""


def all_rows(groups: list[MunicipalityAtDay]) -> list[tuple[Row, list[Row]]]:
    """Every row, built once per refresh; a keystroke only chooses among them."""
    return [(Row(group), [Row(group, person) for person in group.people]) for group in groups]


def filtered_rows(built: list[tuple[Row, list[Row]]], query: str,
                  missing_only: bool) -> list[Row]:
    """The rows to show: every municipality with its matching people (none if no match)."""
    words = rules.search_words(query)
    everything = not (words or missing_only)
    rows: list[Row] = []
    for group_row, person_rows in built:
        if everything:
            # The day's people: its invited and whoever came; the uninvited are found
            # by typing their name.
            people = [r for r in person_rows if r.person.invited or r.person.checked_in_at]
        elif missing_only:  # invited and not yet in
            people = [r for r in person_rows if r.person.invited and not r.person.checked_in_at
                      and (not words or rules.matches(words, r.person.search_text))]
        else:
            people = [r for r in person_rows if rules.matches(words, r.person.search_text)]
        if people or everything:
            rows.append(group_row)
            rows.extend(people)
    return rows
