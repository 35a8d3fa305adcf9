from collections import Counter

from ilmava_desktop.services.cohorts import info
from ilmava_desktop.storage import queries


def test_demo_has_the_fifteen_municipalities_with_their_themes(demo):
    municipalities = {m.code: m for m in queries.municipalities(demo.db)}
    assert len(municipalities) == 15
    assert municipalities["851"].theme == "industry_targets"
    assert municipalities["851"].council_target is False  # Tornio: no target yet
    assert municipalities["710"].main_language == "sv"
    assert municipalities["638"].name() == "Porvoo – Borgå"
    assert all(m.wicked_problem and m.current_state for m in municipalities.values())


def test_demo_people_are_fictional_and_three_to_five_per_municipality(demo):
    counts = Counter(p.municipality_id for p in queries.people(demo.db))
    assert max(counts.values()) == 5
    assert sorted(counts.values())[1] >= 3
    assert all(p.email.endswith(".example") for p in queries.people(demo.db) if p.email)


def test_demo_days_follow_the_ilmava_periods(demo):
    days = queries.days(demo.db)
    assert [(d.period, d.venue, d.min_attendance, d.max_attendance) for d in days] == [
        (1, "Lahti", 1, 3), (3, "Helsinki", 1, 3), (5, "Lahti", 2, 5), (5, "Lahti", 2, 5)]
    assert info(demo)["demo"] is True


def test_demo_has_realistic_attendance_on_its_past_days(demo):
    from ilmava_desktop.services import attendance

    for number, day in enumerate(queries.days(demo.db), start=1):
        groups = attendance.overview(demo, day)
        present = sum(g.present for g in groups)
        assert 25 <= present <= 60, (number, present)
        assert all(g.present <= 5 for g in groups)
        over = [g for g in groups if g.present > g.maximum]
        rows = queries.attendance(demo.db, day.id)
        # an exceeded limit is always an override the facilitator made
        assert all(r["over_limit"] for r in rows
                   if any(g.id == r["municipality_id"] for g in over)) or not over
    opening = attendance.overview(demo, queries.days(demo.db)[0])
    assert [g.code for g in opening if g.state == "over"] == ["109"]
    assert [g.code for g in opening if g.state == "under"] == ["576"]
    kinds = {r["kind"] for r in queries.attendance(demo.db, queries.days(demo.db)[2].id)}
    assert {"walk_in", "substitute"} <= kinds
