"""Each municipality's review team: who they are, whom they visit, and a word when the
team is outside 2–3 people."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services import visits
from ilmava_desktop.services.municipalities import people as people_service
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import dialog_buttons, row_table, wide_enough_for_items


@dataclass(frozen=True)
class TeamRow:
    id: str  # the municipality's
    municipality: str
    members: str
    reviews: str
    warning: str


class TeamsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.message: QLabel | None = None
        self.model = RowTableModel([
            Column(_("Municipality"), lambda r: r.municipality),
            Column(_("Team"), lambda r: r.members),
            Column(_("Reviews"), lambda r: r.reviews),
            Column(_("Note"), lambda r: r.warning),
        ], self)
        self.table = row_table(self.model, _("Review teams"), stretch=(1, 2), wrap=True)
        self.table.doubleClicked.connect(lambda _index: self.edit_team())
        self.edit_button = QPushButton(_("&Choose the team…"))
        self.edit_button.setToolTip(_("2–3 of the municipality's people, chosen from those "
                                      "who should learn most"))
        self.edit_button.clicked.connect(self.edit_team)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.setFocusProxy(self.table)

    def load(self) -> None:
        language = current_language()
        teams = self.ctx.read(lambda s: visits.teams(s.db))
        names = {t.municipality.id: t.municipality.name(language) for t in teams}
        self.model.set_rows([TeamRow(
            t.municipality.id, t.municipality.name(language),
            ", ".join(p.name for p in t.members) or _("(nobody yet)"),
            ", ".join(names.get(r, "?") for r in t.reviews),
            t.warning or "✓ " + _("in order")) for t in teams])
        self.empty.setText("" if any(t.reviews for t in teams) else _(
            "No visits yet: save the peer-review pairs in Groups first."))
        if not self.table.currentIndex().isValid() and teams:
            self.table.selectRow(0)

    def chosen(self) -> TeamRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def edit_team(self) -> TeamDialog | None:
        row = self.chosen()
        if row is None:
            if self.message:
                self.message.setText(_("Choose a municipality first."))
            return None
        people, members = self.ctx.read(lambda s: (
            people_service.people(s.db, row.id), {p.id for p in visits.team_members(s.db, row.id)}))
        dialog = TeamDialog(row.municipality, [(p.id, p.name, p.title) for p in people],
                            members, self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: visits.set_team(s, municipality_id=row.id,
                                                person_ids=dialog.chosen()),
            say=self.message, parent=self))
        dialog.open()
        return dialog


class TeamDialog(QDialog):
    """Tick the municipality's people who form its review team."""

    def __init__(self, municipality: str, people: list[tuple[str, str, str]],
                 members: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Review team of {municipality}").format(
            municipality=municipality))
        self.list = QListWidget()
        self.list.setAccessibleName(_("The municipality's people"))
        for person_id, name, title in people:
            item = QListWidgetItem(f"{name} – {title}" if title else name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person_id in members
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        hint = QLabel(_("Space ticks a person. 2–3 people: those who should learn most from "
                        "the other municipalities."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        wide_enough_for_items(self.list)  # in the dialog now, in the window's font
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
