"""Everything about one card, changed at once: text, kind, municipality, theme, group,
initials and whether it may be published."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import board as core
from ilmava_desktop.i18n import _
from ilmava_desktop.ui.geometry import keep_dialog_geometry
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form


class CardDialog(QDialog):
    def __init__(self, card: core.Card, municipalities: list[tuple[str | None, str]],
                 themes: list[tuple[str | None, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Edit the card"))
        self.card = card
        self.text = QPlainTextEdit(card.text)
        self.text.setAccessibleName(_("Text of the card"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind"))
        for kind, label in core.KINDS.items():
            self.kind.addItem(_(label), kind)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(_("Municipality"))
        for data, text in municipalities:
            self.municipality.addItem(text, data)
        self.theme = QComboBox()
        self.theme.setAccessibleName(_("Theme"))
        for data, text in themes:
            self.theme.addItem(text, data)
        for combo, value in ((self.kind, card.kind), (self.municipality, card.municipality_id),
                             (self.theme, card.theme_id)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.group = QLineEdit(card.group)
        self.group.setAccessibleName(_("Group"))
        self.author = QLineEdit(card.author)
        self.author.setAccessibleName(_("Author's initials"))
        self.author.setMaxLength(12)
        self.confidential = QCheckBox(_("Confi&dential"))
        self.confidential.setChecked(card.confidential)
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([
            (_("&Text:"), self.text), (_("&Kind:"), self.kind),
            (_("&Municipality:"), self.municipality), (_("&Theme:"), self.theme),
            (_("&Group:"), self.group), (_("&Initials:"), self.author),
            ("", self.confidential)]))
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel))
        self.resize(520, self.sizeHint().height())
        keep_dialog_geometry(self, "card")

    def values(self) -> dict:
        return {"text": self.text.toPlainText(), "kind": self.kind.currentData(),
                "municipality_id": self.municipality.currentData(),
                "theme_id": self.theme.currentData(), "group": self.group.text(),
                "author": self.author.text(), "confidential": self.confidential.isChecked()}
