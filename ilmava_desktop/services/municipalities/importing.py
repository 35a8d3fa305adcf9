"""Importing registrations (people) and applications (municipalities) from a spreadsheet.

The plan is computed first and shown (the window's preview, `--dry-run`); applying
it writes all valid rows in one transaction. Importing the same file twice changes
nothing: a person is the same person by e-mail, else by name within the municipality
(but a namesake with another e-mail address is another person).
Empty cells never erase what the cohort already holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ilmava_desktop.core.columns import ColumnMap, check_choices
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.import_rows import (
    APPLICATION_FIELDS,
    APPLICATIONS,
    FIELD_LABELS,
    REGISTRATION_FIELDS,
    REGISTRATIONS,
    ApplicationRecord,
    PersonRecord,
    Rejection,
    ThemeQuestion,
    check_theme_picks,
    day_columns,
    file_kind,
    municipality_fields,
    parse_rows,
)
from ilmava_desktop.core.invitations import in_audience
from ilmava_desktop.core.municipality_names import MunicipalityFinder, name_key
from ilmava_desktop.core.rules import RuleViolation, excerpt
from ilmava_desktop.core.selection import APPLICANT, SELECTED
from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.resources import official_municipalities, wicked_problem_themes
from ilmava_desktop.services import column_choices
from ilmava_desktop.services.attendance.invitations import put_invitation, take_back
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.municipalities import municipality_id, put_municipality
from ilmava_desktop.services.municipalities.people import new_person_id, put_new_person
from ilmava_desktop.services.table_files import read_table
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction

ADD, UPDATE, UNCHANGED = "add", "update", "unchanged"


@dataclass(frozen=True)
class PlannedRow:
    line: int
    action: str
    municipality_code: str
    label: str  # the person's name or the municipality's name, for the preview
    table: str
    row_id: str
    fields: dict


@dataclass
class ImportPlan:
    kind: str
    rows: list[PlannedRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    new_municipalities: list[str] = field(default_factory=list)
    # person id -> the day ids the file invites them to (only people the file gives days)
    invitations: dict[str, list[str]] = field(default_factory=dict)
    # How each of the file's columns is used: a field, or not at all.
    columns: ColumnMap = field(default_factory=lambda: ColumnMap(()))
    # What of a row that was imported was left out, and why (a theme that fits several).
    notes: list[Rejection] = field(default_factory=list)
    # The rows whose theme label fits several themes or none, and the themes picked for them
    # (by (line, 0); None or missing: left unset).
    theme_questions: list[ThemeQuestion] = field(default_factory=list)
    theme_picks: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def summary(self) -> dict:
        summary = {
            "kind": self.kind,
            "added": self.count(ADD),
            "updated": self.count(UPDATE),
            "unchanged": self.count(UNCHANGED),
            "municipalities_added": len(self.new_municipalities),
            "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
            "notes": [{"line": r.line, "note": r.reason} for r in self.notes],
            "columns": self.columns.summary(),
        }
        if self.kind == APPLICATIONS:
            summary["themes_to_choose"] = [q.as_json(self.theme_picks.get(q.key))
                                           for q in self.theme_questions]
        return summary


def plan_import(session: CohortSession, path: Path,
                chosen: dict[str, str | None] | None = None, *,
                picks: dict[tuple[int, int], str | None] | None = None) -> ImportPlan:
    """Read and check a file against the cohort; writes nothing. Raises UnusableFile, and
    ChoiceError for a column choice or theme pick that cannot be followed.

    `chosen`: the user's use for some of the columns (header -> field, None: not used), over
    those remembered from earlier files and the guesses. `picks`: the theme the user picked
    for a row whose theme label fits several themes or none ((line, 0) -> theme id; None:
    left unset)."""
    header, rows = read_table(path)
    finder = MunicipalityFinder(official_municipalities())
    check_choices(chosen or {}, header, [f.key for f in municipality_fields(finder)])
    kind, column_map = file_kind(
        header, [row for _line, row in rows], finder,
        column_choices.with_remembered(session.db, column_choices.MUNICIPALITIES, chosen))
    columns = column_map.index()
    themes = wicked_problem_themes()
    records, rejected = parse_rows(kind, columns, rows, finder, themes,
                                   day_columns(header) if kind == REGISTRATIONS else {})
    plan = ImportPlan(kind, rejected=rejected, columns=column_map)
    records = _picked_themes(plan, records, picks or {}, themes)
    plan.notes = [Rejection(r.line, note) for r in records
                  for note in getattr(r, "notes", ())]
    present = {m.code for m in queries.municipalities(session.db)}
    for record in records:
        if record.municipality_code not in present:
            present.add(record.municipality_code)
            plan.new_municipalities.append(record.municipality_code)
    if kind == REGISTRATIONS:
        _plan_people(session, plan, records, has_role="role" in columns)
    else:
        _plan_applications(session, plan, records)
    return plan


def _picked_themes(plan: ImportPlan, records: list, picks, themes) -> list:
    """The records with the themes the user picked; a row left unset says so in a note."""
    plan.theme_questions = [r.theme_question for r in records
                            if getattr(r, "theme_question", None) is not None]
    check_theme_picks(picks, plan.theme_questions, themes)
    plan.theme_picks = dict(picks)
    out = []
    for record in records:
        question = getattr(record, "theme_question", None)
        if question is not None:
            picked = picks.get(question.key)
            if picked is not None:
                record = replace(record, theme=picked)
            else:
                unset = _("The theme was left unset.")
                record = replace(record, notes=(
                    f"{question.note} {unset}" if question.candidates
                    else f"{question.note}; {unset}", *record.notes))
        out.append(record)
    return out


def _plan_people(session, plan: ImportPlan, records: list[PersonRecord], has_role: bool) -> None:
    # The state of every person, updated row by row so that a person listed twice in
    # one file is one person; each person's net change is judged against the cohort
    # as it was, so importing the same file again changes nothing.
    original = {p.id: {"municipality_id": p.municipality_id, "name": p.name, "role": p.role,
                       "title": p.title, "email": p.email, "language": p.language}
                for p in queries.people(session.db)}
    state = {person_id: dict(fields) for person_id, fields in original.items()}
    days = queries.days(session.db)
    index = _PersonIndex(state)
    rows_of: dict[str, list[PersonRecord]] = {}
    first_seen: dict[str, tuple[int, str, str]] = {}  # person -> (line, municipality, name)
    for record in records:
        m_id = municipality_id(record.municipality_code)
        fields = {"municipality_id": m_id, "name": record.name}
        if record.email:
            fields["email"] = record.email
        if has_role and record.title:
            fields["role"], fields["title"] = record.role, record.title
        if record.language:
            fields["language"] = record.language
        try:
            person_id, by_email = index.find(record.email, m_id, record.name)
        except Ambiguous as exc:
            plan.rejected.append(Rejection(record.line, str(exc)))
            continue
        if person_id is not None:
            first = first_seen.get(person_id)
            if first and (first[1], first[2]) != (m_id, name_key(record.name)):
                plan.rejected.append(Rejection(record.line, _(
                    "line {line} already gives this person another municipality or name"
                ).format(line=first[0])))
                continue
            if name_key(state[person_id]["name"]) == name_key(record.name):
                # The same name but for case or spacing: keep it as the cohort spells it.
                fields.pop("name")
        if person_id is None:
            person_id = new_person_id(session.db, m_id, record.name, record.email,
                                      taken=state.keys())
            state[person_id] = {"role": "other", "title": "", "email": "", "language": None}
        index.forget(person_id)
        state[person_id].update(fields)
        index.remember(person_id)
        first_seen.setdefault(person_id, (record.line, m_id, name_key(record.name)))
        rows_of.setdefault(person_id, []).append(record)
        if record.days is not None:
            try:
                plan.invitations[person_id] = _day_ids(days, record.days)
            except RuleViolation as exc:
                plan.rejected.append(Rejection(record.line, str(exc)))
                rows_of[person_id].remove(record)
                if not rows_of[person_id]:
                    del rows_of[person_id]
    for person_id, person_records in rows_of.items():
        before = original.get(person_id)
        if before is None:
            action = ADD
        else:
            action = UPDATE if state[person_id] != before else UNCHANGED
        first, *later = person_records
        plan.rows.append(PlannedRow(first.line, action, first.municipality_code,
                                    state[person_id]["name"], "person", person_id,
                                    state[person_id]))
        for record in later:  # folded into the first row of the same person
            plan.rows.append(PlannedRow(record.line, UNCHANGED, record.municipality_code,
                                        record.name, "person", person_id, {}))
    plan.rows.sort(key=lambda row: row.line)
    plan.rejected.sort(key=lambda rejection: rejection.line)


def _day_ids(days, references) -> list[str]:
    """The cohort's days a file names by number (in date order) or by date."""
    found = []
    for reference in references:
        if isinstance(reference, int):
            day = days[reference - 1] if 1 <= reference <= len(days) else None
        else:
            day = next((d for d in days if d.date == reference), None)
        if day is None:
            raise RuleViolation(_("the cohort has no day {day}").format(
                day=reference if isinstance(reference, int) else format_date(reference)))
        found.append(day.id)
    return found


