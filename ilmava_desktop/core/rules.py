"""Rules of the programme that every way of editing a cohort must respect."""

from __future__ import annotations

import re

from ilmava_desktop.i18n import _

# Nobody may send more than five people to one day, whatever the day's own limit.
ABSOLUTE_MAX_ATTENDANCE = 5


class RuleViolation(ValueError):
    """An edit the programme does not allow; the message is for the user."""


def check_day_limits(minimum: int, maximum: int) -> None:
    if not 0 <= minimum <= maximum:
        raise RuleViolation(_("The minimum attendance must be between 0 and the maximum."))
    if not 1 <= maximum <= ABSOLUTE_MAX_ATTENDANCE:
        raise RuleViolation(
            _("The maximum attendance must be between 1 and {cap}.").format(
                cap=ABSOLUTE_MAX_ATTENDANCE
            )
        )


def whole_number(text: str, low: int, high: int) -> int | None:
    """The number written as plain digits (0-9) within low..high, else None.

    int() would also take "²"'s neighbours ("٣", "３"), underscores, and digits by the
    thousand, which then fail later or overflow SQLite; a spreadsheet cell means none of those.
    """
    written = text.strip().removeprefix("+")
    if not (written.isascii() and written.isdigit()):
        return None
    digits = written.lstrip("0") or "0"
    if len(digits) > len(str(high)):
        return None
    value = int(digits)
    return value if low <= value <= high else None


def excerpt(text: str, limit: int = 40) -> str:
    """A value quoted back to the user in one line: a runaway cell would drown the sentence
    around it, and a line break or control character in it would break the line."""
    text = _CONTROL.sub("\ufffd", re.sub(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]", " ", text))
    return text if len(text) <= limit else text[:limit - 1] + "…"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def check_email(email: str) -> None:
    if email and not _EMAIL.fullmatch(email):
        raise RuleViolation(_("“{email}” is not an e-mail address.").format(email=email))


def check_person_name(name: str) -> None:
    if not name.strip():
        raise RuleViolation(_("A person needs a name."))


def clean_text(text: str | None) -> str:
    """Collapse stray whitespace that spreadsheets and copy-paste leave behind."""
    return re.sub(r"\s+", " ", text or "").strip()
