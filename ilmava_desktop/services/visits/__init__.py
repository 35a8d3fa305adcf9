"""Peer-review visits: review teams, one visit per reviewed municipality, and its day.

A municipality's team reviews the municipalities its saved pairs give it; every
municipality that is reviewed has a visit (the row is written when something about the
visit is first set, so the visit list always follows the pairs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from ilmava_desktop.core import visits as core
from ilmava_desktop.core.dates import format_date, parse_date
from ilmava_desktop.core.model import Municipality, Person
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, given
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, stable_id


@dataclass(frozen=True)
class Team:
    municipality: Municipality
    members: list[Person]
    reviews: list[str]  # ids of the municipalities it visits

    @property
    def warning(self) -> str | None:
        return core.team_size_warning(len(self.members))


@dataclass(frozen=True)
class Interviewee:
    id: str
    visit_id: str
    name: str
    title: str
    group: str
    email: str


@dataclass(frozen=True)
class Preparation:
    """A visiting team's preparation meeting: a date and a place or an online link."""

    reviewer_id: str
    date: str | None
    place: str


@dataclass(frozen=True)
class Visit:
    id: str
    host: Municipality
    date: str | None
    place: str
    status: str
    reviewer_ids: list[str]
    themes: list[str]
    schedule: list[dict]
    interviewees: list[Interviewee] = field(default_factory=list)
    preparations: list[Preparation] = field(default_factory=list)
    checklist: dict[str, str] = field(default_factory=dict)  # ticked step -> date ticked

    @property
    def warning(self) -> str | None:
        return core.interviewee_count_warning(len(self.interviewees))


def visit_id(host_id: str) -> str:
    return stable_id("visit", host_id)


def _team_member_id(person_id: str) -> str:
    return stable_id("review_team_member", person_id)


def _reviews(db) -> dict[str, list[str]]:
    """Reviewer -> the municipalities it reviews, from the saved pairs."""
    found: dict[str, list[str]] = {}
    for reviewer, reviewee in db.execute(
            "SELECT reviewer_id, reviewee_id FROM review_pair WHERE deleted = 0"
            " ORDER BY reviewer_id, reviewee_id").fetchall():
        found.setdefault(reviewer, []).append(reviewee)
    return found


def team_members(db, municipality_id: str) -> list[Person]:
    ids = {person_id for (person_id,) in db.execute(
        "SELECT person_id FROM review_team_member WHERE deleted = 0 AND municipality_id = ?",
        [municipality_id]).fetchall()}
    return [p for p in queries.people(db, municipality_id) if p.id in ids]


def teams(db) -> list[Team]:
    """Every municipality's review team, with whom it reviews, in the cohort's order."""
    reviews = _reviews(db)
    return [Team(m, team_members(db, m.id), reviews.get(m.id, []))
            for m in taking_part(db)]


def set_team(session: CohortSession, *, municipality_id: str,
             person_ids: list[str]) -> Changes:
    """The municipality's team is exactly these people (its own people only)."""
    db = session.db
    municipality = queries.municipality(db, municipality_id)
    if municipality is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))
    own = {p.id: p for p in queries.people(db, municipality_id)}
    for person_id in person_ids:
        if person_id not in own:
            person = queries.person(db, person_id)
            if person is None:
                raise RuleViolation(_("No one in this cohort has the id {id}.").format(
                    id=person_id))
            raise RuleViolation(_("{name} is not one of {municipality}’s people.").format(
                name=person.name, municipality=municipality.name()))
    chosen = set(person_ids)

    def work(tx: Transaction) -> None:
        for member in team_members(tx.db, municipality_id):
            if member.id not in chosen:
                tx.tombstone("review_team_member", _team_member_id(member.id))
        for person_id in person_ids:
            tx.put("review_team_member", {"id": _team_member_id(person_id),
                                          "municipality_id": municipality_id,
                                          "person_id": person_id, "deleted": 0})

    return session.write(_("Review team of {municipality}").format(
        municipality=municipality.name()), work)


# -- visits ----------------------------------------------------------------------------------

def _interviewees(db, visit: str) -> list[Interviewee]:
    return [Interviewee(r["id"], r["visit_id"], r["name"], r["title"], r["interview_group"],
                        r["email"]) for r in db.query(
        "SELECT * FROM interviewee WHERE deleted = 0 AND visit_id = ? ORDER BY name, id",
        [visit])]


def _preparations(db, visit: str) -> list[Preparation]:
    return [Preparation(r["reviewer_id"], r["date"], r["place"]) for r in db.query(
        "SELECT * FROM preparation_meeting WHERE deleted = 0 AND visit_id = ?"
        " ORDER BY reviewer_id", [visit])]


