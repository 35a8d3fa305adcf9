"""Writes are all or nothing, stamped, tombstoned and undoable."""

import pytest

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.municipalities import (
    add_municipality,
    municipality_id,
    remove_municipality,
    update_municipality,
)
from ilmava_desktop.services.municipalities.people import (
    add_person,
    delete_person,
    export_person,
    update_person,
)
from ilmava_desktop.storage import queries


def test_a_failing_write_rolls_back_everything(session):
    def work(tx):
        tx.put("cohort", {"id": queries.cohort(session.db).id, "name": "Half-renamed"})
        raise RuntimeError("power cut in the middle")

    with pytest.raises(RuntimeError):
        session.write("broken", work)
    assert queries.cohort(session.db).name == "Test cohort"
    assert session.undo_description() is None


def test_import_like_batch_rolls_back_on_a_constraint_violation(session):
    add_municipality(session, "398")

    def work(tx):
        tx.put("day", {"id": "d1", "title": "ok", "min_attendance": 1, "max_attendance": 3})
        tx.put("day", {"id": "d2", "title": "six", "min_attendance": 1, "max_attendance": 6})

    import sqlite3
    with pytest.raises(sqlite3.IntegrityError):
        session.write("two days", work)
    assert queries.days(session.db) == []


def test_every_row_gets_a_newer_stamp_on_change(session):
    add_municipality(session, "398")
    row_id = municipality_id("398")
    first = session.db["municipality"].get(row_id)["stamp"]
    update_municipality(session, row_id, theme="procurement")
    second = session.db["municipality"].get(row_id)["stamp"]
    assert second > first


def test_an_edit_that_changes_nothing_writes_nothing(session):
    add_municipality(session, "398")
    update_municipality(session, municipality_id("398"), theme="procurement")
    changes = update_municipality(session, municipality_id("398"), theme="procurement")
    assert changes.tables == frozenset()


def test_remove_is_a_tombstone_and_undo_brings_people_back(session):
    add_municipality(session, "398")
    add_person(session, municipality_id("398"), "Laura Kokeilu")
    remove_municipality(session, municipality_id("398"))
    assert queries.municipalities(session.db) == []
    assert session.db["municipality"].get(municipality_id("398"))["deleted"] == 1
    session.undo()
    assert [p.name for p in queries.people(session.db)] == ["Laura Kokeilu"]
    session.redo()
    assert queries.people(session.db) == []


def test_undo_and_redo_of_an_edit(session):
    add_municipality(session, "398")
    person_id = add_person(session, municipality_id("398"), "Laura Kokeilu").result
    update_person(session, person_id, "Laura Kokeilu-Malli", None, "talousjohtaja", "", None)
    assert session.undo_description() == "Edit Laura Kokeilu-Malli"
    session.undo()
    assert queries.person(session.db, person_id).name == "Laura Kokeilu"
    session.redo()
    person = queries.person(session.db, person_id)
    assert (person.name, person.role) == ("Laura Kokeilu-Malli", "finance_director")


def test_deleting_a_person_erases_their_data_from_the_file(session):
    add_municipality(session, "398")
    person_id = add_person(session, municipality_id("398"), "Laura Kokeilu",
                           email="laura@lahti.example").result
    exported = export_person(session, person_id)
    assert exported["email"] == "laura@lahti.example"
    delete_person(session, person_id)
    row = session.db["person"].get(person_id)
    assert (row["deleted"], row["name"], row["email"]) == (1, "", "")
    session.undo()  # a slip in front of the room can still be undone
    assert queries.person(session.db, person_id).email == "laura@lahti.example"


def test_rules_are_enforced_before_writing(session):
    add_municipality(session, "398")
    with pytest.raises(RuleViolation, match="not an e-mail address"):
        add_person(session, municipality_id("398"), "X Y", email="not-an-address")
    with pytest.raises(RuleViolation, match="needs a name"):
        add_person(session, municipality_id("398"), "   ")
    with pytest.raises(RuleViolation, match="already in the cohort"):
        add_municipality(session, "398")
    with pytest.raises(RuleViolation, match="Unknown theme"):
        update_municipality(session, municipality_id("398"), theme="space_travel")
    assert len(queries.people(session.db)) == 0


def test_day_limits_never_exceed_five():
    from ilmava_desktop.core.rules import check_day_limits
    check_day_limits(2, 5)
    with pytest.raises(RuleViolation):
        check_day_limits(1, 6)
    with pytest.raises(RuleViolation):
        check_day_limits(4, 3)


def test_a_write_says_which_rows_it_changed(session):
    added = add_municipality(session, "398")
    lahti = municipality_id("398")
    assert added.rows == {"municipality": frozenset({lahti})}
    person = add_person(session, lahti, "Laura Kokeilu")
    assert person.only("person") == {person.result}
    removed = remove_municipality(session, lahti)
    assert removed.rows["municipality"] == {lahti} and person.result in removed.rows["person"]
    assert removed.only("person") == frozenset()  # it changed more than people
    undone = session.undo()
    assert undone.rows == removed.rows and undone.touches("person")
