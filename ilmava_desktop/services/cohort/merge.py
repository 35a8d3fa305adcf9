"""Merging another copy of the cohort into the open one (File → Merge a copy…,
`ilmava merge`).

The result is computed first and shown (what is added, changed and deleted in each tool,
and the conflicts), then written as one step that undo takes back. Only a copy of the
same cohort merges: another cohort is refused, saying which it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ilmava_desktop.core.merge import Conflict, MergedRow, label_of, merge_row
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import N_, _
from ilmava_desktop.services.cohort.merge_words import field_word, table_word
from ilmava_desktop.services.cohort.rule_checks import Violation, violations
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.storage.copies import cohort_id_of, read_only
from ilmava_desktop.storage.schema import synchronised_tables
from ilmava_desktop.storage.transaction import (
    FIELD_STAMPS,
    Transaction,
    clock,
    note_clock,
)

# Each table's tool, for the summary a merge shows before it is written.
TOOLS = {
    "cohort": "cohort", "template": "assessment", "interview_guide": "visits",
    "municipality": "municipalities", "person": "municipalities", "report_text": "reports",
    "day": "attendance", "attendance": "attendance", "invitation": "attendance",
    "assessment_round": "assessment", "answer": "assessment", "theme_comment": "assessment",
    "card": "board", "card_cluster": "board",
    "grouping": "groups", "grouping_member": "groups", "group_wish": "groups",
    "review_pair": "groups", "review_dropout": "groups", "sparrer": "groups",
    "sparrer_match": "groups",
    "visit": "visits", "preparation_meeting": "visits", "interviewee": "visits",
    "review_team_member": "visits",
}
TOOL_TITLES = {
    "cohort": N_("Cohort"), "municipalities": N_("Municipalities & people"),
    "attendance": N_("Attendance"), "assessment": N_("Self-assessment"),
    "groups": N_("Groups"), "board": N_("Debrief board"), "reports": N_("Reports"),
    "visits": N_("Visits"),
}
KINDS = ("added", "changed", "deleted")

# A deleted person or interviewee keeps no personal data in the file, even one edited on
# another laptop after the deletion: the merge blanks it again.
PERSONAL = {"person": {"name": "", "title": "", "email": "", "language": None},
            "interviewee": {"name": "", "title": "", "email": ""}}


@dataclass
class MergePlan:
    other: Path
    rows: list[MergedRow] = field(default_factory=list)
    their_clock: dict[str, str] = field(default_factory=dict)
    # The programme's rules the merged cohort breaks (two laptops may each have kept one
    # and together broken it), each with what to do.
    violations: list[Violation] = field(default_factory=list)
    # The cohort's own file, changed elsewhere: the version read, accepted once merged.
    fingerprint: str | None = None
    # People one laptop added to a municipality the other removed: removed with it.
    orphans: list[Conflict] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for row in self.rows for c in row.conflicts] + self.orphans

    def count(self, kind: str, tool: str | None = None) -> int:
        return sum(1 for row in self.rows if row.kind == kind
                   and (tool is None or TOOLS.get(row.table, "cohort") == tool))

    def per_tool(self) -> dict[str, dict[str, int]]:
        tools: dict[str, dict[str, int]] = {}
        for row in self.rows:
            if row.kind in KINDS:
                counts = tools.setdefault(TOOLS.get(row.table, "cohort"), dict.fromkeys(KINDS, 0))
                counts[row.kind] += 1
        for conflict in self.conflicts:
            counts = tools.setdefault(TOOLS.get(conflict.table, "cohort"),
                                      dict.fromkeys(KINDS, 0))
            counts["conflicts"] = counts.get("conflicts", 0) + 1
        return {tool: {**counts, "conflicts": counts.get("conflicts", 0)}
                for tool, counts in sorted(tools.items())}

    @property
    def written(self) -> list[MergedRow]:
        return [row for row in self.rows if row.written]

    @property
    def empty(self) -> bool:
        return not self.written

    def summary(self) -> dict:
        return {"added": self.count("added"), "changed": self.count("changed"),
                "deleted": self.count("deleted"),
                "conflicts": [c.as_dict() for c in self.conflicts],
                "tools": self.per_tool()}


def _stamps_of(db: sqlite_utils.Database, table: str) -> dict[str, str]:
    return dict(db.execute(f"SELECT id, stamp FROM [{table}]").fetchall())


def _field_stamps_of(db: sqlite_utils.Database, table: str) -> dict[str, str]:
    return dict(db.execute(f"SELECT row_id, stamps FROM {FIELD_STAMPS} WHERE tbl = ?",
                           [table]).fetchall())


def _rows(db: sqlite_utils.Database, table: str, ids: list[str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in db.query(f"SELECT * FROM [{table}] WHERE id IN ({','.join('?' * len(chunk))})",
                            chunk):
            found[row["id"]] = row
    return found


def check_same_cohort(ours: sqlite_utils.Database, theirs: sqlite_utils.Database,
                      other: Path) -> None:
    our_id, their_id = cohort_id_of(ours.conn), cohort_id_of(theirs.conn)
    if our_id != their_id:
        name = next((row[0] for row in theirs.execute(
            "SELECT name FROM cohort WHERE deleted = 0 ORDER BY id LIMIT 1")), "")
        raise RuleViolation(_(
            "{file} is another cohort (“{name}”), not a copy of this one: only copies of the "
            "same cohort can be merged.").format(file=Path(other).name, name=name))


def plan_merge(ours: sqlite_utils.Database, theirs: sqlite_utils.Database,
               other: Path = Path("")) -> MergePlan:
    """What merging `theirs` into `ours` would do; writes nothing."""
    check_same_cohort(ours, theirs, other)
    plan = MergePlan(Path(other), their_clock=clock(theirs))
    our_clock = clock(ours)
    their_tables = set(synchronised_tables(theirs))
    for table in synchronised_tables(ours):
        if table not in their_tables:
            continue
        mine, other_stamps = _stamps_of(ours, table), _stamps_of(theirs, table)
        my_fields, their_fields = _field_stamps_of(ours, table), _field_stamps_of(theirs, table)
        differing = [row_id for row_id, stamp in other_stamps.items()
                     if mine.get(row_id) != stamp
                     or my_fields.get(row_id) != their_fields.get(row_id)]
        if not differing:
            continue
        our_rows = _rows(ours, table, [i for i in differing if i in mine])
        their_rows = _rows(theirs, table, differing)
        for row_id in differing:
            merged = merge_row(
                table, our_rows.get(row_id), json.loads(my_fields.get(row_id, "{}")),
                their_rows[row_id], json.loads(their_fields.get(row_id, "{}")),
                our_clock, plan.their_clock)
            if merged is not None:
                plan.rows.append(merged)
    return plan


def apply_plan(tx: Transaction, plan: MergePlan) -> None:
    """Write a merge's rows as computed, with their stamps, in one transaction."""
    # A row may arrive before the row it points to (a person before their municipality):
    # the references are checked when the transaction commits.
    tx.db.execute("PRAGMA defer_foreign_keys = ON")
    for merged in plan.written:
        tx.adopt(merged.table, merged.row, merged.stamps)
    latest = dict(plan.their_clock)
    for merged in plan.written:
        device = merged.row["stamp"].split(".", 2)[2]
        latest[device] = max(latest.get(device, ""), merged.row["stamp"])
    note_clock(tx.db, latest)
    for merged in plan.written:
        wipe = PERSONAL.get(merged.table)
        if wipe and merged.row.get("deleted") and any(
                merged.row.get(name) != value for name, value in wipe.items()):
            tx.put(merged.table, {"id": merged.row["id"], **wipe})
    # A person added on one laptop to a municipality removed on the other goes with it (as
    # the people of a removed municipality do), listed.
    plan.orphans = []
    for person_id, name in tx.db.execute(
            "SELECT person.id, person.name FROM person JOIN municipality"
            " ON municipality.id = person.municipality_id"
            " WHERE person.deleted = 0 AND municipality.deleted = 1").fetchall():
        tx.tombstone("person", person_id, PERSONAL["person"])
        plan.orphans.append(Conflict("person", person_id, "deleted", None, 0, 1, name))


