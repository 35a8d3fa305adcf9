"""A cohort file from before the visit checklist: its visits keep everything, nothing ticked."""

import sqlite_utils

from ilmava_desktop.storage import schema


def test_a_visit_from_before_gets_an_empty_checklist(tmp_path):
    db = sqlite_utils.Database(tmp_path / "vanha.ilmava")
    for index, (name, step) in enumerate(schema.MIGRATIONS):
        if name == "0020_visit_checklist":
            break
        step(db)
        db.execute(f"PRAGMA user_version = {index + 1}")
    db.execute("INSERT INTO municipality (id, stamp, code, name_fi, name_sv)"
               " VALUES ('m', '1', '398', 'Lahti', 'Lahtis')")
    db.execute("INSERT INTO visit (id, stamp, host_id, date, status) VALUES"
               " ('v', '2', 'm', '2026-10-14', 'held')")
    db.conn.commit()
    assert schema.migrate(db)[0] == "0020_visit_checklist"
    row = db["visit"].get("v")
    assert (row["checklist"], row["status"], row["date"]) == ("{}", "held", "2026-10-14")
    assert schema.schema_version(db) == schema.SCHEMA_VERSION
