"""A table model that adapts a list of plain rows (dataclasses) for a QTableView.

No SQL and no rules here: ids and plain values in, display text out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # the raw value: numbers sort as numbers


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    align_right: bool = False
    # A column of short values (scores, counts) under a long heading: the heading takes two
    # lines, so the column is as wide as its values and the text beside it keeps the room.
    two_line_header: bool = False
    # A state shown as a check box (locked, done), its words (value) for screen readers and
    # the search: a blank cell for "no" says nothing.
    checked: Callable[[Any], bool] | None = None
    # What the heading means, where its word alone does not say (a mark's key): its tooltip.
    tooltip: str = ""

    @property
    def header_text(self) -> str:
        if not self.two_line_header or " " not in self.header:
            return self.header
        middle = len(self.header) / 2
        spaces = [i for i, c in enumerate(self.header) if c == " "]
        split = min(spaces, key=lambda i: abs(i - middle))
        return self.header[:split] + "\n" + self.header[split + 1:]


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh_rows(self, rows: Sequence[Any]) -> None:
        """New values for the same rows (by id): redrawn in place, the selection kept and
        the columns not measured again, so a live table keeps up with typing."""
        rows = list(rows)
        if rows and [getattr(r, "id", None) for r in rows] == [
                getattr(r, "id", None) for r in self._rows] and None not in (
                getattr(r, "id", None) for r in rows):
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(self._columns) - 1))
        else:
            self.set_rows(rows)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """For tables whose columns follow the data, such as one per value of a scale."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def column_count(self) -> int:
        return len(self._columns)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of_id(self, row_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if getattr(row, "id", None) == row_id:
                return number
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if column.checked is not None:
            if role == Qt.ItemDataRole.CheckStateRole:
                return (Qt.CheckState.Checked if column.checked(row)
                        else Qt.CheckState.Unchecked)
            if role == Qt.ItemDataRole.DisplayRole:
                return None  # the box says it
        # The tooltip repeats the text: a long theme name elided in its column stays readable.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SEARCH_ROLE:
            return getattr(row, "search_text", None) or " ".join(
                str(c.value(row)) for c in self._columns).casefold()
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == SORT_ROLE:
            value = column.value(row)
            return value if isinstance(value, int | float) else str(value or "").casefold()
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        # The header's words as its tooltip too: a narrow column's heading may be cut.
        if (role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
                and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            column = self._columns[section]
            if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
                # The heading's own words first: a narrow column's heading may be cut.
                return f"{column.header} — {column.tooltip}"
            return column.header_text
        return None
