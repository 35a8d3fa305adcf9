"""Reading the user's file: its bytes once, their fingerprint, and a private copy to open.

SQLite is never pointed at the user's file. Opening it, even read-only, would let
SQLite read a `-wal` another tool left beside it and create a `-shm` there; and
after our save replaced the file, that stale `-wal` would be played over the new
one and damage it. So the file and any journal beside it are read as bytes,
copied into a folder of ours, and opened there.

The fingerprint is a hash of those bytes: a file changed elsewhere is told apart
from ours by its content, not by a size and modification time (FAT keeps times to
two seconds; sync clients restore them).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ilmava_desktop.storage import errors
from ilmava_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
# Journals another SQLite tool may leave beside a database; both hold committed or
# half-written changes that belong to the file.
SIDECARS = ("-wal", "-journal")


@dataclass(frozen=True)
class Snapshot:
    """The user's file and its journals as read at one moment."""

    path: Path
    main: bytes
    sidecars: dict[str, bytes]

    @property
    def fingerprint(self) -> str:
        return _digest(self.main, self.sidecars)


def real_path(path: Path) -> Path:
    """The file a path leads to: saving through a link replaces its target, not the link."""
    path = Path(path)
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError:
        return path  # unreadable now: whatever is done with it next says so


def read(path: Path) -> Snapshot:
    """The file's bytes, or CohortFileError: missing, not a file, unreadable, not a cohort."""
    target = real_path(path)
    try:
        if not target.exists():
            raise errors.not_found(path)
        if not target.is_file():
            raise errors.not_a_cohort(path)  # a folder, a FIFO, a device: never read one
        main = target.read_bytes()
        sidecars = {}
        for suffix in SIDECARS:
            beside = target.with_name(target.name + suffix)
            if beside.is_file() and (data := beside.read_bytes()):
                sidecars[suffix] = data
    except OSError as exc:
        raise errors.unreadable(path, exc.strerror or str(exc)) from exc
    check_header(path, main)
    return Snapshot(path, main, sidecars)


def fingerprints(path: Path) -> tuple[str, str] | None:
    """The file's fingerprint now, with its journals and without them; None if it is not
    there. OSError if it cannot be read."""
    target = real_path(path)
    try:
        main = target.read_bytes()
    except FileNotFoundError:
        return None
    sidecars = {}
    for suffix in SIDECARS:
        try:
            if data := target.with_name(target.name + suffix).read_bytes():
                sidecars[suffix] = data
        except FileNotFoundError:
            pass
    return _digest(main, sidecars), _digest(main, {})


def bytes_fingerprint(main: bytes) -> str:
    return _digest(main, {})


def _digest(main: bytes, sidecars: dict[str, bytes]) -> str:
    digest = hashlib.sha256(main)
    for suffix in SIDECARS:
        if suffix in sidecars:
            digest.update(suffix.encode())
            digest.update(len(sidecars[suffix]).to_bytes(8, "big"))
            digest.update(sidecars[suffix])
    return digest.hexdigest()


def check_header(path: Path, main: bytes) -> None:
    """Refuse what is not a cohort this version can read, and a header SQLite would
    accept but not write (a damaged format byte makes the copy read-only)."""
    if len(main) < 100 or not main.startswith(SQLITE_HEADER):
        raise errors.not_a_cohort(path)
    if int.from_bytes(main[68:72], "big") != APPLICATION_ID:
        raise errors.foreign_database(path)
    if int.from_bytes(main[60:64], "big") > SCHEMA_VERSION:
        raise errors.too_new(path)
    page_size = int.from_bytes(main[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if (page_size < 512 or page_size & (page_size - 1) or len(main) % page_size
            or main[18] not in (1, 2) or main[19] not in (1, 2)
            or main[21:24] != b"\x40\x20\x20"
            or int.from_bytes(main[44:48], "big") not in (1, 2, 3, 4)
            or int.from_bytes(main[56:60], "big") not in (1, 2, 3)):
        raise errors.damaged(path)


def materialise(snapshot: Snapshot, target: Path) -> None:
    """Write the snapshot as a database of ours at `target`, its journals beside it, so
    SQLite finishes or rolls back what another tool left, in our copy only."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    target.write_bytes(snapshot.main)
    for suffix, data in snapshot.sidecars.items():
        target.with_name(target.name + suffix).write_bytes(data)


def open_copy(path: Path) -> sqlite3.Connection:
    """Open a materialised copy and let SQLite apply its journals there."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA schema_version").fetchone()  # reads page 1: replays or rolls back
    return conn
