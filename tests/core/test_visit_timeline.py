"""A visit's timeline: the steps' dates from the visit day, done by a tick or by what the
cohort records, late when their date has passed undone."""

from datetime import date

import pytest

from ilmava_desktop.core import visit_timeline as core
from ilmava_desktop.core.rules import RuleViolation


def facts(**changes):
    base = {"day": date(2026, 10, 14), "status": "planned", "interviewees_ok": False,
            "preparations_set": False, "ticks": {}}
    return core.VisitFacts(**{**base, **changes})


def test_the_steps_dates_follow_the_visit_day():
    steps = {s.key: s for s in core.timeline(facts(), date(2026, 6, 1))}
    assert [s.key for s in core.timeline(facts(), date(2026, 6, 1))] == [
        "agreement", "interviewees", "pack", "preparation", "held", "findings", "report",
        "follow_up"]
    assert steps["agreement"].due == date(2026, 7, 16)   # about three months before
    assert steps["pack"].due == date(2026, 9, 23)        # three weeks before
    assert steps["preparation"].due == date(2026, 10, 7)  # a week before at the latest
    assert steps["report"].due == date(2026, 11, 11)     # four weeks after
    assert steps["follow_up"].due == date(2027, 4, 12)   # half a year after
    assert not any(s.done or s.late for s in steps.values())


def test_ticks_and_what_is_recorded_make_steps_done_and_the_rest_late():
    today = date(2026, 10, 20)
    steps = {s.key: s for s in core.timeline(facts(
        status="held", interviewees_ok=True, ticks={"agreement": "2026-07-01"}), today)}
    assert steps["agreement"].done and steps["interviewees"].done and steps["held"].done
    assert steps["pack"].late and steps["preparation"].late and steps["findings"].late
    assert not steps["report"].late and steps["report"].ticked
    assert not steps["held"].ticked


def test_an_undated_visit_has_no_dates_and_nothing_late():
    steps = core.timeline(facts(day=None), date(2030, 1, 1))
    assert all(s.due is None and not s.late for s in steps)


def test_only_the_hand_ticked_steps_can_be_ticked():
    assert core.checked_step("pack") == "pack"
    with pytest.raises(RuleViolation, match="agreement, pack, report, follow_up"):
        core.checked_step("held")
