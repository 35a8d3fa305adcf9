"""Adding or editing one person: name, role, title, e-mail, language. Nothing more."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.model import Person
from ilmava_desktop.core.roles import ROLES, role_from_title
from ilmava_desktop.core.rules import RuleViolation, check_email, check_person_name
from ilmava_desktop.i18n import _, language_name
from ilmava_desktop.services.municipalities.listing import LANGUAGES
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form


class PersonDialog(QDialog):
    def __init__(self, person: Person | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Edit person") if person else _("Add person"))
        self.name = QLineEdit(person.name if person else "")
        self.name.setAccessibleName(_("Name"))
        self.role = QComboBox()
        self.role.setAccessibleName(_("Role"))
        for role in ROLES:
            self.role.addItem(_(role.label), role.key)
        self.title = QLineEdit(person.title if person else "")
        self.title.setAccessibleName(_("Title"))
        self.title.setPlaceholderText(_("e.g. municipal manager"))
        self.email = QLineEdit(person.email if person else "")
        self.email.setAccessibleName(_("E-mail"))
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        self.language.addItem(_("— the municipality's language —"), None)
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.role.setCurrentIndex(max(0, self.role.findData(person.role if person else "other")))
        self.language.setCurrentIndex(max(0, self.language.findData(person.language)
                                          if person else 0))
        self._role_chosen = person is not None
        self.role.activated.connect(lambda _i: setattr(self, "_role_chosen", True))
        self.title.textEdited.connect(self._suggest_role)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(_("Error"))
        self.error.hide()

        form = labelled_form([(_("&Name:"), self.name), (_("&Title:"), self.title),
                              (_("&Role:"), self.role), (_("&E-mail:"), self.email),
                              (_("&Language:"), self.language)])
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save
                                 | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.setMinimumWidth(480)

    def _suggest_role(self, title: str) -> None:
        if not self._role_chosen:
            self.role.setCurrentIndex(max(0, self.role.findData(role_from_title(title))))

    def values(self) -> dict:
        return {"name": self.name.text(), "role": self.role.currentData(),
                "title": self.title.text(), "email": self.email.text().strip(),
                "language": self.language.currentData()}

    def accept(self) -> None:
        """Check with the same rules the service applies, so the dialog stays open on a slip."""
        try:
            check_person_name(self.name.text())
            check_email(self.email.text().strip().lower())
        except RuleViolation as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
