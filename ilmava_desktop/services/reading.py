"""Plain rows of a cohort for the command line's listings (read-only; never writes)."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.services.cohorts import info as session_info
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.cohort_file import read_only


class _ReadOnlySession:
    def __init__(self, path: Path):
        self.db = read_only(path)


def info(path: Path) -> dict:
    return session_info(_ReadOnlySession(path))


def municipality_rows(path: Path) -> list[dict]:
    db = read_only(path)
    counts = queries.people_counts(db)
    return [
        {
            "code": m.code, "name": m.name(), "name_fi": m.name_fi, "name_sv": m.name_sv,
            "region": m.region_fi, "language": m.main_language, "theme": m.theme,
            "wicked_problem": m.wicked_problem, "council_target": m.council_target,
            "current_state": m.current_state, "challenges": m.challenges,
            "own_funding_paid": m.own_funding_paid, "people": counts.get(m.id, 0),
        }
        for m in queries.municipalities(db)
    ]


def people_rows(path: Path) -> list[dict]:
    db = read_only(path)
    codes = {m.id: m.code for m in queries.municipalities(db)}
    return [
        {"id": p.id, "name": p.name, "municipality": codes[p.municipality_id], "role": p.role,
         "title": p.title, "email": p.email, "language": p.language}
        for p in queries.people(db)
    ]