class _PersonIndex:
    """Who is who while planning: by e-mail, else by name within the municipality."""

    def __init__(self, state: dict[str, dict]):
        self.state = state
        self.by_email: dict[str, list[str]] = {}
        self.by_name: dict[tuple[str, str], list[str]] = {}
        for person_id in state:
            self.remember(person_id)

    def _keys(self, person_id: str) -> tuple[str, tuple[str, str]]:
        person = self.state[person_id]
        return person.get("email") or "", (person.get("municipality_id", ""),
                                           name_key(person.get("name", "")))

    def remember(self, person_id: str) -> None:
        email, name = self._keys(person_id)
        if email:
            self.by_email.setdefault(email, []).append(person_id)
        self.by_name.setdefault(name, []).append(person_id)

    def forget(self, person_id: str) -> None:
        if "name" not in self.state[person_id]:
            return  # not yet indexed: a person this file adds
        email, name = self._keys(person_id)
        for index, key in ((self.by_email, email), (self.by_name, name)):
            if person_id in index.get(key, ()):
                index[key].remove(person_id)

    def find(self, email: str, municipality_id: str, name: str) -> tuple[str | None, bool]:
        """(person, found by e-mail); raises Ambiguous when a name fits several people."""
        if email and self.by_email.get(email):
            return self.by_email[email][0], True
        namesakes = self.by_name.get((municipality_id, name_key(name)), [])
        # Someone without an address is who a row without one (or with a new one) can be;
        # a namesake with another address is another person.
        candidates = [p for p in namesakes if not self.state[p].get("email")]
        if not candidates and not email:
            candidates = namesakes
        if len(candidates) > 1:
            raise Ambiguous(_("{n} people are called {name} in this municipality; add the "
                              "e-mail address").format(n=len(candidates), name=excerpt(name)))
        return (candidates[0] if candidates else None), False


