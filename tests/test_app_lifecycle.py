"""The one start-up and shut-down path, run for real in a child process."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
    assert "painted" in result.stdout
    assert "Traceback" not in result.stderr
