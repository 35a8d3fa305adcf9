"""The day's schedule as a table whose interviews change places by drag and drop, or from
the keyboard with Alt+Up and Alt+Down; the tab asks the service, which checks the rules."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ilmava_desktop.ui.row_model import RowTableModel
from ilmava_desktop.ui.widgets import row_table

SLOT_MIME = "application/x-ilmava-slot"


class ScheduleModel(RowTableModel):
    """The schedule's rows; a row dropped on another asks for the two to change places."""

    slot_dropped = Signal(int, int)  # the dragged row, the row it was dropped on

    def flags(self, index):
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base

    def supportedDropActions(self):  # noqa: N802 (Qt's name)
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802 (Qt's name)
        return [SLOT_MIME]

    def mimeData(self, indexes):  # noqa: N802 (Qt's name)
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(SLOT_MIME, QByteArray(str(rows[0]).encode("ascii")))
        return data

    def canDropMimeData(self, data, action, row, column, parent):  # noqa: N802, ARG002
        return data.hasFormat(SLOT_MIME) and (parent.isValid() or row >= 0)

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802, ARG002
        if not data.hasFormat(SLOT_MIME):
            return False
        target = parent.row() if parent.isValid() else row
        source = int(bytes(data.data(SLOT_MIME)).decode("ascii"))
        if target < 0 or target >= self.rowCount() or target == source:
            return False
        self.slot_dropped.emit(source, target)
        # Nothing is moved here: the table is redrawn from the schedule the service kept.
        return False


class ScheduleKeys(QObject):
    """Alt+Up / Alt+Down on the table: the chosen interview changes places with the one
    before or after it."""

    step_asked = Signal(int, int)  # the row, -1 or +1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.KeyPress
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            row = watched.currentIndex().row()
            if row >= 0:
                self.step_asked.emit(row, -1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)


def schedule_table(model: ScheduleModel, accessible_name: str) -> QTableView:
    """The read-only table with rows that can be dragged onto each other."""
    table = row_table(model, accessible_name, stretch=(2, 3), wrap=True)
    table.setDragEnabled(True)
    table.setAcceptDrops(True)
    table.viewport().setAcceptDrops(True)
    table.setDropIndicatorShown(True)
    table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    table.setDefaultDropAction(Qt.DropAction.CopyAction)
    table.setDragDropOverwriteMode(True)
    return table
