"""Roles in the room: in each interview one visitor leads and another takes the notes, the
team taking turns; a role given to someone not interviewing there is named in words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilmava_desktop.core import schedule_edits as edits
from ilmava_desktop.core import visits as core
from ilmava_desktop.core.rules import RuleViolation


def test_the_team_takes_turns_leading_and_taking_notes():
    people = [(f"p{n}", "expert") for n in range(3)]
    day = core.generate(people, [["anna", "kimmo"]], core.DaySettings(rooms=1))
    roles = [(s.lead, s.notes) for s in day if s.kind == core.INTERVIEW]
    assert roles == [("anna", "kimmo"), ("kimmo", "anna"), ("anna", "kimmo")]
    alone = core.generate(people[:1], [["solo"]], core.DaySettings(rooms=1))
    assert [(s.lead, s.notes) for s in alone if s.kind == core.INTERVIEW] == [("solo", None)]


def test_roles_are_kept_in_the_schedules_json():
    slot = core.Slot(600, 660, core.INTERVIEW, 1, ("p",), ("a", "b"), lead="b", notes="a")
    assert core.from_json(core.to_json(slot)) == slot
    assert core.from_json({"start": "10:00", "end": "11:00", "kind": "interview"}).lead is None


def test_a_role_that_cannot_be_is_named():
    names = {"a": "Anna", "b": "Kimmo", "x": "Xena"}
    slot = core.Slot(600, 660, core.INTERVIEW, 1, ("p",), ("a", "b"), lead="x", notes="a")
    assert core.problems([slot], ["p"], names) == [
        "Xena leads the interview at 10:00 but does not interview there."]
    both = edits.with_roles([slot], 0, "a", "a")
    assert core.problems(both, ["p"], names) == [
        "Anna cannot both lead and take the notes at 10:00."]
    with pytest.raises(RuleViolation, match="Only an interview"):
        edits.with_roles([core.Slot(540, 570, core.OPENING)], 0, "a", None)


@settings(max_examples=100, deadline=None)
@given(count=st.integers(1, 10), rooms=st.integers(1, 3), group_size=st.integers(1, 3),
       team_sizes=st.lists(st.integers(1, 3), min_size=1, max_size=3))
def test_generated_roles_are_always_the_rooms_own_interviewers(count, rooms, group_size,
                                                               team_sizes):
    people = [(f"i{n}", core.GROUPS[n % 5]) for n in range(count)]
    teams = [[f"t{t}p{p}" for p in range(size)] for t, size in enumerate(team_sizes)]
    try:
        day = core.generate(people, teams, core.DaySettings(rooms=rooms,
                                                            group_size=group_size))
    except core.ScheduleImpossible:
        return
    for slot in day:
        if slot.kind == core.INTERVIEW:
            assert slot.lead in slot.interviewers
            assert slot.notes is None or (slot.notes in slot.interviewers
                                          and slot.notes != slot.lead)
            assert (slot.notes is None) == (len(slot.interviewers) == 1)
    assert core.problems(day, [p for p, _g in people], {}) == []


def test_an_interviews_briefing_is_ticked_and_kept():
    from ilmava_desktop.core import schedule_edits as edits

    day = [core.Slot(540, 570, core.OPENING), core.Slot(585, 645, core.INTERVIEW, 1, ("p",),
                                                        ("a",))]
    ticked = edits.briefed(day, 1, True)
    assert ticked[1].briefed and not day[1].briefed
    assert core.from_json(core.to_json(ticked[1])).briefed
    with pytest.raises(RuleViolation, match="Only an interview begins with the briefing"):
        edits.briefed(day, 0, True)