def visits(db) -> list[Visit]:
    """A visit per municipality that the saved pairs (or a saved visit) give a reviewer,
    in date order, undated last."""
    hosts: dict[str, list[str]] = {}
    for reviewer, reviewed in _reviews(db).items():
        for host in reviewed:
            hosts.setdefault(host, []).append(reviewer)
    rows = {r["host_id"]: r for r in db.query("SELECT * FROM visit WHERE deleted = 0")}
    found = []
    for m in taking_part(db):
        if m.id not in hosts and m.id not in rows:
            continue
        row = rows.get(m.id) or {}
        v_id = visit_id(m.id)
        found.append(Visit(v_id, m, row.get("date"), row.get("place", ""),
                           row.get("status", "planned"), hosts.get(m.id, []),
                           json.loads(row.get("themes") or "[]"),
                           json.loads(row.get("schedule") or "[]"),
                           _interviewees(db, v_id), _preparations(db, v_id),
                           json.loads(row.get("checklist") or "{}")))
    found.sort(key=lambda v: (v.date is None, v.date or "", v.host.name()))
    return found


def visit(db, host_id: str) -> Visit | None:
    return next((v for v in visits(db) if v.host.id == host_id), None)


def put_visit(tx: Transaction, host_id: str, **fields) -> str:
    """Write the host's visit row (created on first write)."""
    v_id = visit_id(host_id)
    row = {"id": v_id, "host_id": host_id, "deleted": 0, **fields}
    if tx.get("visit", v_id) is None:
        row.setdefault("schedule", "[]")
        row.setdefault("themes", "[]")
        row.setdefault("checklist", "{}")
    tx.put("visit", row)
    return v_id


def _checked_date(text: str | None) -> str | None:
    """A date as typed in any of the window's languages (14.10.2026, 14 Oct 2026) or ISO,
    kept as ISO."""
    if not text:
        return None
    try:
        found = parse_date(text)
    except ValueError as exc:
        raise RuleViolation(_("“{text}” is not a date like {example}").format(
            text=text, example=format_date(date(2027, 1, 28)))) from exc
    return found.isoformat() if found else None


def shown_date(iso: str | None) -> str:
    """A stored ISO date as the window writes dates ("" for none)."""
    return format_date(date.fromisoformat(iso)) if iso else ""


def _host(db, host_id: str) -> Municipality:
    host = queries.municipality(db, host_id)
    if host is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))
    return host


def update_visit(session: CohortSession, *, host_id: str, date: str | None = KEEP,
                 place: str = KEEP, status: str = KEEP) -> Changes:
    host = _host(session.db, host_id)
    fields = given(date=date, place=place, status=status)
    if "date" in fields:
        fields["date"] = _checked_date(fields["date"])
    if "place" in fields:
        fields["place"] = clean_text(fields["place"])
    if "status" in fields and fields["status"] not in core.STATUSES:
        raise RuleViolation(_("Unknown status “{status}”.").format(status=fields["status"]))
    return session.write(_("Visit to {municipality}").format(municipality=host.name()),
                         lambda tx: put_visit(tx, host_id, **fields))


def _visiting(db, host_id: str, reviewer_id: str) -> Municipality:
    """The host, after checking that the reviewer's pairs send it there."""
    host = _host(db, host_id)
    reviewer = _host(db, reviewer_id)
    if host_id not in _reviews(db).get(reviewer_id, []):
        raise RuleViolation(_("{reviewer} does not visit {host}.").format(
            reviewer=reviewer.name(), host=host.name()))
    return host


def set_preparation(session: CohortSession, *, host_id: str, reviewer_id: str,
                    date: str | None, place: str) -> Changes:
    """The preparation meeting of one visiting municipality's team (place or online link)."""
    host = _visiting(session.db, host_id, reviewer_id)
    day = _checked_date(date)

    def work(tx: Transaction) -> None:
        v_id = put_visit(tx, host_id)
        tx.put("preparation_meeting", {
            "id": stable_id("preparation_meeting", v_id, reviewer_id), "visit_id": v_id,
            "reviewer_id": reviewer_id, "date": day, "place": clean_text(place), "deleted": 0})

    return session.write(_("Preparation for the visit to {municipality}").format(
        municipality=host.name()), work)


def delete_preparation(session: CohortSession, *, host_id: str,
                       reviewer_id: str) -> Changes:
    """The visiting team's preparation meeting is no longer planned."""
    host = _visiting(session.db, host_id, reviewer_id)
    row_id = stable_id("preparation_meeting", visit_id(host_id), reviewer_id)
    if session.db.execute("SELECT 1 FROM preparation_meeting WHERE id = ? AND deleted = 0",
                          [row_id]).fetchone() is None:
        raise RuleViolation(_("No preparation meeting is set for this team."))
    return session.write(_("Delete the preparation for the visit to {municipality}").format(
        municipality=host.name()), lambda tx: tx.tombstone("preparation_meeting", row_id))


def visitor_ids(db, visit_: Visit) -> dict[str, list[str]]:
    """Each reviewing municipality's team (person ids) on this visit."""
    return {reviewer: [p.id for p in team_members(db, reviewer)]
            for reviewer in visit_.reviewer_ids}
