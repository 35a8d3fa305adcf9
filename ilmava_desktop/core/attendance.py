"""The rules of checking people in: a day's limits per municipality and finding a person."""

from __future__ import annotations

import re
import unicodedata

from ilmava_desktop.core.rules import ABSOLUTE_MAX_ATTENDANCE, RuleViolation
from ilmava_desktop.i18n import _

UNDER, WITHIN, OVER = "under", "within", "over"
# What a badge's QR code holds: the programme, the cohort and the person's token,
# so a badge of another cohort is recognised as such rather than "unknown".
BADGE_PREFIX = "ILMAVA"


def badge_code(cohort_id: str, token: str) -> str:
    return f"{BADGE_PREFIX}:{cohort_id[:8]}:{token}"


def parse_badge(text: str) -> tuple[str, str] | None:
    """(cohort prefix, token) of a scanned badge; None if the text is not a badge."""
    parts = text.strip().split(":")
    if len(parts) == 3 and parts[0].upper() == BADGE_PREFIX and parts[1] and parts[2]:
        return parts[1].lower(), parts[2].upper()
    return None


def limit_state(present: int, minimum: int, maximum: int) -> str:
    if present < minimum:
        return UNDER
    return OVER if present > maximum else WITHIN


class OverLimit(RuleViolation):
    """A check-in that would put a municipality over the day's maximum (or over five)."""

    def __init__(self, message: str, can_override: bool):
        super().__init__(message)
        self.can_override = can_override


def check_room_for_one_more(municipality: str, present: int, maximum: int,
                            override: bool) -> bool:
    """Whether this check-in overrides the day's maximum; raises if it may not happen."""
    if present + 1 > ABSOLUTE_MAX_ATTENDANCE:
        raise OverLimit(_("{municipality} already has {present} people here; no municipality may "
                          "have more than {cap} on a day.").format(
            municipality=municipality, present=present, cap=ABSOLUTE_MAX_ATTENDANCE),
            can_override=False)
    if present + 1 > maximum:
        if not override:
            raise OverLimit(_("{municipality} already has {present} of its {maximum} places "
                              "today.").format(municipality=municipality, present=present,
                                              maximum=maximum), can_override=True)
        return True
    return False


def _plain_words(text: str) -> list[str]:
    # Accents go ("hameenlinna" finds Hämeenlinna, "borga" Borgå): at the door people type
    # fast on whatever keyboard the venue's laptop has.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


_WORD = re.compile(r"[^\W_]+")


def search_key(text: str) -> str:
    """What a person is found by: each word of it preceded by a space, so that a typed word
    is looked for at the start of a word with one substring test."""
    return "".join(" " + word for word in _plain_words(text))


def search_words(query: str) -> list[str]:
    """The typed words, each ready to be found at the start of a word of a search key."""
    return [" " + word for word in _plain_words(query)]


def matches(words: list[str], search_text: str) -> bool:
    """Every typed word starts some word of the person's name, municipality or role
    ("erkki" does not find Esimerkki; "esim" does)."""
    return all(word in search_text for word in words)
