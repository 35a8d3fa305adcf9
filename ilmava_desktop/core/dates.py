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


def format_time(moment: datetime, language: str | None = None) -> str:
    """A time of day as the window writes it: 9.05 (9:05 in English)."""
    separator = ":" if (language or current_language()) == "en" else "."
    return f"{moment.hour}{separator}{moment.minute:02d}"


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
