"""Dates as each language writes them: 28.11.2026 and 9.05 in Finnish and Swedish (no
leading zeros), 28 Nov 2026 and 9:05 in English, whose readers would take 1.5.2027 for
January. One format per language, in the window, the command line and every document."""

from __future__ import annotations

from datetime import date, datetime

from ilmava_desktop.i18n import current_language

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")


def format_date(value: date | None, language: str | None = None) -> str:
    if not value:
        return ""
    if (language or current_language()) == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def parse_date(text: str) -> date | None:
    """A date as the window writes it in any of its languages, 28.1.2027 or 28 Jan 2027
    (28 January 2027), or ISO 2027-01-28; None for an empty text. ValueError otherwise."""
    text = text.strip().rstrip(".")
    if not text:
        return None
    parts = text.replace(",", " ").split()
    if len(parts) == 3 and parts[1][:3].capitalize() in MONTHS_EN:
        return date(int(parts[2]), MONTHS_EN.index(parts[1][:3].capitalize()) + 1,
                    int(parts[0]))
    if "." in text:
        day, month, year = (int(part) for part in text.split("."))
        return date(year, month, day)
    return date.fromisoformat(text)


def format_range(start: date, end: date, language: str | None = None) -> str:
    """A span of days: 1.5.–31.8.2026 (1 May – 31 Aug 2026 in English); the year once when
    both ends share it."""
    if (language or current_language()) == "en":
        first = (f"{start.day} {MONTHS_EN[start.month - 1]}" if start.year == end.year
                 else format_date(start, "en"))
        return f"{first} – {format_date(end, 'en')}"
    first = (f"{start.day}.{start.month}." if start.year == end.year
             else format_date(start, language))
    return f"{first}–{format_date(end, language)}"


def format_time(moment: datetime, language: str | None = None) -> str:
    """A time of day as the window writes it: 9.05 (9:05 in English)."""
    separator = ":" if (language or current_language()) == "en" else "."
    return f"{moment.hour}{separator}{moment.minute:02d}"


def format_minutes(minutes: int, language: str | None = None) -> str:
    """A time of day given in minutes after midnight, as the window writes times: 9.45
    (9:45 in English). A schedule keeps its times as "09:45"; this is how they are read."""
    separator = ":" if (language or current_language()) == "en" else "."
    return f"{minutes // 60}{separator}{minutes % 60:02d}"


def format_moment(iso: str) -> str:
    """An ISO time stamp as the laptop's local day and time, "28.11.2026 8.05"; "" for none
    or a value that is not a time."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{format_date(moment.date())} {format_time(moment)}"