class Ambiguous(RuleViolation):
    pass


def _plan_applications(session, plan: ImportPlan, records: list[ApplicationRecord]) -> None:
    original = {m.code: {"theme": m.theme, "wicked_problem": m.wicked_problem,
                         "council_target": m.council_target, "current_state": m.current_state,
                         "challenges": m.challenges, "funding_committed": m.funding_committed}
                for m in queries.municipalities(session.db)}
    state = {code: dict(fields) for code, fields in original.items()}
    rows_of: dict[str, list[ApplicationRecord]] = {}
    for record in records:
        fields = {"theme": record.theme} if record.theme else {}
        for key in ("wicked_problem", "council_target", "current_state", "challenges",
                    "funding_committed"):
            value = getattr(record, key)
            if value not in (None, ""):
                fields[key] = value
        state.setdefault(record.municipality_code, {}).update(fields)
        rows_of.setdefault(record.municipality_code, []).append(record)
    finder = MunicipalityFinder(official_municipalities())
    for code, code_records in rows_of.items():
        before = original.get(code)
        changed = {k: v for k, v in state[code].items() if before is None or before.get(k) != v}
        action = ADD if before is None else UPDATE if changed else UNCHANGED
        first, *later = code_records
        name = finder.by_code(code).name_fi
        plan.rows.append(PlannedRow(first.line, action, code, name, "municipality",
                                    municipality_id(code), changed))
        for record in later:
            plan.rows.append(PlannedRow(record.line, UNCHANGED, code, name, "municipality",
                                        municipality_id(code), {}))
    plan.rows.sort(key=lambda row: row.line)


