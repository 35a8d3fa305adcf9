"""A visit's preparation meetings, one per visiting team: its date and a place or an online
link, set, changed and deleted from the keyboard (Enter edits, Delete deletes)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.i18n import _
from ilmava_desktop.services import visits
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form, row_table, say_whole_text_in_tooltip


@dataclass(frozen=True)
class PreparationRow:
    id: str  # the visiting municipality's id
    team: str
    date: str
    place: str


class PreparationDialog(QDialog):
    """The date and the place (or an online link, as text) of one team's meeting."""

    def __init__(self, team: str, date: str, place: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Preparation meeting: {team}").format(team=team))
        self.date = QLineEdit(date)
        self.date.setPlaceholderText(format_date(datetime.date(2026, 10, 1)))
        self.date.setAccessibleName(_("Date"))
        self.place = QLineEdit(place)
        self.place.setPlaceholderText(_("a room, or a link to an online meeting"))
        self.place.setAccessibleName(_("Place or online link"))
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([(_("&Date:"), self.date),
                                        (_("&Place or online link:"), self.place)]))
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))
        self.resize(460, 0)

    def values(self) -> dict:
        return {"date": self.date.text().strip() or None, "place": self.place.text()}


class PreparationsPanel(QWidget):
    """The table of the visit's teams and their meetings, with Edit and Delete."""

    def __init__(self, tab, parent: QWidget | None = None):
        super().__init__(parent)
        self.tab = tab  # the visit tab: its chosen host, its writes and its message line
        self.model = RowTableModel([
            Column(_("Visiting team"), lambda r: r.team),
            Column(_("Day"), lambda r: r.date),
            # "Where": the place or the online link; a longer heading was cut beside the
            # scroll bar.
            Column(_("Where"), lambda r: r.place),
        ], self)
        self.table = row_table(self.model, _("Preparation meetings"), stretch=(2,), wrap=True)
        self.table.setMaximumHeight(96)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.edit_button = QPushButton(_("Edit meeting…"))
        self.edit_button.setToolTip(_("The chosen team's preparation meeting: a date, and a "
                                      "place or an online link (Enter in the table)"))
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(_("Delete meeting"))
        say_whole_text_in_tooltip(self.edit_button, self.delete_button)
        self.delete_button.setToolTip(_("The chosen team's preparation meeting is no longer "
                                        "planned (Delete in the table)"))
        self.delete_button.clicked.connect(self.delete)
        self.label = label = QLabel(_("Preparatio&n meetings:"))
        label.setBuddy(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_visit(self, found: visits.Visit | None, team_names: dict[str, str]) -> None:
        if found is None:
            self.model.set_rows([])
            return
        meetings = {p.reviewer_id: p for p in found.preparations}
        rows = []
        for reviewer in found.reviewer_ids:
            meeting = meetings.get(reviewer)
            rows.append(PreparationRow(
                reviewer, team_names.get(reviewer, "?"),
                (visits.shown_date(meeting.date) or _("date not set")) if meeting
                else _("not set"),
                meeting.place if meeting else ""))
        current = self.table.currentIndex().row()
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(min(max(current, 0), len(rows) - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.edit()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.delete()
                return True
        return super().eventFilter(watched, event)

    def _chosen(self) -> PreparationRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.tab.say(_("Choose a visiting team first."))
            return None
        return self.model.row_at(index.row())

    def edit(self) -> PreparationDialog | None:
        host = self.tab.host_id()
        if host is None or (row := self._chosen()) is None:
            return None
        meeting = next((p for p in self.tab.current.preparations
                        if p.reviewer_id == row.id), None)
        dialog = PreparationDialog(row.team, visits.shown_date(meeting.date) if meeting else "",
                                   meeting.place if meeting else "", self)
        dialog.accepted.connect(lambda: self.tab.write(
            lambda s: visits.set_preparation(s, host_id=host, reviewer_id=row.id,
                                             **dialog.values())))
        dialog.open()
        return dialog

    def delete(self) -> None:
        host = self.tab.host_id()
        if host is None or (row := self._chosen()) is None:
            return
        self.tab.write(lambda s: visits.delete_preparation(s, host_id=host,
                                                           reviewer_id=row.id))
