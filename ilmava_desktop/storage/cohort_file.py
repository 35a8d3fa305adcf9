"""The user's `*.ilmava` file, worked on through a local copy and saved back atomically.

Why: SQLite's WAL does not work on network file systems, and moving or copying an
open database (USB sticks, sync clients) corrupts it. So the user's file is only
ever read once (with the backup API) and replaced whole (VACUUM INTO a temporary
file beside it, checked, then os.replace). All live work happens in a working
copy in the app-data folder, committed at every change, which survives a crash.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from ilmava_desktop.i18n import _
from ilmava_desktop.storage import backups, errors, locks
from ilmava_desktop.storage.locations import working_dir
from ilmava_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION, migrate

SQLITE_HEADER = b"SQLite format 3\x00"
WORKING_NAME = "cohort.sqlite"
STATE_NAME = "state.json"


def inspect(path: Path) -> None:
    """Refuse anything that is not a healthy cohort file this version can read.

    Reads only: the file is opened read-only and never written.
    """
    if not path.exists():
        raise errors.not_found(path)
    if not path.is_file():
        raise errors.not_a_cohort(path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise errors.unreadable(path, exc.strerror or str(exc)) from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise errors.not_a_cohort(path)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise errors.foreign_database(path)
    if int.from_bytes(header[60:64], "big") > SCHEMA_VERSION:
        raise errors.too_new(path)
    try:
        conn = _connect_read_only(path)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise errors.damaged(path)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise errors.damaged(path) from exc


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


@dataclass(frozen=True)
class DiskState:
    """What the user's file looked like when we last read or wrote it."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> DiskState:
        stat = path.stat()
        return cls(stat.st_mtime_ns, stat.st_size)


@dataclass(frozen=True)
class Recoverable:
    """Unsaved work found in a working copy left behind by a crash."""

    path: Path
    changed_at: str


def recoverable(path: Path) -> Recoverable | None:
    """Unsaved work of an app that ended without saving (not one still running)."""
    state = _read_state(working_dir(path))
    if (state and state.get("dirty") and not _in_use(state)
            and (working_dir(path) / WORKING_NAME).exists()):
        return Recoverable(path, state.get("changed_at", ""))
    return None


def _in_use(state: dict | None) -> bool:
    """Another running app of ours works on this copy right now."""
    pid = (state or {}).get("pid")
    return bool(pid) and pid != os.getpid() and locks.process_alive(pid)


