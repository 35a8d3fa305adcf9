"""Who is invited to each day: by audience when a day is created, then person by person.

An invitation is one row per (day, person) with a deterministic id, so the same invitation
made on two laptops is one after a merge; taking it back makes it a tombstone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core import invitations as rules
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.core.sorting import alphabet_key
from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, stable_id


def invitation_id(day_id: str, person_id: str) -> str:
    return stable_id("invitation", day_id, person_id)


def put_invitation(tx: Transaction, day_id: str, person_id: str) -> bool:
    """Invite one person; False if they already were (nothing written)."""
    row_id = invitation_id(day_id, person_id)
    existing = tx.get("invitation", row_id)
    if existing and not existing["deleted"]:
        return False
    tx.put("invitation", {"id": row_id, "day_id": day_id, "person_id": person_id,
                          "deleted": 0})
    return True


def take_back(tx: Transaction, day_id: str, person_id: str) -> bool:
    row_id = invitation_id(day_id, person_id)
    existing = tx.get("invitation", row_id)
    if not existing or existing["deleted"]:
        return False
    tx.tombstone("invitation", row_id)
    return True


def invite_audience(tx: Transaction, day_id: str, audience: str) -> int:
    """Invite everyone of the audience to the day (a new day's defaults)."""
    return sum(put_invitation(tx, day_id, person.id) for person in queries.people(tx.db, taking_part=True)
               if rules.in_audience(person.role, audience))


@dataclass(frozen=True)
class InvitationResult:
    changed: int
    invited: int  # the day's invited people after the change


def set_invited(session: CohortSession, *, day_id: str, person_ids: list[str],
                invited: bool) -> Changes:
    """Invite these people to the day, or take their invitations back."""
    day = queries.day(session.db, day_id)
    if day is None:
        raise RuleViolation(_("The day is no longer in the cohort."))
    known = queries.people_present(session.db, person_ids)
    unknown = [person_id for person_id in person_ids if person_id not in known]
    if unknown:
        raise RuleViolation(_("No one in this cohort has the id {id}.").format(id=unknown[0]))
    change = put_invitation if invited else take_back

    def work(tx: Transaction) -> InvitationResult:
        changed = sum(change(tx, day_id, person_id) for person_id in person_ids)
        return InvitationResult(changed, queries.invited_count(tx.db, day_id))

    count = len(person_ids)
    description = (ngettext("{n} person invited", "{n} people invited", count) if invited
                   else ngettext("{n} invitation taken back", "{n} invitations taken back",
                                 count)).format(n=count)
    return session.write(description, work)


def people_of_municipality(db, municipality_id: str) -> list[str]:
    return [p.id for p in queries.people(db, municipality_id, taking_part=True)]


def people_of_audience(db, audience: str) -> list[str]:
    if audience not in rules.AUDIENCES:
        raise RuleViolation(_("There is no audience “{audience}”.").format(audience=audience))
    return [p.id for p in queries.people(db, taking_part=True)
            if rules.in_audience(p.role, audience)]


def invited(db, day_id: str) -> set[str]:
    return queries.invited(db, day_id)


# -- the day × person grid -------------------------------------------------------------------

@dataclass(frozen=True)
class GridPerson:
    id: str
    name: str
    municipality_id: str
    municipality: str


@dataclass
class InvitationGrid:
    days: list  # core.model.Day, in date order
    people: list[GridPerson]  # by municipality, then name, in the window's language
    invited: dict[str, set[str]]  # day id -> invited person ids


def invitation_grid(db, language: str) -> InvitationGrid:
    municipalities = {m.id: m.name(language) for m in queries.municipalities(db, taking_part=True)}
    people = sorted(
        (GridPerson(p.id, p.name, p.municipality_id, municipalities[p.municipality_id])
         for p in queries.people(db) if p.municipality_id in municipalities),
        key=lambda p: (alphabet_key(p.municipality, language), alphabet_key(p.name, language)))
    days = queries.days(db)
    return InvitationGrid(days, people, {day.id: queries.invited(db, day.id) for day in days})
