"""The cohort's interview guide, and the themes each visit covers.

The cohort uses the guide last imported, else the bundled 2021 energy-efficiency guide.
The guide's JSON is kept in the cohort file, so a cohort carries the questions its visits
were prepared with.
"""

from __future__ import annotations

import json
from pathlib import Path

from ilmava_desktop.core import guides as core
from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, os_errors
from ilmava_desktop.resources import resource_path
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.output_files import write_atomically
from ilmava_desktop.services.visits import Visit, _host, put_visit, visit
from ilmava_desktop.storage.transaction import stable_id

BUNDLED = "data/interview_guide_energy_efficiency_2021.json"
GUIDE_ROW = stable_id("interview_guide", "cohort")
MAX_GUIDE_BYTES = 2 * 1024 * 1024


def bundled_guide() -> core.Guide:
    return core.parse_guide(json.loads(resource_path(BUNDLED).read_text("utf-8")))


def guide(db) -> core.Guide:
    row = next(iter(db.query("SELECT body FROM interview_guide WHERE id = ? AND deleted = 0",
                             [GUIDE_ROW])), None)
    return core.parse_guide(json.loads(row["body"])) if row else bundled_guide()


def read_guide_file(path: Path) -> core.Guide:
    """A guide from a JSON file; UnusableFile with the reason when it is not one."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_GUIDE_BYTES:
            raise UnusableFile(_("{name} is too large to be an interview guide.").format(
                name=path.name))
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise UnusableFile(os_errors.read_failed(path, exc)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnusableFile(_("{name} is not a JSON file.").format(name=path.name)) from exc
    try:
        return core.parse_guide(data)
    except RuleViolation as exc:
        raise UnusableFile(f"{path.name}: {exc}") from exc


def import_guide(session: CohortSession, *, path: Path) -> Changes:
    """The cohort's visits use this guide from now on; themes no longer in it are dropped
    from the visits that chose them."""
    return _use_guide(session, read_guide_file(path), _("Import the interview guide"))


def check_guide(data: dict) -> core.Guide:
    """The guide as edited in the window, checked; RuleViolation says what is wrong."""
    return core.parse_guide({**data, "format": core.FORMAT})


def save_guide(session: CohortSession, *, data: dict) -> Changes:
    """The guide's texts as edited (themes and questions in fi/sv/en) become the cohort's."""
    return _use_guide(session, check_guide(data), _("Edit the interview guide"))


def guide_data(db) -> dict:
    """The cohort's guide as plain data to edit (what `save_guide` takes back)."""
    return core.guide_json(guide(db))


def _use_guide(session: CohortSession, chosen: core.Guide, description: str) -> Changes:
    body = json.dumps(core.guide_json(chosen), ensure_ascii=False)
    ids = {t.id for t in chosen.themes}

    def work(tx) -> None:
        tx.put("interview_guide", {"id": GUIDE_ROW, "key": chosen.key, "body": body,
                                   "deleted": 0})
        for row in tx.db.query("SELECT id, themes FROM visit WHERE deleted = 0"):
            themes = json.loads(row["themes"] or "[]")
            kept = [t for t in themes if t in ids]
            if kept != themes:
                tx.update("visit", row["id"], {"themes": json.dumps(kept)})

    return session.write(description, work)


def export_guide(db, *, path: Path) -> Path:
    data = json.dumps(core.guide_json(guide(db)), ensure_ascii=False, indent=2) + "\n"
    return write_atomically(Path(path), lambda tmp: tmp.write_bytes(data.encode("utf-8")))


def visit_themes(db, found: Visit) -> list[str]:
    """The guide themes a visit covers: chosen, else by default the host's development task
    theme and its two weakest self-assessment themes."""
    from ilmava_desktop.services.groups.pairs import theme_scores

    current = guide(db)
    ids = {t.id for t in current.themes}
    chosen = [t for t in found.themes if t in ids]
    if chosen:
        return chosen
    scores = theme_scores(db).get(found.host.id, {})
    weakest = sorted(scores, key=lambda t: scores[t])[:2]
    return core.default_themes(current, found.host.theme, weakest)


def set_themes(session: CohortSession, *, host_id: str, theme_ids: list[str]) -> Changes:
    host = _host(session.db, host_id)
    known = {t.id for t in guide(session.db).themes}
    for theme_id in theme_ids:
        if theme_id not in known:
            raise RuleViolation(_("The interview guide has no theme “{id}”; it has: "
                                  "{known}.").format(id=theme_id, known=", ".join(sorted(known))))
    ordered = [t.id for t in guide(session.db).themes if t.id in set(theme_ids)]
    return session.write(_("Themes of the visit to {municipality}").format(
        municipality=host.name()), lambda tx: put_visit(tx, host_id,
                                                        themes=json.dumps(ordered)))


def themes_of(db, host_id: str) -> list[str]:
    found = visit(db, host_id)
    return visit_themes(db, found) if found else []
