"""Rolling backups of each cohort in the app-data folder, each one checked."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import sqlite_utils

from ilmava_desktop.storage.locations import backup_dir, data_dir

KEEP_RECENT = 10
KEEP_DAILY_FOR = 14  # days; nothing older is kept, the newest few included
KEEP_FOR = timedelta(days=KEEP_DAILY_FOR)
MIN_INTERVAL = timedelta(minutes=15)
_NAME_TIME = "%Y%m%d-%H%M%S"


def list_backups(original: Path) -> list[Path]:
    folder = backup_dir(original)
    return sorted(folder.glob("*.ilmava")) if folder.exists() else []


def due(original: Path, now: datetime | None = None) -> bool:
    existing = list_backups(original)
    if not existing:
        return True
    newest = datetime.fromtimestamp(existing[-1].stat().st_mtime)
    return (now or datetime.now()) - newest >= MIN_INTERVAL


def make_backup(db: sqlite_utils.Database, original: Path) -> Path | None:
    """Copy the working database into a dated backup, verify it, prune old ones.

    A failed backup never stops the work: it returns None.
    """
    # Every cohort's backups, not only this one's: a cohort that is never opened again
    # must not keep its people's data past the two weeks either.
    prune_all()
    folder = backup_dir(original)
    target = folder / f"{datetime.now():%Y%m%d-%H%M%S-%f}.ilmava"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        db.execute("VACUUM INTO ?", [str(target)])
        if not _checked(target):
            target.unlink(missing_ok=True)
            return None
    except (OSError, sqlite3.Error):
        return None
    rotate(folder)
    return target


def _checked(path: Path) -> bool:
    check = sqlite3.connect(path, isolation_level=None)
    try:
        # A backup is one self-contained file, whatever journal its source used.
        check.execute("PRAGMA journal_mode=DELETE")
        return check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        check.close()


def _made_at(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name[:15], _NAME_TIME)
    except ValueError:
        return None  # not a backup of ours: never removed


def rotate(folder: Path, now: datetime | None = None) -> list[Path]:
    """Within two weeks keep the newest few and the newest of each day; nothing older."""
    now = now or datetime.now()
    files = [path for path in sorted(folder.glob("*.ilmava"), reverse=True)
             if _made_at(path) is not None]
    recent = [path for path in files if now - _made_at(path) <= KEEP_FOR]
    keep = set(recent[:KEEP_RECENT])
    days_seen: set[str] = set()
    for path in recent:
        day = path.name[:8]
        if day not in days_seen:
            days_seen.add(day)
            keep.add(path)
    removed = [path for path in files if path not in keep]
    for path in removed:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # tried again at the next prune
    return removed


def prune_all(now: datetime | None = None) -> list[Path]:
    """Rotate the backups of every cohort on this laptop; drop folders left empty."""
    root = data_dir() / "backups"
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for folder in root.iterdir():
        if not folder.is_dir():
            continue
        removed += rotate(folder, now)
        try:
            folder.rmdir()  # only succeeds when nothing is left in it
        except OSError:
            pass
    return removed


# -- erasing a person ------------------------------------------------------------------


def holding_rows(original: Path, table: str, rows: list[dict]) -> list[Path]:
    """The backups of a cohort whose copy of any of `rows` differs from it (say, a tombstone)."""
    return [path for path in list_backups(original) if _differs(path, table, rows)]


def overwrite_rows(original: Path, table: str, rows: list[dict]) -> int:
    """Put `rows` over their older versions in every backup of a cohort; how many were rewritten.

    Each backup is rewritten whole (the old values must not linger in free pages), checked,
    and swapped in, keeping its time so that it ages out as it would have.
    """
    rewritten = 0
    for path in holding_rows(original, table, rows):
        try:
            _rewrite(path, table, rows)
        except (OSError, sqlite3.Error):
            # A backup that cannot be rewritten goes: better no backup than one that keeps
            # what was erased. If even that fails, the caller says so.
            path.unlink()
        rewritten += 1
    return rewritten


def _differs(path: Path, table: str, rows: list[dict]) -> bool:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            found = [conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row["id"]]).fetchone()
                     for row in rows]
        finally:
            conn.close()
    except sqlite3.Error:
        return True  # cannot be read, so cannot be shown clean: erasing rewrites or removes it
    return any(old is not None and any(old[key] != row[key] for key in old.keys() if key in row)
               for old, row in zip(found, rows, strict=True))


def _rewrite(path: Path, table: str, rows: list[dict]) -> None:
    stat = path.stat()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            source.backup(memory)
        finally:
            source.close()
        known = [info[1] for info in memory.execute(f"PRAGMA table_info([{table}])")]
        for row in rows:
            columns = [c for c in known if c in row and c != "id"]
            memory.execute(
                f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?",
                [row[c] for c in columns] + [row["id"]])
        tmp.unlink(missing_ok=True)
        memory.execute("VACUUM INTO ?", [str(tmp)])
    finally:
        memory.close()
    try:
        if not _checked(tmp):
            raise sqlite3.DatabaseError("the rewritten backup did not pass its check")
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.utime(tmp, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
