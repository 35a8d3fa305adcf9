"""Dates as Finns and Swedes write them: d.m.yyyy, no leading zeros."""

from __future__ import annotations

from datetime import date, datetime


def format_date(value: date | None) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def format_time(moment: datetime) -> str:
    """A time of day as the window writes it: 9.05."""
    return f"{moment.hour}.{moment.minute:02d}"


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
