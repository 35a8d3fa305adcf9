"""The people a host has interviewed: added, imported from a list, exported and erased.

Only what the day needs is kept: name, title or unit, group, and an e-mail if given.
Importing the same list twice changes nothing: an interviewee is the same person by
e-mail, else by name, within the visit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ilmava_desktop.core import visits as core
from ilmava_desktop.core.columns import ColumnMap, Field, check_choices, map_columns
from ilmava_desktop.core.import_rows import Rejection, UnusableFile
from ilmava_desktop.core.municipality_names import name_key
from ilmava_desktop.core.rules import RuleViolation, check_email, check_person_name, clean_text
from ilmava_desktop.i18n import N_, _
from ilmava_desktop.services import column_choices
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.table_files import read_table
from ilmava_desktop.services.visits import _host, put_visit, visit_id
from ilmava_desktop.storage import backups, queries
from ilmava_desktop.storage.transaction import Transaction, stable_id

# Blanked in the file when an interviewee is deleted: the tombstone keeps no personal data.
PERSONAL_FIELDS = {"name": "", "title": "", "email": ""}

ALIASES = {
    "name": ("nimi", "namn", "name", "koko nimi", "haastateltava", "intervjuad",
             "interviewee"),
    "title": ("titteli", "nimike", "tehtävänimike", "tehtävä", "yksikkö", "titteli tai yksikkö",
              "titel eller enhet", "title or unit", "titel",
              "befattning", "enhet", "title", "unit", "role", "rooli"),
    "group": ("ryhmä", "haastatteluryhmä", "grupp", "group"),
    "email": ("sähköposti", "sähköpostiosoite", "e-post", "epost", "email", "e-mail"),
}
PHRASES = {
    "name": ("nimi", "namn", "name", "haastateltava", "intervjuad", "interviewee"),
    "title": ("titteli", "nimike", "tehtav", "yksikko", "asema", "titel", "befattning", "enhet",
              "title", "unit", "role", "rooli", "position"),
    "group": ("ryhma", "grupp", "group"),
    "email": ("sahkoposti", "epost", "email", "mail"),
}
LABELS = {"name": N_("name"), "title": N_("title or unit"), "group": N_("interview group"),
          "email": N_("e-mail")}


def field_choices() -> list[tuple[str, str]]:
    return [(key, _(LABELS[key])) for key in ALIASES]


def interviewee_fields() -> list[Field]:
    return [Field(key, LABELS[key], ALIASES[key], PHRASES[key]) for key in ALIASES]


def interviewee_id(host_id: str, name: str, email: str) -> str:
    return stable_id("interviewee", visit_id(host_id), email.lower() or name_key(name))


def _fields(name: str, title: str, group: str | None, email: str) -> dict:
    name, title, email = clean_text(name), clean_text(title), clean_text(email).lower()
    check_person_name(name)
    check_email(email)
    group = group or core.group_from_title(title)
    if group not in core.GROUPS:
        raise RuleViolation(_("Unknown interview group “{group}”.").format(group=group))
    return {"name": name, "title": title, "interview_group": group, "email": email}


def add_interviewee(session: CohortSession, *, host_id: str, name: str, title: str = "",
                    group: str | None = None, email: str = "") -> Changes:
    _host(session.db, host_id)
    fields = _fields(name, title, group, email)
    row_id = interviewee_id(host_id, fields["name"], fields["email"])

    def work(tx: Transaction) -> str:
        v_id = put_visit(tx, host_id)
        tx.put("interviewee", {"id": row_id, "visit_id": v_id, "deleted": 0, **fields})
        return row_id

    return session.write(_("Add {name}").format(name=fields["name"]), work)


def _row(db, row_id: str) -> dict:
    row = next(iter(db.query("SELECT * FROM interviewee WHERE id = ? AND deleted = 0",
                             [row_id])), None)
    if row is None:
        raise RuleViolation(_("No interviewee in this cohort has the id {id}.").format(id=row_id))
    return row


def update_interviewee(session: CohortSession, *, interviewee_id: str, name: str, title: str,
                       group: str, email: str) -> Changes:
    _row(session.db, interviewee_id)
    fields = _fields(name, title, group, email)
    return session.write(_("Edit {name}").format(name=fields["name"]),
                         lambda tx: tx.update("interviewee", interviewee_id, fields))


def delete_interviewee(session: CohortSession, *, interviewee_id: str) -> Changes:
    """Erase an interviewee (GDPR): a tombstone without personal data, and out of the
    schedule (a slot left with nobody to interview goes too)."""
    row = _row(session.db, interviewee_id)

    def work(tx: Transaction) -> None:
        tx.tombstone("interviewee", interviewee_id, PERSONAL_FIELDS)
        visit_row = tx.get("visit", row["visit_id"])
        slots = json.loads(visit_row["schedule"]) if visit_row else []
        kept = []
        for slot in slots:
            if interviewee_id in slot.get("interviewees", []):
                slot = {**slot, "interviewees": [i for i in slot["interviewees"]
                                                 if i != interviewee_id]}
                if slot["kind"] == "interview" and not slot["interviewees"]:
                    continue
            kept.append(slot)
        if visit_row and kept != slots:
            tx.update("visit", row["visit_id"], {"schedule": json.dumps(kept)})

    return session.write(_("Delete {name}").format(name=row["name"]), work)


def export_interviewee(session: CohortSession, *, interviewee_id: str) -> dict:
    """Everything the cohort file holds about one interviewee (GDPR right of access)."""
    row = _row(session.db, interviewee_id)
    visit_row = next(iter(session.db.query("SELECT * FROM visit WHERE id = ?",
                                           [row["visit_id"]])), None)
    host = queries.municipality(session.db, visit_row["host_id"]) if visit_row else None
    slots = [s for s in json.loads(visit_row["schedule"]) if interviewee_id in
             s.get("interviewees", [])] if visit_row else []
    return {
        "cohort": queries.cohort(session.db).name,
        "id": row["id"], "name": row["name"], "title": row["title"],
        "group": row["interview_group"], "email": row["email"],
        "visit": {"host": host.code if host else None,
                  "date": visit_row["date"] if visit_row else None,
                  "interviews": [{"start": s["start"], "end": s["end"]} for s in slots]},
    }


def erase_from_backups(session: CohortSession, *interviewee_ids: str) -> int:
    """Erase deleted interviewees from this laptop's backups of the cohort too."""
    rows = []
    for row_id in interviewee_ids:
        row = next(iter(session.db.query("SELECT * FROM interviewee WHERE id = ?", [row_id])),
                   None)
        if row is None or not row["deleted"]:
            raise RuleViolation(_("Delete the interviewee first."))
        rows.append(row)
    try:
        return backups.overwrite_rows(session.path, "interviewee", rows)
    except OSError as exc:
        raise RuleViolation(_("The backups could not all be rewritten: {reason}").format(
            reason=exc.strerror or str(exc))) from exc