def merge_into(session: CohortSession, plan: MergePlan) -> Changes:
    """Write a computed merge as one step that undo takes back."""
    latest = max((row.row["stamp"] for row in plan.written), default=None)
    if latest:
        session.clock.observe(latest)
    if plan.empty:
        # Nothing to write, but what the other copy has seen is seen here now: its
        # conflicts are not news the next time.
        before = clock(session.db)
        with session.db.atomic():
            note_clock(session.db, plan.their_clock)
        if clock(session.db) != before:
            session.file.mark_dirty()
        return Changes({}, "", plan)
    return session.write(_("Merge {name}").format(name=plan.other.name),
                         lambda tx: (apply_plan(tx, plan), plan)[1])


def plan_from_file(session: CohortSession, other: Path) -> MergePlan:
    theirs = read_only(Path(other))
    try:
        return plan_merge(session.db, theirs, Path(other))
    finally:
        theirs.close()


class _Rollback(Exception):
    pass


def preview_violations(session: CohortSession, plan: MergePlan) -> list[Violation]:
    """The rules the cohort would break once merged: the merge written and taken back."""
    found: list[Violation] = []
    try:
        with session.db.atomic():
            apply_plan(Transaction(session.db, session.clock.now), plan)
            found = violations(session.db)
            raise _Rollback
    except _Rollback:
        pass
    return found


