"""What the window asks before and while a cohort is open: unsaved work a crash left behind,
another laptop's lock, and the errors a cohort file can raise (the window catches these,
never storage's modules directly)."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.storage import errors, locks
from ilmava_desktop.storage.cohort_file import Recoverable, recoverable
from ilmava_desktop.storage.errors import CohortFileError, OriginalChanged, SaveError
from ilmava_desktop.storage.locks import LockInfo

__all__ = ["CohortFileError", "OriginalChanged", "SaveError", "LockInfo", "Recoverable",
           "unsaved_work_left", "open_elsewhere", "unsaved_work_sentence"]


def unsaved_work_left(path: Path) -> Recoverable | None:
    """Work a session that ended unexpectedly did not save back, if any."""
    return recoverable(Path(path))


def open_elsewhere(path: Path) -> LockInfo | None:
    """Another laptop's (or another window's) fresh lock on the file, if any."""
    return locks.held_by_other(Path(path))


def unsaved_work_sentence(path: Path) -> str:
    return str(errors.unsaved_work(Path(path)))
