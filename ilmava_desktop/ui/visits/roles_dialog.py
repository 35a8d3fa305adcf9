"""An interview's people: which visiting team interviews (one, or both together), who of
them leads and who takes the notes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form


class RolesDialog(QDialog):
    def __init__(self, what: str, teams: list[tuple[str, str, list[tuple[str, str]]]],
                 chosen_teams: list[str], lead: str | None, notes: str | None,
                 parent: QWidget | None = None):
        """`teams`: each visiting team's municipality id, name and members (id, name)."""
        super().__init__(parent)
        self.setWindowTitle(_("Roles: {interview}").format(interview=what))
        self.teams = QComboBox()
        self.teams.setAccessibleName(_("Interviewed by"))
        for team_id, name, _members in teams:
            self.teams.addItem(name, [team_id])
        if len(teams) > 1:
            self.teams.addItem(_("Both teams together"), [t for t, _n, _m in teams])
        self.members = {team_id: members for team_id, _name, members in teams}
        self.teams.setCurrentIndex(max(0, self.teams.findData(chosen_teams)))
        self.lead = QComboBox()
        self.lead.setAccessibleName(_("Leads the interview"))
        self.notes = QComboBox()
        self.notes.setAccessibleName(_("Takes the notes"))
        self.fill_people(lead, notes)
        self.teams.currentIndexChanged.connect(lambda _i: self.fill_people(
            self.lead.currentData(), self.notes.currentData()))
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([(_("&Interviewed by:"), self.teams),
                                        (_("&Leads the interview:"), self.lead),
                                        (_("&Takes the notes:"), self.notes)]))
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))
        self.teams.setFocus()

    def fill_people(self, lead: str | None, notes: str | None) -> None:
        """The chosen team's (or teams') people to lead and take notes; a choice kept while
        its person still interviews."""
        people = [m for team in self.teams.currentData() or [] for m in self.members[team]]
        for combo, chosen in ((self.lead, lead), (self.notes, notes)):
            combo.clear()
            combo.addItem(_("(nobody chosen)"), None)
            for person_id, name in people:
                combo.addItem(name, person_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def values(self) -> dict:
        return {"teams": self.teams.currentData(), "lead": self.lead.currentData(),
                "notes": self.notes.currentData()}
