"""An installed package (wheel, `pip install .`, pipx) carries everything the app reads.

CI also builds the real wheel and starts it in a fresh venv (.ci/run); these tests keep the
package list and the data globs whole, and prove the installed layout is found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_package_of_the_tree_is_listed():
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "ilmava_desktop").rglob("__init__.py")
    }
    assert set(SETUPTOOLS["packages"]) == on_disk | {"ilmava_desktop._resources"}


def test_every_resource_file_is_shipped():
    folder = ROOT / SETUPTOOLS["package-dir"]["ilmava_desktop._resources"]
    shipped = {
        path for pattern in SETUPTOOLS["package-data"]["ilmava_desktop._resources"]
        for path in folder.glob(pattern) if path.is_file()
    }
    assert shipped == {path for path in folder.rglob("*") if path.is_file()}


def installed_copy(target: Path) -> Path:
    """The package laid out as pip installs it: code and `_resources` inside, nothing
    of the checkout beside it."""
    site = target / "site-packages"
    shutil.copytree(ROOT / "ilmava_desktop", site / "ilmava_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", site / "ilmava_desktop" / "_resources")
    return site


def run_installed(site: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ILMAVA_RESOURCES"}
    env.update(PYTHONPATH=str(site), ILMAVA_DATA_DIR=str(data), ILMAVA_LANG="en")
    return subprocess.run([sys.executable, *args], cwd=site.parent, env=env,
                          capture_output=True, text=True, timeout=120)


def test_installed_package_finds_its_resources_and_writes_the_demo(tmp_path):
    site = installed_copy(tmp_path)
    found = run_installed(site, tmp_path / "data", "-c",
                          "from ilmava_desktop.resources import resource_path as r;"
                          "print(r('demo/esimerkkikohortti.ilmava'))")
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).is_relative_to(site / "ilmava_desktop" / "_resources")

    demo = run_installed(site, tmp_path / "data", "-m", "ilmava_desktop.cli", "demo",
                         str(tmp_path / "x.ilmava"))
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "x.ilmava").stat().st_size > 100_000
