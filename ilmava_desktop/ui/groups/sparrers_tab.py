"""The sparrer bank in the window: sparrers entered or imported, and whom each one helps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, current_language, language_name
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.cohort.session import Changes
from ilmava_desktop.services.groups import documents as peer_documents
from ilmava_desktop.services.groups import sparrers
from ilmava_desktop.services.municipalities.listing import LANGUAGES
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.groups.printing import choose_pdf
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.import_preview import Importer, ImportPreviewDialog, PreviewRow, theme_name
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import (
    above_and_below,
    dialog_buttons,
    labelled_form,
    row_table,
    wide_enough_for_items,
)


@dataclass(frozen=True)
class BankRow:
    id: str
    name: str
    organisation: str
    themes: str
    languages: str
    capacity: int
    municipalities: str
    load: int


@dataclass(frozen=True)
class MatchRow:
    id: str
    municipality: str
    sparrer: str
    reasons: str
    locked: bool


class SparrerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add a sparrer"))
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(_("Organisation"))
        self.themes = QListWidget()
        self.themes.setAccessibleName(_("Themes of expertise"))
        language = current_language()
        for theme, labels in wicked_problem_themes().items():
            item = QListWidgetItem(labels[language])
            item.setData(Qt.ItemDataRole.UserRole, theme)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.themes.addItem(item)
        self.languages = QListWidget()
        self.languages.setAccessibleName(_("Languages"))
        self.languages.setMaximumHeight(80)
        for code in LANGUAGES:
            item = QListWidgetItem(language_name(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code == "fi" else Qt.CheckState.Unchecked)
            self.languages.addItem(item)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 30)
        self.capacity.setValue(2)
        self.capacity.setAccessibleName(_("Capacity"))
        layout = QVBoxLayout(self)
        layout.addLayout(labelled_form([
            (_("&Name:"), self.name), (_("&Organisation:"), self.organisation),
            (_("&Themes:"), self.themes), (_("&Languages:"), self.languages),
            (_("&Capacity (municipalities):"), self.capacity)]))
        wide_enough_for_items(self.themes)  # in the dialog now, in the window's font
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel))

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def values(self) -> dict:
        return {"name": self.name.text(), "organisation": self.organisation.text(),
                "themes": self._checked(self.themes), "languages": self._checked(self.languages),
                "capacity": self.capacity.value()}


@dataclass(frozen=True)
class _SparrerPlan:
    result: sparrers.SparrerImport
    path: Path
    chosen: dict
    picks: dict


def _sparrer_rows(plan: _SparrerPlan) -> list[PreviewRow]:
    """A row per sparrer of the file (added, updated or unchanged, with the themes it will
    have), then the themes left out and the lines rejected."""
    actions = {"added": _("add"), "updated": _("update"), "unchanged": _("unchanged")}
    return ([PreviewRow(r.line, actions[r.action], "",
                        f"{r.name} ({r.organisation})" if r.organisation else r.name,
                        ", ".join(theme_name(t) for t in r.themes)) for r in plan.result.rows]
            + [PreviewRow(r.line, _("rejected"), "", "", r.reason) for r in plan.result.rejected]
            + [PreviewRow(r.line, _("note"), "", "", r.reason) for r in plan.result.notes])


SPARRERS = Importer(
    title=_("Import sparrers"),
    intro=_("The sparrer bank as CSV or XLSX: name, organisation, themes, languages and how "
            "many municipalities each can take."),
    label_header=_("Sparrer"),
    detail_header=_("Themes, or the reason"),
    plan=lambda session, path, chosen, picks: _SparrerPlan(
        sparrers.import_sparrers(session, path, dry_run=True, chosen=chosen, picks=picks),
        path, chosen, picks),
    apply=lambda session, plan: sparrers.import_sparrers(session, plan.path,
                                                         chosen=plan.chosen, picks=plan.picks),
    rows=_sparrer_rows,
    summary=lambda plan: _("{added} to add, {updated} to update, {unchanged} unchanged, "
                           "{rejected} rejected").format(
        added=plan.result.added, updated=plan.result.updated,
        unchanged=plan.result.unchanged, rejected=len(plan.result.rejected)),
    fields=lambda plan: sparrers.field_choices(),
    can_apply=lambda plan: bool(plan.result.added + plan.result.updated),
    columns=lambda plan: plan.result.columns,
    questions=lambda plan: list(plan.result.theme_questions),
)


class SparrersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.bank_model = RowTableModel([
            Column(_("Sparrer"), lambda r: r.name),
            Column(_("Organisation"), lambda r: r.organisation),
            Column(_("Themes"), lambda r: r.themes),
            Column(_("Languages"), lambda r: r.languages),
            # The load against the capacity, and who: headings apart from "Sparrer" (the
            # Swedish "Sparrare | Sparrar" read as one word twice).
            Column(_("Load / capacity"), lambda r: f"{r.load} / {r.capacity}",
                   align_right=True, two_line_header=True),
            Column(_("Municipalities sparred"), lambda r: r.municipalities,
                   two_line_header=True),
        ], self)
        self.bank = row_table(self.bank_model, _("The sparrer bank"), stretch=(1, 2, 5), wrap=True)
        self.match_model = RowTableModel([
            Column(_("Municipality"), lambda r: r.municipality),
            Column(_("Sparrer"), lambda r: r.sparrer),
            Column(_("Locked"), lambda r: _("locked") if r.locked else _("not locked"),
                   checked=lambda r: r.locked),
            Column(_("Why"), lambda r: r.reasons),
        ], self)
        self.matches = row_table(self.match_model, _("Sparrer for each municipality"),
                                 stretch=(3,), wrap=True)
        self.import_button = icon_button(_("&Import…"), "import")
        self.import_button.clicked.connect(self.choose_import)
        self.add_button = icon_button(_("&Add a sparrer…"), "new")
        self.add_button.clicked.connect(self.open_add)
        self.remove_button = icon_button(_("&Remove the sparrer"), "delete")
        self.remove_button.clicked.connect(self.remove)
        self.match_button = QPushButton(_("&Match sparrers"))
        self.match_button.setToolTip(_("Locked matches are kept"))
        self.match_button.clicked.connect(self.match)
        self.lock_button = QPushButton(_("&Lock / unlock the match"))
        self.lock_button.clicked.connect(self.toggle_lock)
        self.message = QLabel()
        self.message.setWordWrap(True)
        bank_buttons = QHBoxLayout()
        for button in (self.import_button, self.add_button, self.remove_button):
            bank_buttons.addWidget(button)
        bank_buttons.addStretch(1)
        self.print_button = icon_button(_("Print (P&DF)…"), "print")
        self.print_button.clicked.connect(lambda: choose_pdf(
            self, self.ctx, _("sparrers"), self.message, peer_documents.sparrers_document))
        match_buttons = QHBoxLayout()
        for button in (self.match_button, self.lock_button):
            match_buttons.addWidget(button)
        match_buttons.addStretch(1)
        match_buttons.addWidget(self.print_button)
        top, bottom = QWidget(), QWidget()
        top_layout, bottom_layout = QVBoxLayout(top), QVBoxLayout(bottom)
        top_layout.addWidget(self.bank, 1)
        top_layout.addLayout(bank_buttons)
        bottom_layout.addWidget(self.matches, 1)
        bottom_layout.addLayout(match_buttons)
        # The bank's rows are paragraphs (themes, municipalities), the matches' one line:
        # the bank gets the larger part.
        split = above_and_below(top, bottom, (3, 2))
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def load(self) -> None:
        language = current_language()

        def read(session):
            db = session.db
            return (sparrers.sparrers(db), sparrers.saved_matches(db),
                    municipality_service.taking_part(db), sparrers.seekers(db))

        bank, saved, municipalities, seekers = self.ctx.read(read)
        themes = {t: labels[language] for t, labels in wicked_problem_themes().items()}
        names = {m.id: m.name(language) for m in municipalities}
        helps: dict[str, list[str]] = {}
        for municipality, (sparrer, _locked) in saved.items():
            helps.setdefault(sparrer, []).append(names.get(municipality, "?"))
        self.bank_model.set_rows([BankRow(
            s.id, s.name, s.organisation, ", ".join(themes.get(t, t) for t in sorted(s.themes)),
            ", ".join(language_name(x) for x in sorted(s.languages)), s.capacity,
            ", ".join(sorted(helps.get(s.id, []))), len(helps.get(s.id, []))) for s in bank])
        from ilmava_desktop.core.sparring import match_score

        by_sparrer = {s.id: s for s in bank}
        by_seeker = {s.id: s for s in seekers}
        self.match_model.set_rows(sorted((MatchRow(
            m, names.get(m, "?"), by_sparrer[s].name if s in by_sparrer else "?",
            "; ".join(match_score(by_sparrer[s], by_seeker[m])[1]) if s in by_sparrer
            and m in by_seeker else "", locked) for m, (s, locked) in saved.items()),
            key=lambda r: r.municipality))

    def _write(self, work) -> None:
        run_op(self.ctx, work, say=self.message)

    def choose_import(self) -> ImportPreviewDialog:
        dialog = ImportPreviewDialog(self.ctx, SPARRERS, self)
        dialog.accepted.connect(lambda: self.ctx.changed.emit(
            Changes({"sparrer": frozenset()}, _("Import sparrers"))))
        dialog.open()
        return dialog

    def import_file(self, path: Path) -> None:
        """Import a file without the preview, saying what happened."""
        def done(result) -> None:
            text = _("{added} to add, {updated} to update, {unchanged} unchanged, {rejected} "
                     "rejected").format(added=result.added, updated=result.updated,
                                        unchanged=result.unchanged,
                                        rejected=len(result.rejected))
            lines = [_("line {line}: {reason}").format(line=r.line, reason=r.reason)
                     for r in [*result.rejected, *result.notes][:5]]
            self.message.setText("\n".join([text, *lines]))
            self.ctx.changed.emit(Changes({"sparrer": frozenset()}, _("Import sparrers")))

        run_op(self.ctx, lambda s: sparrers.import_sparrers(s, path), say=self.message,
               done=done)

    def open_add(self) -> SparrerDialog:
        dialog = SparrerDialog(self)
        dialog.accepted.connect(lambda: self._write(
            lambda s: sparrers.add_sparrer(s, **dialog.values())))
        dialog.open()
        return dialog

    def remove(self) -> None:
        index = self.bank.currentIndex()
        if not index.isValid():
            self.message.setText(_("Choose a sparrer first."))
            return
        sparrer_id = self.bank_model.row_at(index.row()).id
        self._write(lambda s: sparrers.remove_sparrer(s, sparrer_id))

    def match(self) -> None:
        self._write(lambda s: sparrers.save_matches(s, sparrers.propose(s.db)))

    def toggle_lock(self) -> None:
        index = self.matches.currentIndex()
        if not index.isValid():
            self.message.setText(_("Choose a municipality's match first."))
            return
        row = self.match_model.row_at(index.row())
        self._write(lambda s: sparrers.set_locked(s, row.id, not row.locked))
