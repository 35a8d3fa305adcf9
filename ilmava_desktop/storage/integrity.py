"""Is a cohort database whole? The one check both opening a cohort and `ilmava check` run.

Opening and `check` must agree: a file that opens has nothing for `check` to find,
and a file `check` faults is refused on opening. quick_check misses missing index
rows and broken references, which then surface later as failed edits, so the full
integrity_check and foreign_key_check run on every open (on the local copy).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from functools import cache

import sqlite_utils

from ilmava_desktop.core.assessment import parse_template
from ilmava_desktop.core.rules import ABSOLUTE_MAX_ATTENDANCE, RuleViolation
from ilmava_desktop.core.stamps import Stamp
from ilmava_desktop.i18n import _
from ilmava_desktop.storage.schema import MIGRATIONS, SCHEMA_VERSION


def problems(conn: sqlite3.Connection) -> list[str]:
    """Every problem found, one sentence each; an empty list for a whole cohort."""
    try:
        return _problems(conn)
    except (sqlite3.DatabaseError, UnicodeError) as exc:
        return [_("Integrity: {detail}").format(detail=exc)]


def _problems(conn: sqlite3.Connection) -> list[str]:
    found: list[str] = []
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        return [_("Integrity: {detail}").format(detail=detail) for detail in integrity]
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall():
        found.append(_("A row of {table} points to a missing row of {parent}.").format(
            table=table, parent=parent))
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    try:
        recorded = [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    except sqlite3.OperationalError:
        recorded = None
    expected = [name for name, _step in MIGRATIONS[: min(version, SCHEMA_VERSION)]]
    if recorded != expected:
        found.append(_("The schema's migration record does not match its version."))
        return found  # the rest assumes the tables the record names
    if _shape(conn) != _expected_shape(version):
        # A damaged byte in the stored schema: a renamed column or index is still valid SQL.
        found.append(_("The file's tables do not match its schema version."))
        return found
    found += _damaged_stamps(conn)
    found += _damaged_values(conn)
    if found:
        return found  # the rules below read those values
    if conn.execute("SELECT count(*) FROM cohort WHERE deleted = 0").fetchone()[0] != 1:
        found.append(_("The file should describe exactly one cohort."))
    if version >= 1:
        for title, low, high in conn.execute(
            "SELECT title, min_attendance, max_attendance FROM day WHERE deleted = 0"
        ):
            if not (isinstance(low, int) and isinstance(high, int)
                    and 0 <= low <= high <= ABSOLUTE_MAX_ATTENDANCE):
                found.append(_("Day “{title}” has attendance limits {low}–{high}.").format(
                    title=title, low=low, high=high))
        orphans = conn.execute(
            "SELECT count(*) FROM person JOIN municipality"
            " ON municipality.id = person.municipality_id"
            " WHERE person.deleted = 0 AND municipality.deleted = 1"
        ).fetchone()[0]
        if orphans:
            found.append(_("{n} people belong to a removed municipality.").format(n=orphans))
    return found


# What each declared column type may hold as SQLite stores it. A damaged record header can
# turn a name into a number or a number into a blob while integrity_check stays content.
_STORABLE = {"TEXT": "('text', 'null')", "INTEGER": "('integer', 'null')",
             "REAL": "('real', 'integer', 'null')"}


def _json_template(text: str) -> object:
    return parse_template(json.loads(text))


def _json_object(text: str) -> object:
    if not isinstance(json.loads(text), dict):
        raise ValueError(text)
    return text


# Text the app parses back when it reads the row.
_FORMATS: list[tuple[str, str, Callable[[str], object]]] = [
    ("day", "date", date.fromisoformat),
    ("attendance", "checked_in_at", datetime.fromisoformat),
    ("template", "body", _json_template),
    ("grouping", "settings", _json_object),
    ("sparring_session", "date", date.fromisoformat),
]


def _damaged_values(conn: sqlite3.Connection) -> list[str]:
    found = []
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        columns = [(column, declared.upper()) for _cid, column, declared, *_rest in
                   conn.execute("SELECT * FROM pragma_table_info(?)", [table])]
        for column, declared in columns:
            if declared not in _STORABLE:
                continue
            misfit = conn.execute(f"SELECT 1 FROM [{table}] WHERE typeof([{column}]) NOT IN"
                                  f" {_STORABLE[declared]} LIMIT 1").fetchone()
            if misfit:
                found.append(_("A value in {table}.{column} is damaged.").format(
                    table=table, column=column))
    for table, column, parse in _FORMATS:
        if table not in tables:
            continue
        for (value,) in conn.execute(
                f"SELECT DISTINCT [{column}] FROM [{table}] WHERE [{column}] IS NOT NULL"):
            try:
                parse(value)
            except (ValueError, TypeError, KeyError, RuleViolation):
                found.append(_("A value in {table}.{column} is damaged.").format(
                    table=table, column=column))
                break
    return found


def _damaged_stamps(conn: sqlite3.Connection) -> list[str]:
    """Every row's modification stamp must read as one: merging and the clock rely on it."""
    found = []
    tables = [name for (name,) in conn.execute(
        "SELECT m.name FROM sqlite_master AS m WHERE m.type = 'table' AND EXISTS"
        " (SELECT 1 FROM pragma_table_info(m.name) AS c WHERE c.name = 'stamp')")]
    for table in tables:
        for (stamp,) in conn.execute(f"SELECT stamp FROM [{table}]"):
            try:
                Stamp.parse(stamp)
            except (ValueError, TypeError, AttributeError):
                found.append(_("A row of {table} has a damaged modification stamp.")
                             .format(table=table))
                break
    return found


def _shape(conn: sqlite3.Connection) -> frozenset[tuple]:
    """Tables, their columns and indexes: what the code relies on, not how it was spelled."""
    shape: set[tuple] = set()
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    for kind, name, table in rows:
        shape.add((kind, name, table))
        if kind == "table":
            for _cid, column, declared, notnull, _default, key in conn.execute(
                    "SELECT * FROM pragma_table_info(?)", [name]):
                shape.add(("column", table, column, declared.upper(), notnull, key))
        elif kind == "index":
            for _seq, _cid, column in conn.execute("SELECT * FROM pragma_index_info(?)", [name]):
                shape.add(("indexed", name, column))
    return frozenset(shape)


@cache
def _expected_shape(version: int) -> frozenset[tuple]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        for _name, step in MIGRATIONS[:version]:
            with db.atomic():
                step(db)
        return _shape(conn)
    finally:
        conn.close()
