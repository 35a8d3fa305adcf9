"""The user's preferences (language, recent cohorts), kept apart from window state."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ilmava_desktop.storage.locations import data_dir

RECENT_LIMIT = 8


def _path() -> Path:
    return data_dir() / "preferences.json"


def load() -> dict:
    try:
        data = json.loads(_path().read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save(data: dict) -> None:
    tmp = _path().with_suffix(".tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, _path())
    except OSError:
        pass  # preferences are a convenience; never stop the work for them


def recent() -> list[Path]:
    return [Path(p) for p in load().get("recent", []) if isinstance(p, str)]


def remember(path: Path, *, name: str = "", programme: str | dict[str, str] = "") -> list[Path]:
    """A cohort just opened, first among the recent ones, with what the start page shows of
    it (its name, its programme, when it was opened) so that listing it reads no file. The
    programme's name by language ({"fi": …, "sv": …, "en": …}), or one name."""
    from datetime import datetime

    data = load()
    resolved = str(Path(path).resolve())
    data["recent"] = [resolved] + [p for p in data.get("recent", []) if p != resolved]
    data["recent"] = data["recent"][:RECENT_LIMIT]
    details = data.get("recent_details") if isinstance(data.get("recent_details"), dict) else {}
    details[resolved] = {"name": name, "programme": programme,
                         "opened": datetime.now().astimezone().isoformat(timespec="seconds")}
    data["recent_details"] = {p: details[p] for p in data["recent"] if p in details}
    save(data)
    return recent()


def recent_details(path: Path) -> dict[str, str | dict[str, str]]:
    """{"name", "programme", "opened"} of a recent cohort as remembered ("" where unknown);
    the programme's name by language where it was remembered so."""
    details = load().get("recent_details")
    found = details.get(str(path)) if isinstance(details, dict) else None
    found = found if isinstance(found, dict) else {}
    kept: dict[str, str | dict[str, str]] = {
        key: str(found.get(key) or "") for key in ("name", "programme", "opened")}
    if isinstance(found.get("programme"), dict):
        kept["programme"] = {str(k): str(v) for k, v in found["programme"].items()}
    return kept


def language() -> str | None:
    value = load().get("language")
    return value if isinstance(value, str) else None


def error_log() -> Path:
    """Where the window and the command line write what went wrong unexpectedly (the user
    sees one sentence)."""
    return data_dir() / "ilmava-desktop.log"


def geometry(name: str) -> str | None:
    """A window's or dialog's last size and place on screen, as Qt wrote it (base64)."""
    value = load().get("geometry", {})
    found = value.get(name) if isinstance(value, dict) else None
    return found if isinstance(found, str) else None


def remember_geometry(name: str, value: str) -> None:
    data = load()
    kept = data.get("geometry") if isinstance(data.get("geometry"), dict) else {}
    data["geometry"] = {**kept, name: value}
    save(data)
