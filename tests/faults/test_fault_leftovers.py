"""Temporary files and journals do not pile up beside the cohort: a session removes its
own, and opening removes those of sessions that ended, never a running session's."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time

from fault_helpers import ROOT, codes, ended_pid, files_beside, small_cohort

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.storage import locks
from ilmava_desktop.storage.cohort_file import recoverable


def temp_beside(path, tag, suffix="", lock=False, age=0.0):
    name = f".{path.name}.{'lock.' if lock else ''}{tag}.tmp{suffix}"
    leftover = path.with_name(name)
    leftover.write_bytes(b"\0" * 4096)
    if age:
        os.utime(leftover, (time.time() - age, time.time() - age))
    return name


def test_opening_removes_ended_sessions_leftovers_and_keeps_running_ones(tmp_path):
    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    host = socket.gethostname()
    dead = locks.tag_for(host, ended_pid(), "boot:1")
    parent = os.getppid()
    running = locks.tag_for(host, parent, locks.process_start(parent))
    reused = locks.tag_for(host, parent, "another boot:1")  # the id now another program's
    removed = [temp_beside(path, dead), temp_beside(path, dead, "-journal"),
               temp_beside(path, dead, "-wal"), temp_beside(path, dead, lock=True),
               temp_beside(path, reused),
               temp_beside(path, locks.tag_for("toinen-kone", 76, "x"), age=7200)]
    kept = [temp_beside(path, running), temp_beside(path, running, "-journal"),
            temp_beside(path, locks.tag_for("toinen-kone", 77, "x")),  # a save in progress
            temp_beside(path, "12345", age=60)]
    (path.parent / "muistiinpanot.txt").write_text("keep")
    session = CohortSession.open(path)
    beside = files_beside(path)
    assert not set(removed) & set(beside)
    assert set(kept) <= set(beside)
    assert "muistiinpanot.txt" in beside
    session.close()


def test_a_session_removes_its_own_leftovers_on_close(tmp_path):
    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    session = CohortSession.open(path)
    temp_beside(path, locks.session_tag())
    temp_beside(path, locks.session_tag(), "-journal")
    session.close()
    assert files_beside(path) == [path.name]


KILLED_DURING_SAVE = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from ilmava_desktop.services.municipalities import add_municipality
    from ilmava_desktop.services.cohort.session import CohortSession
    path = Path(sys.argv[1])
    session = CohortSession.open(path)
    add_municipality(session, "398")
    real = os.replace
    def replace(src, dst, *args, **kwargs):
        if Path(dst) == path:
            os._exit(9)  # killed just before the swap: the checked temporary file is left
        return real(src, dst, *args, **kwargs)
    os.replace = replace
    session.save()
""")


def test_a_save_killed_before_the_swap_leaves_nothing_after_the_next_open(tmp_path):
    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    subprocess.run([sys.executable, "-c", KILLED_DURING_SAVE, str(path)], cwd=ROOT,
                   env=os.environ.copy(), check=False, timeout=60)
    assert any(name.endswith(".tmp") for name in files_beside(path))
    assert recoverable(path) is not None  # its process has ended
    session = CohortSession.open(path, recover=True)
    assert not any(name.endswith(".tmp") for name in files_beside(path))
    assert codes(session) == ["091", "398", "638"]
    session.close()
    assert files_beside(path) == [path.name]
