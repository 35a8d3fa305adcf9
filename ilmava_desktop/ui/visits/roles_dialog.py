"""Choosing who leads an interview and who takes its notes, from its interviewers."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form


class RolesDialog(QDialog):
    def __init__(self, what: str, interviewers: list[tuple[str, str]], lead: str | None,
                 notes: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Roles: {interview}").format(interview=what))
        self.lead = QComboBox()
        self.lead.setAccessibleName(_("Leads the interview"))
        self.notes = QComboBox()
        self.notes.setAccessibleName(_("Takes the notes"))
        for combo, chosen in ((self.lead, lead), (self.notes, notes)):
            combo.addItem(_("(nobody chosen)"), None)
            for person_id, name in interviewers:
                combo.addItem(name, person_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([(_("&Leads the interview:"), self.lead),
                                        (_("&Takes the notes:"), self.notes)]))
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))
        self.lead.setFocus()

    def values(self) -> dict:
        return {"lead": self.lead.currentData(), "notes": self.notes.currentData()}
