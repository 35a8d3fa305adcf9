"""Is a cohort database whole? The one check both opening a cohort and `ilmava check` run.

Opening and `check` must agree: a file that opens has nothing for `check` to find,
and a file `check` faults is refused on opening. quick_check misses missing index
rows and broken references, which then surface later as failed edits, so the full
integrity_check and foreign_key_check run on every open (on the local copy).
"""

from __future__ import annotations

import sqlite3
from functools import cache

import sqlite_utils

from ilmava_desktop.core.rules import ABSOLUTE_MAX_ATTENDANCE
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
