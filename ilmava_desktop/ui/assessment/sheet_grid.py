"""One answer sheet as a grid: a row per statement, one key per answer, the cursor moves on."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ilmava_desktop.core.assessment import Template
from ilmava_desktop.i18n import _
from ilmava_desktop.ui.widgets import wrap_rows

UNANSWERED = object()  # not yet answered (None means "don't know")
ANSWER_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4,
               Qt.Key.Key_5: 5, Qt.Key.Key_0: None, Qt.Key.Key_E: None}


class SheetModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.template: Template | None = None
        self.language = "fi"
        self.values: dict[str, object] = {}
        self._headers = [_("Statement"), _("Answer")]

    def set_sheet(self, template: Template | None, values: dict[str, object], language: str):
        self.beginResetModel()
        self.template, self.values, self.language = template, values, language
        self.endResetModel()

    def update_values(self, template: Template, values: dict[str, object], language: str):
        """The same sheet with some answers changed: only the changed rows are redrawn."""
        if (template, language) != (self.template, self.language) or self.template is None:
            self.set_sheet(template, values, language)
            return
        old, self.values = self.values, values
        for row, statement in enumerate(template.statements):
            if old.get(statement.id, UNANSWERED) != values.get(statement.id, UNANSWERED):
                self.dataChanged.emit(self.index(row, 1), self.index(row, 1))

    def show_answer(self, statement_id: str, value: object) -> None:
        """A key's answer shown at once, before the database worker has written it: the
        grid echoes the key even while the worker is busy. The write's result (or, if it
        is refused, the sheet read again) replaces it."""
        if self.template is None:
            return
        values = dict(self.values)
        if value is UNANSWERED:
            values.pop(statement_id, None)
        else:
            values[statement_id] = value
        self.update_values(self.template, values, self.language)

    def statement_at(self, row: int):
        return self.template.statements[row] if self.template else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.template else len(self.template.statements)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def answer_text(self, statement_id: str) -> str:
        value = self.values.get(statement_id, UNANSWERED)
        if value is UNANSWERED:
            return ""
        if value is None:
            return self.template.no_answer[self.language]
        level = next(level for level in self.template.scale if level.value == value)
        return f"{value} – {level.label[self.language]}"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole) or not index.isValid():
            return None
        statement = self.statement_at(index.row())
        if index.column() == 0:
            # The running number is the one on the paper form.
            return f"{index.row() + 1}. {statement.text[self.language]}"
        return self.answer_text(statement.id)


class SheetGrid(QTableView):
    """Keys 1–5 answer, 0 or E is "don't know", Backspace clears; each answer moves down."""

    answer_typed = Signal(str, object)   # statement id, value (None: don't know)
    answer_cleared = Signal(str)

    def __init__(self, model: SheetModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(_("Answer sheet"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        wrap_rows(self)  # a statement is read whole, on as many lines as it takes

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        model: SheetModel = self.model()
        row = self.currentIndex().row()
        statement = model.statement_at(row) if row >= 0 else None
        if statement is not None and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            if event.key() in ANSWER_KEYS:
                model.show_answer(statement.id, ANSWER_KEYS[event.key()])
                self.answer_typed.emit(statement.id, ANSWER_KEYS[event.key()])
                self.selectRow(min(row + 1, model.rowCount() - 1))
                return
            if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                model.show_answer(statement.id, UNANSWERED)
                self.answer_cleared.emit(statement.id)
                return
        super().keyPressEvent(event)
