"""Checking people in on a day: by search, by badge, walk-ins and substitutes.

Every check-in is one row with a deterministic id (the day and the person), so the
same person checked in on two laptops is one attendance after a merge; undoing a
check-in turns the row into a tombstone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime

from ilmava_desktop.core import attendance as rules
from ilmava_desktop.core.dates import format_date, format_time
from ilmava_desktop.core.model import Day
from ilmava_desktop.core.roles import ROLES_BY_KEY, role_from_title
from ilmava_desktop.core.rules import RuleViolation, excerpt, whole_number
from ilmava_desktop.i18n import LANGUAGES, _, current_language, gettext_for
from ilmava_desktop.services.attendance.invitations import put_invitation
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.services.municipalities.people import _person_fields, put_new_person
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, stable_id


def attendance_id(day_id: str, person_id: str) -> str:
    return stable_id("attendance", day_id, person_id)


# -- finding the day ---------------------------------------------------------------------


class UnknownDay(RuleViolation):
    """Asked for a day the cohort does not have."""


def find_day(db, number_or_id: str) -> Day:
    """Day N in date order (1-based), or a day's id."""
    days = queries.days(db)
    number = whole_number(number_or_id, 1, len(days)) if days else None
    if number is not None:
        return days[number - 1]
    for day in days:
        if day.id == number_or_id:
            return day
    raise UnknownDay(_("There is no day {day}; the cohort has {n} days.").format(
        day=excerpt(number_or_id), n=len(days)))


def default_day(days: list[Day], today: date | None = None) -> Day | None:
    """Today's day; else the next one to come; else the last one."""
    today = today or date.today()
    dated = [d for d in days if d.date]
    for day in dated:
        if day.date == today:
            return day
    upcoming = [d for d in dated if d.date > today]
    if upcoming:
        return upcoming[0]
    return dated[-1] if dated else (days[0] if days else None)


def day_label(day: Day, language: str | None = None) -> str:
    """"28.1.2026 Helsinki – Avajaiset", the title in `language` (the window's by default)."""
    language = language or current_language()
    return f"{format_date(day.date, language)} {day.venue} – {day.title_in(language)}".strip()


def day_label_from(data: dict) -> str:
    """The same label from the command line's JSON description of a day."""
    when = date.fromisoformat(data["date"]) if data["date"] else None
    return f"{format_date(when)} {data['venue']} – {data['title']}".strip()


# -- who is here -------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonAtDay:
    id: str
    name: str
    role: str
    title: str
    token: str | None
    checked_in_at: str | None  # "9.05" (9:05 in English) when present
    kind: str | None
    search_text: str
    invited: bool = True  # False: not invited to the day, yet found at the door
    invited_at_door: bool = False  # checked in uninvited, and invited by that


@dataclass
class MunicipalityAtDay:
    id: str
    code: str
    name: str
    minimum: int
    maximum: int
    people: list[PersonAtDay] = field(default_factory=list)

    @property
    def present(self) -> int:
        return sum(1 for p in self.people if p.checked_in_at)

    @property
    def invited(self) -> int:
        return sum(1 for p in self.people if p.invited)

    @property
    def not_invited_present(self) -> int:
        """Checked in though not invited (they were invited by the check-in)."""
        return sum(1 for p in self.people if p.checked_in_at and p.kind == "registered"
                   and p.invited_at_door)

    @property
    def state(self) -> str:
        return rules.limit_state(self.present, self.minimum, self.maximum)


