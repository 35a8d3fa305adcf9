"""The one start-up and shut-down path, run for real in a child process."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
# Close every window once the demo is up: the same path as the user closing it.
QTimer.singleShot(2500, QApplication.closeAllWindows)
from ilmava_desktop.app import main
sys.exit(main(["--demo", "--lang", "sv"]))
"""


def test_window_starts_on_the_demo_and_shuts_down_cleanly(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILMAVA_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    demo = tmp_path / "demo" / "ILMAVA-esimerkki.ilmava"
    assert demo.exists()
    assert not demo.with_name(demo.name + ".lock").exists()  # released on close
    work = tmp_path / "work"
    assert not work.exists() or not any(p.is_file() for p in work.rglob("*"))  # nothing to recover


def test_the_real_start_path_paints_the_demo_and_closes_cleanly(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILMAVA_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "ilmava_desktop.app", "--demo",
                             "--startup-check"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    # The window's own first frame comes first; the cohort is read behind it.
    assert result.stdout.splitlines() == ["first frame", "painted"]
    assert "Traceback" not in result.stderr


FIRST_FRAME_IMPORTS = """
import sys
import ilmava_desktop.app
from ilmava_desktop.ui.main_window import MainWindow
later = ("sqlite_utils", "ilmava_desktop.services.cohort", "ilmava_desktop.storage.cohort_file",
         "ilmava_desktop.ui.municipalities")
print(" ".join(sorted(m for m in sys.modules if m.startswith(later))))
"""


def test_the_first_frame_needs_neither_the_database_nor_the_first_tool():
    """What keeps the window's first frame quick (bench startup): the cohort's modules,
    sqlite-utils among them, load after it is drawn."""
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME_IMPORTS], cwd=ROOT,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == []


def start(tmp_path, *args, timeout=60):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILMAVA_DATA_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "ilmava_desktop.app", *map(str, args)],
                          env=env, capture_output=True, text=True, timeout=timeout)


def test_a_startup_check_that_cannot_open_the_cohort_says_why_and_exits(tmp_path):
    """No box waits for OK when nobody is at the window (it used to wait forever)."""
    junk = tmp_path / "kevät.ilmava"
    junk.write_text("not a cohort")
    for mode in (["--startup-check"], ["--screenshots", tmp_path / "shots"]):
        result = start(tmp_path, junk, "--lang", "fi", *mode)
        assert result.returncode == 2
        assert ("ilmava-desktop: kevät.ilmava ei ole ILMAVA-kohorttitiedosto."
                in result.stderr.splitlines())
        assert "painted" not in result.stdout and "Traceback" not in result.stderr


def test_a_startup_check_on_a_crashed_cohort_does_not_ask_about_recovery(tmp_path):
    from ilmava_desktop.services.cohort.create import create_cohort
    from ilmava_desktop.storage import locations

    path = tmp_path / "syksy.ilmava"
    os.environ["ILMAVA_DATA_DIR"] = str(tmp_path)  # the fixture's folder is another
    try:
        create_cohort(path, "Syksy").close()
        folder = locations.working_dir(path)
    finally:
        del os.environ["ILMAVA_DATA_DIR"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cohort.sqlite").write_bytes(path.read_bytes())
    (folder / "state.json").write_text('{"dirty": true, "pid": 0, "mtime_ns": 0, "size": 0}')
    result = start(tmp_path, path, "--lang", "en", "--startup-check")
    assert result.returncode == 2
    assert "unsaved changes" in result.stderr and "Traceback" not in result.stderr


def test_the_window_help_is_in_the_chosen_language(tmp_path):
    result = start(tmp_path, "--lang", "sv", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("användning: ilmava-desktop")
    assert "öppna en ny kopia av exempelkohorten" in result.stdout
