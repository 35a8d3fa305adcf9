"""A cohort file from before merging: its laptops' clocks are read from its rows, its ids
stay, and `ilmava check` reads its rules as today's."""

import sqlite_utils

from ilmava_desktop.services.cohort.checks import check_file
from ilmava_desktop.storage import schema
from ilmava_desktop.storage.schema import APPLICATION_ID
from ilmava_desktop.storage.transaction import clock


def old_file(path, before: str):
    db = sqlite_utils.Database(path)
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for index, (name, step) in enumerate(schema.MIGRATIONS):
        if name == before:
            break
        step(db)
        db.execute("INSERT INTO _migrations VALUES (?, '2026-01-01T00:00:00+00:00')", [name])
        db.execute(f"PRAGMA user_version = {index + 1}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("INSERT INTO cohort (id, stamp, name) VALUES"
               " ('c', '0000000000005.0000.laptopa', 'Vanha')")
    db.execute("INSERT INTO municipality (id, stamp, code, name_fi, name_sv)"
               " VALUES ('m', '0000000000007.0001.laptopb', '398', 'Lahti', 'Lahtis')")
    db.conn.commit()
    return db


def test_each_laptops_latest_stamp_is_read_from_the_rows_and_ids_stay(tmp_path):
    db = old_file(tmp_path / "vanha.ilmava", "0018_merging")
    applied = schema.migrate(db)
    assert applied[0] == "0018_merging"
    assert clock(db) == {"laptopa": "0000000000005.0000.laptopa",
                         "laptopb": "0000000000007.0001.laptopb"}
    assert [row["id"] for row in db["municipality"].rows] == ["m"]
    assert db.execute("SELECT count(*) FROM v_municipalities").fetchone()[0] == 1


def test_check_reads_an_older_files_rules_without_writing_it(tmp_path):
    path = tmp_path / "vanha.ilmava"
    old_file(path, "0005_board").conn.close()
    before = path.read_bytes()
    assert check_file(path) == []
    assert path.read_bytes() == before