def overview(session: CohortSession, day: Day, language: str = "fi",
             municipality_id: str | None = None) -> list[MunicipalityAtDay]:
    """Every municipality (or just one) with its people and who of them is in, for the day."""
    db = session.db
    present = {row["person_id"]: row for row in queries.attendance(db, day.id)}
    invited = queries.invited(db, day.id)
    municipalities = [m for m in taking_part(db)
                      if municipality_id is None or m.id == municipality_id]
    groups = {m.id: MunicipalityAtDay(m.id, m.code, m.name(language), day.min_attendance,
                                      day.max_attendance) for m in municipalities}
    names = {m.id: f"{m.name_fi} {m.name_sv}" for m in municipalities}
    for person in queries.people(db, municipality_id):
        group = groups.get(person.municipality_id)
        if group is None:
            continue
        row = present.get(person.id)
        role = _(ROLES_BY_KEY[person.role].label) if person.role in ROLES_BY_KEY else person.role
        search = rules.search_key(f"{person.name} {names[person.municipality_id]} "
                                  f"{_role_words(person.role)} {person.title}")
        group.people.append(PersonAtDay(
            person.id, person.name, role, person.title, person.token,
            clock(row["checked_in_at"], language) if row else None, row["kind"] if row else None, search,
            person.id in invited, bool(row and row["invited_at_door"])))
    return list(groups.values())


@functools.cache
def _role_words(role: str) -> str:
    """A role by its name in each of our languages: the people at the door say
    "kunnanjohtaja" whatever language the laptop speaks."""
    if role not in ROLES_BY_KEY:
        return role
    label = ROLES_BY_KEY[role].label
    return " ".join(gettext_for(language)(label) for language in LANGUAGES)


def overview_of_check_in(session: CohortSession, day: Day, attendance_row_id: str,
                         language: str = "fi") -> list[MunicipalityAtDay]:
    """The overview of just the municipality one check-in (or its undo) changed: a scan at
    the door refreshes one row of the list, not all of them."""
    row = session.db.execute(
        "SELECT person.municipality_id FROM attendance JOIN person"
        " ON person.id = attendance.person_id WHERE attendance.id = ?",
        [attendance_row_id]).fetchone()
    return overview(session, day, language, row[0]) if row else []


def clock(iso: str, language: str | None = None) -> str:
    """The time of a check-in as the window writes times: 9.05, in English 9:05."""
    return format_time(datetime.fromisoformat(iso), language)


def find(groups: list[MunicipalityAtDay], query: str) -> list[PersonAtDay]:
    """People of whose name, municipality (either language) or role a word starts with each
    typed word, accents and case aside."""
    words = rules.search_words(query)
    if not words:
        return []
    return [p for g in groups for p in g.people if rules.matches(words, p.search_text)]


# -- checking in -------------------------------------------------------------------------


def check_in(session: CohortSession, day_id: str, person_id: str, override: bool = False,
             now: datetime | None = None) -> Changes:
    person = queries.person(session.db, person_id)
    if person is None:
        raise RuleViolation(_("The person is no longer in the cohort."))
    now = now or datetime.now()
    return session.write(_present(session, person.name, person.municipality_id, now),
                         lambda tx: _check_in(tx, session, day_id, person_id, override, now))


def _present(session: CohortSession, name: str, municipality_id: str, now: datetime,
             kind: str = "registered", instead_of: str = "") -> str:
    """What a check-in did, in the past tense: the confirmation at the door, the undo menu's
    item and what the status line says was undone ("Mikko Luonnos (Forssa) present at 9.12")."""
    municipality = queries.municipality(session.db, municipality_id)
    where = municipality.name(current_language()) if municipality else ""
    fields = {"name": name, "municipality": where, "time": format_time(now),
              "registered": instead_of}
    if kind == "walk_in":
        return _("{name} ({municipality}) present at {time}, walk-in").format(**fields)
    if kind == "substitute":
        return _("{name} ({municipality}) present at {time} in place of {registered}").format(
            **fields)
    return _("{name} ({municipality}) present at {time}").format(**fields)


