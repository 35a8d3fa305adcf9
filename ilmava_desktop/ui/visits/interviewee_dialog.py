"""Adding an interviewee: name, title or unit, group, e-mail if given — nothing more."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from ilmava_desktop.core import visits as core
from ilmava_desktop.i18n import _
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form, wide_enough_for


class IntervieweeDialog(QDialog):
    def __init__(self, host: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add an interviewee: {municipality}").format(municipality=host))
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title or unit"))
        self.group = QComboBox()
        self.group.setAccessibleName(_("Interview group"))
        self.group.addItem(_("(from the title)"), None)
        for group in core.GROUPS:
            self.group.addItem(_(core.GROUP_LABELS[group]), group)
        self.email = QLineEdit()
        self.email.setAccessibleName(_("E-mail (optional)"))
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([(_("&Name:"), self.name), (_("&Title or unit:"), self.title),
                                        (_("Interview &group:"), self.group),
                                        (_("&E-mail (optional):"), self.email)]))
        for field in (self.name, self.title, self.email):
            wide_enough_for(field, 34)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))

    def values(self) -> dict:
        return {"name": self.name.text(), "title": self.title.text(),
                "group": self.group.currentData(), "email": self.email.text()}