def preview(session: CohortSession, other: Path) -> MergePlan:
    """What merging `other` would do, and the rules the result would break."""
    plan = plan_from_file(session, other)
    plan.violations = preview_violations(session, plan)
    return plan


def preview_changed_file(session: CohortSession) -> MergePlan:
    """The cohort's own file as another laptop (or a sync client) saved it meanwhile, as a
    merge into the work here; once merged, this version may be saved over it."""
    before = session.file.fingerprint_on_disk()
    plan = preview(session, session.path)
    if before is None or session.file.fingerprint_on_disk() != before:
        raise RuleViolation(_("{name} changed again while it was being read; try again.")
                            .format(name=session.path.name))
    plan.fingerprint = before
    return plan


def merge_and_accept(session: CohortSession, plan: MergePlan) -> Changes:
    """Write a merge; if it was of the cohort's own file changed elsewhere, that version is
    now in the work, so the next save may replace it."""
    changes = merge_into(session, plan)
    if plan.fingerprint:
        session.file.accept_version(plan.fingerprint)
        session.file.mark_dirty()
    plan.violations = violations(session.db)
    return changes


def merge_file(session: CohortSession, other: Path, dry_run: bool = False) -> MergePlan:
    """Merge another copy into the open cohort (or only compute it: `dry_run`); the plan
    says what was done and which of the programme's rules the result breaks."""
    plan = plan_from_file(session, other)
    if dry_run:
        plan.violations = preview_violations(session, plan)
    else:
        merge_into(session, plan)
        plan.violations = violations(session.db)
    return plan


def describe(plan: MergePlan) -> list[str]:
    """One line a tool: what the merge adds, changes and deletes there, and its conflicts."""
    lines = []
    for tool, counts in plan.per_tool().items():
        lines.append(_("{tool}: {added} added, {changed} changed, {deleted} deleted, "
                       "{conflicts} in conflict").format(tool=_(TOOL_TITLES[tool]), **counts))
    return lines


# Tables whose rows a facilitator knows one by one (a municipality, a card); the others'
# rows (answers, check-ins, invitations) are counted, their labels being ids.
NAMED = {"municipality", "person", "day", "card", "card_cluster", "assessment_round",
         "interviewee", "sparrer", "grouping", "cohort"}
NOT_FIELDS = {"id", "stamp", "field_stamps", "deleted"}


def change_sentences(plan: MergePlan) -> list[str]:
    """What the merge does, row by row where a row has a name ("Municipality “Porvoo –
    Borgå”: current state changed"), counted where it has none ("Answer: 12 added")."""
    lines, counted = [], {}
    for merged in plan.rows:
        kind = merged.kind
        if kind not in KINDS:
            continue
        if merged.table not in NAMED:
            counted[(merged.table, kind)] = counted.get((merged.table, kind), 0) + 1
            continue
        table = table_word(merged.table)
        label = label_of(merged.row, merged.before or {}) or merged.row.get("id", "")[:8]
        if kind == "changed":
            before = merged.before or {}
            fields = [field_word(name) for name in sorted(merged.row) if name not in NOT_FIELDS
                      and before.get(name) != merged.row.get(name)]
            lines.append(_("{table} “{label}”: {fields} changed").format(
                table=table, label=label, fields=", ".join(fields)))
        else:
            lines.append({"added": _("{table} “{label}”: added"),
                          "deleted": _("{table} “{label}”: deleted")}[kind].format(
                table=table, label=label))
    for (table, kind), n in sorted(counted.items()):
        lines.append({"added": _("{table}: {n} added"), "changed": _("{table}: {n} changed"),
                      "deleted": _("{table}: {n} deleted")}[kind].format(
            table=table_word(table), n=n))
    return lines


def conflict_sentence(conflict: Conflict) -> str:
    """A conflict in words: the thing and its field as a facilitator names them."""
    label = conflict.label or conflict.id[:8]
    table = table_word(conflict.table)
    if conflict.field == "deleted" and conflict.kept:
        return _("{table} “{label}”: deleted on one copy and edited on the other; it stays "
                 "deleted.").format(table=table, label=label)
    if conflict.field == "deleted":
        return _("{table} “{label}”: deleted on one copy and brought back on the other; it "
                 "is back.").format(table=table, label=label)
    return _("{table} “{label}”: {field} was “{ours}” here and “{theirs}” there; kept "
             "“{kept}”.").format(
        table=table, label=label, field=field_word(conflict.field),
        ours=_shown(conflict.ours), theirs=_shown(conflict.theirs), kept=_shown(conflict.kept))


def _shown(value: object) -> str:
    text = "–" if value is None or value == "" else str(value)
    return text if len(text) <= 60 else text[:59] + "…"
