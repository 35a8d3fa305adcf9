"""The days of a cohort's programme and their attendance limits."""

from __future__ import annotations

from datetime import date

from ilmava_desktop.core.rules import check_day_limits, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.services.session import Changes, CohortSession
from ilmava_desktop.storage.transaction import Transaction, new_id


def put_day(tx: Transaction, period: int, title: str, day_date: date | None, venue: str,
            audience: str, min_attendance: int, max_attendance: int,
            day_id: str | None = None) -> str:
    check_day_limits(min_attendance, max_attendance)
    row_id = day_id or new_id()
    tx.put("day", {
        "id": row_id, "period": period, "title": clean_text(title),
        "date": day_date.isoformat() if day_date else None, "venue": clean_text(venue),
        "audience": clean_text(audience), "min_attendance": min_attendance,
        "max_attendance": max_attendance,
    })
    return row_id


def add_day(session: CohortSession, **fields) -> Changes:
    return session.write(_("Add day"), lambda tx: put_day(tx, **fields))
