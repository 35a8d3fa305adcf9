"""Whether a session still runs: process id and start time, on POSIX and (simulated) Windows.

A crashed session's working copy must be offered for recovery (and may be thrown
away), a running one's never; an id handed on to another program after a crash
proves nothing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import pytest
from fault_helpers import ROOT, codes, crash, ended_pid, pretend_state_of, small_cohort

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.storage import locks
from ilmava_desktop.storage.cohort_file import recoverable
from ilmava_desktop.storage.errors import CohortFileError

WINDOWS_PID, WINDOWS_START = 4242, "133772211000000000"


class WindowsOs:
    """The os module as the Windows branch sees it; everything but the name is real."""

    name = "nt"

    def __getattr__(self, attr):
        return getattr(os, attr)


@pytest.fixture
def crashed(tmp_path):
    """A cohort with unsaved work whose app died."""
    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    session = CohortSession.open(path)
    add_municipality(session, "398")
    crash(session)
    return path


def on_windows(monkeypatch, running: dict[int, str]) -> None:
    monkeypatch.setattr(locks, "os", WindowsOs())
    monkeypatch.setattr(locks, "_windows_process_start", lambda pid: running.get(pid))


def test_windows_offers_recovery_after_a_crash_and_lets_it_be_discarded(crashed, monkeypatch):
    pretend_state_of(crashed, pid=WINDOWS_PID, started=WINDOWS_START)
    on_windows(monkeypatch, running={})
    found = recoverable(crashed)
    assert found is not None
    reopened = CohortSession.open(crashed, recover=False)
    assert codes(reopened) == ["091", "638"]
    reopened.close()


def test_windows_recovers_the_work_of_a_crashed_session(crashed, monkeypatch):
    pretend_state_of(crashed, pid=WINDOWS_PID, started=WINDOWS_START)
    on_windows(monkeypatch, running={})
    reopened = CohortSession.open(crashed, recover=True)
    assert codes(reopened) == ["091", "398", "638"]
    reopened.close()


def test_windows_keeps_a_running_sessions_copy(crashed, monkeypatch):
    pretend_state_of(crashed, pid=WINDOWS_PID, started=WINDOWS_START)
    on_windows(monkeypatch, running={WINDOWS_PID: WINDOWS_START})
    assert recoverable(crashed) is None
    with pytest.raises(CohortFileError, match="already open"):
        CohortSession.open(crashed, recover=False)


def test_windows_pid_reused_by_another_program_is_not_the_session(crashed, monkeypatch):
    pretend_state_of(crashed, pid=WINDOWS_PID, started=WINDOWS_START)
    on_windows(monkeypatch, running={WINDOWS_PID: "133772299999999999"})
    assert recoverable(crashed) is not None


def test_posix_pid_reused_by_another_program_is_not_the_session(crashed):
    # The parent of this test runs, but it is not the process that wrote the copy.
    pretend_state_of(crashed, pid=os.getppid(), started="another boot:12345")
    assert recoverable(crashed) is not None
    reopened = CohortSession.open(crashed, recover=True)
    assert codes(reopened) == ["091", "398", "638"]
    reopened.close()


def test_an_ended_process_holds_nothing(crashed):
    pretend_state_of(crashed, pid=ended_pid(), started="")
    assert recoverable(crashed) is not None


def test_a_zombie_or_missing_start_time_is_handled(monkeypatch):
    assert locks.process_alive(os.getpid(), locks.own_start())
    assert not locks.process_alive(os.getpid(), "another boot:1")
    assert not locks.process_alive(ended_pid())
    assert not locks.process_alive(0) and not locks.process_alive(-5)


CHILD = textwrap.dedent("""
    import sys
    from ilmava_desktop.services.municipalities import add_municipality
    from ilmava_desktop.services.cohort.session import CohortSession
    session = CohortSession.open(sys.argv[1])
    add_municipality(session, "398")
    print("ready", flush=True)
    sys.stdin.readline()
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX kill")
def test_a_session_in_another_process_is_in_use_until_it_is_killed(tmp_path):
    path = small_cohort(tmp_path / "kevät.ilmava")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        assert recoverable(path) is None
        with pytest.raises(CohortFileError, match="already open"):
            CohortSession.open(path, recover=False)
        assert locks.held_by_other(path).pid == child.pid
    finally:
        child.kill()
        child.wait()
    assert locks.held_by_other(path) is None  # its process is gone: the lock is stale
    assert recoverable(path) is not None
    reopened = CohortSession.open(path, recover=True)
    assert codes(reopened) == ["091", "398", "638"]
    assert locks.read(path).pid == os.getpid()
    reopened.close()


# -- item 13: a lock is removed only by its owner, or when proven stale --------------------

def test_another_machines_command_leaves_the_open_sessions_lock(tmp_path, monkeypatch, capsys):
    from ilmava_desktop import cli

    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    session = CohortSession.open(path)
    mine = locks.read(path)
    with monkeypatch.context() as other:
        # The same stick on another laptop: its own app-data folder, its own host name.
        other.setenv("ILMAVA_DATA_DIR", str(tmp_path / "other-laptop"))
        other.setattr("socket.gethostname", lambda: "toinen-kone")
        assert cli.main(["--lang", "en", "day", "add", str(path), "--date", "2027-01-27",
                         "--min", "1", "--max", "3"]) == 0
        assert "is open on" in capsys.readouterr().err
    assert locks.read(path) == mine
    with monkeypatch.context() as third:
        third.setattr("socket.gethostname", lambda: "kolmas-kone")
        assert locks.held_by_other(path) == mine  # a third laptop is still warned
    session.close(save=False)
    assert locks.read(path) is None


def write_lock(path, host, pid, started, time=None):
    import json

    locks.lock_path(path).write_text(json.dumps({
        "host": host, "user": "x", "pid": pid, "started": started,
        "time": time or datetime.now(UTC).isoformat(timespec="seconds")}), "utf-8")


def test_a_lock_of_an_ended_session_on_this_machine_is_stale(tmp_path):
    import socket

    path = small_cohort(tmp_path / "kevät.ilmava")
    write_lock(path, socket.gethostname(), ended_pid(), "")
    assert locks.held_by_other(path) is None
    session = CohortSession.open(path)
    assert locks.read(path).pid == os.getpid()
    session.close()
    assert locks.read(path) is None


def test_a_running_sessions_lock_on_this_machine_is_neither_replaced_nor_removed(tmp_path):
    import socket

    path = small_cohort(tmp_path / "kevät.ilmava")
    parent = os.getppid()
    write_lock(path, socket.gethostname(), parent, locks.process_start(parent))
    locks.take(path)
    locks.release(path)
    assert locks.read(path).pid == parent
    assert locks.held_by_other(path).pid == parent


def test_an_old_lock_of_another_machine_is_stale(tmp_path):
    path = small_cohort(tmp_path / "kevät.ilmava")
    write_lock(path, "toinen-kone", 77, "", time="2020-01-01T00:00:00+00:00")
    assert locks.held_by_other(path) is None
    locks.take(path)
    assert locks.read(path).pid == os.getpid()
