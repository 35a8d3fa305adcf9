"""A file an organisation can read: views with labels, Datasette metadata, and one dataset
of many cohorts."""

import json

import sqlite_utils

from ilmava_desktop.cli import main
from ilmava_desktop.services.cohort.organisation import datasette_metadata, export_dataset
from ilmava_desktop.services.demo import create_demo
from ilmava_desktop.services.demo.motiva import create_motiva_demo
from ilmava_desktop.storage.schema import synchronised_tables


def test_the_demo_cohorts_views_show_live_rows_with_their_labels(demo):
    db = demo.db
    people = list(db.query("SELECT * FROM v_people"))
    assert len(people) == db.execute("SELECT count(*) FROM person WHERE deleted = 0").fetchone()[0]
    manager = next(p for p in people if p["role"] == "municipal_manager")
    assert (manager["role_fi"], manager["role_sv"], manager["role_en"]) == (
        "kunnanjohtaja", "kommundirektör", "municipal manager")
    answer = next(db.query("SELECT * FROM v_answers WHERE statement_id = 'strategy.1'"))
    assert answer["theme_en"] == "Strategic commitment and leadership"
    assert answer["statement_fi"].startswith("Valtuusto on hyväksynyt")
    assert answer["statement_sv"] and answer["statement_en"]
    dont_know = next(db.query("SELECT * FROM v_answers WHERE value IS NULL"))
    assert dont_know["dont_know"] == 1 and dont_know["value_en"] == "Don't know"
    porvoo = next(db.query("SELECT * FROM v_municipalities WHERE code = '638'"))
    assert porvoo["theme_fi"] and porvoo["language_status_en"].startswith("bilingual")
    groups = list(db.query("SELECT group_number FROM v_groups"))
    assert groups and min(g["group_number"] for g in groups) == 1  # counted from 1
    for view in ("v_attendance", "v_cards", "v_days", "v_pairs", "v_sparrers"):
        assert list(db.query(f"SELECT * FROM {view} LIMIT 1")), view

    # A deleted person leaves the views at once.
    person_id = manager["id"]
    demo.write("x", lambda tx: tx.tombstone("person", person_id))
    assert not list(db.query("SELECT 1 FROM v_people WHERE id = ?", [person_id]))
    assert not list(db.query("SELECT 1 FROM v_attendance WHERE person = ?", [manager["name"]]))


def test_lookup_tables_are_not_merged_as_rows(demo):
    assert not any(t.startswith(("lookup_", "_")) for t in synchronised_tables(demo.db))


def test_datasette_metadata_explains_the_tables_and_hides_the_internal_ones(tmp_path):
    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    data = datasette_metadata(path)
    tables = data["databases"]["demo"]["tables"]
    assert tables["_clock"]["hidden"] and tables["_field_stamps"]["hidden"]
    assert "tombstone" in tables["person"]["columns"]["deleted"]
    assert "don't know" in tables["answer"]["columns"]["value"]
    assert tables["municipality"]["label_column"] == "name_fi"
    assert tables["v_answers"]["description"]
    assert all(text for text in tables["grouping_member"]["columns"].values())


def test_two_demo_cohorts_as_one_dataset_open_with_sqlite_utils(tmp_path, capsys):
    ilmava, motiva = tmp_path / "ilmava.ilmava", tmp_path / "motiva.ilmava"
    create_demo(ilmava).close()
    create_motiva_demo(motiva).close()
    out = tmp_path / "kaikki.sqlite"
    assert main(["--lang", "en", "export", "dataset", str(ilmava), str(motiva),
                 "--out", str(out)]) == 0
    db = sqlite_utils.Database(out)
    cohorts = list(db["cohorts"].rows)
    assert sorted(c["programme"] for c in cohorts) == ["ILMAVA", "Motiva"]
    for table in ("participations", "people", "attendance", "answers", "cards", "pairs"):
        columns = {c.name for c in db[table].columns}
        assert {"cohort", "programme", "year"} <= columns, table
        assert db.execute(f"SELECT count(*) FROM [{table}] WHERE cohort IS NULL"
                          " OR programme IS NULL").fetchone()[0] == 0
    assert "name" not in {c.name for c in db["people"].columns}
    assert "email" not in {c.name for c in db["people"].columns}
    assert db.execute("SELECT count(*) FROM cards WHERE confidential = 1").fetchone()[0] == 0
    # The same municipality in both cohorts is one municipality.
    codes = [row[0] for row in db.execute("SELECT code FROM municipalities")]
    assert len(codes) == len(set(codes))
    both = db.execute("SELECT count(DISTINCT municipality_code) FROM participations"
                      " GROUP BY municipality_code HAVING count(DISTINCT cohort) = 2").fetchall()
    assert both, "the demos share municipalities"
    assert db["answers"].count > 1000

    named = tmp_path / "nimin.sqlite"
    export_dataset([ilmava], named, include_confidential=True, include_names=True)
    db = sqlite_utils.Database(named)
    assert {"name", "email"} <= {c.name for c in db["people"].columns}
    assert db.execute("SELECT count(*) FROM cards WHERE confidential = 1").fetchone()[0] > 0


def test_a_dataset_as_csv_files_and_metadata_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    folder = tmp_path / "csv"
    assert main(["--lang", "en", "export", "dataset", str(path), "--out", str(folder)]) == 0
    assert (folder / "answers.csv").read_text("utf-8").startswith("cohort,programme,year,")
    metadata = tmp_path / "metadata.json"
    assert main(["--lang", "en", "export", "datasette-metadata", str(path), "--out",
                 str(metadata)]) == 0
    assert "databases" in json.loads(metadata.read_text("utf-8"))
