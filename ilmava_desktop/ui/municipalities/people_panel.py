"""The people of the chosen municipality: add, edit, export (GDPR) and delete."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.services.municipalities import people
from ilmava_desktop.services.municipalities import people as people_service
from ilmava_desktop.services.municipalities.listing import person_rows
from ilmava_desktop.services.output_files import write_atomically
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import ask, show_error
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.municipalities.backup_erasure import offer_backup_erasure
from ilmava_desktop.ui.municipalities.person_dialog import PersonDialog
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import row_table


class PeoplePanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(_("People"), parent)
        self.ctx = ctx
        self.municipality_id: str | None = None
        self.model = RowTableModel([
            Column(_("Name"), lambda p: p.name), Column(_("Role"), lambda p: p.role),
            Column(_("E-mail"), lambda p: p.email),
            Column(_("Language"), lambda p: p.language),
        ], self)
        self.table = row_table(self.model, _("People of the municipality"), stretch=(0, 1, 2), wrap=True)
        self.table.setMinimumHeight(180)
        self.table.doubleClicked.connect(lambda _i: self.edit_person())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_person)

        self.add_button = icon_button(_("Add &person…"), "new")
        self.edit_button = QPushButton(_("E&dit…"))
        self.export_button = icon_button(_("E&xport data…"), "export")
        self.export_button.setToolTip(_("Everything the cohort holds about this person, as a file"))
        self.delete_button = icon_button(_("&Delete person…"), "delete")
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.export_button.clicked.connect(self.export_person)
        self.delete_button.clicked.connect(self.delete_person)
        # Two by two, or one above another where the pane is narrower than two side by side
        # (a projector's 1024 pixels): the details pane is never wider than its room.
        self.buttons = QGridLayout()
        self.columns = 0
        self.lay_out_buttons(2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        ctx.changed.connect(self.on_ctx_changed)
        self.show_municipality(None)

    def show_municipality(self, municipality_id: str | None) -> None:
        self.municipality_id = municipality_id
        self.refresh()

    def on_ctx_changed(self, changes) -> None:
        if changes.touches("person", "municipality"):
            self.refresh()

    def refresh(self) -> None:
        m_id = self.municipality_id
        selected = self.selected_id()
        rows = self.ctx.read(lambda s: person_rows(s, m_id)) if m_id else []
        self.model.set_rows(rows)
        row = self.model.row_of_id(selected) if selected else None
        if row is not None:
            self.table.selectRow(row)
        self.add_button.setEnabled(m_id is not None)
        for button in (self.edit_button, self.export_button, self.delete_button):
            button.setEnabled(bool(rows))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def lay_out_buttons(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for number, button in enumerate((self.add_button, self.edit_button, self.export_button,
                                         self.delete_button)):
            self.buttons.removeWidget(button)
            self.buttons.addWidget(button, number // columns, number % columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        pair = max(self.add_button.sizeHint().width() + self.export_button.sizeHint().width(),
                   self.edit_button.sizeHint().width() + self.delete_button.sizeHint().width())
        self.lay_out_buttons(2 if event.size().width() >= pair + self.buttons.spacing() else 1)

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        """As narrow as one button: the buttons go one above another when it is."""
        hint = super().minimumSizeHint()
        widest = max(b.sizeHint().width() for b in (self.add_button, self.edit_button,
                                                    self.export_button, self.delete_button))
        hint.setWidth(min(hint.width(), widest + 2 * self.layout().contentsMargins().left()))
        return hint

    def add_person(self) -> None:
        m_id = self.municipality_id
        if not m_id:
            return
        dialog = PersonDialog(None, self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: people.add_person(s, m_id, **dialog.values()), parent=self))
        dialog.open()

    def edit_person(self) -> None:
        person_id = self.selected_id()
        if not person_id:
            return
        person = self.ctx.read(lambda s: people_service.person(s.db, person_id))
        dialog = PersonDialog(person, self)
        dialog.accepted.connect(lambda: run_op(
            self.ctx, lambda s: people.update_person(s, person_id, **dialog.values()),
            parent=self))
        dialog.open()

    def delete_person(self) -> None:
        person_id = self.selected_id()
        if not person_id:
            return
        person = self.ctx.read(lambda s: people_service.person(s.db, person_id))
        ask(self, _("Delete {name} and erase their data from the cohort? You can still undo "
                    "this until the cohort is closed.").format(name=person.name),
            [(_("Delete"), QMessageBox.ButtonRole.DestructiveRole),
             (_("Cancel"), QMessageBox.ButtonRole.RejectRole)],
            lambda answer: answer == 0 and run_op(
                self.ctx, lambda s: people.delete_person(s, person_id), parent=self,
                done=lambda _c: self.offer_backup_erasure(person_id, person.name)),
            icon=QMessageBox.Icon.Warning)

    def offer_backup_erasure(self, person_id: str, name: str) -> None:
        offer_backup_erasure(
            self, self.ctx, [person_id],
            lambda n: ngettext(
                "{n} backup of this cohort on this laptop still holds {name}'s data: erase it "
                "there too (this cannot be undone), or let it age out within two weeks?",
                "{n} backups of this cohort on this laptop still hold {name}'s data: erase it "
                "there too (this cannot be undone), or let it age out within two weeks?",
                n).format(n=n, name=name),
            lambda n: ngettext(
                "✓ {name} erased from {n} backup of the cohort on this laptop",
                "✓ {name} erased from {n} backups of the cohort on this laptop",
                n).format(name=name, n=n))

    def export_person(self) -> None:
        person_id = self.selected_id()
        if not person_id:
            return
        data = self.ctx.read(lambda s: people.export_person(s, person_id))
        dialog = QFileDialog(self, _("Export the person's data"), f"{data['name']}.json",
                             _("JSON files (*.json)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.write_export(Path(path), data))
        dialog.open()

    def write_export(self, path: Path, data: dict) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        try:
            write_atomically(path, lambda tmp: tmp.write_text(text, "utf-8"))
        except RuleViolation as exc:
            show_error(self, exc)
