"""A cohort file from before invitations: everyone stays invited to the days it has."""

import sqlite_utils

from ilmava_desktop.storage import queries, schema
from ilmava_desktop.storage.transaction import stable_id


def old_file(path):
    db = sqlite_utils.Database(path)
    for index, (name, step) in enumerate(schema.MIGRATIONS):
        if name == "0012_invitations":
            break
        step(db)
        db.execute(f"PRAGMA user_version = {index + 1}")
    db.execute("INSERT INTO municipality (id, stamp, code, name_fi, name_sv)"
               " VALUES ('m', '1', '398', 'Lahti', 'Lahtis')")
    for person in ("p1", "p2"):
        db.execute("INSERT INTO person (id, stamp, municipality_id, name, token)"
                   f" VALUES ('{person}', '2', 'm', 'Nimi {person}', 'T{person}')")
    db.execute("INSERT INTO person (id, stamp, municipality_id, name, token, deleted)"
               " VALUES ('gone', '2', 'm', '', 'TGONE', 1)")
    for day in ("d1", "d2"):
        db.execute(f"INSERT INTO day (id, stamp, title) VALUES ('{day}', '3', 'Päivä')")
    db.conn.commit()
    return db


def test_everyone_is_invited_to_every_day_with_ids_both_laptops_agree_on(tmp_path):
    db = old_file(tmp_path / "vanha.ilmava")
    assert schema.migrate(db)[0] == "0012_invitations"
    assert queries.invited(db, "d1") == queries.invited(db, "d2") == {"p1", "p2"}
    row = db["invitation"].get(stable_id("invitation", "d1", "p1"))
    assert row["stamp"] == "3" and row["deleted"] == 0
    assert [d.invitees for d in queries.days(db)] == ["all", "all"]


def test_the_clock_starts_after_the_latest_invitation(tmp_path):
    db = old_file(tmp_path / "vanha.ilmava")
    schema.migrate(db)
    db.execute("UPDATE invitation SET stamp = '9' WHERE id = ?",
               [stable_id("invitation", "d1", "p1")])
    assert queries.latest_stamp(db) == "9"  # an invitation edited last on another laptop
