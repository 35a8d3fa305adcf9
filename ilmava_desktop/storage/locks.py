"""A small lock file beside the cohort: who has it open, so two laptops do not collide.

It is advice, not a lock: a laptop that crashed leaves one behind, so the app
warns and lets the user go on rather than refusing. A lock is only ever removed
or replaced by the session that wrote it, or when it is proven stale: its process
on this machine has ended, or it has not been renewed for FRESH_FOR.

Whether a session still runs is told by its process id *and* the time that
process started: after a crash the id is soon given to another program, and an
id alone would then keep the crashed session "alive" for ever.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

FRESH_FOR = timedelta(hours=12)
# Stands for "this process exists, but when it started cannot be read" (another user's
# process on macOS, say): it then counts as alive, as the id alone says.
UNKNOWN_START = "?"


@dataclass(frozen=True)
class LockInfo:
    host: str
    user: str
    pid: int
    time: str
    started: str = ""


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


# -- processes -------------------------------------------------------------------------

def process_start(pid: int) -> str | None:
    """A token for when process `pid` started, UNKNOWN_START if that cannot be read,
    None if no such process runs."""
    if pid <= 0:
        return None
    if os.name == "nt":
        return _windows_process_start(pid)
    return _posix_process_start(pid)


def process_alive(pid: int, started: str | None = None) -> bool:
    """Process `pid` runs, and (when `started` is known) it is the very one that started then."""
    now = process_start(pid)
    if now is None:
        return False
    if not started or now == UNKNOWN_START or started == UNKNOWN_START:
        return True
    return now == started


def own_start() -> str:
    return _start_of(os.getpid())  # keyed by pid: a forked child is another process


@cache
def _start_of(pid: int) -> str:
    return process_start(pid) or UNKNOWN_START


def _posix_process_start(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            return None  # Linux: no such process
        return _ps_process_start(pid)
    except OSError:
        return _ps_process_start(pid)
    # The command name (field 2) may hold spaces and parentheses: split after the last ")".
    fields = stat[stat.rfind(")") + 2:].split()
    if not fields or fields[0] in ("Z", "X"):
        return None  # a zombie has ended; only its exit status is left
    return f"{_boot_id()}:{fields[19]}"  # field 22: start time in ticks since boot


@cache
def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _ps_process_start(pid: int) -> str | None:
    """macOS and other POSIX systems without /proc."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # another user's process: it exists
    except OSError:
        return UNKNOWN_START
    try:
        result = subprocess.run(["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True,
                                text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN_START
    return result.stdout.strip() or UNKNOWN_START


def _windows_process_start(pid: int) -> str | None:
    """The process's creation time from the Windows kernel (100 ns ticks since 1601)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE] + [ctypes.POINTER(wintypes.FILETIME)] * 4
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    query_limited_information, access_denied, still_active = 0x1000, 5, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        # Access denied: it exists (another user's); anything else: there is no such process.
        return UNKNOWN_START if ctypes.get_last_error() == access_denied else None
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != still_active:
            return None  # ended, its handle still held open by someone
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return UNKNOWN_START
        return str((times[0].dwHighDateTime << 32) | times[0].dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


# -- this session ----------------------------------------------------------------------

def _me() -> LockInfo:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    return LockInfo(socket.gethostname(), user, os.getpid(),
                    datetime.now(UTC).isoformat(timespec="seconds"), own_start())


def session_tag() -> str:
    """Names this session's temporary files so that a later session can tell whether the
    one that made them still runs: machine (hashed), process id, its start (hashed)."""
    return tag_for(socket.gethostname(), os.getpid(), own_start())


def tag_for(host: str, pid: int, started: str) -> str:
    return f"{_short(host)}-{pid}-{_short(started)}"


def tag_alive(tag: str) -> bool | None:
    """Whether the session of `tag` runs; None when it is another machine's (unknowable)."""
    try:
        host, pid, started = tag.split("-")
        pid_number = int(pid)
    except ValueError:
        return None
    if host != _short(socket.gethostname()):
        return None
    start = process_start(pid_number)
    if start is None:
        return False
    return start == UNKNOWN_START or _short(start) == started


def _short(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:8]


# -- the lock file ---------------------------------------------------------------------

def read(path: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_path(path).read_text("utf-8"))
        return LockInfo(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["time"]),
                        str(data.get("started") or ""))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _is_mine(info: LockInfo) -> bool:
    me = _me()
    return (info.host == me.host and info.pid == me.pid
            and (not info.started or info.started == me.started))


def _is_live(info: LockInfo) -> bool:
    """The session that wrote `info` may still have the cohort open."""
    try:
        age = datetime.now(UTC) - datetime.fromisoformat(info.time)
    except (ValueError, TypeError):
        return False
    if age > FRESH_FOR:
        return False
    if info.host != socket.gethostname():
        return True  # another machine: only its age can tell
    return process_alive(info.pid, info.started)


def held_by_other(path: Path) -> LockInfo | None:
    """A fresh lock of another machine or another running app on this one, if any."""
    info = read(path)
    if info is None or _is_mine(info) or not _is_live(info):
        return None
    return info


def take(path: Path) -> None:
    """Write our lock, or renew it; never over the lock of another session still open."""
    if held_by_other(path):
        return  # its owner keeps warning others; ours is taken when it closes
    target = lock_path(path)
    tmp = target.with_name(f".{target.name}.{session_tag()}.tmp")
    try:
        tmp.write_text(json.dumps(_me().__dict__), "utf-8")
        os.replace(tmp, target)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: saving will say so; the lock is only advice


def release(path: Path) -> None:
    """Remove our own lock (or a stale one); another open session's stays."""
    info = read(path)
    if info and (_is_mine(info) or not _is_live(info)):
        try:
            lock_path(path).unlink()
        except OSError:
            pass
