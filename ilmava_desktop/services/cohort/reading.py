"""Plain rows of a cohort for the command line's listings (read-only; never writes)."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core.model import Cohort
from ilmava_desktop.services.cohort.create import info as session_info
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
            "status": m.status,
        }
        for m in queries.municipalities(db)
    ]


def people_rows(path: Path) -> list[dict]:
    db = read_only(path)
    codes = {m.id: m.code for m in queries.municipalities(db)}
    return [
        {"id": p.id, "name": p.name, "municipality": codes[p.municipality_id], "role": p.role,
         "title": p.title, "email": p.email, "language": p.language, "token": p.token}
        for p in queries.people(db)
    ]


def attendance_summary(path: Path, day_number_or_id: str) -> dict:
    from ilmava_desktop.services import attendance

    session = _ReadOnlySession(path)
    day = attendance.find_day(session.db, day_number_or_id)
    number = [d.id for d in queries.days(session.db)].index(day.id) + 1
    groups = attendance.overview(session, day)
    return {
        "day": {"number": number, "id": day.id, "date": day.date.isoformat() if day.date else None,
                "title": day.title, "venue": day.venue, "min": day.min_attendance,
                "max": day.max_attendance},
        "municipalities": [
            {"code": g.code, "name": g.name, "present": g.present, "invited": g.invited,
             "min": g.minimum, "max": g.maximum, "state": g.state}
            for g in groups
        ],
        "present": sum(g.present for g in groups),
        "invited": sum(g.invited for g in groups),
        "not_invited_present": sum(g.not_invited_present for g in groups),
    }


def day_rows(path: Path) -> list[dict]:
    db = read_only(path)
    return [
        {"number": number, "id": d.id, "date": d.date.isoformat() if d.date else None,
         "period": d.period, "title": d.title, "title_sv": d.title_sv, "title_en": d.title_en,
         "venue": d.venue, "audience": d.audience,
         "min": d.min_attendance, "max": d.max_attendance, "invitees": d.invitees,
         "invited": queries.invited_count(db, d.id)}
        for number, d in enumerate(queries.days(db), start=1)
    ]


def cohort(db) -> Cohort:
    """The open cohort's own row: name, programme, year, language, whether it is the demo."""
    return queries.cohort(db)
