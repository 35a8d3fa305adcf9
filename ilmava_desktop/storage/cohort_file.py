"""The user's `*.ilmava` file, worked on through a local copy and saved back atomically.

Why: SQLite's WAL does not work on network file systems, and moving or copying an
open database (USB sticks, sync clients) corrupts it. So the user's file is only
ever read as bytes into a copy of ours (snapshot.py) and replaced whole (VACUUM
INTO a temporary file beside it, checked, then os.replace). All live work happens
in a working copy in the app-data folder, committed at every change, which
survives a crash.

What was read or written last is remembered by its content's fingerprint, so a
save refuses a file changed elsewhere (even with the same size and time), a file
that is not there any more, and never takes the app's own completed save for
someone else's.

Saving back may run on any thread while the work goes on through `db` on another: it
reads the working copy through a connection of its own (WAL gives it a consistent
snapshot, and never makes the work wait), and a change committed after that snapshot
leaves the cohort dirty for the next save. One save-back runs at a time.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from ilmava_desktop.i18n import _
from ilmava_desktop.storage import backups, errors, integrity, locks, snapshot
from ilmava_desktop.storage.copies import (
    WORKING_NAME,
    clear,
    cohort_id_of,
    connect_reader,
    connect_working,
    damaged,
    inspect,
    load,
    read_only,
)
from ilmava_desktop.storage.locations import working_dir
from ilmava_desktop.storage.recovery import (
    STATE_NAME,
    Recoverable,
    accepted_from,
    adopt,
    belongs_to,
    has_unsaved,
    in_use,
    read_state,
    recoverable,
    remove_folder,
    set_aside,
    unsaved_elsewhere,
)
from ilmava_desktop.storage.schema import migrate
from ilmava_desktop.storage.snapshot import real_path
from ilmava_desktop.storage.write_back import clean_leftovers, remove_journals, replace_atomically

__all__ = ["CohortFile", "Recoverable", "inspect", "read_only", "recoverable"]


class CohortFile:
    """An open cohort: the user's file, its working copy and the connection to it."""

    def __init__(self, path: Path, folder: Path, db: sqlite_utils.Database,
                 accepted: Iterable[str], cohort_id: str | None = None):
        self.path = path
        self.folder = folder
        self.db = db
        # Fingerprints of the user's file that hold nothing we have not got: what we
        # read or last wrote. Any other content on disk is someone else's.
        self.accepted = set(accepted)
        self.cohort_id = cohort_id
        self.dirty = False
        self.last_saved: datetime | None = None
        self.working = folder / WORKING_NAME
        # Counts the changes made: a save-back clears `dirty` only when none was made
        # after it took its snapshot, so an edit typed during a save is saved next time.
        self._edits = 0
        # `dirty`, `accepted`, the edit count and the state file are shared by the work
        # and a save-back running on another thread.
        self._state_lock = threading.Lock()
        # One save-back at a time; closing waits for a running one. Reentrant: closing
        # holds it while it saves what is left.
        self._saving = threading.RLock()

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, recover: bool | None = None, backup: bool = True) -> CohortFile:
        """Open a cohort through a fresh working copy.

        If a crash left unsaved work for this file (or for this cohort opened from a
        place that is gone), `recover` must say what to do with it: True continues
        from it, False throws it away; None refuses.
        """
        path = Path(path)
        folder = working_dir(path)
        state = read_state(folder)
        if in_use(state):
            raise errors.already_open(path)
        clean_leftovers(real_path(path))
        if has_unsaved(state, folder) and not belongs_to(state, path):
            set_aside(folder)
            state = None
        if has_unsaved(state, folder):
            if recover is None:
                raise errors.unsaved_work(path)
            if recover:
                return cls._resume(path, folder, state, backup)
        snap = snapshot.read(path)
        clear(folder)
        db = load(snap, folder / WORKING_NAME)
        cohort_id = cohort_id_of(db.conn)
        elsewhere = unsaved_elsewhere(path, cohort_id) if cohort_id else None
        if elsewhere is not None and recover is not False:
            db.close()
            clear(folder)
            if recover is None:
                raise errors.unsaved_work(path)
            adopt(elsewhere, folder)
            return cls._resume(path, folder, read_state(folder) or {}, backup)
        if elsewhere is not None:
            remove_folder(elsewhere)
        return cls(path, folder, db, {snap.fingerprint}, cohort_id)._opened(backup)

    @classmethod
    def _resume(cls, path: Path, folder: Path, state: dict, backup: bool) -> CohortFile:
        try:
            db = connect_working(folder / WORKING_NAME)
        except (sqlite3.DatabaseError, UnicodeError) as exc:
            raise errors.recovery_damaged(path) from exc
        if integrity.problems(db.conn):
            db.close()
            raise errors.recovery_damaged(path)
        cohort = cls(path, folder, db, accepted_from(state, path), cohort_id_of(db.conn))
        cohort.dirty = True
        return cohort._opened(backup)

    def _opened(self, backup: bool) -> CohortFile:
        try:
            if migrate(self.db):
                self.dirty = True
        except sqlite3.Error as exc:
            self.db.close()
            raise damaged(self.path) from exc
        self._write_state()
        locks.take(real_path(self.path))
        if backup:
            try:
                backups.make_backup(self.db, self.path)
            except OSError:
                pass  # a backup never stops the work
        return self

    @classmethod
    def create(cls, path: Path, fill: Callable[[sqlite_utils.Database], None]) -> CohortFile:
        """Write a new cohort file at `path` (atomically) and open it."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise errors.already_exists(path)
        folder = working_dir(path)
        state = read_state(folder)
        if in_use(state):
            raise errors.already_open(path)
        if has_unsaved(state, folder):
            set_aside(folder)  # the work of a file that was here; found again by its id
        clear(folder)
        db = connect_working(folder / "new.sqlite")
        migrate(db)
        fill(db)

        def still_free(_new: str) -> None:
            if path.exists():
                raise errors.already_exists(path)

        try:
            replace_atomically(db, path, still_free)
        finally:
            db.close()
            clear(folder)
        return cls.open(path, backup=False)  # nothing in it yet worth a backup

    # -- working -------------------------------------------------------------------

    def mark_dirty(self) -> None:
        with self._state_lock:
            self._edits += 1
            if not self.dirty:
                self.dirty = True
                self._write_state()

    def _write_state(self, also_accept: Iterable[str] = ()) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        previous = read_state(self.folder) or {}
        state = {
            "original": str(Path(os.path.abspath(self.path))),
            "cohort_id": self.cohort_id,
            "accepted": sorted(self.accepted.union(also_accept)),
            "dirty": self.dirty,
            "changed_at": now,
            "saved_at": (self.last_saved.astimezone(UTC).isoformat(timespec="seconds")
                         if self.last_saved else previous.get("saved_at", "")),
            "pid": os.getpid(),
            "started": locks.own_start(),
        }
        tmp = self.folder / (STATE_NAME + ".tmp")
        tmp.write_text(json.dumps(state), "utf-8")
        os.replace(tmp, self.folder / STATE_NAME)

    # -- saving --------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        try:
            prints = snapshot.fingerprints(self.path)
        except OSError:
            return False
        return prints is not None and prints[0] not in self.accepted

    def fingerprint_on_disk(self) -> str | None:
        """The user's file's fingerprint now (None if it is not there)."""
        try:
            prints = snapshot.fingerprints(self.path)
        except OSError as exc:
            raise errors.unreadable(self.path, exc.strerror or str(exc)) from exc
        return prints[0] if prints else None

    def accept_version(self, fingerprint: str) -> None:
        """A version of the user's file written elsewhere is now all in the working copy
        (merged in): saving over it loses nothing of it."""
        with self._state_lock:
            self.accepted.add(fingerprint)
            self._write_state()

    def _check_original(self) -> tuple[str, str]:
        """The file is where it was and holds what we read or wrote; else refuse."""
        try:
            prints = snapshot.fingerprints(self.path)
        except OSError as exc:
            raise errors.save_failed(self.path, exc.strerror or str(exc)) from exc
        if prints is None:
            raise errors.OriginalMissing(self.path)
        if prints[0] not in self.accepted:
            raise errors.OriginalChanged(
                _("{name} was changed by someone else since it was opened.")
                .format(name=self.path.name)
            )
        return prints

    def save_back(self) -> None:
        """Replace the user's file with the working copy; refuse if it changed under us or
        is not there. Waits for a save-back already running on another thread."""
        with self._saving:
            try:
                self._save_back()
            except OSError as exc:  # the stick failing on any other step: one sentence too
                raise errors.save_failed(self.path, exc.strerror or str(exc)) from exc

    def save_if_dirty(self) -> None:
        """Save what is not yet in the user's file, once a running save-back has ended."""
        with self._saving:
            if self.dirty:
                self.save_back()

    def no_save_running(self) -> threading.RLock:
        """Held while no save-back runs or starts (`with cohort.no_save_running(): ...`):
        for rewriting the backups, which a save-back also writes."""
        return self._saving

    def _save_back(self) -> None:
        target = real_path(self.path)
        self._check_original()

        def before_swap(new: str) -> None:
            # Checked again at the last moment, then the new content is recorded first:
            # a crash right after the swap must not make our own file look foreign.
            _full, main_only = self._check_original()
            try:
                with self._state_lock:
                    self._write_state(also_accept=(new, main_only))
            except OSError as exc:
                raise errors.save_failed(self.path, exc.strerror or str(exc)) from exc
            remove_journals(target)

        with self._state_lock:
            # Read before the snapshot starts: every change counted here is in it.
            edits = self._edits
        source = self._snapshot_reader()
        try:
            new = replace_atomically(source, target, before_swap, name=self.path.name)
            with self._state_lock:
                self.accepted = {new}
                self.dirty = self._edits != edits
                self.last_saved = datetime.now()
                try:
                    self._write_state()
                except OSError:
                    pass  # the file is saved; the next save records it (its content is accepted)
            locks.take(target)
            try:
                if backups.due(self.path):
                    backups.make_backup(source, self.path)
            except OSError:
                pass  # a backup never stops the work
        finally:
            source.close()

    def _snapshot_reader(self) -> sqlite_utils.Database:
        try:
            return connect_reader(self.working)
        except sqlite3.Error as exc:
            raise errors.save_failed(self.path, str(exc)) from exc

    def save_copy(self, target: Path) -> None:
        destination = real_path(Path(target))
        try:
            with self._saving:
                source = self._snapshot_reader()
                try:
                    replace_atomically(source, destination,
                                        lambda _new: remove_journals(destination),
                                        name=Path(target).name)
                finally:
                    source.close()
        except OSError as exc:
            raise errors.save_failed(Path(target), exc.strerror or str(exc)) from exc

    def close(self, save: bool = True) -> None:
        """Save (if asked and needed), close the connection and drop the working copy.

        A save-back running on another thread is waited for first: it reads the working
        copy. If the save fails, the working copy stays, marked dirty, for recovery.
        """
        with self._saving:
            self._close(save)

    def _close(self, save: bool) -> None:
        try:
            if save and self.dirty:
                self.save_back()
        finally:
            self.db.close()
            target = real_path(self.path)
            if not self.dirty:
                try:
                    clear(self.folder)
                except OSError:
                    pass  # a clean copy left behind is simply replaced on the next open
            locks.release(target)
            clean_leftovers(target, own_only=True)
