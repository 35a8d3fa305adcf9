"""Importing answer sheets collected on paper or in a form: one row per answer.

Columns: municipality (code or name), sheet (optional, default 1), statement id, value
(1–5; empty or "don't know" in any of our languages = don't know). The round is created
with the cohort's template if it does not exist. Importing the same file again changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ilmava_desktop.core import assessment as core
from ilmava_desktop.core.import_rows import (
    HEADER_ALIASES,
    Rejection,
    UnusableFile,
    columns_by_alias,
)
from ilmava_desktop.core.municipality_names import MunicipalityFinder, name_key
from ilmava_desktop.core.rules import RuleViolation, clean_text, excerpt, whole_number
from ilmava_desktop.i18n import _
from ilmava_desktop.resources import official_municipalities
from ilmava_desktop.services import assessment
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.table_files import read_table
from ilmava_desktop.storage import queries

ANSWER_ALIASES = {
    "municipality": HEADER_ALIASES["municipality"],
    "sheet": ("lomake", "vastaaja", "vastauslomake", "blankett", "svarande", "respondent",
              "sheet"),
    "statement": ("väittämä", "väite", "påstående", "statement", "kysymys", "fråga", "question"),
    "value": ("arvo", "vastaus", "värde", "svar", "value", "answer", "score"),
    "strengths": ("vahvuudet", "vahvuus", "styrkor", "styrka", "strengths", "strength"),
    "development_areas": ("kehittämiskohteet", "kehittämiskohde", "utvecklingsområden",
                          "utvecklingsområde", "development areas", "development area"),
    "comment": ("kommentti", "huomio", "kommentar", "comment", "comments"),
}
# Sheets are numbered per municipality; no round collects a thousand from one.
MAX_SHEET = core.MAX_SHEET

_FIELD = {name_key(alias): column for column, aliases in ANSWER_ALIASES.items()
          for alias in aliases}


@dataclass(frozen=True)
class AnswerRow:
    line: int
    municipality_id: str
    sheet: int
    statement_id: str
    value: int | None
    action: str


@dataclass(frozen=True)
class CommentLine:
    municipality_id: str
    theme_id: str
    kind: str  # strengths or development_areas
    text: str


@dataclass
class AnswerPlan:
    round_name: str
    round_exists: bool
    rows: list[AnswerRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    # Comment lines not yet in the theme's comments (a line already there is not added again).
    comments: list[CommentLine] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def summary(self) -> dict:
        return {"round": self.round_name, "round_created": not self.round_exists,
                "added": self.count("add"), "updated": self.count("update"),
                "unchanged": self.count("unchanged"), "comments_added": len(self.comments),
                "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected]}


def plan_answers(session: CohortSession, path: Path, round_name: str) -> AnswerPlan:
    header, rows = read_table(path)
    columns = columns_by_alias(header, _FIELD)
    missing = {"municipality", "statement", "value"} - columns.keys()
    if missing:
        raise UnusableFile(_("The file needs the columns municipality, statement and value "
                             "(Kunta, Väittämä, Arvo)."))
    db = session.db
    existing_round = assessment.find_round(db, round_name)
    template = (assessment.template(db, existing_round.template_id) if existing_round
                else core.parse_template(json.loads(
                    assessment.default_template_body())))
    statements = {s.id for s in template.statements}
    finder = MunicipalityFinder(official_municipalities())
    in_cohort = {m.code: m.id for m in queries.municipalities(db)}
    current = ({(a.municipality_id, a.sheet, a.statement_id): a.value
                for a in assessment.answers(db, existing_round.id)} if existing_round else {})
    plan = AnswerPlan(clean_text(round_name), existing_round is not None)
    existing_comments: dict[tuple[str, str, str], list[str]] = {}
    if existing_round:
        for (m_id, theme, kind), text in assessment.all_comments(db, existing_round.id).items():
            existing_comments[(m_id, theme, kind)] = [t for t in text.splitlines() if t.strip()]
    first_line: dict[tuple, int] = {}
    for line, row in rows:
        cells = {column: clean_text(row[index]) if index < len(row) else ""
                 for column, index in columns.items()}
        if not any(cells.values()):
            continue
        try:
            official = finder.find(cells["municipality"]) if cells["municipality"] else None
            if official is None:
                raise RuleViolation(_("unknown municipality “{name}”").format(
                    name=excerpt(cells["municipality"])))
            if official.code not in in_cohort:
                raise RuleViolation(_("{name} is not in the cohort").format(name=official.name_fi))
            statement = cells["statement"]
            if statement not in statements:
                raise RuleViolation(_("unknown statement “{id}”").format(id=excerpt(statement)))
            sheet_text = cells.get("sheet") or "1"
            sheet = whole_number(sheet_text, 1, MAX_SHEET)
            if sheet is None:
                raise RuleViolation(_("sheet must be a number from 1 to {high}, not “{text}”")
                                    .format(high=MAX_SHEET, text=excerpt(sheet_text)))
            value = core.parse_answer_value(cells["value"], template.values)
        except RuleViolation as exc:
            plan.rejected.append(Rejection(line, str(exc)))
            continue
        key = (in_cohort[official.code], sheet, statement)
        if key in first_line and current[key] != value:
            plan.rejected.append(Rejection(line, _(
                "line {line} already answers this statement on this sheet").format(
                    line=first_line[key])))
            continue
        first_line.setdefault(key, line)
        action = "add" if key not in current else (
            "unchanged" if current[key] == value else "update")
        current[key] = value
        plan.rows.append(AnswerRow(line, *key, value, action))
        for kind, text in _comment_cells(cells):
            _plan_comment(plan, existing_comments, CommentLine(
                key[0], template.theme_of(statement), kind, text))
    return plan


def _comment_cells(cells: dict[str, str]) -> list[tuple[str, str]]:
    """The row's comments by kind. A plain comment is a development area unless it
    begins with "+" (the board's sign for a strength)."""
    found = [(kind, cells[kind]) for kind in ("strengths", "development_areas")
             if cells.get(kind)]
    comment = cells.get("comment", "")
    if comment.startswith("+"):
        found.append(("strengths", comment[1:].strip()))
    elif comment:
        found.append(("development_areas", comment.lstrip("-").strip()))
    return [(kind, text) for kind, text in found if text]


def _plan_comment(plan: AnswerPlan, existing: dict, line: CommentLine) -> None:
    key = (line.municipality_id, line.theme_id, line.kind)
    lines = existing.setdefault(key, [])
    if line.text.casefold() not in (known.casefold() for known in lines):
        lines.append(line.text)
        plan.comments.append(line)


def apply_answers(session: CohortSession, plan: AnswerPlan) -> Changes:
    def work(tx) -> None:
        round_id = assessment.put_round(tx, plan.round_name)
        for row in plan.rows:
            if row.action != "unchanged":
                assessment.put_answer(tx, round_id, row.municipality_id, row.sheet,
                                      row.statement_id, row.value)
        for line in plan.comments:
            assessment.add_comment_line(tx, round_id, line.municipality_id, line.theme_id,
                                        line.kind, line.text)

    return session.write(_("Import answers to {round}").format(round=plan.round_name), work)


def import_answers(session: CohortSession, path: Path, round_name: str,
                   dry_run: bool = False) -> AnswerPlan:
    plan = plan_answers(session, path, round_name)
    if not dry_run and (plan.rows or plan.comments or not plan.round_exists):
        apply_answers(session, plan)
    return plan
