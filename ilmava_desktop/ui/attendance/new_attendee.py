"""A walk-in or a substitute: a name (and title) typed at the door."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ilmava_desktop.core.roles import ROLES, role_from_title
from ilmava_desktop.core.rules import RuleViolation, check_person_name
from ilmava_desktop.i18n import _
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form


class NewAttendeeDialog(QDialog):
    """For a walk-in, choose the municipality; for a substitute, it is the registered person's."""

    def __init__(self, title: str, intro: str, municipalities: list[tuple[str, str]] | None,
                 chosen_municipality: str | None, parent: QWidget | None = None,
                 default_role: str = "other"):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.municipality: QComboBox | None = None
        rows = []
        if municipalities is not None:
            self.municipality = QComboBox()
            self.municipality.setAccessibleName(_("Municipality"))
            for municipality_id, name in municipalities:
                self.municipality.addItem(name, municipality_id)
            if chosen_municipality:
                self.municipality.setCurrentIndex(
                    max(0, self.municipality.findData(chosen_municipality)))
            rows.append((_("&Municipality:"), self.municipality))
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.title_field = QLineEdit()
        self.title_field.setAccessibleName(_("Title"))
        self.title_field.setPlaceholderText(_("e.g. municipal manager"))
        self.role = QComboBox()
        self.role.setAccessibleName(_("Role"))
        for role in ROLES:
            self.role.addItem(_(role.label), role.key)
        self.role.setCurrentIndex(self.role.findData(default_role))
        self._role_chosen = False
        self.role.activated.connect(lambda _i: setattr(self, "_role_chosen", True))
        self.title_field.textEdited.connect(self._suggest_role)
        rows += [(_("&Name:"), self.name), (_("&Title:"), self.title_field),
                 (_("&Role:"), self.role)]
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addLayout(labelled_form(rows))
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))
        self.setMinimumWidth(440)
        self.name.setFocus()

    def _suggest_role(self, title: str) -> None:
        if not self._role_chosen:
            self.role.setCurrentIndex(self.role.findData(role_from_title(title)))

    def values(self) -> dict:
        values = {"name": self.name.text(), "title": self.title_field.text(),
                  "role": self.role.currentData()}
        if self.municipality is not None:
            values["municipality_id"] = self.municipality.currentData()
        return values

    def accept(self) -> None:
        try:
            check_person_name(self.name.text())
        except RuleViolation as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
