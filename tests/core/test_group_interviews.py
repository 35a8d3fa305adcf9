"""Group interviews: people of one interview group together in one slot, a few at a time;
and interviews changing places (what a drag or Alt+Up/Down does), the rules still kept."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilmava_desktop.core import schedule_edits as edits
from ilmava_desktop.core import visits as core
from ilmava_desktop.core.rules import RuleViolation


def test_seven_experts_in_groups_of_three_are_three_two_and_two():
    people = [(f"e{n}", "expert") for n in range(7)] + [("m", "leadership")]
    units = core.interview_units(people, 3, core.GROUPS)
    assert units == [("m",), ("e0", "e1", "e2"), ("e3", "e4"), ("e5", "e6")]


def test_one_a_slot_is_the_default_and_more_than_five_is_refused():
    people = [("a", "local"), ("b", "local")]
    assert core.interview_units(people, 1) == [("a",), ("b",)]
    with pytest.raises(core.ScheduleImpossible, match="1–5 people"):
        core.interview_units(people, 6)


def test_ten_interviewees_that_do_not_fit_one_room_fit_in_groups():
    people = [(f"p{n}", ("leadership", "sector", "expert")[n % 3]) for n in range(10)]
    with pytest.raises(core.ScheduleImpossible, match="of one group together"):
        core.generate(people, [["a"]], core.DaySettings(rooms=1))
    day = core.generate(people, [["a"]], core.DaySettings(rooms=1, group_size=4))
    interviews = [s for s in day if s.kind == core.INTERVIEW]
    assert [len(s.interviewees) for s in interviews] == [4, 3, 3]
    assert core.problems(day, [p for p, _g in people], {}) == []


@settings(max_examples=200, deadline=None)
@given(groups=st.lists(st.sampled_from(core.GROUPS), max_size=14),
       group_size=st.integers(1, core.GROUP_INTERVIEW_MAX), rooms=st.integers(1, 4),
       length=st.integers(20, 90), team_sizes=st.lists(st.integers(1, 3), min_size=1,
                                                       max_size=3))
def test_group_interviews_keep_every_rule(groups, group_size, rooms, length, team_sizes):
    people = [(f"i{n}", group) for n, group in enumerate(groups)]
    group_of = dict(people)
    teams = [[f"t{t}p{p}" for p in range(size)] for t, size in enumerate(team_sizes)]
    chosen = core.DaySettings(rooms=rooms, interview=length, group_size=group_size)
    try:
        day = core.generate(people, teams, chosen, core.GROUPS)
    except core.ScheduleImpossible as exc:
        assert "a room's day" in str(exc) or "would end at" in str(exc)
        return
    assert core.problems(day, [p for p, _g in people], {}) == []
    interviews = [s for s in day if s.kind == core.INTERVIEW]
    interviewed = [p for s in interviews for p in s.interviewees]
    assert sorted(interviewed) == sorted(p for p, _g in people)  # every interviewee once
    for slot in interviews:
        assert 1 <= len(slot.interviewees) <= group_size
        assert len({group_of[p] for p in slot.interviewees}) == 1  # one group a slot
    # As few slots as the group size allows, for each group.
    for group in set(groups):
        members = groups.count(group)
        assert sum(1 for s in interviews if group_of[s.interviewees[0]] == group) == (
            -(-members // group_size))
    for first in day:
        for second in day:
            if first is not second and first.overlaps(second):
                assert not first.people() & second.people()


def test_two_interviews_change_places_and_keep_their_times_rooms_and_interviewers():
    day = core.generate([("a", "leadership"), ("b", "expert"), ("c", "local")], [["x"], ["y"]],
                        core.DaySettings(rooms=2))
    interviews = [n for n, s in enumerate(day) if s.kind == core.INTERVIEW]
    first, last = interviews[0], interviews[-1]
    edited = edits.swapped(day, first, last)
    assert edited[first].interviewees == day[last].interviewees
    assert edited[last].interviewees == day[first].interviewees
    assert (edited[first].start, edited[first].room, edited[first].interviewers) == (
        day[first].start, day[first].room, day[first].interviewers)
    with pytest.raises(RuleViolation, match="Only interviews change places"):
        edits.swapped(day, 0, first)


def test_the_neighbouring_interview_skips_lunch_and_stops_at_the_days_ends():
    people = [(f"p{n}", "expert") for n in range(4)]
    day = core.generate(people, [["x"]], core.DaySettings(rooms=1))
    interviews = [n for n, s in enumerate(day) if s.kind == core.INTERVIEW]
    assert day[interviews[2] - 1].kind == core.BREAK
    assert edits.neighbour_interview(day, interviews[1], 1) == interviews[2]
    assert edits.neighbour_interview(day, interviews[2], -1) == interviews[1]
    assert edits.neighbour_interview(day, interviews[0], -1) is None
    assert edits.neighbour_interview(day, interviews[-1], 1) is None


@settings(max_examples=100, deadline=None)
@given(count=st.integers(2, 8), group_size=st.integers(1, 3), first=st.integers(0, 20),
       second=st.integers(0, 20))
def test_a_swap_of_two_interviews_never_breaks_a_rule(count, group_size, first, second):
    people = [(f"p{n}", core.GROUPS[n % 3]) for n in range(count)]
    day = core.generate(people, [["a"], ["b"]], core.DaySettings(rooms=2,
                                                                 group_size=group_size))
    interviews = [n for n, s in enumerate(day) if s.kind == core.INTERVIEW]
    one, other = interviews[first % len(interviews)], interviews[second % len(interviews)]
    edited = edits.swapped(day, one, other)
    assert core.problems(edited, [p for p, _g in people], {}) == []