def _read_state(folder: Path) -> dict | None:
    try:
        return json.loads((folder / STATE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None


class CohortFile:
    """An open cohort: the user's file, its working copy and the connection to it."""

    def __init__(self, path: Path, folder: Path, db: sqlite_utils.Database, loaded: DiskState):
        self.path = path
        self.folder = folder
        self.db = db
        self.loaded = loaded
        self.dirty = False
        self.last_saved: datetime | None = None

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, recover: bool | None = None, backup: bool = True) -> CohortFile:
        """Open a cohort through a fresh working copy.

        If a crash left unsaved work for this file, `recover` must say what to do
        with it: True continues from it, False throws it away; None refuses.
        """
        path = Path(path)
        folder = working_dir(path)
        working = folder / WORKING_NAME
        state = _read_state(folder)
        if _in_use(state):
            raise errors.already_open(path)
        if recover is False:
            _clear(folder)
            state = None
        if state and state.get("dirty") and not recover:
            raise errors.unsaved_work(path)
        if state and state.get("dirty") and working.exists():
            db = _connect_working(working)
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                db.close()
                raise errors.damaged(working)
            loaded = DiskState(state["mtime_ns"], state["size"])
            cohort = cls(path, folder, db, loaded)
            cohort.dirty = True
        else:
            inspect(path)
            _clear(folder)
            source = _connect_read_only(path)
            target = sqlite3.connect(working)
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
            loaded = DiskState.of(path)
            cohort = cls(path, folder, _connect_working(working), loaded)
        if migrate(cohort.db):
            cohort.dirty = True
        cohort._write_state()
        locks.take(path)
        if backup:
            backups.make_backup(cohort.db, path)
        return cohort

    @classmethod
    def create(cls, path: Path, fill: Callable[[sqlite_utils.Database], None]) -> CohortFile:
        """Write a new cohort file at `path` (atomically) and open it."""
        path = Path(path)
        if path.exists():
            raise errors.already_exists(path)
        folder = working_dir(path)
        if _in_use(_read_state(folder)):
            raise errors.already_open(path)
        _clear(folder)
        db = _connect_working(folder / "new.sqlite")
        migrate(db)
        fill(db)
        try:
            _replace_atomically(db, path)
        finally:
            db.close()
            _clear(folder)
        return cls.open(path, backup=False)  # nothing in it yet worth a backup

    # -- working -------------------------------------------------------------------

    def mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self._write_state()

    def _write_state(self) -> None:
        state = {
            "original": str(self.path.resolve()),
            "mtime_ns": self.loaded.mtime_ns,
            "size": self.loaded.size,
            "dirty": self.dirty,
            "changed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "pid": os.getpid(),
        }
        tmp = self.folder / (STATE_NAME + ".tmp")
        tmp.write_text(json.dumps(state), "utf-8")
        os.replace(tmp, self.folder / STATE_NAME)

    # -- saving --------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        try:
            return DiskState.of(self.path) != self.loaded
        except FileNotFoundError:
            return False  # gone (a renamed folder): saving writes it anew

    def save_back(self) -> None:
        """Replace the user's file with the working copy; refuse if it changed under us."""
        if self.changed_on_disk():
            raise errors.OriginalChanged(
                _("{name} was changed by someone else since it was opened.")
                .format(name=self.path.name)
            )
        _replace_atomically(self.db, self.path)
        self.loaded = DiskState.of(self.path)
        self.dirty = False
        self.last_saved = datetime.now()
        self._write_state()
        locks.take(self.path)
        if backups.due(self.path):
            backups.make_backup(self.db, self.path)

    def save_copy(self, target: Path) -> None:
        _replace_atomically(self.db, Path(target))

    def close(self, save: bool = True) -> None:
        """Save (if asked and needed), close the connection and drop the working copy.

        If the save fails, the working copy stays, marked dirty, for recovery.
        """
        try:
            if save and self.dirty:
                self.save_back()
        finally:
            self.db.close()
            if not self.dirty:
                _clear(self.folder)
            locks.release(self.path)


def _connect_working(path: Path) -> sqlite_utils.Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: transactions are explicit (db.atomic()), never implicit.
    # check_same_thread=False: the window's single database worker owns it.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return _database(conn)


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    # execute_plugins=False: no installed sqlite-utils plugin may change how a cohort's
    # connection behaves, and start-up skips scanning every package's entry points.
    return sqlite_utils.Database(conn, execute_plugins=False)


def _clear(folder: Path) -> None:
    if folder.exists():
        for child in folder.iterdir():
            child.unlink()
    folder.mkdir(parents=True, exist_ok=True)


def _replace_atomically(db: sqlite_utils.Database, target: Path) -> None:
    """VACUUM INTO a temporary file beside the target, check it, then os.replace."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if tmp.exists():
            tmp.unlink()
        db.execute("VACUUM INTO ?", [str(tmp)])
        check = sqlite3.connect(tmp, isolation_level=None)
        try:
            # The copy inherits WAL; the user's file must be a single self-contained file.
            check.execute("PRAGMA journal_mode=DELETE")
            ok = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            app_id = check.execute("PRAGMA application_id").fetchone()[0]
        finally:
            check.close()
        if not ok or app_id != APPLICATION_ID:
            raise errors.SaveError(_("The saved copy did not pass its check."))
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except (OSError, sqlite3.Error) as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise errors.SaveError(
            _("{name} could not be saved: {reason}").format(
                name=target.name, reason=getattr(exc, "strerror", None) or str(exc)
            )
        ) from exc


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_only(path: Path) -> sqlite_utils.Database:
    """An in-memory copy of a cohort for reading (the command line's queries).

    The user's file is read once and never written; an older schema is migrated
    in the copy only.
    """
    path = Path(path)
    inspect(path)
    source = _connect_read_only(path)
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        source.backup(memory)
    finally:
        source.close()
    db = _database(memory)
    migrate(db)
    return db
