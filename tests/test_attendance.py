"""Checking in: limits per municipality, badges, walk-ins, substitutes, undo."""

from datetime import date, datetime

import pytest

from ilmava_desktop.core.attendance import OverLimit, badge_code
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import attendance as att
from ilmava_desktop.storage import queries


def first_day(demo):
    return queries.days(demo.db)[0]  # opening day, 1–3 per municipality


def people_of(demo, code):
    m = queries.municipality_by_code(demo.db, code)
    return queries.people(demo.db, m.id)


def test_days_are_found_by_number_in_date_order_or_by_id(demo):
    days = queries.days(demo.db)
    assert att.find_day(demo.db, "1") == days[0]
    assert att.find_day(demo.db, days[2].id) == days[2]
    with pytest.raises(RuleViolation, match="no day 9"):
        att.find_day(demo.db, "9")


def test_default_day_is_today_else_the_next_else_the_last(demo):
    days = queries.days(demo.db)
    assert att.default_day(days, date(2026, 4, 15)) == days[1]
    assert att.default_day(days, date(2026, 2, 1)) == days[1]
    assert att.default_day(days, date(2027, 1, 1)) == days[-1]


def test_check_in_counts_and_refuses_a_second_time(demo):
    day = first_day(demo)
    lahti = people_of(demo, "398")
    att.check_in(demo, day.id, lahti[0].id, now=datetime(2026, 1, 28, 9, 5))
    group = next(g for g in att.overview(demo, day) if g.code == "398")
    assert (group.present, group.registered, group.state) == (1, 4, "within")
    checked = next(p for p in group.people if p.id == lahti[0].id)
    assert checked.checked_in_at == "09.05"
    with pytest.raises(RuleViolation, match=r"already checked in \(at 09.05\)"):
        att.check_in(demo, day.id, lahti[0].id)


def test_over_the_days_maximum_needs_an_override_that_is_recorded(demo):
    day = first_day(demo)
    lahti = people_of(demo, "398")  # four registered, the day allows three
    for person in lahti[:3]:
        att.check_in(demo, day.id, person.id)
    with pytest.raises(OverLimit, match="already has 3 of its 3 places"):
        att.check_in(demo, day.id, lahti[3].id)
    att.check_in(demo, day.id, lahti[3].id, override=True)
    row = demo.db["attendance"].get(att.attendance_id(day.id, lahti[3].id))
    assert row["over_limit"] == 1
    group = next(g for g in att.overview(demo, day) if g.code == "398")
    assert (group.present, group.state) == (4, "over")


def test_five_is_the_cap_even_with_an_override(demo):
    day = queries.days(demo.db)[2]  # 2–5
    hml = queries.municipality_by_code(demo.db, "109")
    for person in people_of(demo, "109"):
        att.check_in(demo, day.id, person.id)
    with pytest.raises(OverLimit, match="more than 5"):
        att.walk_in(demo, day.id, hml.id, "Ylimääräinen Esimerkki", override=True)
    assert len(people_of(demo, "109")) == 5  # the walk-in was not added either


def test_undo_of_a_check_in(demo):
    day = first_day(demo)
    person = people_of(demo, "016")[0]
    att.check_in(demo, day.id, person.id)
    demo.undo()
    assert queries.attendance(demo.db, day.id) == []
    att.check_in(demo, day.id, person.id)  # and again, after the undo
    assert len(queries.attendance(demo.db, day.id)) == 1


def test_badge_scan_checks_in_and_foreign_or_unknown_badges_say_so(demo):
    day = first_day(demo)
    person = people_of(demo, "638")[0]
    cohort = queries.cohort(demo.db)
    assert att.person_by_badge(demo, badge_code(cohort.id, person.token)) == person.id
    assert att.person_by_badge(demo, person.token.lower()) == person.id
    with pytest.raises(RuleViolation, match="another cohort"):
        att.person_by_badge(demo, badge_code("ffffffff-0000", person.token))
    with pytest.raises(RuleViolation, match="No one in this cohort"):
        att.person_by_badge(demo, badge_code(cohort.id, "ZZZZZZZZ"))
    assert queries.attendance(demo.db, day.id) == []


def test_walk_in_and_substitute(demo):
    day = first_day(demo)
    kuhmo = queries.municipality_by_code(demo.db, "290")
    registered = people_of(demo, "290")[0]
    att.walk_in(demo, day.id, kuhmo.id, "Uusi Tulija", "ympäristösihteeri")
    att.substitute(demo, day.id, registered.id, "Sijainen Esimerkki")
    rows = queries.attendance(demo.db, day.id)
    assert sorted(r["kind"] for r in rows) == ["substitute", "walk_in"]
    sub = next(r for r in rows if r["kind"] == "substitute")
    assert sub["substitute_for"] == registered.id
    assert queries.person(demo.db, sub["person_id"]).role == registered.role
    demo.undo()
    assert [r["kind"] for r in queries.attendance(demo.db, day.id)] == ["walk_in"]


def test_find_matches_any_part_of_name_municipality_either_language_or_role(demo):
    groups = att.overview(demo, first_day(demo))
    assert {p.name for p in att.find(groups, "borgå")} == {p.name for p in people_of(demo, "638")}
    assert [p.name for p in att.find(groups, "esimerkki aino")] == ["Aino Esimerkki"]
    assert {p.name for p in att.find(groups, "hankinta")} == {"Markus Luonnos"}
    assert att.find(groups, "   ") == []


def test_every_person_has_a_unique_badge_token(demo):
    tokens = [p.token for p in queries.people(demo.db)]
    assert all(tokens) and len(set(tokens)) == len(tokens)
