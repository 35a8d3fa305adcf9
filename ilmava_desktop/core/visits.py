"""Peer-review visits: who is interviewed, the review teams' sizes, and their limits.

Pure: plain data in, plain data out.
"""

from __future__ import annotations

from ilmava_desktop.core.municipality_names import name_key
from ilmava_desktop.core.roles import EXECUTIVE, POLITICAL, ROLES_BY_KEY, role_from_title
from ilmava_desktop.i18n import N_, _, ngettext

# The concept's numbers: a 2–3 person team reviews; 6–10 people are interviewed per visit.
TEAM_MIN, TEAM_MAX = 2, 3
INTERVIEWEES_MIN, INTERVIEWEES_MAX = 6, 10

STATUSES = ("planned", "held", "findings_written")
STATUS_LABELS = {"planned": N_("planned"), "held": N_("held"),
                 "findings_written": N_("findings written")}

# Whom a host interviews, as the concept groups them.
GROUPS = ("leadership", "sector", "expert", "elected", "local")
GROUP_LABELS = {
    "leadership": N_("leadership"),
    "sector": N_("sector management"),
    "expert": N_("expert"),
    "elected": N_("elected official"),
    "local": N_("local actor"),
}
_GROUP_WORDS = {
    "leadership": ("leadership", "johto", "kuntajohto", "kaupunkijohto", "ledning",
                   "kommunledning"),
    "sector": ("sector", "sector management", "toimialajohto", "toimiala", "sektorledning",
               "sektor"),
    "expert": ("expert", "asiantuntija", "asiantuntijat", "päällikkö", "sakkunnig", "expert"),
    "elected": ("elected", "elected official", "päättäjä", "kuntapäättäjä", "luottamushenkilö",
                "förtroendevald", "beslutsfattare"),
    "local": ("local", "local actor", "paikallistoimija", "kansalaisyhteiskunta",
              "asukasyhdistys", "lokal aktör", "civilsamhälle"),
}
_GROUP_BY_WORD = {name_key(word): group for group, words in _GROUP_WORDS.items()
                  for word in words}


def group_from_text(text: str) -> str | None:
    """A group written in any of our languages, or by its key; None if not recognised."""
    key = name_key(text or "")
    if key in _GROUP_BY_WORD:
        return _GROUP_BY_WORD[key]
    for group, label in GROUP_LABELS.items():
        if key in (name_key(label), name_key(_(label))):
            return group
    return None


def group_from_title(title: str) -> str:
    """The likely group of someone known only by a title ("toimialajohtaja" → sector)."""
    role = ROLES_BY_KEY[role_from_title(title)]
    if role.key == "sector_director":
        return "sector"
    if role.group == EXECUTIVE:
        return "leadership"
    if role.group == POLITICAL:
        return "elected"
    return "expert"


def team_size_warning(count: int) -> str | None:
    if count < TEAM_MIN:
        return ngettext("{count} person in the review team, fewer than {low}",
                        "{count} people in the review team, fewer than {low}",
                        count).format(count=count, low=TEAM_MIN)
    if count > TEAM_MAX:
        return ngettext("{count} person in the review team, more than {high}",
                        "{count} people in the review team, more than {high}",
                        count).format(count=count, high=TEAM_MAX)
    return None


def interviewee_count_warning(count: int) -> str | None:
    if count < INTERVIEWEES_MIN:
        return ngettext("{count} interviewee, fewer than {low}",
                        "{count} interviewees, fewer than {low}",
                        count).format(count=count, low=INTERVIEWEES_MIN)
    if count > INTERVIEWEES_MAX:
        return ngettext("{count} interviewee, more than {high}",
                        "{count} interviewees, more than {high}",
                        count).format(count=count, high=INTERVIEWEES_MAX)
    return None


def missing_groups(groups: list[str]) -> list[str]:
    """The groups nobody is interviewed from (the concept wants all of them heard)."""
    return [group for group in GROUPS if group not in set(groups)]
