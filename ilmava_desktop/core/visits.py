"""Peer-review visits: who is interviewed, the review teams' sizes, and the day's schedule.

Pure: plain data in, plain data out. A schedule is generated from a few settings, then
edited, and always checked by the rules of the day itself: everyone interviewed exactly
once, nobody (interviewee or visitor) in two places at once, one interview at a time in
a room, and the day ending by its end. People are ids, times minutes from midnight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ilmava_desktop.core.dates import format_date, format_minutes
from ilmava_desktop.core.municipality_names import name_key
from ilmava_desktop.core.roles import EXECUTIVE, POLITICAL, ROLES_BY_KEY, role_from_title
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import N_, _, ngettext

# The concept's numbers: a 2–3 person team reviews; 6–10 people are interviewed per visit.
TEAM_MIN, TEAM_MAX = 2, 3
INTERVIEWEES_MIN, INTERVIEWEES_MAX = 6, 10

STATUSES = ("planned", "held", "findings_written")
STATUS_LABELS = {"planned": N_("planned"), "held": N_("held"),
                 "findings_written": N_("findings written")}

# Whom a host interviews, as the concept groups them.
GROUPS = ("leadership", "sector", "expert", "elected", "local")
GROUP_LABELS = {
    "leadership": N_("leadership"),
    "sector": N_("sector management"),
    "expert": N_("expert"),
    "elected": N_("elected official"),
    "local": N_("local actor"),
}
_GROUP_WORDS = {
    "leadership": ("leadership", "johto", "kuntajohto", "kaupunkijohto", "ledning",
                   "kommunledning"),
    "sector": ("sector", "sector management", "toimialajohto", "toimiala", "sektorledning",
               "sektor"),
    "expert": ("expert", "asiantuntija", "asiantuntijat", "päällikkö", "sakkunnig", "expert"),
    "elected": ("elected", "elected official", "päättäjä", "kuntapäättäjä", "luottamushenkilö",
                "förtroendevald", "beslutsfattare"),
    "local": ("local", "local actor", "paikallistoimija", "kansalaisyhteiskunta",
              "asukasyhdistys", "lokal aktör", "civilsamhälle"),
}
_GROUP_BY_WORD = {name_key(word): group for group, words in _GROUP_WORDS.items()
                  for word in words}


def group_from_text(text: str) -> str | None:
    """A group written in any of our languages, or by its key; None if not recognised."""
    key = name_key(text or "")
    if key in _GROUP_BY_WORD:
        return _GROUP_BY_WORD[key]
    for group, label in GROUP_LABELS.items():
        if key in (name_key(label), name_key(_(label))):
            return group
    return None


def group_from_title(title: str) -> str:
    """The likely group of someone known only by a title ("toimialajohtaja" → sector)."""
    role = ROLES_BY_KEY[role_from_title(title)]
    if role.key == "sector_director":
        return "sector"
    if role.group == EXECUTIVE:
        return "leadership"
    if role.group == POLITICAL:
        return "elected"
    return "expert"


def team_size_warning(count: int) -> str | None:
    if count < TEAM_MIN:
        return ngettext("{count} person in the review team, fewer than {low}",
                        "{count} people in the review team, fewer than {low}",
                        count).format(count=count, low=TEAM_MIN)
    if count > TEAM_MAX:
        return ngettext("{count} person in the review team, more than {high}",
                        "{count} people in the review team, more than {high}",
                        count).format(count=count, high=TEAM_MAX)
    return None


def interviewee_count_warning(count: int) -> str | None:
    if count < INTERVIEWEES_MIN:
        return ngettext("{count} interviewee, fewer than {low}",
                        "{count} interviewees, fewer than {low}",
                        count).format(count=count, low=INTERVIEWEES_MIN)
    if count > INTERVIEWEES_MAX:
        return ngettext("{count} interviewee, more than {high}",
                        "{count} interviewees, more than {high}",
                        count).format(count=count, high=INTERVIEWEES_MAX)
    return None


def missing_groups(groups: list[str]) -> list[str]:
    """The groups nobody is interviewed from (the concept wants all of them heard)."""
    return [group for group in GROUPS if group not in set(groups)]


# -- the day's schedule ---------------------------------------------------------------------

OPENING, INTERVIEW, BREAK, DEBRIEF = "opening", "interview", "break", "debrief"
KINDS = (OPENING, INTERVIEW, BREAK, DEBRIEF)

# Above this many people a group interview stops being a conversation (VISITS.md).
GROUP_INTERVIEW_MAX = 5


class ScheduleImpossible(RuleViolation):
    """The day cannot be planned with these settings; the message names the rule."""


@dataclass(frozen=True)
class DaySettings:
    """The day planner's defaults (VISITS.md): opening at 9, hour-long interviews with a
    quarter of an hour between them, lunch after two rounds, at most four interviews a
    room, a team debrief and then the joint feedback session."""

    start: int = 9 * 60
    rooms: int = 1
    opening: int = 30
    interview: int = 60
    gap: int = 15
    lunch: int = 45
    lunch_after: int = 2
    per_room: int = 4
    team_debrief: int = 45
    feedback: int = 45
    day_end: int = 17 * 60
    group_size: int = 1  # at most this many people of one group interviewed together


@dataclass(frozen=True)
class Slot:
    start: int
    end: int
    kind: str
    room: int | None = None  # None: everyone together (opening, lunch, debrief)
    interviewees: tuple[str, ...] = ()
    interviewers: tuple[str, ...] = ()
    title: str = field(default="", compare=False)
    # In the room (VISITS.md): one interviewer leads and asks, another types the notes and
    # asks what was missed at the end; anyone else observes.
    lead: str | None = None
    notes: str | None = None
    # Ticked once the interview began with its briefing: why we are here, who is present,
    # and that names and workplaces stay out of the report (VISITS.md).
    briefed: bool = False

    def people(self) -> set[str]:
        return set(self.interviewees) | set(self.interviewers)

    def overlaps(self, other: Slot) -> bool:
        return self.start < other.end and other.start < self.end


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes(text: str) -> int:
    """"9:30", "09:30" or, as Finns and Swedes write it, "9.30" → 570; RuleViolation for
    anything else."""
    hours, _sep, mins = (text or "").strip().replace(".", ":", 1).partition(":")
    if not (hours.isdigit() and mins.isdigit() and len(mins) == 2
            and int(hours) < 24 and int(mins) < 60):
        raise RuleViolation(_("“{text}” is not a time of day (HH:MM).").format(text=text))
    return int(hours) * 60 + int(mins)


def _rooms_staffed(rooms: int, teams: list[list[str]]) -> list[list[str]]:
    """Each room's interviewers: one team a room, or everyone together in one room.
    A room without a team to staff it is not used."""
    if rooms < 1:
        raise ScheduleImpossible(_("A visit needs at least one interview room."))
    visitors = [person for team in teams for person in team]
    if not teams or rooms == 1 or len(teams) == 1:
        return [visitors] * (1 if teams else rooms)
    used = min(rooms, len(teams))
    return [[p for team in teams[r::used] for p in team] for r in range(used)]


def interview_units(interviewees: list[tuple[str, str]], group_size: int,
                    group_order: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Who is interviewed together: one person a slot, or with `group_size` above one the
    people of one group in as few slots as that allows, the slots' sizes as even as can be
    (seven experts in groups of up to three: 3, 2, 2). Groups in `group_order`, then the
    rest; within a group in the order given."""
    if not 1 <= group_size <= GROUP_INTERVIEW_MAX:
        raise ScheduleImpossible(_("A group interview holds 1–{most} people.").format(
            most=GROUP_INTERVIEW_MAX))
    order = {group: index for index, group in enumerate(group_order)}
    by_group: dict[str, list[str]] = {}
    for person, group in interviewees:
        by_group.setdefault(group, []).append(person)
    units: list[tuple[str, ...]] = []
    for group in sorted(by_group, key=lambda g: order.get(g, len(order))):
        people = by_group[group]
        slots = -(-len(people) // group_size)
        size, extra = divmod(len(people), slots)
        at = 0
        for number in range(slots):
            taken = size + (1 if number < extra else 0)
            units.append(tuple(people[at:at + taken]))
            at += taken
    return units


def generate(interviewees: list[tuple[str, str]], teams: list[list[str]],
             settings: DaySettings = DaySettings(),
             group_order: tuple[str, ...] = ()) -> list[Slot]:
    """The day: a joint opening, the interviews (one person each, or small groups of one
    group) round by round with lunch after `lunch_after` rounds, then the team debrief and
    the joint feedback.

    `interviewees` are (id, group); `teams` the visiting teams' person ids. Raises
    ScheduleImpossible naming the rule the settings break.
    """
    s = settings
    staffed = _rooms_staffed(s.rooms, teams)
    visitors = tuple(p for team in teams for p in team)
    queue = interview_units(interviewees, s.group_size, group_order)
    count, rooms = len(queue), len(staffed)
    rounds = -(-count // rooms)
    if rounds > s.per_room:
        message = ngettext(
            "{count} interviews in {rooms} room need {rounds} a room; at most {most} fit a "
            "room's day.",
            "{count} interviews in {rooms} rooms need {rounds} a room; at most {most} fit a "
            "room's day.", rooms).format(count=count, rooms=rooms, rounds=rounds,
                                         most=s.per_room)
        if rooms < s.rooms:
            message += " " + ngettext("Each room needs a visiting team: {teams} team staffs "
                                      "{teams} room.",
                                      "Each room needs a visiting team: {teams} teams staff "
                                      "{teams} rooms.", rooms).format(teams=rooms)
        if s.group_size < GROUP_INTERVIEW_MAX:
            message += " " + _("Interviewing people of one group together makes fewer "
                               "interviews.")
        raise ScheduleImpossible(message)
    slots = [Slot(s.start, s.start + s.opening, OPENING, None, (), visitors)]
    t = s.start + s.opening + s.gap
    for number in range(rounds):
        if number and number == s.lunch_after and s.lunch:
            slots.append(Slot(t - s.gap, t - s.gap + s.lunch, BREAK))
            t += s.lunch - s.gap
        for room, unit in enumerate(queue[number * rooms:(number + 1) * rooms]):
            team = tuple(staffed[room])
            slots.append(Slot(t, t + s.interview, INTERVIEW, room + 1, unit, team,
                              **default_roles(team, number)))
        t += s.interview + s.gap
    if rounds and 0 < s.lunch_after and rounds <= s.lunch_after and s.lunch:
        slots.append(Slot(t - s.gap, t - s.gap + s.lunch, BREAK))
        t += s.lunch - s.gap
    slots.append(Slot(t, t + s.team_debrief, DEBRIEF, None, (), visitors))
    t += s.team_debrief
    slots.append(Slot(t, t + s.feedback, DEBRIEF, None, (), visitors))
    t += s.feedback
    if t > s.day_end:
        raise ScheduleImpossible(_("The day would end at {end}, after {limit}.").format(
            end=format_minutes(t), limit=format_minutes(s.day_end)))
    return slots


def default_roles(interviewers: tuple[str, ...], turn: int) -> dict:
    """Who leads and who takes notes in a room's `turn`th interview: the team takes turns,
    so everyone both asks and writes during the day."""
    if not interviewers:
        return {"lead": None, "notes": None}
    size = len(interviewers)
    return {"lead": interviewers[turn % size],
            "notes": interviewers[(turn + 1) % size] if size > 1 else None}


def role_problems(slot: Slot, name) -> list[str]:
    """An interview's roles that cannot be: someone not interviewing there, or one person
    both leading and taking notes."""
    found = []
    for person, text in ((slot.lead, _("{name} leads the interview at {time} but does not "
                                       "interview there.")),
                         (slot.notes, _("{name} takes the notes at {time} but does not "
                                        "interview there."))):
        if person is not None and person not in slot.interviewers:
            found.append(text.format(name=name(person), time=format_minutes(slot.start)))
    if slot.lead is not None and slot.lead == slot.notes:
        found.append(_("{name} cannot both lead and take the notes at {time}.").format(
            name=name(slot.lead), time=format_minutes(slot.start)))
    return found


def problems(slots: list[Slot], interviewee_ids: list[str], names: dict[str, str],
             day_end: int = DaySettings.day_end) -> list[str]:
    """Every rule the schedule breaks, in words; none for a schedule that can be held."""
    found: list[str] = []

    def name(person: str) -> str:
        return names.get(person, person)

    for slot in slots:
        if slot.end <= slot.start:
            found.append(_("{start}–{end} ends before it starts.").format(
                start=format_minutes(slot.start), end=format_minutes(slot.end)))
        if slot.end > day_end:
            found.append(_("{start}–{end} ends after {limit}.").format(
                start=format_minutes(slot.start), end=format_minutes(slot.end),
                limit=format_minutes(day_end)))
        if slot.kind == INTERVIEW:
            found += role_problems(slot, name)
        if slot.kind == INTERVIEW and len(slot.interviewees) > GROUP_INTERVIEW_MAX:
            found.append(_("{start}: a group of {count} is more than {most} to interview "
                           "at once.").format(start=format_minutes(slot.start),
                                              count=len(slot.interviewees),
                                              most=GROUP_INTERVIEW_MAX))
    times: dict[str, int] = {}
    for slot in slots:
        if slot.kind == INTERVIEW:
            for person in slot.interviewees:
                times[person] = times.get(person, 0) + 1
    for person in interviewee_ids:
        if times.get(person, 0) == 0:
            found.append(_("{name} has no interview.").format(name=name(person)))
        elif times[person] > 1:
            found.append(_("{name} is interviewed {count} times.").format(
                name=name(person), count=times[person]))
    ordered = sorted(slots, key=lambda slot: (slot.start, slot.end))
    for index, slot in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other.start >= slot.end:
                break
            for person in sorted(slot.people() & other.people(), key=name):
                found.append(_("{name} would be in two places at {time}.").format(
                    name=name(person), time=format_minutes(other.start)))
            if (slot.kind == other.kind == INTERVIEW and slot.room == other.room):
                found.append(_("Room {room} has two interviews at {time}.").format(
                    room=slot.room, time=format_minutes(other.start)))
    return found


@dataclass(frozen=True)
class Booking:
    """One visit's day and its visitors, to find anyone booked twice on one day."""

    label: str  # the host's name
    day: date | None
    visitors: frozenset[str]


def double_bookings(bookings: list[Booking], names: dict[str, str]) -> list[str]:
    """A visitor on two visits the same day, in words."""
    found = []
    for index, first in enumerate(bookings):
        for second in bookings[index + 1:]:
            if first.day is None or first.day != second.day:
                continue
            for person in sorted(first.visitors & second.visitors,
                                 key=lambda p: names.get(p, p)):
                found.append(_("{name} is booked on two visits on {date}: {first} and "
                               "{second}.").format(name=names.get(person, person),
                                                   date=format_date(first.day),
                                                   first=first.label, second=second.label))
    return found


def to_json(slot: Slot) -> dict:
    return {"start": clock(slot.start), "end": clock(slot.end), "kind": slot.kind,
            "room": slot.room, "interviewees": list(slot.interviewees),
            "interviewers": list(slot.interviewers), "lead": slot.lead, "notes": slot.notes,
            "briefed": slot.briefed}


def from_json(data: dict) -> Slot:
    return Slot(minutes(data["start"]), minutes(data["end"]), data["kind"], data.get("room"),
                tuple(data.get("interviewees", ())), tuple(data.get("interviewers", ())),
                lead=data.get("lead"), notes=data.get("notes"),
                briefed=bool(data.get("briefed", False)))
