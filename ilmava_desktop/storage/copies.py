"""Copies of a cohort the app opens: the working copy in the app-data folder and
in-memory copies for reading. The user's file itself is never opened by SQLite
(snapshot.py says why)."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from ilmava_desktop.storage import backups, errors, integrity, snapshot
from ilmava_desktop.storage.locations import backup_dir
from ilmava_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION, migrate

WORKING_NAME = "cohort.sqlite"


def inspect(path: Path) -> None:
    """Refuse anything that is not a healthy cohort file this version can read.

    Reads only: the user's file is read as bytes and never written.
    """
    read_only(path).close()


def read_only(path: Path, verify: bool = True, upgrade: bool = True) -> sqlite_utils.Database:
    """An in-memory copy of a cohort for reading (the command line's queries).

    `verify` refuses a damaged file, as opening it in the window does; an older
    schema is migrated in the copy only (`upgrade`).
    """
    path = Path(path)
    snap = snapshot.read(path)
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    memory.text_factory = _text
    try:
        if snap.sidecars:
            with tempfile.TemporaryDirectory(prefix="ilmava-") as folder:
                copy = Path(folder) / WORKING_NAME
                snapshot.materialise(snap, copy)
                conn = snapshot.open_copy(copy)
                try:
                    conn.backup(memory)
                finally:
                    conn.close()
        else:
            image = bytearray(snap.main)
            image[18:20] = b"\x01\x01"  # an image in memory has no WAL to read
            memory.deserialize(bytes(image))
        check_identity(path, memory)
        if verify and integrity.problems(memory):
            raise damaged(path)
        db = database(memory)
        if upgrade:
            migrate(db)
        return db
    except (sqlite3.DatabaseError, OSError, UnicodeError) as exc:
        # UnicodeError: SQLite's message about a damaged schema may quote bytes that are
        # not text.
        memory.close()
        raise damaged(path) from exc
    except BaseException:
        memory.close()
        raise


def check_identity(path: Path, conn: sqlite3.Connection) -> None:
    """The header once more, after another tool's journal has been played into our copy."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise errors.foreign_database(path)
    if conn.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
        raise errors.too_new(path)


def damaged(path: Path) -> errors.CohortFileError:
    try:
        folder = backup_dir(path) if backups.list_backups(path) else None
    except OSError:
        folder = None
    return errors.damaged(path, folder)


def peek_cohort_id(path: Path) -> str | None:
    """The id of the cohort at `path`, or None (not there, not readable, not a cohort)."""
    try:
        db = read_only(path, verify=False, upgrade=False)
    except (errors.CohortFileError, OSError):
        return None
    try:
        return cohort_id_of(db.conn)
    finally:
        db.close()


def cohort_id_of(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT id FROM cohort WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def load(snap: snapshot.Snapshot, working: Path) -> sqlite_utils.Database:
    """The snapshot as the working copy, checked in full; refused (and removed) if damaged."""
    try:
        snapshot.materialise(snap, working)
    except OSError as exc:
        raise errors.unreadable(snap.path, exc.strerror or str(exc)) from exc
    db = None
    try:
        db = connect_working(working)
        check_identity(snap.path, db.conn)
        if integrity.problems(db.conn):
            raise damaged(snap.path)
        return db
    except BaseException as exc:
        if db is not None:
            db.close()
        clear(working.parent)
        if isinstance(exc, sqlite3.DatabaseError | UnicodeError):
            raise damaged(snap.path) from exc
        raise


def connect_working(path: Path) -> sqlite_utils.Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: transactions are explicit (db.atomic()), never implicit.
    # check_same_thread=False: the window's single database worker owns it.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.text_factory = _text
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return database(conn)


def connect_reader(path: Path) -> sqlite_utils.Database:
    """A connection of its own to a working copy, for reading it beside the work (saving it
    back): in WAL mode it reads a consistent snapshot and never blocks the writer. Opened
    and closed on the thread that uses it."""
    # Not query_only: SQLite counts VACUUM INTO, which writes only its target, as a write.
    if not path.exists():
        raise sqlite3.OperationalError(f"no working copy at {path}")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.text_factory = _text
    return database(conn)


def _text(value: bytes) -> str:
    # Text that is not UTF-8 (a damaged byte inside a name) shows as "�" where it is
    # damaged, and can be corrected, rather than making every query of its table fail.
    return value.decode("utf-8", "replace")


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    # execute_plugins=False: no installed sqlite-utils plugin may change how a cohort's
    # connection behaves, and start-up skips scanning every package's entry points.
    return sqlite_utils.Database(conn, execute_plugins=False)


def clear(folder: Path) -> None:
    if folder.exists():
        for child in folder.iterdir():
            child.unlink()
    folder.mkdir(parents=True, exist_ok=True)
