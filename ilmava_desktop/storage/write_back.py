"""Writing the user's file: a checked temporary file beside it, swapped in whole, and the
temporary files of sessions that ended cleaned away."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from ilmava_desktop.i18n import _
from ilmava_desktop.storage import errors, locks, snapshot
from ilmava_desktop.storage.schema import APPLICATION_ID

# A temporary file of another machine's save is left alone this long: a save takes
# seconds, so one untouched for an hour belongs to a session that died.
STALE_TEMP_AGE = 3600
JOURNALS = ("-journal", "-wal", "-shm")


def replace_atomically(db: sqlite_utils.Database, target: Path,
                        before_swap: Callable[[str], None], name: str | None = None) -> str:
    """VACUUM INTO a temporary file beside the target, check it, then os.replace.

    `before_swap` gets the new content's fingerprint and may refuse the swap.
    Returns that fingerprint.
    """
    name = name or target.name
    tmp = target.with_name(f".{target.name}.{locks.session_tag()}.tmp")
    try:
        _remove_with_journals(tmp)
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
            new = snapshot.bytes_fingerprint(f.read())
        _remove_with_journals(tmp, journals_only=True)
        before_swap(new)
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(tmp)
        raise errors.save_failed(Path(name), getattr(exc, "strerror", None) or str(exc)) from exc
    except Exception:
        _remove_quietly(tmp)
        raise
    try:
        _fsync_folder(target.parent)
    except OSError:
        pass  # the swap is done; a folder that cannot be synced is the OS's to finish
    return new


def _remove_with_journals(path: Path, journals_only: bool = False) -> None:
    for suffix in JOURNALS if journals_only else ("", *JOURNALS):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _remove_quietly(path: Path) -> None:
    try:
        _remove_with_journals(path)
    except OSError:
        pass


def remove_journals(target: Path) -> None:
    """Journals another tool left beside the user's file: their content is in our copy
    (it was read with them and is unchanged since), and left beside our new file they
    would be played over it and damage it."""
    _remove_with_journals(target, journals_only=True)


def clean_leftovers(target: Path, own_only: bool = False) -> None:
    """Remove temporary files beside the cohort that sessions which ended left behind;
    never a running session's (this machine's are told by process, others' by age)."""
    prefix = f".{target.name}."
    own = locks.session_tag()
    try:
        children = [c for c in target.parent.iterdir() if c.name.startswith(prefix)]
    except OSError:
        return
    for child in children:
        rest = child.name[len(prefix):]
        for suffix in JOURNALS:
            rest = rest.removesuffix(suffix)
        if not rest.endswith(".tmp"):
            continue
        tag = rest.removesuffix(".tmp").removeprefix("lock.")
        if own_only:
            stale = tag == own
        else:
            alive = locks.tag_alive(tag)
            stale = alive is False or (alive is None and _age(child) > STALE_TEMP_AGE)
        if stale:
            try:
                child.unlink()
            except OSError:
                pass


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
