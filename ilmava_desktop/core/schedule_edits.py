"""Edits of a visit's day: a slot at another time, two interviews changing places, an
interview's roles. Pure; each returns the edited schedule, which the caller checks with
`visits.problems` before keeping it."""

from __future__ import annotations

from dataclasses import replace

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.core.visits import INTERVIEW, Slot
from ilmava_desktop.i18n import _


def moved(slot: Slot, start: int, room: int | None = None) -> Slot:
    """The slot at another time (and room), its length kept: what a drag does."""
    return replace(slot, start=start, end=start + slot.end - slot.start,
                   room=slot.room if room is None else room)


def with_roles(slots: list[Slot], index: int, lead: str | None, notes: str | None,
               interviewers: tuple[str, ...] | None = None) -> list[Slot]:
    """The schedule with an interview's leader and note-taker chosen (None: nobody), and
    its interviewers (one team, or both together) when given."""
    if not 0 <= index < len(slots):
        raise RuleViolation(_("The visit has no such slot."))
    if slots[index].kind != INTERVIEW:
        raise RuleViolation(_("Only an interview has an interviewer and a note-taker."))
    if interviewers is not None and not interviewers:
        raise RuleViolation(_("An interview needs at least one interviewer."))
    edited = list(slots)
    edited[index] = replace(slots[index], lead=lead, notes=notes,
                            interviewers=slots[index].interviewers if interviewers is None
                            else tuple(interviewers))
    return edited


def swapped(slots: list[Slot], first: int, second: int) -> list[Slot]:
    """The schedule with two interviews' interviewees changing places, each slot keeping its
    time, room and interviewers: what dragging one interview onto another does."""
    for index in (first, second):
        if not 0 <= index < len(slots):
            raise RuleViolation(_("The visit has no such slot."))
        if slots[index].kind != INTERVIEW:
            raise RuleViolation(_("Only interviews change places; the opening, lunch and "
                                  "debriefs move by their time."))
    edited = list(slots)
    edited[first] = replace(slots[first], interviewees=slots[second].interviewees)
    edited[second] = replace(slots[second], interviewees=slots[first].interviewees)
    return edited


def neighbour_interview(slots: list[Slot], index: int, step: int) -> int | None:
    """The interview before (step -1) or after (+1) the slot, in time order; None at the
    end of the day."""
    order = sorted(range(len(slots)), key=lambda i: (slots[i].start, slots[i].room or 0))
    position = order.index(index)
    for other in order[position + 1:] if step > 0 else reversed(order[:position]):
        if slots[other].kind == INTERVIEW:
            return other
    return None


def briefed(slots: list[Slot], index: int, given: bool) -> list[Slot]:
    """The schedule with an interview's briefing ticked as given (or not)."""
    if not 0 <= index < len(slots):
        raise RuleViolation(_("The visit has no such slot."))
    if slots[index].kind != INTERVIEW:
        raise RuleViolation(_("Only an interview begins with the briefing."))
    edited = list(slots)
    edited[index] = replace(slots[index], briefed=given)
    return edited
