"""A small lock file beside the cohort: who has it open, so two laptops do not collide.

It is advice, not a lock: a laptop that crashed leaves one behind, so the app
warns and lets the user go on rather than refusing.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

FRESH_FOR = timedelta(hours=12)


@dataclass(frozen=True)
class LockInfo:
    host: str
    user: str
    pid: int
    time: str


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _me() -> LockInfo:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    return LockInfo(socket.gethostname(), user, os.getpid(),
                    datetime.now(UTC).isoformat(timespec="seconds"))


def read(path: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_path(path).read_text("utf-8"))
        return LockInfo(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["time"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def held_by_other(path: Path) -> LockInfo | None:
    """A fresh lock of another machine or another running app on this one, if any."""
    info = read(path)
    if info is None:
        return None
    me = _me()
    try:
        age = datetime.now(UTC) - datetime.fromisoformat(info.time)
    except ValueError:
        return None
    if age > FRESH_FOR:
        return None
    if info.host != me.host:
        return info
    if info.pid != me.pid and process_alive(info.pid):
        return info
    return None


def process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # cannot tell cheaply; a warning too many beats one too few
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def take(path: Path) -> None:
    try:
        lock_path(path).write_text(json.dumps(_me().__dict__), "utf-8")
    except OSError:
        pass  # a read-only folder: saving will say so; the lock is only advice


def release(path: Path) -> None:
    info = read(path)
    if info and info.host == socket.gethostname() and info.pid == os.getpid():
        try:
            lock_path(path).unlink()
        except OSError:
            pass
