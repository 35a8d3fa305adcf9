from collections import Counter

from ilmava_desktop.services.cohort.create import info
from ilmava_desktop.storage import queries


def test_demo_has_the_fifteen_municipalities_with_their_themes(demo):
    # 18 applied, 15 were selected: those take part.
    assert len(queries.municipalities(demo.db)) == 18
    municipalities = {m.code: m for m in queries.municipalities(demo.db, taking_part=True)}
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
        # The political leadership's day is smaller: one or two per municipality.
        assert (5 if number == 3 else 25) <= present <= 60, (number, present)
        invited = queries.invited(demo.db, day.id)
        assert all(r["person_id"] in invited for r in queries.attendance(demo.db, day.id))
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


def _fingerprint(db):
    """What the demo says, without what is random by design (ids, tokens, stamps)."""
    from ilmava_desktop.services import assessment

    codes = {m.id: m.code for m in queries.municipalities(db)}
    people = {p.id: (codes[p.municipality_id], p.name) for p in queries.people(db)}
    return {
        "cohort": queries.cohort(db).name,
        "municipalities": [(m.code, m.theme, m.wicked_problem, m.council_target, m.current_state)
                           for m in queries.municipalities(db)],
        "people": sorted((*v, p.role, p.email) for p in queries.people(db)
                         for v in [people[p.id]]),
        "days": [(d.date, d.venue, d.min_attendance, d.max_attendance)
                 for d in queries.days(db)],
        "attendance": sorted((people[r["person_id"]], r["checked_in_at"], r["kind"],
                              r["over_limit"]) for r in queries.attendance(db)),
        "answers": sorted((r.name, codes[a.municipality_id], a.sheet, a.statement_id, a.value)
                          for r in assessment.rounds(db) for a in assessment.answers(db, r.id)),
    }


def test_bundled_demo_is_what_the_generator_makes(tmp_path):
    """If this fails: python -m ilmava_desktop.services.demo resources/demo/esimerkkikohortti.ilmava"""
    from ilmava_desktop.services.demo import build_demo, create_demo
    from ilmava_desktop.storage.schema import SCHEMA_VERSION, schema_version

    bundled = create_demo(tmp_path / "bundled.ilmava")
    built = build_demo(tmp_path / "built.ilmava")
    try:
        assert _fingerprint(bundled.db) == _fingerprint(built.db)
        import sqlite3
        raw = sqlite3.connect(tmp_path / "bundled.ilmava")
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        raw.close()
        assert schema_version(built.db) == SCHEMA_VERSION
    finally:
        bundled.close(save=False)
        built.close(save=False)


def test_demo_copy_refuses_to_overwrite_a_users_file(tmp_path):
    import pytest

    from ilmava_desktop.services.demo import create_demo
    from ilmava_desktop.storage.errors import CohortFileError

    path = tmp_path / "oma.ilmava"
    path.write_bytes(b"my real cohort")
    with pytest.raises(CohortFileError, match="already exists"):
        create_demo(path)
    assert path.read_bytes() == b"my real cohort"


def test_two_demos_opened_at_once_both_open(tmp_path, monkeypatch):
    """Two windows opening the demo at the same moment: the second one's copy lands while
    the first is still copying, and both open the demo."""
    import shutil

    from ilmava_desktop.services import demo

    path = tmp_path / "demo.ilmava"
    copy = shutil.copyfile
    opened = []
    started = []

    def copy_while_another_opens(source, target):
        copy(source, target)
        if not started:
            started.append(True)
            opened.append(demo.create_demo(path, replace=True))

    monkeypatch.setattr(demo.shutil, "copyfile", copy_while_another_opens)
    first = demo.create_demo(path, replace=True)
    try:
        assert first.path == path and opened[0].path == path
        assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    finally:
        first.close()
        opened[0].close()
