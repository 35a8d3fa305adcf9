"""Deleting a person can erase them from the laptop's backups of the cohort too (GDPR).

Checked at the level of bytes: the name and e-mail address must not be anywhere in
a backup file, not only absent from its rows (SQLite keeps deleted rows in free pages).
"""

import json
import sqlite3

from ilmava_desktop.cli import main
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality, municipality_id, people
from ilmava_desktop.storage import backups, queries

NAME = "Sirkka Salassapidettävä"
EMAIL = "sirkka.salainen@salo.example"


def with_person(session):
    add_municipality(session, "734")  # Salo
    people.add_person(session, municipality_id("734"), NAME, role="climate_expert",
                      email=EMAIL)
    people.add_person(session, municipality_id("734"), "Pekka Pysyvä", role="climate_expert",
                      email="pekka@salo.example")
    person = next(p for p in queries.people(session.db) if p.name == NAME)
    for _ in range(3):
        backups.make_backup(session.db, session.path)
    return person.id


def holding(session, text):
    return [path for path in backups.list_backups(session.path)
            if text.encode() in path.read_bytes()]


def test_a_deleted_person_is_erased_from_every_backup_when_asked(session):
    person_id = with_person(session)
    assert len(holding(session, EMAIL)) == 3
    people.delete_person(session, person_id)
    assert people.backups_holding(session, person_id) == 3
    assert people.erase_from_backups(session, person_id) == 3
    assert holding(session, EMAIL) == [] and holding(session, NAME) == []
    assert people.backups_holding(session, person_id) == 0
    for path in backups.list_backups(session.path):  # still good backups, with the others
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            names = [row[0] for row in conn.execute("SELECT name FROM person")]
            assert "Pekka Pysyvä" in names and NAME not in names
        finally:
            conn.close()


def test_erasing_keeps_each_backups_time(session):
    person_id = with_person(session)
    before = {path: path.stat().st_mtime_ns for path in backups.list_backups(session.path)}
    people.delete_person(session, person_id)
    people.erase_from_backups(session, person_id)
    assert {path: path.stat().st_mtime_ns for path in backups.list_backups(session.path)} == before


def test_only_a_deleted_person_can_be_erased_from_the_backups(session):
    import pytest

    from ilmava_desktop.core.rules import RuleViolation

    person_id = with_person(session)
    with pytest.raises(RuleViolation):
        people.erase_from_backups(session, person_id)
    assert len(holding(session, EMAIL)) == 3


def run(capsys, *args):
    code = main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_deletes_a_person_and_purges_the_backups(session, capsys):
    person_id = with_person(session)
    path = session.path
    session.close()
    code, out, err = run(capsys, "person", "delete", path, "--person", person_id,
                         "--purge-backups")
    assert code == 0, err
    assert NAME in out and "backups" in out
    code, out, _err = run(capsys, "people", path, "--json")
    assert [p["name"] for p in json.loads(out)] == ["Pekka Pysyvä"]
    assert NAME.encode() not in path.read_bytes()
    reopened = CohortSession.open(path, backup=False)
    try:
        assert holding(reopened, EMAIL) == []
    finally:
        reopened.close()


def test_the_command_without_purge_says_the_backups_still_hold_them(session, capsys):
    person_id = with_person(session)
    path = session.path
    session.close()
    code, out, err = run(capsys, "person", "delete", path, "--person", person_id)
    assert code == 0, err
    assert "--purge-backups" in out
    reopened = CohortSession.open(path, backup=False)
    try:
        assert len(holding(reopened, EMAIL)) >= 3
    finally:
        reopened.close()


def test_the_command_refuses_an_unknown_person(session, capsys):
    path = session.path
    session.close()
    code, _out, err = run(capsys, "person", "delete", path, "--person", "no-such-id")
    assert code == 1 and err.startswith("ilmava: ") and "Traceback" not in err


def test_removing_a_municipality_erases_its_people_from_the_file_and_undo_brings_them_back(
        session):
    from ilmava_desktop.services.municipalities import remove_municipality

    person_id = with_person(session)
    changes = remove_municipality(session, municipality_id("734"))
    assert person_id in changes.result
    session.save()
    assert EMAIL.encode() not in session.path.read_bytes()
    assert people.erase_from_backups(session, *changes.result) == 3
    assert holding(session, EMAIL) == [] and holding(session, "pekka@salo.example") == []
    session.undo()
    assert queries.person(session.db, person_id).email == EMAIL


def test_a_backup_that_cannot_be_rewritten_is_removed_rather_than_kept(session):
    person_id = with_person(session)
    damaged = backups.list_backups(session.path)[0]
    data = bytearray(damaged.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # its schema page is garbage now
    damaged.write_bytes(bytes(data))
    people.delete_person(session, person_id)
    assert people.erase_from_backups(session, person_id) == 3
    assert not damaged.exists()
    assert holding(session, EMAIL) == []
