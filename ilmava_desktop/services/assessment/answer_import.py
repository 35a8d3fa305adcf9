"""Importing answer sheets collected on paper or in a survey: the long or the wide shape.

Long: one row per answer, with the columns municipality (code or name), sheet (optional,
default 1), statement id, value (1–5; empty or "don't know" in any of our languages = don't
know). Wide, as survey tools export it: one row per respondent (one sheet, numbered in the
file's order within its municipality), a municipality column, and a column per statement
headed by its number, id or text; an empty cell is not answered. Free-text columns of
strengths and development areas join the comments of the theme they follow.

The round is created with the cohort's template if it does not exist, and only when the file
gives it something. Importing the same file again changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ilmava_desktop.core import assessment as core
from ilmava_desktop.core.columns import ColumnMap, Field, check_choices, map_columns
from ilmava_desktop.core.import_rows import (
    HEADER_ALIASES,
    HEADER_PHRASES,
    MissingColumns,
    Rejection,
)
from ilmava_desktop.core.municipality_names import MunicipalityFinder
from ilmava_desktop.core.rules import RuleViolation, clean_text, excerpt, whole_number
from ilmava_desktop.core.selection import SELECTED, status_label
from ilmava_desktop.i18n import N_, _, current_language
from ilmava_desktop.resources import official_municipalities
from ilmava_desktop.services import assessment, column_choices
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.table_files import read_table
from ilmava_desktop.storage import queries

LONG, WIDE = "long", "wide"

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
ANSWER_PHRASES = {
    "municipality": HEADER_PHRASES["municipality"],
    "sheet": ("lomake", "vastaaja", "blankett", "svarande", "respondent", "sheet"),
    "statement": ("vaittam", "vaite", "pastaende", "statement", "kysymy", "fraga", "question"),
    "value": ("arvo", "vastaus", "varde", "svar", "value", "answer", "score"),
    "strengths": ("vahvuu", "styrk", "strength", "onnistu"),
    "development_areas": ("kehittamiskoh", "kehitettav", "utvecklingsomrad", "forbattr",
                          "development area", "improve"),
    "comment": ("kommentt", "kommentoi", "huomio", "kommentar", "comment", "lisatiet",
                "vapaa sana"),
}
FIELD_LABELS = {
    "municipality": N_("municipality"), "sheet": N_("sheet"), "statement": N_("statement"),
    "value": N_("answer"), "strengths": N_("strengths"),
    "development_areas": N_("development areas"), "comment": N_("comment"),
}
LONG_FIELDS = tuple(ANSWER_ALIASES)
# In the wide shape a respondent row is a sheet: a respondent's number is not one.
WIDE_FIELDS = ("municipality", "strengths", "development_areas", "comment")
COMMENT_FIELDS = ("strengths", "development_areas", "comment")
# Sheets are numbered per municipality; no round collects a thousand from one.
MAX_SHEET = core.MAX_SHEET


def answer_fields(keys, finder: MunicipalityFinder) -> list[Field]:
    fits = {"municipality": lambda v: finder.find(v) is not None}
    return [Field(key, FIELD_LABELS[key], ANSWER_ALIASES[key], ANSWER_PHRASES[key],
                  fits.get(key)) for key in keys]


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
    shape: str = LONG
    columns: ColumnMap = field(default_factory=lambda: ColumnMap(()))
    # The template's statements as a column can be chosen for: (id, "1. text…").
    statements: list[tuple[str, str]] = field(default_factory=list)
    municipality_names: dict[str, str] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def creates_round(self) -> bool:
        return not self.round_exists and bool(self.rows or self.comments)

    def summary(self) -> dict:
        return {"round": self.round_name, "round_created": self.creates_round,
                "shape": self.shape,
                "added": self.count("add"), "updated": self.count("update"),
                "unchanged": self.count("unchanged"), "comments_added": len(self.comments),
                "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
                "columns": self.columns.summary()}


def _template(db, existing_round) -> core.Template:
    """The round's template; for a round still to be made, the one it will be made with:
    the cohort's (a custom template's statements, not the default's)."""
    if existing_round:
        return assessment.template(db, existing_round.template_id)
    return core.parse_template(json.loads(assessment.cohort_template_body(db)))


