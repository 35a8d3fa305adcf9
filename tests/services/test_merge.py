"""Merging another copy of a cohort: what is taken, what conflicts, what is refused, the
ids two laptops give the same things, and the rules checked after."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.core.stamps import HybridClock
from ilmava_desktop.resources import resource_path
from ilmava_desktop.services.assessment import add_round, rounds
from ilmava_desktop.services.attendance.days import add_day
from ilmava_desktop.services.cohort.checks import check_file
from ilmava_desktop.services.cohort.create import create_cohort
from ilmava_desktop.services.cohort.merge import merge_file, plan_from_file
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.demo import create_demo
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.services.municipalities.importing import import_file
from ilmava_desktop.services.municipalities.people import add_person
from ilmava_desktop.storage import queries


def laptop(path, device: str) -> CohortSession:
    """A copy opened on a laptop of its own (its own device id in the stamps)."""
    session = CohortSession.open(path)
    latest = session.clock._last
    session.clock = HybridClock(device)
    if latest:
        session.clock.observe(str(latest))
    return session


@pytest.fixture
def copies(tmp_path):
    """The demo cohort copied to two laptops: a's copy open, b's file beside it."""
    a_path, b_path = tmp_path / "a.ilmava", tmp_path / "b.ilmava"
    create_demo(a_path).close()
    shutil.copy(a_path, b_path)
    return a_path, b_path


def test_a_field_changed_on_one_side_is_taken_and_on_both_is_a_conflict(copies):
    a_path, b_path = copies
    b = laptop(b_path, "laptop-b")
    person = queries.people(b.db)[0]
    b.write("b", lambda tx: tx.update("person", person.id, {"title": "B:n titteli",
                                                          "email": "uusi@kunta.example"}))
    b.close()
    a = laptop(a_path, "laptop-a")
    a.write("a", lambda tx: tx.update("person", person.id, {"title": "A:n titteli"}))
    plan = merge_file(a, b_path)
    merged = queries.person(a.db, person.id)
    assert merged.email == "uusi@kunta.example"  # changed on b only: taken
    assert merged.title == "A:n titteli"  # changed on both: the later change (a's) kept
    assert [c.as_dict() for c in plan.conflicts] == [{
        "table": "person", "id": person.id, "field": "title", "ours": "A:n titteli",
        "theirs": "B:n titteli", "kept": "A:n titteli"}]
    assert plan.summary()["changed"] == 1
    # Merged again: nothing new, nothing to say.
    again = merge_file(a, b_path)
    assert again.empty and not again.conflicts
    a.close()


def test_a_merge_is_one_step_that_undo_takes_back(copies):
    a_path, b_path = copies
    b = laptop(b_path, "laptop-b")
    people = queries.people(b.db)
    b.write("b", lambda tx: [tx.update("person", p.id, {"title": "muutettu"}) for p in people[:3]])
    b.close()
    a = laptop(a_path, "laptop-a")
    merge_file(a, b_path)
    assert a.undo_description() == "Merge b.ilmava"
    assert [p.title for p in queries.people(a.db)[:3]] == ["muutettu"] * 3
    a.undo()
    assert [p.title for p in queries.people(a.db)[:3]] == [p.title for p in people[:3]]
    a.close()


def test_a_deletion_wins_over_an_older_edit_and_a_later_edit_is_listed(copies):
    a_path, b_path = copies
    b = laptop(b_path, "laptop-b")
    first, second = queries.people(b.db)[:2]
    b.write("edit", lambda tx: tx.update("person", first.id, {"title": "ennen poistoa"}))
    a = laptop(a_path, "laptop-a")
    a.write("delete", lambda tx: [tx.tombstone("person", first.id, {"name": ""}),
                                  tx.tombstone("person", second.id, {"name": ""})])
    b.write("edit", lambda tx: tx.update("person", second.id, {"title": "poiston jälkeen"}))
    b.close()
    plan = merge_file(a, b_path)
    assert queries.person(a.db, first.id) is None and queries.person(a.db, second.id) is None
    assert [(c.id, c.field, c.kept) for c in plan.conflicts] == [(second.id, "deleted", 1)]
    # The deleted person keeps no personal data, though b edited them after.
    row = next(a.db.query("SELECT * FROM person WHERE id = ?", [second.id]))
    assert (row["name"], row["title"], row["email"]) == ("", "", "")
    a.close()


def test_another_cohort_is_refused_with_the_reason(copies, tmp_path):
    a_path, _b = copies
    other = tmp_path / "toinen.ilmava"
    create_cohort(other, "Toinen kohortti").close()
    a = CohortSession.open(a_path)
    with pytest.raises(RuleViolation, match="another cohort .*Toinen kohortti"):
        plan_from_file(a, other)
    a.close()


def test_the_same_import_days_rounds_and_people_on_two_laptops_are_the_same_rows(tmp_path):
    a_path, b_path = tmp_path / "a.ilmava", tmp_path / "b.ilmava"
    create_cohort(a_path, "Kevät", year=2026).close()
    shutil.copy(a_path, b_path)
    registrations = resource_path("demo/ilmoittautumiset-esimerkki.csv")
    for path, device in ((a_path, "a"), (b_path, "b")):
        session = laptop(path, device)
        add_day(session, title="Avaus", day_date=date(2026, 1, 28), min_attendance=1,
                max_attendance=3)
        add_round(session, name="Virkajohto, tammikuu 2026")
        import_file(session, registrations)
        add_municipality(session, "091")
        helsinki = queries.municipality_by_code(session.db, "091").id
        add_person(session, helsinki, "Matti Meikäläinen", title="pormestari")
        session.close()
    a, b = CohortSession.open(a_path), CohortSession.open(b_path)
    assert [(p.id, p.token) for p in queries.people(a.db)] == [
        (p.id, p.token) for p in queries.people(b.db)]
    assert [d.id for d in queries.days(a.db)] == [d.id for d in queries.days(b.db)]
    assert [r.id for r in rounds(a.db)] == [r.id for r in rounds(b.db)]
    b.close()
    plan = merge_file(a, b_path)
    assert plan.summary()["added"] == 0 and plan.summary()["deleted"] == 0
    a.close()


def test_changing_an_email_keeps_the_persons_id(session):
    add_municipality(session, "091")
    helsinki = queries.municipality_by_code(session.db, "091").id
    person_id = add_person(session, helsinki, "Matti Meikäläinen",
                           email="matti@hel.example").result
    from ilmava_desktop.services.municipalities.people import update_person

    update_person(session, person_id, "Matti Meikäläinen", None, "", "matti.m@hel.example", None)
    assert queries.person(session.db, person_id).email == "matti.m@hel.example"
    # Someone new with the old address is another person, with another id.
    other = add_person(session, helsinki, "Maija Meikäläinen", email="matti@hel.example").result
    assert other != person_id and len(queries.people(session.db)) == 2


def test_rules_broken_by_a_merge_are_listed_and_check_reports_them(copies):
    a_path, b_path = copies
    a = laptop(a_path, "laptop-a")
    pairs = list(a.db.query("SELECT * FROM review_pair WHERE deleted = 0"))
    assert pairs, "the demo has peer-review pairs"
    reviewer = pairs[0]["reviewer_id"]
    others = [m.id for m in queries.municipalities(a.db) if m.id != reviewer
              and not any(p["reviewer_id"] == reviewer and p["reviewee_id"] == m.id
                          for p in pairs)]
    a.close()
    b = laptop(b_path, "laptop-b")
    from ilmava_desktop.storage.transaction import stable_id

    b.write("pairs", lambda tx: [tx.put("review_pair", {
        "id": stable_id("review_pair", reviewer, other), "reviewer_id": reviewer,
        "reviewee_id": other}) for other in others[:2]])
    b.close()
    a = laptop(a_path, "laptop-a")
    plan = merge_file(a, b_path)
    name = queries.municipality(a.db, reviewer).name_fi
    assert any(v.rule == "pairs" and name in v.message for v in plan.violations)
    assert all(v.what_to_do for v in plan.violations)
    a.close()
    assert any(name in problem and "reviews" in problem for problem in check_file(a_path))


def test_a_dry_run_lists_the_rules_it_would_break_and_writes_nothing(copies):
    a_path, b_path = copies
    b = laptop(b_path, "laptop-b")
    day = queries.days(b.db)[0]
    municipality = queries.municipalities(b.db)[0]
    from ilmava_desktop.services.municipalities.people import put_new_person
    from ilmava_desktop.storage.transaction import stable_id

    def six_present(tx):
        for n in range(6):
            person = put_new_person(tx, municipality.id, {"name": f"Henkilö {n}"})
            tx.put("attendance", {"id": stable_id("attendance", day.id, person),
                                  "day_id": day.id, "person_id": person,
                                  "checked_in_at": "2026-01-28T09:00:00"})

    b.write("six", six_present)
    b.close()
    a = laptop(a_path, "laptop-a")
    before = a.db.execute("SELECT count(*) FROM person").fetchone()[0]
    plan = merge_file(a, b_path, dry_run=True)
    assert plan.count("added") >= 12
    assert any(v.rule == "attendance" and municipality.name_fi in v.message
               for v in plan.violations)
    assert a.db.execute("SELECT count(*) FROM person").fetchone()[0] == before
    assert a.undo_description() is None
    a.close()


def test_an_older_file_gets_its_clock_from_its_rows(copies):
    a_path, _b = copies
    conn = sqlite3.connect(a_path)
    devices = conn.execute("SELECT device FROM _clock").fetchall()
    conn.close()
    assert devices  # the demo's laptops are known


def test_limits_kept_on_each_laptop_are_not_mixed_into_a_broken_one(copies):
    a_path, b_path = copies
    b = laptop(b_path, "laptop-b")
    day = queries.days(b.db)[0]
    assert (day.min_attendance, day.max_attendance) == (1, 3)
    b.write("b", lambda tx: tx.update("day", day.id, {"min_attendance": 3}))
    b.close()
    a = laptop(a_path, "laptop-a")
    a.write("a", lambda tx: tx.update("day", day.id, {"max_attendance": 2}))
    # Taken field by field, 3–2 would break the rule (and the file): a's limits, the later
    # change, are taken whole.
    merge_file(a, b_path)
    merged = queries.day(a.db, day.id)
    assert (merged.min_attendance, merged.max_attendance) == (1, 2)
    a.close()


def test_a_person_added_to_a_municipality_removed_elsewhere_goes_with_it(copies):
    from ilmava_desktop.services.municipalities import remove_municipality
    from ilmava_desktop.storage.integrity import problems

    a_path, b_path = copies
    b = laptop(b_path, "laptop-b")
    municipality = queries.municipalities(b.db)[0]
    added = add_person(b, municipality.id, "Uusi Ihminen", email="uusi@kunta.example").result
    b.close()
    a = laptop(a_path, "laptop-a")
    remove_municipality(a, municipality.id)
    plan = merge_file(a, b_path)
    assert queries.person(a.db, added) is None
    assert any(c.id == added and c.kept == 1 for c in plan.conflicts)
    row = next(a.db.query("SELECT name, email FROM person WHERE id = ?", [added]))
    assert (row["name"], row["email"]) == ("", "")
    assert problems(a.db.conn) == []
    a.close()


def test_a_conflict_is_told_in_the_facilitators_words_not_the_files():
    """No table or field name of the file ("municipality", "current_state") in the sentence
    a facilitator reads; in Finnish, Finnish words."""
    from ilmava_desktop.core.merge import Conflict
    from ilmava_desktop.i18n import current_language, set_language
    from ilmava_desktop.services.cohort.merge import conflict_sentence

    conflict = Conflict("municipality", "m1", "current_state", "Ovella", "Purussa", "Purussa",
                        label="Porvoo – Borgå")
    before = current_language()
    try:
        set_language("en")
        assert conflict_sentence(conflict) == (
            "Municipality “Porvoo – Borgå”: current state was “Ovella” here and “Purussa” "
            "there; kept “Purussa”.")
        set_language("fi")
        finnish = conflict_sentence(conflict)
        assert "current_state" not in finnish and "municipality" not in finnish
        assert finnish.startswith("Kunta ”Porvoo – Borgå”: nykytila")  # Finnish quotes
    finally:
        set_language(before)
