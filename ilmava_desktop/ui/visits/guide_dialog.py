"""Editing the interview guide's texts: its themes and their questions in Finnish, Swedish and
English, themes and questions added and removed, from the keyboard.

The dialog edits a copy of the guide's plain data; OK checks it through the service (a theme
without questions, a text in no language) and keeps the dialog open with the reason, or
accepts it for the tab to save as one undoable change.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.guides import text_in
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import LANGUAGES, _, current_language
from ilmava_desktop.services.visits import guides
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.widgets import TreeRowFitter, dialog_buttons, labelled_form

TEXTS = Qt.ItemDataRole.UserRole  # the item's {"fi", "sv", "en"} texts
THEME_ID = Qt.ItemDataRole.UserRole + 1  # a theme's id in the guide (None: a new theme)


class GuideDialog(QDialog):
    def __init__(self, data: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Edit the interview guide"))
        self.data = copy.deepcopy(data)
        self.language = current_language()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("Themes and their questions"))
        self.rows = TreeRowFitter(self.tree)  # a question is read whole, however long
        self.fields = {}
        rows = []
        for language, label in (("fi", _("&Finnish:")), ("sv", _("&Swedish:")),
                                ("en", _("E&nglish:"))):
            field = QLineEdit()
            field.setAccessibleName({"fi": _("Finnish"), "sv": _("Swedish"),
                                     "en": _("English")}[language])
            field.textEdited.connect(lambda text, lang=language: self.text_edited(lang, text))
            self.fields[language] = field
            rows.append((label, field))
        self.add_theme_button = icon_button(_("Add &theme"), "new")
        self.add_theme_button.clicked.connect(self.add_theme)
        self.add_question_button = icon_button(_("Add &question"), "new")
        self.add_question_button.setToolTip(_("A question to the chosen theme"))
        self.add_question_button.clicked.connect(self.add_question)
        self.remove_button = icon_button(_("&Remove"), "delete")
        self.remove_button.setToolTip(_("The chosen theme with its questions, or the chosen "
                                        "question"))
        self.remove_button.clicked.connect(self.remove)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(_("What is wrong"))
        buttons = QHBoxLayout()
        for button in (self.add_theme_button, self.add_question_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        label = QLabel(_("T&hemes and questions:"))
        label.setBuddy(self.tree)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addLayout(labelled_form(rows))
        layout.addWidget(self.error)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                      | QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.tree.currentItemChanged.connect(lambda *_a: self.item_chosen())
        self.fill()
        self.resize(720, 560)

    # -- the tree ---------------------------------------------------------------------------

    def fill(self) -> None:
        self.tree.clear()
        for theme in self.data["themes"]:
            item = self._item(theme["title"])
            item.setData(0, THEME_ID, theme["id"])
            for question in theme["questions"]:
                item.addChild(self._item(question))
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _item(self, texts: dict) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text_in(texts, self.language) or "…"])
        item.setData(0, TEXTS, dict(texts))
        return item

    def item_chosen(self) -> None:
        item = self.tree.currentItem()
        texts = item.data(0, TEXTS) if item else {}
        for language, field in self.fields.items():
            field.setText(texts.get(language, ""))
            field.setEnabled(item is not None)

    def text_edited(self, language: str, text: str) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        texts = dict(item.data(0, TEXTS))
        texts[language] = text
        item.setData(0, TEXTS, texts)
        item.setText(0, text_in({k: v for k, v in texts.items() if v.strip()},
                                self.language) or "…")

    def add_theme(self) -> None:
        # Its questions are added next (Add question); OK refuses a theme without any.
        item = self._item({self.language: _("New theme")})
        self.tree.addTopLevelItem(item)
        item.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.fields[self.language].setFocus()
        self.fields[self.language].selectAll()

    def add_question(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            self.error.setText(_("Choose a theme first."))
            return
        theme = item.parent() or item
        question = self._item({self.language: _("New question?")})
        theme.addChild(question)
        theme.setExpanded(True)
        self.tree.setCurrentItem(question)
        self.fields[self.language].setFocus()
        self.fields[self.language].selectAll()

    def remove(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)
        self.tree.setFocus()

    # -- the result -------------------------------------------------------------------------

    def edited(self) -> dict:
        """The guide's data as edited: the themes in the tree's order, each keeping its id
        and links to the self-assessment and task themes (a new one gets a new id)."""
        old = {theme["id"]: theme for theme in self.data["themes"]}
        themes, used = [], set(old)
        for number in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(number)
            theme_id = item.data(0, THEME_ID)
            if theme_id is None:
                theme_id = next(f"theme{n}" for n in range(1, 1000) if f"theme{n}" not in used)
                used.add(theme_id)
            before = old.get(theme_id, {})
            themes.append({**before, "id": theme_id, "title": self._texts(item),
                           "questions": [self._texts(item.child(q))
                                         for q in range(item.childCount())]})
        return {**self.data, "themes": themes}

    @staticmethod
    def _texts(item: QTreeWidgetItem) -> dict:
        return {lang: text.strip() for lang, text in item.data(0, TEXTS).items()
                if lang in LANGUAGES and text.strip()}

    def accept(self) -> None:
        try:
            guides.check_guide(self.edited())
        except RuleViolation as exc:
            self.error.setText(str(exc))
            return
        super().accept()
