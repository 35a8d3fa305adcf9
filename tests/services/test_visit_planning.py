"""Planning a visit's day and editing it: the rules are checked at once, in words."""

import pytest

from ilmava_desktop.core import visits as core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import visits
from ilmava_desktop.services.municipalities import find_municipality
from ilmava_desktop.services.visits import interviewees, schedule


def test_the_demo_visit_has_a_day_that_keeps_every_rule(demo):
    porvoo = visits.visit(demo.db, find_municipality(demo.db, "638"))
    assert porvoo.schedule and schedule.conflicts(demo.db, porvoo) == []
    titles = schedule.slot_titles(porvoo)
    assert titles[0] == "Joint opening" and titles[-2:] == ["Team debrief",
                                                            "Joint debrief and feedback"]


def test_plan_sets_the_date_and_a_generated_day(demo):
    porvoo = find_municipality(demo.db, "638")
    schedule.plan(demo, host_id=porvoo, day="2026-10-20", start="08:30", rooms=2)
    found = visits.visit(demo.db, porvoo)
    assert found.date == "2026-10-20" and found.schedule[0]["start"] == "08:30"
    assert {s["room"] for s in found.schedule if s["kind"] == "interview"} == {1, 2}
    assert schedule.conflicts(demo.db, found) == []
    demo.undo()
    assert visits.visit(demo.db, porvoo).date == "2026-10-14"


def test_a_plan_that_cannot_be_done_names_the_rule(demo):
    lahti = find_municipality(demo.db, "398")
    with pytest.raises(core.ScheduleImpossible, match="no interviewees yet"):
        schedule.plan(demo, host_id=lahti, day="2026-11-04")
    for n in range(10):
        interviewees.add_interviewee(demo, host_id=lahti, name=f"Haastateltava {n}")
    with pytest.raises(core.ScheduleImpossible, match="10 interviews in 1 room"):
        schedule.plan(demo, host_id=lahti, day="2026-11-04", rooms=1)
    with pytest.raises(core.ScheduleImpossible, match="2 teams staff 2 rooms"):
        schedule.plan(demo, host_id=lahti, day="2026-11-04", rooms=3)
    interviewees.delete_interviewee(demo, interviewee_id=visits.visit(
        demo.db, lahti).interviewees[0].id)
    interviewees.delete_interviewee(demo, interviewee_id=visits.visit(
        demo.db, lahti).interviewees[0].id)
    schedule.plan(demo, host_id=lahti, day="2026-11-04")
    assert {s["room"] for s in visits.visit(demo.db, lahti).schedule} == {None, 1, 2}


def test_a_visitor_booked_on_two_visits_the_same_day_is_refused_by_name(demo):
    porvoo = visits.visit(demo.db, find_municipality(demo.db, "638"))
    reviewer = porvoo.reviewer_ids[0]
    other = next(v for v in visits.visits(demo.db)
                 if reviewer in v.reviewer_ids and v.id != porvoo.id)
    interviewees.add_interviewee(demo, host_id=other.host.id, name="Ainoa Haastateltava")
    with pytest.raises(core.ScheduleImpossible, match="is booked on two visits on 14 Oct 2026"):
        schedule.plan(demo, host_id=other.host.id, day="2026-10-14")


def test_a_moved_slot_is_kept_or_refused_with_the_rule(demo):
    porvoo = find_municipality(demo.db, "638")
    before = visits.visit(demo.db, porvoo).schedule
    last_interview = max(i for i, s in enumerate(before) if s["kind"] == "interview")
    with pytest.raises(RuleViolation, match="would be in two places at 9:15"):
        schedule.move_slot(demo, host_id=porvoo, index=1, start="09:15")
    assert visits.visit(demo.db, porvoo).schedule == before
    schedule.move_slot(demo, host_id=porvoo, index=last_interview, start="14:05")
    moved = visits.visit(demo.db, porvoo).schedule[last_interview]
    assert (moved["start"], moved["end"]) == ("14:05", "15:05")
    with pytest.raises(RuleViolation, match="no such slot"):
        schedule.move_slot(demo, host_id=porvoo, index=99, start="10:00")
