"""Rolling backups of each cohort in the app-data folder, each one checked."""

from __future__ import annotations

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
