"""core, storage, services, reports and the CLI never import PySide6 or qasync."""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ilmava_desktop"
QT_FREE = ["core", "storage", "services", "reports", "i18n"]

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'qasync'):
            raise ImportError('Qt imported by a Qt-free layer: ' + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib, ilmava_desktop
for layer in %r:
    pkg = importlib.import_module('ilmava_desktop.' + layer)
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        importlib.import_module(info.name)
import ilmava_desktop.cli
import ilmava_desktop.resources
print('clean')
"""


def test_qt_free_layers_import_without_qt():
    result = subprocess.run([sys.executable, "-c", BLOCKER % QT_FREE], capture_output=True,
                            text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout


def test_cli_runs_a_command_without_qt(tmp_path):
    code = BLOCKER % [] + (
        "\nimport os; os.environ['ILMAVA_DATA_DIR'] = %r"
        "\nfrom ilmava_desktop.cli import main"
        "\nassert main(['demo', %r]) == 0"
        "\nassert main(['info', %r]) == 0"
    ) % (str(tmp_path / "data"), str(tmp_path / "d.ilmava"), str(tmp_path / "d.ilmava"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
