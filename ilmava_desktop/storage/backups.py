"""Rolling backups of each cohort in the app-data folder, each one checked."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import sqlite_utils

from ilmava_desktop.storage.locations import backup_dir

KEEP_RECENT = 10
KEEP_DAILY_FOR = 14  # days
MIN_INTERVAL = timedelta(minutes=15)


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
    folder = backup_dir(original)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{datetime.now():%Y%m%d-%H%M%S-%f}.ilmava"
    try:
        db.execute("VACUUM INTO ?", [str(target)])
        check = sqlite3.connect(target, isolation_level=None)
        try:
            check.execute("PRAGMA journal_mode=DELETE")
            ok = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            check.close()
        if not ok:
            target.unlink(missing_ok=True)
            return None
    except (OSError, sqlite3.Error):
        return None
    rotate(folder)
    return target


def rotate(folder: Path, now: datetime | None = None) -> list[Path]:
    """Keep the newest few, and the newest of each day for two weeks; remove the rest."""
    now = now or datetime.now()
    files = sorted(folder.glob("*.ilmava"), reverse=True)
    keep = set(files[:KEEP_RECENT])
    days_seen: set[str] = set()
    for path in files:
        day = path.name[:8]
        try:
            when = datetime.strptime(day, "%Y%m%d")
        except ValueError:
            continue
        if now - when <= timedelta(days=KEEP_DAILY_FOR) and day not in days_seen:
            days_seen.add(day)
            keep.add(path)
    removed = [path for path in files if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