# -- importing a list ------------------------------------------------------------------------

@dataclass
class IntervieweePlan:
    host_id: str
    rows: list[dict] = field(default_factory=list)  # each with "id", "action" and fields
    rejected: list[Rejection] = field(default_factory=list)
    columns: ColumnMap = field(default_factory=lambda: ColumnMap(()))
    lines: dict[str, int] = field(default_factory=dict)  # each row's line in the file, by id

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row["action"] == action)

    def summary(self) -> dict:
        return {"added": self.count("add"), "updated": self.count("update"),
                "unchanged": self.count("unchanged"),
                "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
                "columns": self.columns.summary()}


def plan_import(session: CohortSession, *, host_id: str, path: Path,
                chosen: dict[str, str | None] | None = None) -> IntervieweePlan:
    """Read a CSV or XLSX list of interviewees for the host's visit; writes nothing."""
    _host(session.db, host_id)
    header, rows = read_table(path)
    check_choices(chosen or {}, header, ALIASES)
    choices = {h: f for h, f in column_choices.with_remembered(
        session.db, column_choices.INTERVIEWEES, chosen).items() if f is None or f in ALIASES}
    column_map = map_columns(header, [row for _line, row in rows], interviewee_fields(), choices)
    columns = column_map.index()
    if "name" not in columns:
        raise UnusableFile(_("{name} has no column for the interviewee’s name (Nimi, Namn, "
                             "Name).").format(name=Path(path).name))
    existing = {r["id"]: r for r in session.db.query(
        "SELECT * FROM interviewee WHERE visit_id = ? AND deleted = 0", [visit_id(host_id)])}
    plan = IntervieweePlan(host_id, columns=column_map)
    seen: set[str] = set()
    for line, row in rows:
        def cell(name: str, row=row) -> str:
            index = columns.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        group_text = cell("group")
        group = core.group_from_text(group_text) if group_text else None
        if group_text and group is None:
            plan.rejected.append(Rejection(line, _("unknown group “{group}”").format(
                group=group_text)))
            continue
        try:
            fields = _fields(cell("name"), cell("title"), group, cell("email"))
        except RuleViolation as exc:
            plan.rejected.append(Rejection(line, str(exc)))
            continue
        row_id = interviewee_id(host_id, fields["name"], fields["email"])
        if row_id in seen:
            plan.rejected.append(Rejection(line, _("listed twice")))
            continue
        seen.add(row_id)
        before = existing.get(row_id)
        action = ("add" if before is None else "unchanged"
                  if all(before[k] == v for k, v in fields.items()) else "update")
        plan.rows.append({"id": row_id, "action": action, **fields})
        plan.lines[row_id] = line
    return plan


def apply_import(session: CohortSession, plan: IntervieweePlan) -> Changes:
    def work(tx: Transaction) -> None:
        column_choices.remember(tx, column_choices.INTERVIEWEES, plan.columns)
        v_id = put_visit(tx, plan.host_id)
        for row in plan.rows:
            if row["action"] != "unchanged":
                fields = {k: v for k, v in row.items() if k != "action"}
                tx.put("interviewee", {**fields, "visit_id": v_id, "deleted": 0})

    return session.write(_("Import interviewees"), work)


def interviewee(db, row_id: str) -> dict | None:
    return next(iter(db.query("SELECT * FROM interviewee WHERE id = ? AND deleted = 0",
                              [row_id])), None)

