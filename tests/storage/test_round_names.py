"""A round has a name in each language: the migration that gives an older file the room."""

import sqlite3

from ilmava_desktop.storage import schema


def test_an_older_file_gains_round_names_and_keeps_its_rounds(tmp_path):
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "old.ilmava"))
    names = [name for name, _step in schema.MIGRATIONS]
    assert "0009_round_names" in names
    for _name, step in schema.MIGRATIONS[:names.index("0009_round_names")]:
        step(db)
    db.execute(f"PRAGMA user_version = {names.index('0009_round_names')}")
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    db.execute("INSERT INTO template (id, stamp, key, body) VALUES ('t', 's', 'k', '{}')")
    db.execute("INSERT INTO assessment_round (id, stamp, name, template_id, position) "
               "VALUES ('r', 's', 'Virkajohto', 't', 1)")
    assert schema.migrate(db)[0] == "0009_round_names"
    row = db.execute("SELECT name, name_sv, name_en FROM assessment_round").fetchone()
    assert row == ("Virkajohto", "", "")
