"""Importing a spreadsheet: choose a file, see how each column is used and what would happen,
change a column's use from a list, import.

One dialog for every importer (registrations and applications, answers, sparrers): each
gives how to plan, how to apply, and what the preview shows. Nothing is written until Import;
the columns' uses the user chose are kept in the cohort with the import, and the next file
headed alike is read the same way. A theme label that fits several themes or none (in
applications and the sparrer bank) is listed with a choice of the themes it may mean.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.columns import ColumnMap
from ilmava_desktop.core.import_rows import ThemeQuestion
from ilmava_desktop.i18n import _, current_language, ngettext
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import message_for
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import row_table

NOT_USED = ""  # the list's first entry: the column is not used


@dataclass(frozen=True)
class PreviewRow:
    line: int
    result: str  # shown as is: "add", "rejected", "note"… in the user's language
    place: str
    label: str
    detail: str

    @property
    def id(self) -> str:
        return f"{self.line}:{self.result}:{self.detail}"


@dataclass(frozen=True)
class Importer:
    title: str
    intro: str
    label_header: str  # the preview's column for what a row is: "Person", "Sheet"…
    # (session, path, chosen columns, picked themes) -> plan; writes nothing
    plan: Callable[[Any, Path, dict, dict], Any]
    apply: Callable[[Any, Any], Any]  # (session, plan) -> Changes
    rows: Callable[[Any], list[PreviewRow]]
    summary: Callable[[Any], str]
    fields: Callable[[Any], list[tuple[str, str]]]  # the plan's choosable fields: (key, label)
    can_apply: Callable[[Any], bool]
    columns: Callable[[Any], ColumnMap] = lambda plan: plan.columns
    # A use the list does not offer (a column headed by a day's date): its name.
    label_of: Callable[[str], str] = str
    detail_header: str = ""  # the preview's last column; "Reason" when not given
    # The theme labels of the plan that fit several themes or none, and whose they are.
    questions: Callable[[Any], list[ThemeQuestion]] = lambda plan: []
    subject_of: Callable[[ThemeQuestion], str] = lambda question: question.subject
    subject_header: str = ""  # the themes list's column for whose theme it is


LEAVE_UNSET = ""  # the theme list's first entry: the theme is left unset


def theme_name(key: str) -> str:
    labels = wicked_problem_themes().get(key, {})
    return labels.get(current_language()) or labels.get("fi") or key


class ThemeChoices(QScrollArea):
    """Each theme label that fits several themes or none — its line, whose it is, the label as
    written — with the theme it means chosen from a list (or left unset). Plain widgets in a
    grid, so Tab goes from one list to the next and on out, and Alt+T reaches the first."""

    def __init__(self, on_pick: Callable[[tuple[int, int], str | None], None],
                 subject_header: str, parent=None):
        super().__init__(parent)
        self.on_pick, self.subject_header = on_pick, subject_header
        self.keys: list[tuple[int, int]] = []
        self.combos: list[QComboBox] = []
        self.texts: list[list[str]] = []
        self.setWidgetResizable(True)
        self.setAccessibleName(_("Themes to choose"))
        self.setFrameShape(QFrame.Shape.NoFrame)

    def show_questions(self, questions: list[ThemeQuestion], picks: dict,
                       subject_of: Callable[[ThemeQuestion], str]) -> None:
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate((_("Line"), self.subject_header, _("Theme in the file"),
                                       _("Theme meant"))):
            head = QLabel(f"<b>{escape(text)}</b>")
            grid.addWidget(head, 0, column)
        grid.setColumnStretch(2, 1)
        themes = wicked_problem_themes()
        self.keys = [q.key for q in questions]
        self.combos, self.texts = [], []
        for row, question in enumerate(questions, start=1):
            texts = [str(question.line), subject_of(question), question.label]
            for column, text in enumerate(texts):
                cell = QLabel(text)
                cell.setToolTip(question.note)
                cell.setWordWrap(column == 2)
                grid.addWidget(cell, row, column)
            combo = QComboBox()
            combo.setAccessibleName(_("Theme meant on line {line}: “{label}”").format(
                line=question.line, label=question.label))
            combo.setToolTip(question.note)
            combo.addItem(_("leave unset"), LEAVE_UNSET)
            for key in question.choices(themes):
                combo.addItem(theme_name(key), key)
            combo.setCurrentIndex(max(0, combo.findData(picks.get(question.key) or LEAVE_UNSET)))
            combo.activated.connect(lambda _i, c=combo, k=question.key: self.on_pick(
                k, c.currentData() or None))
            grid.addWidget(combo, row, 3)
            self.combos.append(combo)
            self.texts.append(texts)
        grid.setRowStretch(len(questions) + 1, 1)
        old = self.takeWidget()
        if old is not None:  # a list of it may be handling the key that picked a theme
            old.hide()
            old.deleteLater()
        self.setWidget(inner)
        # Up to four labels in view without scrolling; more scroll.
        self.setMinimumHeight(min(inner.sizeHint().height() + 2, 5 * (
            QComboBox().sizeHint().height() + grid.spacing())))
        self.setVisible(bool(questions))

    def first(self) -> QWidget:
        return self.combos[0] if self.combos else self

    def combo(self, line: int, position: int = 0) -> QComboBox:
        return self.combos[self.keys.index((line, position))]


class ColumnTable(QTableWidget):
    """Each column of the file and its use, chosen from a list."""

    def __init__(self, on_choice: Callable[[str, str | None], None],
                 label_of: Callable[[str], str] = str, parent=None):
        super().__init__(0, 2, parent)
        self.on_choice, self.label_of = on_choice, label_of
        self.setHorizontalHeaderLabels([_("Column in the file"), _("Used for")])
        self.setAccessibleName(_("Columns of the file"))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        # Half and half: a survey's long question and its use both read whole (the use's
        # list was squeezed into its current choice's width beside a wide, short header).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def show_columns(self, columns: ColumnMap, fields: list[tuple[str, str]]) -> None:
        self.setRowCount(len(columns.uses))
        labels = dict(fields)
        for row, use in enumerate(columns.uses):
            item = QTableWidgetItem(use.header or _("(no header)"))
            item.setToolTip(use.header)
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.setAccessibleName(_("Use of the column {header}").format(header=use.header))
            combo.addItem(_("not used"), NOT_USED)
            for key, label in fields:
                combo.addItem(label, key)
            if use.field is not None and use.field not in labels:
                combo.addItem(self.label_of(use.field), use.field)  # not offered: a day
            combo.setCurrentIndex(max(0, combo.findData(use.field or NOT_USED)))
            combo.activated.connect(lambda _i, c=combo, h=use.header: self.on_choice(
                h, c.currentData() or None))
            self.setCellWidget(row, 1, combo)

    def combo(self, header: str) -> QComboBox:
        for row in range(self.rowCount()):
            if self.item(row, 0).toolTip() == header:
                return self.cellWidget(row, 1)
        raise KeyError(header)


class ImportPreviewDialog(QDialog):
    def __init__(self, ctx: AppContext, importer: Importer, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.importer = ctx, importer
        self.plan: Any = None
        self.path: Path | None = None
        self.chosen: dict[str, str | None] = {}
        self.picks: dict[tuple[int, int], str | None] = {}
        self._focus_key: tuple[int, int] | None = None  # the list to keep the keyboard on
        self.setWindowTitle(importer.title)
        intro = QLabel(importer.intro + " " + _("Nothing is written until you press Import."))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(_("&Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(_("No file chosen"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Import summary"))
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.column_table = ColumnTable(self.choose_use, importer.label_of)
        self.model = RowTableModel([
            Column(_("Line"), lambda r: r.line, align_right=True),
            Column(_("Result"), lambda r: r.result),
            Column(_("Municipality"), lambda r: r.place),
            Column(importer.label_header, lambda r: r.label),
            Column(importer.detail_header or _("Reason"), lambda r: r.detail),
        ], self)
        self.table = row_table(self.model, _("Import preview"), wrap=True)
        self.themes_heading = QLabel(_("&Themes to choose"))
        self.themes_label = QLabel()
        self.themes_label.setWordWrap(True)
        self.theme_table = ThemeChoices(self.pick_theme, importer.subject_header or
                                        importer.label_header)
        for widget in (self.theme_table, self.themes_heading, self.themes_label):
            widget.hide()  # shown only when the file has themes to choose
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.column_table, 2)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.themes_heading)
        layout.addWidget(self.themes_label)
        layout.addWidget(self.theme_table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    def choose_file(self) -> None:
        dialog = QFileDialog(self, _("Choose a file to import"), "",
                             _("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.load(Path(path)))
        dialog.open()

    def load(self, path: Path) -> None:
        """Plan the import of `path` and show the preview; writes nothing."""
        if path != self.path:
            self.chosen, self.picks = {}, {}
        self.path = path
        self.file_label.setText(path.name)
        chosen, picks = dict(self.chosen), dict(self.picks)
        self.ctx.door.run(lambda: self.importer.plan(self.ctx.session, path, chosen, picks),
                          self._show_plan, self._show_unusable)

    def pick_theme(self, key: tuple[int, int], theme: str | None) -> None:
        """The theme the user picked for a label: the preview is planned again with it, and
        the keyboard stays on that label's list."""
        self.picks[key] = theme
        self._focus_key = key
        if self.path is not None:
            self.load(self.path)

    def choose_use(self, header: str, field: str | None) -> None:
        """The user's use for a column: the preview is planned again with it."""
        self.chosen[header] = field
        if self.path is not None:
            self.load(self.path)

    def _show_unusable(self, exc: BaseException) -> None:
        self.plan = None
        self.model.set_rows([])
        self.summary.setText(message_for(exc))
        self.import_button.setEnabled(False)
        columns = getattr(exc, "columns", None)
        if columns is not None:  # the columns needed were not found: the user may choose
            self.column_table.show_columns(columns, exc.fields)
            self.columns_label.setText(_("Choose below which column holds what the import "
                                         "needs."))
        else:
            self.column_table.setRowCount(0)
            self.columns_label.setText("")
        self._show_questions([])

    def _show_plan(self, plan) -> None:
        self.plan = plan
        self.model.set_rows(sorted(self.importer.rows(plan), key=lambda r: r.line))
        self.summary.setText(self.importer.summary(plan))
        columns = self.importer.columns(plan)
        self.column_table.show_columns(columns, self.importer.fields(plan))
        ignored = columns.ignored()
        self.columns_label.setText(
            ngettext("{n} column of the file is not used: {names}. Choose a use for it below "
                     "if it holds something to import.",
                     "{n} columns of the file are not used: {names}. Choose a use for them "
                     "below if they hold something to import.", len(ignored)).format(
                n=len(ignored), names=", ".join(_("“{header}”").format(header=h)
                                                for h in ignored))
            if ignored else _("Every column of the file is used."))
        questions = self.importer.questions(plan)
        self._show_questions(questions)
        self.themes_label.setText(ngettext(
            "{n} theme in the file fits several themes or none. Choose below the theme it "
            "means, or leave it unset:",
            "{n} themes in the file fit several themes or none. Choose below the theme each "
            "means, or leave it unset:", len(questions)).format(n=len(questions))
            if questions else "")
        focus, self._focus_key = self._focus_key, None
        if focus in self.theme_table.keys:
            self.theme_table.combo(*focus).setFocus()
        self.import_button.setEnabled(self.importer.can_apply(plan))

    def _show_questions(self, questions: list[ThemeQuestion]) -> None:
        self.theme_table.show_questions(questions, self.picks, self.importer.subject_of)
        self.themes_heading.setVisible(bool(questions))
        self.themes_label.setVisible(bool(questions))
        self.themes_heading.setBuddy(self.theme_table.first())
        # New lists come last in the focus chain: put them back between the preview and the
        # buttons, so Tab goes from one to the next and on to Import.
        chain = [self.table, *self.theme_table.combos, self.import_button,
                 *[b for b in self.buttons.buttons() if b is not self.import_button]]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        if not questions:
            self.themes_label.setText("")

    def apply(self) -> None:
        plan = self.plan
        if plan is None:
            return
        run_op(self.ctx, lambda s: self.importer.apply(s, plan), parent=self,
               done=lambda _c: self.accept())
