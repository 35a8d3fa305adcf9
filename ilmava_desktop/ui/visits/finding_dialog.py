"""Writing down a finding at the joint debrief: strength or development area, theme, text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _
from ilmava_desktop.services.visits.findings import KINDS
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form, wide_enough_for


class FindingDialog(QDialog):
    def __init__(self, host: str, themes: list[tuple[str, str]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("A finding for {municipality}").format(municipality=host))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind"))
        for kind, label in KINDS.items():
            self.kind.addItem(_(label), kind)
        self.theme = QComboBox()
        self.theme.setAccessibleName(_("Theme"))
        self.theme.addItem(_("(no theme)"), None)
        for theme_id, title in themes:
            self.theme.addItem(title, theme_id)
        self.text = QLineEdit()
        self.text.setAccessibleName(_("Finding"))
        self.confidential = QCheckBox(_("&Confidential (within the programme)"))
        self.confidential.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([(_("&Kind:"), self.kind), (_("&Theme:"), self.theme),
                                        (_("&Finding:"), self.text)]))
        wide_enough_for(self.text, 56)  # a finding is a sentence
        layout.addWidget(self.confidential)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))
        self.text.setFocus()

    def values(self) -> dict:
        return {"kind": self.kind.currentData(), "theme_id": self.theme.currentData(),
                "text": self.text.text(), "confidential": self.confidential.isChecked()}
