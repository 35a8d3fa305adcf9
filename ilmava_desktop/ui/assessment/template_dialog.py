"""The template new rounds use: its texts edited in place, imported from or exported to JSON.

Saving stores a new version: rounds that already have answers keep the template they were
answered with.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import assessment as core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, language_name, pgettext
from ilmava_desktop.services import assessment
from ilmava_desktop.services.output_files import write_atomically
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_open, ask_save
from ilmava_desktop.ui.geometry import keep_dialog_geometry
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.widgets import TreeRowFitter, dialog_buttons, tree_items

KIND = Qt.ItemDataRole.UserRole  # what a row is: title, level, no_answer, theme, statement
KEY = Qt.ItemDataRole.UserRole + 1  # its id or scale value
LANGUAGE_COLUMNS = {"fi": 1, "sv": 2, "en": 3}


class TemplateDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Self-assessment template"))
        self.resize(980, 640)
        keep_dialog_geometry(self, "assessment-template")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("The template's texts"))
        self.tree.setHeaderLabels([_("Part")] + [language_name(code).capitalize()
                                                 for code in ("fi", "sv", "en")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Each row as tall as its longest text wrapped in its column: a statement is read
        # whole in every language.
        self.rows = TreeRowFitter(self.tree)
        self.note = QLabel(_("Double-click or press F2 to change a text. Rounds that already "
                             "have answers keep their own template; new rounds use this one."))
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.add_statement_button = icon_button(_("Add &statement"), "new")
        self.add_statement_button.clicked.connect(self.add_statement)
        self.add_theme_button = icon_button(_("Add t&heme"), "new")
        self.add_theme_button.clicked.connect(self.add_theme)
        self.remove_button = icon_button(_("&Remove"), "delete")
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = icon_button(_("&Import JSON…"), "import")
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = icon_button(_("E&xport JSON…"), "export")
        self.export_button.clicked.connect(self.choose_export)
        tools = QHBoxLayout()
        for button in (self.add_statement_button, self.add_theme_button, self.remove_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.import_button)
        tools.addWidget(self.export_button)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save
                                 | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.disconnect()
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.note_text = ""
        self.load(json.loads(ctx.read(lambda s: assessment.cohort_template_body(s.db))))

    # -- the tree and the data ---------------------------------------------------------------

    def load(self, data: dict) -> None:
        self.template_key = data.get("id", "template")
        self.note_text = data.get("note", "")
        self.scale_descriptions = {int(level["value"]): {k: v for k, v in level.items()
                                                         if k.startswith("desc_")}
                                   for level in data["scale"]}
        self.tree.clear()
        self._item(None, "title", "", pgettext("template", "Title"), data["title"])
        scale = self._item(None, "scale", "", _("Scale"), {})
        for level in data["scale"]:
            self._item(scale, "level", str(level["value"]), str(level["value"]), level)
        self._item(scale, "no_answer", "", _("Don't know"), data.get("no_answer", {}))
        for theme in data["themes"]:
            self._theme_item(theme)
        self.renumber()
        self.tree.expandAll()
        self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _item(self, parent, kind: str, key: str, label: str, texts: dict) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent if parent is not None else self.tree)
        item.setText(0, label)
        item.setData(0, KIND, kind)
        item.setData(0, KEY, key)
        if kind != "scale":
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            for language, column in LANGUAGE_COLUMNS.items():
                item.setText(column, texts.get(language) or "")
        return item

    def renumber(self) -> None:
        """Themes and statements named by their running numbers, as on the paper form; their
        ids stay behind (they are what answer files and other rounds refer to)."""
        theme_number = statement_number = 0
        for item in tree_items(self.tree):
            if item.data(0, KIND) == "theme":
                theme_number += 1
                item.setText(0, _("Theme {n}").format(n=theme_number))
            elif item.data(0, KIND) == "statement":
                statement_number += 1
                item.setText(0, _("Statement {n}").format(n=statement_number))

    def _theme_item(self, theme: dict) -> QTreeWidgetItem:
        item = self._item(None, "theme", theme["id"], theme["id"], theme["title"])
        for statement in theme["statements"]:
            self._item(item, "statement", statement["id"], statement["id"], statement)
        return item

    def data(self) -> dict:
        """The tree back as template JSON, checked: a broken template is refused, not saved."""
        def texts(item) -> dict[str, str]:
            return {language: item.text(column).strip()
                    for language, column in LANGUAGE_COLUMNS.items()}

        data = {"id": self.template_key, "title": {}, "scale": [], "no_answer": {},
                "themes": []}
        if self.note_text:
            data["note"] = self.note_text
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            kind = item.data(0, KIND)
            if kind == "title":
                data["title"] = texts(item)
            elif kind == "scale":
                for child in (item.child(i) for i in range(item.childCount())):
                    if child.data(0, KIND) == "level":
                        value = int(child.data(0, KEY))
                        data["scale"].append({"value": value, **texts(child),
                                              **self.scale_descriptions.get(value, {})})
                    else:
                        data["no_answer"] = {"value": None, **texts(child)}
            elif kind == "theme":
                data["themes"].append({"id": item.data(0, KEY), "title": texts(item), "statements": [
                    {"id": child.data(0, KEY), **texts(child)}
                    for child in (item.child(i) for i in range(item.childCount()))]})
        core.parse_template(data)
        return data

    # -- structure ---------------------------------------------------------------------------

    def _current_theme(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        while item is not None and item.data(0, KIND) not in ("theme",):
            item = item.parent() if item.data(0, KIND) == "statement" else None
        return item

    def add_statement(self) -> None:
        theme = self._current_theme()
        if theme is None:
            self.message.setText(_("Choose the theme to add a statement to."))
            return
        numbers = [int(key.rsplit(".", 1)[1]) for key in (
            theme.child(i).data(0, KEY) for i in range(theme.childCount()))
            if key.rsplit(".", 1)[1].isdigit()]
        key = f"{theme.data(0, KEY)}.{max(numbers, default=0) + 1}"
        item = self._item(theme, "statement", key, key, {})
        self.renumber()
        self.tree.setCurrentItem(item, 1)
        self.tree.editItem(item, 1)
        self.message.setText("")

    def add_theme(self) -> None:
        existing = {self.tree.topLevelItem(i).data(0, KEY)
                    for i in range(self.tree.topLevelItemCount())}
        number = 1
        while f"theme{number}" in existing:
            number += 1
        key = f"theme{number}"
        item = self._theme_item({"id": key, "title": {}, "statements": [
            {"id": f"{key}.1"}]})
        item.setExpanded(True)
        self.renumber()
        self.tree.setCurrentItem(item, 1)
        self.tree.editItem(item, 1)
        self.message.setText("")

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND) not in ("theme", "statement"):
            self.message.setText(_("Only themes and statements can be removed."))
            return
        parent = item.parent()
        (parent.removeChild(item) if parent is not None
         else self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item)))
        self.renumber()
        self.message.setText("")

    # -- files and saving -----------------------------------------------------------------------

    def choose_import(self) -> None:
        ask_open(self, _("Import a template"), _("JSON files (*.json)"), self.import_file)

    def import_file(self, path: Path) -> None:
        try:
            self.load(json.loads(assessment.read_template_file(path)))
        except RuleViolation as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.note.setText(_("Read {name}. Save to use it for new rounds.").format(name=path.name))

    def choose_export(self) -> None:
        ask_save(self, _("Export the template"), _("template") + ".json",
                 _("JSON files (*.json)"), self.export_file)

    def export_file(self, path: Path) -> None:
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        try:
            body = json.dumps(self.data(), ensure_ascii=False, indent=2)
            write_atomically(path, lambda tmp: tmp.write_text(body, "utf-8"))
        except RuleViolation as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.note.setText(_("Wrote {path}").format(path=path))

    def save(self) -> None:
        try:
            body = json.dumps(self.data(), ensure_ascii=False, indent=2)
        except RuleViolation as exc:
            self.message.setText(str(exc))
            return
        run_op(self.ctx, lambda s: assessment.use_template(s, body), say=self.message,
               quiet=True, done=self._saved)

    def _saved(self, changes) -> None:
        self.ctx.changed.emit(changes)
        self.accept()
