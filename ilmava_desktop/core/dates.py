"""Dates as Finns and Swedes write them: d.m.yyyy, no leading zeros."""

from __future__ import annotations

from datetime import date


def format_date(value: date | None) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""
