"""For the organisation behind the programmes (Kuntaliitto, Motiva): Datasette metadata for
a cohort file, and one dataset of many cohorts (`ilmava export dataset`).

The dataset is in long format, with the cohort, programme and year on every row, so that
every cohort the organisation has run reads as one table per kind of thing. The same
municipality in two cohorts is one municipality (its official code). People's names and
confidential cards stay out unless asked for.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import sqlite_utils

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _
from ilmava_desktop.services.table_files import csv_cell
from ilmava_desktop.storage.copies import read_only
from ilmava_desktop.storage.schema_docs import COMMON, TABLES, VIEWS

HIDDEN = ("_migrations", "_field_stamps", "_clock")
LABEL_COLUMNS = {"municipality": "name_fi", "person": "name", "day": "title",
                 "assessment_round": "name", "grouping": "name", "sparrer": "name",
                 "card_cluster": "name", "template": "key", "interviewee": "name"}
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def datasette_metadata(path: Path) -> dict:
    """Titles, descriptions, column meanings and labels of a cohort file for Datasette
    (`datasette COHORT.ilmava --metadata metadata.json`); the internal tables hidden."""
    db = read_only(Path(path))
    try:
        cohort = next(db.query("SELECT name, programme, year FROM cohort WHERE deleted = 0"
                               " ORDER BY id LIMIT 1"))
        tables: dict[str, dict] = {}
        for table in db.table_names():
            description, columns = TABLES.get(table, ("", {}))
            names = [c.name for c in db[table].columns]
            entry: dict = {"description": description,
                           "columns": {name: {**COMMON, **columns}.get(name, "")
                                       for name in names}}
            if table in HIDDEN:
                entry["hidden"] = True
            if table in LABEL_COLUMNS:
                entry["label_column"] = LABEL_COLUMNS[table]
            tables[table] = entry
        for view in db.view_names():
            tables[view] = {"description": VIEWS.get(view, "")}
    finally:
        db.close()
    year = f" {cohort['year']}" if cohort["year"] else ""
    return {
        "title": f"{cohort['name']} ({cohort['programme']}{year})",
        "description": _("A cohort of {programme}: its municipalities, people, days, "
                         "self-assessments, cards and groups. Read the live rows through the "
                         "v_* views; docs/schema.md explains every column.").format(
                             programme=cohort["programme"]),
        "databases": {Path(path).stem: {"tables": tables}},
    }


def _cohort_rows(db: sqlite_utils.Database, include_confidential: bool,
                 include_names: bool) -> dict[str, list[dict]]:
    cohort = next(db.query(
        "SELECT id, name, programme, programme_kind, organiser, year, language FROM cohort"
        " WHERE deleted = 0 ORDER BY id LIMIT 1"))
    every = {"cohort": cohort["name"], "programme": cohort["programme"],
             "year": cohort["year"]}

    def rows(sql: str) -> list[dict]:
        return [{**every, **row} for row in db.query(sql)]

    people_columns = ("id AS person_id, municipality_code, role, role_en, language"
                      + (", name, title, email" if include_names else ""))
    return {
        "cohorts": [{**every, "cohort_id": cohort["id"], "programme_kind":
                     cohort["programme_kind"], "organiser": cohort["organiser"],
                     "language": cohort["language"],
                     "municipalities": db.execute("SELECT count(*) FROM v_municipalities")
                     .fetchone()[0],
                     "people": db.execute("SELECT count(*) FROM v_people").fetchone()[0]}],
        "municipalities": list(db.query(
            "SELECT code, name_fi, name_sv, region_code, region_fi, region_sv, language_status,"
            " language_status_en FROM v_municipalities")),
        "participations": rows(
            "SELECT code AS municipality_code, theme, theme_en, wicked_problem, council_target,"
            " own_funding_paid, people FROM v_municipalities"),
        "people": rows(f"SELECT {people_columns} FROM v_people"),
        "attendance": rows(
            "SELECT a.day_date, a.day_title, a.municipality_code, p.id AS person_id, a.role,"
            " a.kind, a.over_limit FROM v_attendance AS a"
            " JOIN attendance AS raw ON raw.id = a.id JOIN person AS p ON p.id = raw.person_id"),
        "answers": rows(
            "SELECT round, municipality_code, sheet, theme_id, theme_en, statement_id,"
            " statement_fi, statement_en, value, dont_know FROM v_answers"),
        "cards": rows(
            "SELECT municipality_code, kind, theme_id, theme_en, text, votes, cluster, source,"
            " confidential" + (", author" if include_names else "") + " FROM v_cards"
            + ("" if include_confidential else " WHERE confidential = 0")),
        "groups": rows("SELECT grouping, day_date, group_number, municipality_code FROM v_groups"),
        "pairs": rows("SELECT reviewer_code, reviewee_code, done FROM v_pairs"),
    }


def export_dataset(paths: list[Path], out: Path, include_confidential: bool = False,
                   include_names: bool = False) -> dict[str, int]:
    """Write many cohorts as one dataset: a SQLite file (FILE.sqlite) or a folder of CSV
    files. Returns each table's row count."""
    tables: dict[str, list[dict]] = {}
    municipalities: dict[str, dict] = {}
    seen: set[str] = set()
    for path in paths:
        db = read_only(Path(path))
        try:
            found = _cohort_rows(db, include_confidential, include_names)
        finally:
            db.close()
        cohort_id = found["cohorts"][0]["cohort_id"]
        if cohort_id in seen:
            raise RuleViolation(_("{name} is a copy of a cohort already given; merge the "
                                  "copies first (ilmava merge).").format(name=Path(path).name))
        seen.add(cohort_id)
        for m in found.pop("municipalities"):
            municipalities[m["code"]] = m
        for name, rows in found.items():
            tables.setdefault(name, []).extend(rows)
    tables["municipalities"] = sorted(municipalities.values(), key=lambda m: m["code"])
    out = Path(out)
    if out.suffix.lower() in SQLITE_SUFFIXES:
        _write_sqlite(tables, out)
    else:
        _write_csv(tables, out)
    return {name: len(rows) for name, rows in tables.items()}


def _write_sqlite(tables: dict[str, list[dict]], out: Path) -> None:
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite_utils.Database(tmp)
    try:
        with db.atomic():
            for name, rows in tables.items():
                if rows:
                    db[name].insert_all(rows, pk="code" if name == "municipalities" else None)
            for name in ("participations", "people", "attendance", "answers", "cards",
                         "groups", "pairs"):
                if tables.get(name):
                    db[name].create_index(["cohort", "year"], if_not_exists=True)
    finally:
        db.close()
    os.replace(tmp, out)


def _write_csv(tables: dict[str, list[dict]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns: list[str] = []
        for row in rows:
            columns += [key for key in row if key not in columns]
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(columns)
            # A text a spreadsheet would run as a formula is written as text.
            writer.writerows([[csv_cell(row.get(c)) for c in columns] for row in rows])
