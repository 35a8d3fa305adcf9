"""Bundled files (data, fonts, icons), found through one lookup that fails loudly.

The folder is `resources/` at the top of the checkout. An installed package (a wheel,
`pip install .`, pipx) carries it as `ilmava_desktop/_resources`; in the PyInstaller
bundle it sits beside the executable's own files (sys._MEIPASS).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from functools import cache
from importlib.resources import files
from pathlib import Path

from ilmava_desktop.core.municipality_names import OfficialMunicipality


class ResourceMissing(LookupError):
    pass


def _candidate_roots() -> list[Path]:
    roots = []
    if env := os.environ.get("ILMAVA_RESOURCES"):
        roots.append(Path(env))
    if bundle := getattr(sys, "_MEIPASS", None):
        roots.append(Path(bundle) / "resources")
    # Installed: the package's own copy. Only real folders count (the app never runs
    # from a zip), so a path can be handed to reportlab, Qt and sqlite alike.
    installed = files("ilmava_desktop") / "_resources"
    if installed.is_dir():
        roots.append(Path(str(installed)))
    # A checkout, installed editable or run from the source tree.
    roots.append(Path(__file__).resolve().parent.parent / "resources")
    return roots


def resource_path(name: str) -> Path:
    """The path of a bundled file, e.g. 'data/wicked_problem_themes.json'."""
    for root in _candidate_roots():
        path = root / name
        if path.exists():
            return path
    known = sorted(
        str(p.relative_to(root)) for root in _candidate_roots() if root.is_dir()
        for p in root.rglob("*") if p.is_file()
    )
    raise ResourceMissing(f"resource {name!r} not found; known: {', '.join(known) or 'none'}")


@cache
def official_municipalities() -> tuple[OfficialMunicipality, ...]:
    """The 308 municipalities of Statistics Finland's 2026 classification (CC BY 4.0)."""
    with resource_path("data/municipalities_fi_2026.csv").open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = csv.DictReader(lines)
    return tuple(
        OfficialMunicipality(
            code=row["code"].strip().zfill(3),
            name_fi=row["name_fi"].strip(),
            name_sv=row["name_sv"].strip(),
            name_en=row["name_en"].strip(),
            region_code=row["region_code"].strip(),
            region_fi=row["region_fi"].strip(),
            region_sv=row["region_sv"].strip(),
            region_en=row["region_en"].strip(),
            language_status=int(row["language_status"]),
        )
        for row in rows
    )


@cache
def wicked_problem_themes() -> dict[str, dict[str, str]]:
    """Theme id -> labels {'fi', 'sv', 'en'}, in the file's order."""
    data = json.loads(resource_path("data/wicked_problem_themes.json").read_text("utf-8"))
    return {t["id"]: {k: t[k] for k in ("fi", "sv", "en")} for t in data["themes"]}