def _check_in(tx: Transaction, session: CohortSession, day_id: str, person_id: str,
              override: bool, now: datetime | None, kind: str = "registered",
              substitute_for: str | None = None) -> str:
    db = session.db
    day = queries.day(db, day_id)
    person = queries.person(db, person_id)
    if day is None:
        raise RuleViolation(_("The day is no longer in the cohort."))
    municipality = queries.municipality(db, person.municipality_id)
    if municipality is not None and not municipality.taking_part:
        raise RuleViolation(_("{municipality} was not selected for the programme, so its "
                              "people are not checked in.").format(
                                  municipality=municipality.name()))
    existing = tx.get("attendance", attendance_id(day_id, person_id))
    # An uninvited person who came is checked in all the same, and invited by it; the
    # row remembers it, so the day's figures can say how many came uninvited.
    invited_at_door = put_invitation(tx, day_id, person_id) and kind == "registered"
    if existing and not existing["deleted"]:
        raise RuleViolation(_("{name} is already checked in (at {time}).").format(
            name=person.name, time=clock(existing["checked_in_at"])))
    municipality = queries.municipality(db, person.municipality_id)
    present = sum(1 for row in queries.attendance(db, day_id)
                  if row["municipality_id"] == person.municipality_id)
    over = rules.check_room_for_one_more(municipality.name(), present, day.max_attendance,
                                         override)
    row_id = attendance_id(day_id, person_id)
    tx.put("attendance", {
        "id": row_id, "day_id": day_id, "person_id": person_id, "deleted": 0,
        "checked_in_at": now.isoformat(timespec="seconds"),
        "kind": kind, "substitute_for": substitute_for, "over_limit": int(over),
        "invited_at_door": int(invited_at_door),
    })
    return row_id


def cancel_check_in(session: CohortSession, day_id: str, person_id: str) -> Changes:
    person = queries.person(session.db, person_id)
    row_id = attendance_id(day_id, person_id)
    existing = session.db.execute("SELECT deleted FROM attendance WHERE id = ?", [row_id]).fetchone()
    if person is None or existing is None or existing[0]:
        raise RuleViolation(_("{name} is not checked in.").format(name=person.name if person else "?"))
    return session.write(_("Check-in of {name} cancelled").format(name=person.name),
                         lambda tx: tx.tombstone("attendance", row_id))


def person_by_badge(session: CohortSession, scanned: str) -> str:
    """The person whose badge was scanned; a clear refusal for anything else."""
    parsed = rules.parse_badge(scanned)
    token = parsed[1] if parsed else scanned.strip().upper()
    cohort = queries.cohort(session.db)
    if parsed and parsed[0] != cohort.id[:8]:
        raise RuleViolation(_("This badge belongs to another cohort."))
    row = session.db.execute("SELECT id FROM person WHERE token = ? AND deleted = 0",
                             [token]).fetchone()
    if row is None:
        raise RuleViolation(_("No one in this cohort has the badge “{token}”.").format(token=token))
    return row[0]


def walk_in(session: CohortSession, day_id: str, municipality_id: str, name: str,
            title: str = "", role: str | None = None, override: bool = False,
            now: datetime | None = None) -> Changes:
    """Someone who was not registered: added to the municipality and checked in at once."""
    fields = _person_fields(name, role or role_from_title(title), title, "", None)
    now = now or datetime.now()

    def work(tx: Transaction) -> str:
        person_id = put_new_person(tx, municipality_id, fields)
        return _check_in(tx, session, day_id, person_id, override, now, kind="walk_in")

    return session.write(_present(session, fields["name"], municipality_id, now, "walk_in"),
                         work)


def substitute(session: CohortSession, day_id: str, registered_id: str, name: str,
               title: str = "", role: str | None = None, override: bool = False,
               now: datetime | None = None) -> Changes:
    """Someone who comes in place of a registered person of the same municipality."""
    registered = queries.person(session.db, registered_id)
    if registered is None:
        raise RuleViolation(_("The person is no longer in the cohort."))
    fields = _person_fields(name, role or (role_from_title(title) if title else registered.role),
                            title or registered.title, "", None)
    now = now or datetime.now()

    def work(tx: Transaction) -> str:
        person_id = put_new_person(tx, registered.municipality_id, fields)
        return _check_in(tx, session, day_id, person_id, override, now, kind="substitute",
                         substitute_for=registered_id)

    return session.write(_present(session, fields["name"], registered.municipality_id, now,
                                  "substitute", registered.name), work)
