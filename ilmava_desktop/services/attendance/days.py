"""The days of a cohort's programme and their attendance limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.invitations import ALL, AUDIENCES
from ilmava_desktop.core.model import Day
from ilmava_desktop.core.municipality_names import name_key
from ilmava_desktop.core.rules import RuleViolation, check_day_limits, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.services.attendance.invitations import invite_audience
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, derived_id


def put_day(tx: Transaction, period: int, title: str, day_date: date | None, venue: str,
            audience: str, min_attendance: int, max_attendance: int,
            day_id: str | None = None, invitees: str = ALL, title_sv: str = "",
            title_en: str = "") -> str:
    """Add a day (inviting its audience's people) or change one (its invitations as they
    are: the facilitator may have adjusted them by hand)."""
    if invitees not in AUDIENCES:
        raise RuleViolation(_("There is no audience “{audience}”.").format(audience=invitees))
    check_day_limits(min_attendance, max_attendance)
    if not clean_text(title) and day_date is None:
        raise RuleViolation(_("A day needs a date or a title."))
    _refuse_a_twin(tx.db, day_id, clean_text(title), day_date, clean_text(venue))
    row_id = day_id or derived_id(tx.db, "day", day_date.isoformat() if day_date else "",
                                  name_key(title))
    is_new = day_id is None
    tx.put("day", {
        "id": row_id, "period": period, "title": clean_text(title),
        "date": day_date.isoformat() if day_date else None, "venue": clean_text(venue),
        "audience": clean_text(audience), "min_attendance": min_attendance,
        "max_attendance": max_attendance, "deleted": 0, "invitees": invitees,
        "title_sv": clean_text(title_sv), "title_en": clean_text(title_en),
    })
    if is_new:
        invite_audience(tx, row_id, invitees)
    return row_id


def _refuse_a_twin(db, day_id: str | None, title: str, day_date: date | None,
                   venue: str) -> None:
    """Two days of the same date, venue and title would split one day's check-ins and
    invitations between them; the second is refused."""
    same = (day_date, name_key(venue), name_key(title))
    for other in queries.days(db):
        if other.id != day_id and (other.date, name_key(other.venue), name_key(other.title)) == same:
            raise RuleViolation(_("The cohort already has this day: {date} {venue} “{title}”. "
                                  "Change the date, the venue or the title, or edit that day.")
                                .format(date=format_date(day_date), venue=venue, title=title))


def add_day(session: CohortSession, *, title: str, day_date: date | None, venue: str = "",
            audience: str = "", min_attendance: int, max_attendance: int,
            period: int = 1, invitees: str = ALL, title_sv: str = "",
            title_en: str = "") -> Changes:
    label = format_date(day_date) or title
    return session.write(_("Add day {day}").format(day=label), lambda tx: put_day(
        tx, period, title, day_date, venue, audience, min_attendance, max_attendance,
        invitees=invitees, title_sv=title_sv, title_en=title_en))


def update_day(session: CohortSession, day_id: str, *, title: str, day_date: date | None,
               venue: str = "", audience: str = "", min_attendance: int, max_attendance: int,
               period: int = 1, invitees: str = ALL, title_sv: str | Keep = KEEP,
               title_en: str | Keep = KEEP) -> Changes:
    """Change a day; its Swedish and English titles stay as they are unless given."""
    current = queries.day(session.db, day_id)
    if current is None:
        raise RuleViolation(_("The day is no longer in the cohort."))
    label = format_date(day_date) or title
    return session.write(_("Edit day {day}").format(day=label), lambda tx: put_day(
        tx, period, title, day_date, venue, audience, min_attendance, max_attendance,
        day_id=day_id, invitees=invitees,
        title_sv=current.title_sv if title_sv is KEEP else title_sv,
        title_en=current.title_en if title_en is KEEP else title_en))


def remove_day(session: CohortSession, day_id: str) -> Changes:
    """Remove a day (a tombstone: undo brings it back with its check-ins)."""
    day = queries.day(session.db, day_id)
    if day is None:
        raise RuleViolation(_("The day is no longer in the cohort."))
    return session.write(_("Remove day {day}").format(day=format_date(day.date) or day.title),
                         lambda tx: tx.tombstone("day", day_id))


# -- reading -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DayContents:
    """What removing a day would take out of the reports (until undone)."""

    check_ins: int
    invitations: int


def day_contents(db, day_id: str) -> DayContents:
    return DayContents(check_ins=len(queries.attendance(db, day_id)),
                       invitations=len(queries.invited(db, day_id)))


def days(db) -> list[Day]:
    """The cohort's days in date order (their numbers on the command line)."""
    return queries.days(db)


def day(db, day_id: str) -> Day | None:
    return queries.day(db, day_id)
