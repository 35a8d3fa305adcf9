"""A visit's day: generated from a start time and rooms, then edited; rules checked at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from ilmava_desktop.core import schedule_edits as edits
from ilmava_desktop.core import visits as core
from ilmava_desktop.core.dates import format_minutes
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import N_, _
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.services.visits import (
    Visit,
    _checked_date,
    _host,
    put_visit,
    visit,
    visitor_ids,
    visits,
)
from ilmava_desktop.storage import queries


def names(db, found: Visit) -> dict[str, str]:
    """Everyone the day names: the interviewees and the visitors."""
    people = {p.id: p.name for p in queries.people(db)}
    return {**people, **{i.id: i.name for i in found.interviewees}}


def slots(found: Visit) -> list[core.Slot]:
    return [core.from_json(data) for data in found.schedule]


def _bookings(db, *, replacing: Visit | None = None,
              day: str | None = None) -> list[core.Booking]:
    found = []
    for other in visits(db):
        when = day if replacing is not None and other.id == replacing.id else other.date
        people = frozenset(p for ids in visitor_ids(db, other).values() for p in ids)
        found.append(core.Booking(other.host.name(), date.fromisoformat(when) if when else None,
                                  people))
    return found


def conflicts(db, found: Visit) -> list[str]:
    """The rules the visit's day breaks, in words: its schedule, and its visitors booked on
    another visit the same day."""
    problems = core.problems(slots(found), [i.id for i in found.interviewees],
                             names(db, found)) if found.schedule else []
    mine = [text for text in core.double_bookings(_bookings(db), names(db, found))
            if found.host.name() in text]
    return problems + mine


def plan(session: CohortSession, *, host_id: str, day: str, start: str = "09:00",
         rooms: int | None = None, group_size: int = 1) -> Changes:
    """Generate the host's day and keep it with its date; ScheduleImpossible names the
    rule when it cannot be done (too many interviews, too long a day, a visitor booked
    elsewhere that day). With `group_size` above one, people of one interview group are
    interviewed together, that many at most a slot."""
    db = session.db
    host = _host(db, host_id)
    found = visit(db, host_id)
    if found is None:
        raise RuleViolation(_("Nobody reviews {municipality}: save the peer-review pairs "
                              "first.").format(municipality=host.name()))
    if not found.interviewees:
        raise core.ScheduleImpossible(_("{municipality} has no interviewees yet: add or "
                                        "import them first.").format(municipality=host.name()))
    when = _checked_date(day)
    clashes = [text for text in core.double_bookings(
        _bookings(db, replacing=found, day=when), names(db, found)) if host.name() in text]
    if clashes:
        raise core.ScheduleImpossible(clashes[0])
    schedule = generated_json(db, found, start=start, rooms=rooms, group_size=group_size)
    return session.write(_("Plan the visit to {municipality}").format(
        municipality=host.name()), lambda tx: put_visit(
        tx, host_id, date=when, schedule=schedule))


def generated_json(db, found: Visit, *, start: str, rooms: int | None,
                   group_size: int = 1) -> str:
    """The generated day as stored; rooms default to one per visiting team."""
    teams = list(visitor_ids(db, found).values())
    settings = core.DaySettings(start=core.minutes(start), rooms=rooms or max(1, len(teams)),
                                group_size=group_size)
    generated = core.generate([(i.id, i.group) for i in found.interviewees], teams, settings,
                              group_order=core.GROUPS)
    return json.dumps([core.to_json(slot) for slot in generated])


OPENING_TITLE, LUNCH_TITLE = N_("Joint opening"), N_("Lunch")
TEAM_DEBRIEF_TITLE, FEEDBACK_TITLE = N_("Team debrief"), N_("Joint debrief and feedback")


def slot_titles(found: Visit, tr: Callable[[str], str] = _) -> list[str]:
    """What each slot is, in words (in `tr`'s language): the two debriefs are the team's
    own, then the joint feedback with the host."""
    debriefs = [i for i, slot in enumerate(found.schedule) if slot["kind"] == core.DEBRIEF]
    titles = []
    for index, slot in enumerate(found.schedule):
        if slot["kind"] == core.OPENING:
            titles.append(tr(OPENING_TITLE))
        elif slot["kind"] == core.BREAK:
            titles.append(tr(LUNCH_TITLE))
        elif slot["kind"] == core.DEBRIEF:
            titles.append(tr(FEEDBACK_TITLE if index == debriefs[-1] else TEAM_DEBRIEF_TITLE))
        else:
            names = ", ".join(i.name for i in found.interviewees
                              if i.id in slot["interviewees"])
            titles.append(f"{names} · {tr(BRIEFED)}" if slot.get("briefed") else names)
    return titles


def move_slot(session: CohortSession, *, host_id: str, index: int, start: str,
              room: int | None = KEEP) -> Changes:
    """A slot at another time (or room), its length kept; refused, with the rule named,
    when someone would then be in two places at once."""
    db = session.db
    host = _host(db, host_id)
    found = visit(db, host_id)
    current = slots(found) if found else []
    if not 0 <= index < len(current):
        raise RuleViolation(_("The visit has no such slot."))
    edited = list(current)
    edited[index] = edits.moved(current[index], core.minutes(start),
                               None if room is KEEP else room)
    broken = core.problems(edited, [i.id for i in found.interviewees], names(db, found))
    if broken:
        raise RuleViolation(broken[0])
    schedule = json.dumps([core.to_json(slot) for slot in edited])
    return session.write(_("Move {time} of the visit to {municipality}").format(
        time=format_minutes(current[index].start), municipality=host.name()),
        lambda tx: put_visit(tx, host_id, schedule=schedule))


def swap_slots(session: CohortSession, *, host_id: str, first: int, second: int) -> Changes:
    """Two interviews change places (their interviewees swap, times, rooms and interviewers
    stay); refused, with the rule named, when the day would then break one."""
    db = session.db
    host = _host(db, host_id)
    found = visit(db, host_id)
    current = slots(found) if found else []
    edited = edits.swapped(current, first, second)
    broken = core.problems(edited, [i.id for i in found.interviewees], names(db, found))
    if broken:
        raise RuleViolation(broken[0])
    schedule = json.dumps([core.to_json(slot) for slot in edited])
    return session.write(_("Swap {first} and {second} of the visit to {municipality}").format(
        first=format_minutes(current[first].start), second=format_minutes(current[second].start),
        municipality=host.name()), lambda tx: put_visit(tx, host_id, schedule=schedule))


def swap_with_neighbour(session: CohortSession, *, host_id: str, index: int,
                        step: int) -> Changes:
    """The interview changes places with the one before (step -1) or after (+1) it; the
    changes' result is the slot its interviewees are now in."""
    found = visit(session.db, host_id)
    current = slots(found) if found else []
    if not 0 <= index < len(current):
        raise RuleViolation(_("The visit has no such slot."))
    if current[index].kind != core.INTERVIEW:
        raise RuleViolation(_("Only interviews change places; the opening, lunch and "
                              "debriefs move by their time."))
    other = edits.neighbour_interview(current, index, step)
    if other is None:
        raise RuleViolation(_("This is the day's first interview.") if step < 0 else
                            _("This is the day's last interview."))
    return replace(swap_slots(session, host_id=host_id, first=index, second=other),
                   result=other)


def set_roles(session: CohortSession, *, host_id: str, index: int, lead: str | None,
              notes: str | None, teams: list[str] | Keep = KEEP) -> Changes:
    """Who leads an interview and who takes its notes (of its interviewers; None: nobody
    chosen), and, when `teams` are given, which visiting teams interview (one, or both
    together); refused, with the rule named, for someone not interviewing there, one
    person in both roles, or a visitor who would then be in two places at once."""
    db = session.db
    host = _host(db, host_id)
    found = visit(db, host_id)
    current = slots(found) if found else []
    interviewers = None
    if teams is not KEEP:
        visiting = visitor_ids(db, found)
        unknown = [t for t in teams if t not in visiting]
        if unknown:
            raise RuleViolation(_("{team} does not visit {host}.").format(
                team=_host(db, unknown[0]).name(), host=host.name()))
        interviewers = tuple(p for t in teams for p in visiting[t])
    edited = edits.with_roles(current, index, lead, notes, interviewers)
    named, ids = names(db, found), [i.id for i in found.interviewees]
    before = set(core.problems(current, ids, named))
    broken = [text for text in core.problems(edited, ids, named) if text not in before]
    if broken:
        raise RuleViolation(broken[0])
    schedule = json.dumps([core.to_json(slot) for slot in edited])
    return session.write(_("Roles at {time} of the visit to {municipality}").format(
        time=format_minutes(current[index].start), municipality=host.name()),
        lambda tx: put_visit(tx, host_id, schedule=schedule))


def team_members(db, found: Visit) -> list[tuple[str, str, list[str]]]:
    """Each visiting team: its municipality's id and name, and its members' ids."""
    return [(team, _host(db, team).name(), members)
            for team, members in visitor_ids(db, found).items()]


def slot_teams(db, found: Visit, index: int) -> list[str]:
    """The visiting teams (municipality ids) whose members interview in the slot."""
    people = set(found.schedule[index].get("interviewers", ()))
    return [team for team, members in visitor_ids(db, found).items()
            if members and set(members) <= people]


def set_briefed(session: CohortSession, *, host_id: str, index: int,
                given: bool = True) -> Changes:
    """The interview's briefing (purpose, who is present, no names in the report) ticked
    as given, or not."""
    db = session.db
    host = _host(db, host_id)
    found = visit(db, host_id)
    current = slots(found) if found else []
    edited = edits.briefed(current, index, given)
    schedule = json.dumps([core.to_json(slot) for slot in edited])
    text = (_("Briefing given at {time} of the visit to {municipality}") if given else
            _("Briefing not given at {time} of the visit to {municipality}"))
    return session.write(text.format(time=format_minutes(current[index].start),
                                     municipality=host.name()),
                         lambda tx: put_visit(tx, host_id, schedule=schedule))


def interviewer_text(slot: dict, names: dict[str, str], tr: Callable[[str], str] = _) -> str:
    """An interview's interviewers in words, their roles marked: "Anna (leads), Kimmo
    (notes), Linda"."""
    marks = {slot.get("lead"): tr(LEADS), slot.get("notes"): tr(NOTES)}
    return ", ".join(f"{names.get(p, '?')} ({marks[p]})" if p in marks and p else
                     names.get(p, "?") for p in slot.get("interviewers", ()))


LEADS, NOTES, BRIEFED = N_("leads"), N_("notes"), N_("briefed ✓")


def shown_time(stored: str) -> str:
    """A schedule's time ("09:45", as it is kept) as the window writes times: 9.45, 9:45."""
    return format_minutes(core.minutes(stored))
