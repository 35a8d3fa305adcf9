"""Importing registrations or applications: choose a file, see how each column is used and
what would happen, import."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ilmava_desktop.core.municipality_names import MunicipalityFinder, display_name
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.resources import official_municipalities
from ilmava_desktop.services.municipalities import importing
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.import_preview import Importer, ImportPreviewDialog, PreviewRow


def _municipality_name(code: str, new_codes: list[str]) -> str:
    official = MunicipalityFinder(official_municipalities()).by_code(code)
    name = display_name(official.name_fi, official.name_sv, official.language_status,
                        current_language()) if official else code
    return _("{name} (new in the cohort)").format(name=name) if code in new_codes else name


def _action_text(action: str) -> str:
    return {importing.ADD: _("add"), importing.UPDATE: _("update"),
            importing.UNCHANGED: _("unchanged"), "rejected": _("rejected"),
            "note": _("note")}[action]


def _rows(plan: importing.ImportPlan) -> list[PreviewRow]:
    rows = [PreviewRow(r.line, _action_text(r.action),
                       _municipality_name(r.municipality_code, plan.new_municipalities),
                       r.label if r.table == "person" else "", "") for r in plan.rows]
    rows += [PreviewRow(r.line, _action_text("note"), "", "", r.reason) for r in plan.notes]
    rows += [PreviewRow(r.line, _action_text("rejected"), "", "", r.reason)
             for r in plan.rejected]
    return rows


def _summary(plan: importing.ImportPlan) -> str:
    kind = (_("Registrations") if plan.kind == "registrations" else _("Applications"))
    return f"{kind}: {importing.describe(plan)}"


MUNICIPALITIES = Importer(
    title=_("Import from a spreadsheet"),
    intro=_("Registrations (people) or applications (municipalities) as CSV or XLSX, as a "
            "form or a survey tool exports them."),
    label_header=_("Person"),
    plan=lambda session, path, chosen, picks: importing.plan_import(session, path, chosen,
                                                                    picks=picks),
    apply=importing.apply_import,
    rows=_rows,
    summary=_summary,
    fields=lambda plan: importing.field_choices(plan.kind),
    label_of=importing.field_label,
    can_apply=lambda plan: bool(plan.count(importing.ADD) + plan.count(importing.UPDATE)),
    questions=lambda plan: plan.theme_questions,
    subject_of=lambda question: _municipality_name(question.subject, []),
    subject_header=_("Municipality"),
)


class ImportDialog(ImportPreviewDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, MUNICIPALITIES, parent)
