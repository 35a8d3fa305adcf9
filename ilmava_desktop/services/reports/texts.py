"""What the facilitator writes into a municipality's report: a summary and the next steps.

Drafted from the board (the most voted development areas), then the facilitator's own words;
stored in the cohort, one row a municipality, and printed on the report's first page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core import board as board_core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, gettext_for
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import board
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import stable_id

# A mayor reads the first page in a minute: five steps are a plan, more are a list.
MAX_NEXT_STEPS = 5


@dataclass(frozen=True)
class ReportText:
    summary: str
    next_steps: list[str]

    def is_empty(self) -> bool:
        return not (self.summary or self.next_steps)


def _row_id(municipality_id: str) -> str:
    return stable_id("report_text", municipality_id)


def report_text(db, municipality_id: str) -> ReportText:
    row = next(db.query("SELECT summary, next_steps FROM report_text WHERE id = ? AND "
                        "deleted = 0", [_row_id(municipality_id)]), None)
    if row is None:
        return ReportText("", [])
    return ReportText(row["summary"], _lines(row["next_steps"]))


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def draft(db, municipality_id: str, language: str) -> ReportText:
    """A first version from what the cohort holds: the task, and the most voted development
    areas on the board as the next steps."""
    _ = gettext_for(language)
    municipality = queries.municipality(db, municipality_id)
    cards = [c for c in board.cards(db) if c.municipality_id == municipality_id]
    steps = board_core.top_voted(cards, "development", 3)
    theme = wicked_problem_themes().get(municipality.theme or "", {}).get(language, "")
    parts = []
    if theme:
        parts.append(_("Development task: {theme}.").format(theme=theme))
    strengths = board_core.top_voted(cards, "strength", 2)
    if strengths:
        parts.append(_("Strengths noted: {items}.").format(items="; ".join(strengths)))
    if steps:
        parts.append(_("Most voted development areas: {items}.").format(items="; ".join(steps)))
    return ReportText(" ".join(parts), steps)


def set_report_text(session: CohortSession, *, municipality_id: str,
                    summary: str | Keep = KEEP, next_steps: list[str] | Keep = KEEP) -> Changes:
    """The facilitator's summary and next steps for a municipality's report; what is left out
    stays as it was."""
    municipality = queries.municipality(session.db, municipality_id)
    if municipality is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))
    fields: dict[str, str] = {}
    if summary is not KEEP:
        fields["summary"] = "\n".join(line.rstrip() for line in summary.strip().splitlines())
    if next_steps is not KEEP:
        steps = [" ".join(step.split()) for step in next_steps if step.strip()]
        if len(steps) > MAX_NEXT_STEPS:
            raise RuleViolation(_("A report has at most {n} next steps; {given} were given.")
                                .format(n=MAX_NEXT_STEPS, given=len(steps)))
        fields["next_steps"] = "\n".join(steps)
    return session.write(
        _("Report text of {name}").format(name=municipality.name_fi),
        lambda tx: tx.put("report_text", {"id": _row_id(municipality_id),
                                          "municipality_id": municipality_id, **fields}))
