"""core, storage, services, reports, i18n and the CLI never import PySide6 or qasync.

Each check runs in a fresh interpreter with an import hook that refuses Qt, so a single
stray `import PySide6` anywhere in those layers fails it.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ["core", "storage", "services", "reports", "i18n", "commands"]

REFUSE_QT = """
import importlib.abc, sys
class RefuseQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'qasync'):
            raise ImportError('Qt imported by a Qt-free layer: ' + name)
sys.meta_path.insert(0, RefuseQt())
"""


def run_without_qt(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", REFUSE_QT + code], capture_output=True,
                          text=True, cwd=ROOT)


def test_qt_free_layers_import_without_qt():
    result = run_without_qt(f"""
import importlib, pkgutil
for layer in {QT_FREE!r}:
    package = importlib.import_module('ilmava_desktop.' + layer)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):
        if not info.name.endswith('.__main__'):  # a script: importing it runs it
            importlib.import_module(info.name)
import ilmava_desktop.cli, ilmava_desktop.resources
print('clean')
""")
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout


def test_the_refusing_hook_does_catch_qt():
    result = run_without_qt("import ilmava_desktop.ui.main_window")
    assert result.returncode != 0 and "Qt imported by a Qt-free layer" in result.stderr


def test_cli_runs_commands_without_qt(tmp_path):
    cohort = str(tmp_path / "d.ilmava")
    result = run_without_qt(f"""
import os
os.environ['ILMAVA_DATA_DIR'] = {str(tmp_path / 'data')!r}
from ilmava_desktop.cli import main
assert main(['demo', {cohort!r}]) == 0
assert main(['info', {cohort!r}]) == 0
""")
    assert result.returncode == 0, result.stderr
