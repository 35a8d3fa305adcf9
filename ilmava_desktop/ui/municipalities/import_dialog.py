"""Importing registrations or applications: choose a file, see what would happen, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.municipality_names import MunicipalityFinder, display_name
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.resources import official_municipalities
from ilmava_desktop.services.municipalities import importing
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import message_for
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import Column, RowTableModel
from ilmava_desktop.ui.widgets import row_table


class _PreviewRow:
    def __init__(self, line: int, action: str, municipality: str, label: str, detail: str):
        self.id = str(line)
        self.line, self.action, self.label, self.detail = line, action, label, detail
        self.municipality = municipality


def _municipality_name(code: str, new_codes: list[str]) -> str:
    official = MunicipalityFinder(official_municipalities()).by_code(code)
    name = display_name(official.name_fi, official.name_sv, official.language_status,
                        current_language()) if official else code
    return _("{name} (new in the cohort)").format(name=name) if code in new_codes else name


def _action_text(action: str) -> str:
    return {importing.ADD: _("add"), importing.UPDATE: _("update"),
            importing.UNCHANGED: _("unchanged"), "rejected": _("rejected")}[action]


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan: importing.ImportPlan | None = None
        self.setWindowTitle(_("Import from a spreadsheet"))
        intro = QLabel(_("Registrations (people) or applications (municipalities) as CSV or "
                         "XLSX. Nothing is written until you press Import."))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(_("&Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(_("No file chosen"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Import summary"))
        self.model = RowTableModel([
            Column(_("Line"), lambda r: r.line, align_right=True),
            Column(_("Result"), lambda r: _action_text(r.action)),
            Column(_("Municipality"), lambda r: r.municipality),
            Column(_("Person"), lambda r: r.label),
            Column(_("Reason"), lambda r: r.detail),
        ], self)
        self.table = row_table(self.model, _("Import preview"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(820, 480)

    def choose_file(self) -> None:
        dialog = QFileDialog(self, _("Choose a file to import"), "",
                             _("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.load(Path(path)))
        dialog.open()

    def load(self, path: Path) -> None:
        """Plan the import of `path` and show the preview; writes nothing."""
        self.file_label.setText(path.name)
        self.ctx.door.run(lambda: importing.plan_import(self.ctx.session, path),
                          self._show_plan, self._show_unusable)

    def _show_unusable(self, exc: BaseException) -> None:
        self.plan = None
        self.model.set_rows([])
        self.summary.setText(message_for(exc))
        self.import_button.setEnabled(False)

    def _show_plan(self, plan: importing.ImportPlan) -> None:
        self.plan = plan
        rows = [_PreviewRow(r.line, r.action,
                            _municipality_name(r.municipality_code, plan.new_municipalities),
                            r.label if r.table == "person" else "", "") for r in plan.rows]
        rows += [_PreviewRow(r.line, "rejected", "", "", r.reason) for r in plan.rejected]
        self.model.set_rows(sorted(rows, key=lambda r: r.line))
        kind = (_("Registrations") if plan.kind == "registrations" else _("Applications"))
        self.summary.setText(f"{kind}: {importing.describe(plan)}")
        self.import_button.setEnabled(
            bool(plan.count(importing.ADD) + plan.count(importing.UPDATE)))

    def apply(self) -> None:
        plan = self.plan
        if plan is None:
            return
        run_op(self.ctx, lambda s: importing.apply_import(s, plan), parent=self,
               done=lambda _c: self.accept())
