"""Importing a round's answers from a survey export or a typed list, with a preview."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.services.assessment import answer_import
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.import_preview import Importer, ImportPreviewDialog, PreviewRow


def _rows(plan: answer_import.AnswerPlan) -> list[PreviewRow]:
    """One row per line of the file: its sheet and how many of its answers are new."""
    by_line: dict[int, list[answer_import.AnswerRow]] = {}
    for row in plan.rows:
        by_line.setdefault(row.line, []).append(row)
    rows = []
    for line, answers in by_line.items():
        actions = {a.action for a in answers}
        result = (_("add") if "add" in actions else _("update") if "update" in actions
                  else _("unchanged"))
        first = answers[0]
        rows.append(PreviewRow(
            line, result, plan.municipality_names.get(first.municipality_id, ""),
            _("sheet {n}").format(n=first.sheet),
            ngettext("{n} answer", "{n} answers", len(answers)).format(n=len(answers))))
    rows += [PreviewRow(r.line, _("rejected"), "", "", r.reason) for r in plan.rejected]
    return rows


def _summary(plan: answer_import.AnswerPlan) -> str:
    summary = plan.summary()
    shape = (_("One row per respondent, a column per statement") if plan.shape == "wide"
             else _("One row per answer"))
    text = _("{added} to add, {updated} to update, {unchanged} unchanged, {rejected} "
             "rejected").format(added=summary["added"], updated=summary["updated"],
                                unchanged=summary["unchanged"],
                                rejected=len(summary["rejected"]))
    if plan.comments:
        text += "; " + _("{n} comment lines added").format(n=len(plan.comments))
    return f"{shape}: {text}"


def answers_importer(round_name: str) -> Importer:
    return Importer(
        title=_("Import answers to {round}").format(round=round_name),
        intro=_("Answers as a survey tool exports them (a row per respondent, a column per "
                "statement) or one row per answer, as CSV or XLSX."),
        label_header=_("Sheet"),
        detail_header=_("Answers, or the reason"),
        plan=lambda session, path, chosen, _picks: answer_import.plan_answers(
            session, path, round_name, chosen),
        apply=answer_import.apply_answers,
        rows=_rows,
        summary=_summary,
        fields=answer_import.field_choices,
        can_apply=lambda plan: bool(plan.count("add") + plan.count("update") + len(
            plan.comments)),
    )


class AnswerImportDialog(ImportPreviewDialog):
    def __init__(self, ctx: AppContext, round_name: str, parent: QWidget | None = None):
        super().__init__(ctx, answers_importer(round_name), parent)
