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
    assert all(p.email.endswith(".example") for p in queries.people(demo.db))


def test_demo_days_follow_the_ilmava_periods(demo):
    days = queries.days(demo.db)
    assert [(d.period, d.venue, d.min_attendance, d.max_attendance) for d in days] == [
        (1, "Lahti", 1, 3), (3, "Helsinki", 1, 3), (5, "Lahti", 2, 5), (5, "Lahti", 2, 5)]
    assert info(demo)["demo"] is True