def read_columns(header: list[str], rows: list[list[str]], template: core.Template,
                 finder: MunicipalityFinder, chosen: dict[str, str | None]
                 ) -> tuple[str, ColumnMap]:
    """The file's shape, and how each column is used (a wide file's statement columns by
    the statement's id)."""
    statement_ids = {s.id for s in template.statements}
    auto = {index: found for index, text in enumerate(header)
            if (found := core.statement_for_header(text or "", template))}
    wide = map_columns(header, rows, answer_fields(WIDE_FIELDS, finder), chosen, auto)
    if any(use.field in statement_ids for use in wide.uses):
        return WIDE, wide
    keys = set(LONG_FIELDS)
    long_chosen = {h: f for h, f in chosen.items() if f is None or f in keys}
    return LONG, map_columns(header, rows, answer_fields(LONG_FIELDS, finder), long_chosen)


def plan_answers(session: CohortSession, path: Path, round_name: str,
                 chosen: dict[str, str | None] | None = None) -> AnswerPlan:
    header, rows = read_table(path)
    db = session.db
    existing_round = assessment.find_round(db, round_name)
    template = _template(db, existing_round)
    statement_ids = [s.id for s in template.statements]
    finder = MunicipalityFinder(official_municipalities())
    check_choices(chosen or {}, header, [*LONG_FIELDS, *statement_ids])
    valid = {*LONG_FIELDS, *statement_ids}
    choices = {h: f for h, f in column_choices.with_remembered(
        db, column_choices.ANSWERS, chosen).items() if f is None or f in valid}
    shape, column_map = read_columns(header, [r for _line, r in rows], template, finder,
                                     choices)
    columns = column_map.index()
    choices = [(key, _(FIELD_LABELS[key])) for key in LONG_FIELDS] + statement_labels(template)
    if shape == LONG and {"municipality", "statement", "value"} - columns.keys():
        raise MissingColumns(_("The file needs the columns municipality, statement and value "
                               "(Kunta, Väittämä, Arvo), or a municipality column and a "
                               "column for each statement."), column_map, choices)
    if shape == WIDE and "municipality" not in columns:
        raise MissingColumns(_("The file has no municipality column (Kunta, Kommun or "
                               "Municipality)."), column_map, choices)
    # Only a municipality taking part answers: an applicant's, a declined or a withdrawn
    # municipality's rows are rejected with its status named.
    in_cohort = {m.code: m for m in queries.municipalities(db)}
    current = ({(a.municipality_id, a.sheet, a.statement_id): a.value
                for a in assessment.answers(db, existing_round.id)} if existing_round else {})
    plan = AnswerPlan(clean_text(round_name), existing_round is not None, shape=shape,
                      columns=column_map, statements=statement_labels(template),
                      municipality_names={m.id: m.name() for m in queries.municipalities(db)})
    existing_comments: dict[tuple[str, str, str], list[str]] = {}
    if existing_round:
        for (m_id, theme, kind), text in assessment.all_comments(db, existing_round.id).items():
            existing_comments[(m_id, theme, kind)] = [t for t in text.splitlines() if t.strip()]
    reader = _read_wide if shape == WIDE else _read_long
    reader(plan, rows, column_map, template, finder, in_cohort, current, existing_comments)
    return plan


def statement_labels(template: core.Template) -> list[tuple[str, str]]:
    language = current_language()
    return [(s.id, f"{number}. {excerpt(s.text.get(language) or s.text['fi'], 50)}")
            for number, s in enumerate(template.statements, start=1)]


def field_choices(plan: AnswerPlan) -> list[tuple[str, str]]:
    """The uses a column of this file can be given: the fields of its shape, and the
    template's statements (a column chosen for a statement makes the file wide)."""
    keys = WIDE_FIELDS if plan.shape == WIDE else LONG_FIELDS
    return [(key, _(FIELD_LABELS[key])) for key in keys] + plan.statements


def _municipality(finder, in_cohort, written: str) -> str:
    official = finder.find(written) if written else None
    if official is None:
        raise RuleViolation(_("unknown municipality “{name}”").format(name=excerpt(written)))
    if official.code not in in_cohort:
        raise RuleViolation(_("{name} is not in the cohort").format(name=official.name_fi))
    found = in_cohort[official.code]
    if found.status != SELECTED:
        raise RuleViolation(_("{name} is not taking part ({status}): its answers are not "
                              "imported").format(name=found.name(current_language()), status=status_label(
                                  found.status, current_language())))
    return found.id


