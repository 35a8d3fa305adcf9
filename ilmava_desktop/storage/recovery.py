"""Unsaved work a crash left in a working copy: whose it is, and whether its app still runs.

Working copies are kept per path, but know their cohort by its id: the same stick
under another drive letter or mount point finds its work again.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ilmava_desktop.storage import locks, snapshot
from ilmava_desktop.storage.copies import WORKING_NAME, clear, peek_cohort_id
from ilmava_desktop.storage.locations import data_dir, working_dir
from ilmava_desktop.storage.snapshot import real_path

STATE_NAME = "state.json"


@dataclass(frozen=True)
class Recoverable:
    """Unsaved work found in a working copy left behind by a crash."""

    path: Path
    changed_at: str
    original: Path  # where the work was last opened or saved: another drive letter, say
    saved_at: str


def recoverable(path: Path) -> Recoverable | None:
    """Unsaved work of an app that ended without saving (not one still running): this
    file's own, or that of the same cohort opened from a place that is gone (the stick
    under another drive letter or mount point)."""
    path = Path(path)
    folder = working_dir(path)
    state = read_state(folder)
    if in_use(state):
        return None
    if not has_unsaved(state, folder) or not belongs_to(state, path):
        cohort_id = peek_cohort_id(path)
        folder = unsaved_elsewhere(path, cohort_id) if cohort_id else None
        state = read_state(folder) if folder else None
        if state is None:
            return None
    return Recoverable(path, state.get("changed_at", ""), Path(state.get("original") or path),
                       state.get("saved_at", ""))


def in_use(state: dict | None) -> bool:
    """Another running app of ours works on this copy right now."""
    pid = (state or {}).get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    started = str(state.get("started") or "")
    if pid == os.getpid() and (not started or started == locks.own_start()):
        return False  # this very process
    return locks.process_alive(pid, started)


def belongs_to(state: dict, path: Path) -> bool:
    """The work is of the cohort now at `path` (or that cannot be told: it is not there).
    A drive letter or mount point may now hold another stick with another cohort."""
    cohort_id = state.get("cohort_id")
    if not cohort_id:
        return True
    found = peek_cohort_id(path)
    return found is None or found == cohort_id


def set_aside(folder: Path) -> None:
    """Keep another cohort's unsaved work out of this path's way; opening that cohort
    finds it by its id."""
    aside = folder.with_name(f"{folder.name}-{datetime.now(UTC):%Y%m%d%H%M%S%f}")
    os.replace(folder, aside)


def has_unsaved(state: dict | None, folder: Path) -> bool:
    return bool(state and state.get("dirty") and (folder / WORKING_NAME).exists())


def read_state(folder: Path) -> dict | None:
    try:
        state = json.loads((folder / STATE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def unsaved_elsewhere(path: Path, cohort_id: str) -> Path | None:
    """The working folder of this cohort's unsaved work opened from a place that is gone."""
    own = working_dir(path)
    found: list[tuple[str, Path]] = []
    try:
        folders = [f for f in (data_dir() / "work").iterdir() if f.is_dir() and f != own]
    except OSError:
        return None
    for folder in folders:
        state = read_state(folder)
        if (not state or state.get("cohort_id") != cohort_id or not has_unsaved(state, folder)
                or in_use(state)):
            continue
        original = Path(state.get("original") or "")
        if str(original) and peek_cohort_id(original) == cohort_id:
            continue  # the work belongs to a copy still where it was: that copy offers it
        found.append((str(state.get("changed_at", "")), folder))
    return max(found)[1] if found else None


def accepted_from(state: dict, path: Path) -> set[str]:
    accepted = {str(p) for p in state.get("accepted") or [] if isinstance(p, str)}
    if not accepted and "mtime_ns" in state:
        # Written by an earlier version, which remembered only size and time.
        try:
            stat = real_path(path).stat()
            if (stat.st_mtime_ns, stat.st_size) == (state["mtime_ns"], state.get("size")):
                prints = snapshot.fingerprints(path)
                accepted = {prints[0]} if prints else set()
        except OSError:
            pass
    return accepted


def adopt(source: Path, folder: Path) -> None:
    """Move unsaved work found under another path's working folder to this path's."""
    clear(folder)
    folder.rmdir()
    os.replace(source, folder)


def remove_folder(folder: Path) -> None:
    try:
        clear(folder)
        folder.rmdir()
    except OSError:
        pass
