"""Where the app keeps its own files: working copies, backups, settings, the demo."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The user's app-data folder; ILMAVA_DATA_DIR overrides it (tests, portable use)."""
    if env := os.environ.get("ILMAVA_DATA_DIR"):
        path = Path(env)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home())) / "ILMAVA Desktop"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "ILMAVA Desktop"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
        path = path / "ilmava-desktop"
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_key(path: Path) -> str:
    """A short, stable folder name for one cohort file's working copy and backups."""
    try:
        resolved = str(path.resolve())
    except (OSError, RuntimeError):  # a link that loops, an unreadable folder on the way
        resolved = os.path.abspath(path)
    return f"{path.stem[:40]}-{hashlib.sha1(resolved.encode()).hexdigest()[:10]}"


def working_dir(path: Path) -> Path:
    return data_dir() / "work" / file_key(path)


def backup_dir(path: Path) -> Path:
    return data_dir() / "backups" / file_key(path)