def _read_long(plan, rows, column_map, template, finder, in_cohort, current,
               existing_comments) -> None:
    columns = column_map.index()
    statements = {s.id for s in template.statements}
    first_line: dict[tuple, int] = {}
    for line, row in rows:
        cells = {column: clean_text(row[index]) if index < len(row) else ""
                 for column, index in columns.items()}
        if not any(cells.values()):
            continue
        try:
            municipality_id = _municipality(finder, in_cohort, cells["municipality"])
            statement = cells["statement"]
            if statement not in statements:
                raise RuleViolation(_("unknown statement “{id}”").format(id=excerpt(statement)))
            sheet_text = cells.get("sheet") or "1"
            sheet = whole_number(sheet_text, 1, MAX_SHEET)
            if sheet is None:
                raise RuleViolation(_("sheet must be a number from 1 to {high}, not “{text}”")
                                    .format(high=MAX_SHEET, text=excerpt(sheet_text)))
            value = core.parse_answer(cells["value"], template)
        except RuleViolation as exc:
            plan.rejected.append(Rejection(line, str(exc)))
            continue
        key = (municipality_id, sheet, statement)
        if key in first_line and current[key] != value:
            plan.rejected.append(Rejection(line, _(
                "line {line} already answers this statement on this sheet").format(
                    line=first_line[key])))
            continue
        first_line.setdefault(key, line)
        _plan_answer(plan, current, line, key, value)
        for kind, text in _comment_cells(cells):
            _plan_comment(plan, existing_comments, CommentLine(
                key[0], template.theme_of(statement), kind, text))


def _plan_answer(plan, current, line, key, value) -> None:
    action = "add" if key not in current else (
        "unchanged" if current[key] == value else "update")
    current[key] = value
    plan.rows.append(AnswerRow(line, *key, value, action))


def _read_wide(plan, rows, column_map, template, finder, in_cohort, current,
               existing_comments) -> None:
    statement_ids = {s.id for s in template.statements}
    statement_columns = [(use.index, use.header, use.field) for use in column_map.uses
                         if use.field in statement_ids]
    comment_columns = [(use.index, use.field, _theme_of_column(use.index, use.header,
                                                               statement_columns, template))
                       for use in column_map.uses if use.field in COMMENT_FIELDS]
    where = column_map.index()["municipality"]
    sheets: dict[str, int] = {}
    for line, row in rows:
        def cell(index: int, row=row) -> str:
            return clean_text(row[index]) if index < len(row) else ""

        if not any(cell(index) for index in range(len(row))):
            continue
        try:
            municipality_id = _municipality(finder, in_cohort, cell(where))
        except RuleViolation as exc:
            plan.rejected.append(Rejection(line, str(exc)))
            continue
        # Each respondent is a sheet, numbered in the file's order within the municipality,
        # so the same export read again (or a later one with more rows) means the same sheets.
        sheet = sheets[municipality_id] = sheets.get(municipality_id, 0) + 1
        if sheet > MAX_SHEET:
            plan.rejected.append(Rejection(line, _(
                "sheet must be a number from 1 to {high}, not “{text}”").format(
                    high=MAX_SHEET, text=sheet)))
            continue
        for index, header, statement in statement_columns:
            written = cell(index)
            if not written:
                continue  # not answered
            try:
                value = core.parse_answer(written, template)
            except RuleViolation as exc:
                plan.rejected.append(Rejection(line, f"{excerpt(header)}: {exc}"))
                continue
            _plan_answer(plan, current, line, (municipality_id, sheet, statement), value)
        for index, kind, theme in comment_columns:
            for found_kind, text in _comment_cells({kind: cell(index)}):
                _plan_comment(plan, existing_comments,
                              CommentLine(municipality_id, theme, found_kind, text))


def _theme_of_column(index: int, header: str, statement_columns, template) -> str:
    """The theme a free-text column speaks of: the one its header names, else the theme of
    the statements it follows (a survey asks for them at the end of each theme's page)."""
    folded = core.fold(header)
    for theme in template.themes:
        if any(core.fold(title) in folded for title in theme.title.values()):
            return theme.id
    before = [statement for i, _h, statement in statement_columns if i < index]
    after = [statement for i, _h, statement in statement_columns if i > index]
    statement = before[-1] if before else after[0] if after else template.statements[0].id
    return template.theme_of(statement)


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
        column_choices.remember(tx, column_choices.ANSWERS, plan.columns)
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
                   dry_run: bool = False, chosen: dict[str, str | None] | None = None
                   ) -> AnswerPlan:
    plan = plan_answers(session, path, round_name, chosen)
    # Nothing to write (every row refused): no empty round is made.
    if not dry_run and (plan.rows or plan.comments):
        apply_answers(session, plan)
    return plan
