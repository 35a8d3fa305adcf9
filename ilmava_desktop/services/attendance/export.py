"""Attendance for the programme's reporting: CSV (one table) or XLSX (three sheets)."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.roles import ROLES_BY_KEY
from ilmava_desktop.i18n import _
from ilmava_desktop.services.attendance import clock, overview
from ilmava_desktop.services.table_files import write_tables
from ilmava_desktop.storage import queries


def _kind(kind: str) -> str:
    return {"registered": _("registered"), "walk_in": _("walk-in"),
            "substitute": _("substitute")}[kind]


def check_in_rows(session, day_ids: set[str] | None = None) -> list[list]:
    """One row per check-in, in day and time order, with a header row."""
    db = session.db
    people = {p.id: p for p in queries.people(db)}
    erased = {row["id"]: "" for row in db.query("SELECT id FROM person WHERE deleted = 1")}
    municipalities = {m.id: m for m in queries.municipalities(db)}
    rows = [[_("Day"), _("Date"), _("Venue"), _("Code"), _("Municipality"), _("Name"), _("Role"),
             _("Title"), _("Checked in"), _("How"), _("In place of"), _("Over the limit")]]
    for number, day in enumerate(queries.days(db), start=1):
        if day_ids is not None and day.id not in day_ids:
            continue
        for row in queries.attendance(db, day.id):
            person = people[row["person_id"]]
            m = municipalities[person.municipality_id]
            replaced = people.get(row["substitute_for"]) if row["substitute_for"] else None
            rows.append([
                number, format_date(day.date), day.venue, m.code, m.name(), person.name,
                _(ROLES_BY_KEY[person.role].label), person.title, clock(row["checked_in_at"]),
                _kind(row["kind"]),
                replaced.name if replaced else erased.get(row["substitute_for"] or "", ""),
                _("yes") if row["over_limit"] else "",
            ])
    return rows


def overview_rows(session) -> tuple[list[list], list[list]]:
    """(present per municipality per day, who came on which day), each with a header row."""
    db = session.db
    days = queries.days(db)
    labels = [f"{format_date(d.date)} {d.venue}".strip() for d in days]
    groups_by_day = [overview(session, day) for day in days]
    counts = [[_("Code"), _("Municipality"), *labels, _("Total")]]
    for index, group in enumerate(groups_by_day[0] if groups_by_day else []):
        per_day = [groups[index].present for groups in groups_by_day]
        counts.append([group.code, group.name, *per_day, sum(per_day)])
    totals = [sum(g.present for g in groups) for groups in groups_by_day]
    counts.append(["", _("Total"), *totals, sum(totals)])
    who = [[_("Code"), _("Municipality"), _("Name"), _("Role"), *labels, _("Days")]]
    if groups_by_day:
        for index, group in enumerate(groups_by_day[0]):
            for number, person in enumerate(group.people):
                came = [bool(groups[index].people[number].checked_in_at) for groups in groups_by_day]
                who.append([group.code, group.name, person.name, person.role,
                            *[("✓" if c else "") for c in came], sum(came)])
    return counts, who


def funding_rows(session) -> list[list]:
    """Each municipality taking part with its own funding: amount, invoiced, paid."""
    from ilmava_desktop.services.municipalities.selection import funding, paid_text

    rows = [[_("Code"), _("Municipality"), _("Own funding (€)"), _("Invoiced"), _("Paid")]]
    for f in funding(session.db):
        rows.append([f.code, f.name, f.amount if f.amount is not None else "",
                     format_date(f.invoiced), paid_text(f)])
    return rows


def export_attendance(session, target: Path, day_ids: set[str] | None = None) -> Path:
    """Write `target` (.csv: the check-ins; .xlsx: four sheets, own funding the last)
    atomically."""
    if Path(target).suffix.lower() != ".xlsx":
        return write_tables(target, [(_("Check-ins"), check_in_rows(session, day_ids))])
    counts, who = overview_rows(session)
    return write_tables(target, [(_("Check-ins"), check_in_rows(session, day_ids)),
                                 (_("Per municipality"), counts), (_("Who came"), who),
                                 (_("Own funding"), funding_rows(session))])