def apply_import(session: CohortSession, plan: ImportPlan) -> Changes:
    """Write every valid row of the plan in one transaction."""

    def work(tx: Transaction) -> None:
        column_choices.remember(tx, column_choices.MUNICIPALITIES, plan.columns)
        # An application makes an applicant; a registration, a municipality taking part.
        status = APPLICANT if plan.kind == APPLICATIONS else SELECTED
        for code in plan.new_municipalities:
            put_municipality(tx, code, status=status)
        days = queries.days(tx.db)
        for row in plan.rows:
            if row.action == UNCHANGED or not row.fields:
                continue
            if row.table == "municipality":
                put_municipality(tx, row.municipality_code, **row.fields)
            elif row.action == ADD:
                put_new_person(tx, row.fields["municipality_id"], row.fields, row.row_id)
                if row.row_id not in plan.invitations:
                    # Without a column of days, a new person is invited as each day's
                    # audience says.
                    for day in days:
                        if in_audience(row.fields.get("role", "other"), day.invitees):
                            put_invitation(tx, day.id, row.row_id)
            else:
                tx.put("person", {"id": row.row_id, "deleted": 0, **row.fields})
        for person_id, day_ids in plan.invitations.items():
            for day in days:  # the file's days are the person's days
                if day.id in day_ids:
                    put_invitation(tx, day.id, person_id)
                else:
                    take_back(tx, day.id, person_id)

    changed = plan.count(ADD) + plan.count(UPDATE)
    description = ngettext("Import {n} row", "Import {n} rows", changed).format(n=changed)
    return session.write(description, work)


def import_file(session: CohortSession, path: Path, dry_run: bool = False,
                chosen: dict[str, str | None] | None = None, *,
                picks: dict[tuple[int, int], str | None] | None = None) -> ImportPlan:
    plan = plan_import(session, path, chosen, picks=picks)
    if not dry_run:
        apply_import(session, plan)
    return plan


def field_choices(kind: str) -> list[tuple[str, str]]:
    """The fields a column of a file of this kind can fill: (key, label in the user's
    language)."""
    keys = REGISTRATION_FIELDS if kind == REGISTRATIONS else APPLICATION_FIELDS
    return [(key, _(FIELD_LABELS[key])) for key in keys]


def field_label(key: str) -> str:
    """A field's name in the user's language, also for uses not chosen from a list (a
    column headed by a day's date)."""
    return _(FIELD_LABELS[key]) if key in FIELD_LABELS else key


def describe(plan: ImportPlan) -> str:
    return _("{added} to add, {updated} to update, {unchanged} unchanged, {rejected} rejected").format(
        added=plan.count(ADD), updated=plan.count(UPDATE), unchanged=plan.count(UNCHANGED),
        rejected=len(plan.rejected))
