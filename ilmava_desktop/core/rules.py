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
