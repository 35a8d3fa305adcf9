"""Who is invited to a day: by audience from the programme's role list, then by hand.

The opening day is for the civil-service leadership, the first day of period 5 for the new
political leadership; a day invites by one of these audiences when it is created, and the
facilitator adjusts the rest person by person.
"""

from __future__ import annotations

from ilmava_desktop.core.roles import POLITICAL, ROLES_BY_KEY
from ilmava_desktop.i18n import N_

ALL, OFFICIALS, POLITICIANS, NOBODY = "all", "officials", "politicians", "none"
AUDIENCES = {
    ALL: N_("everyone"),
    OFFICIALS: N_("officials"),
    POLITICIANS: N_("political leadership"),
    NOBODY: N_("nobody yet"),
}


def is_political(role: str) -> bool:
    known = ROLES_BY_KEY.get(role)
    return known is not None and known.group == POLITICAL


def in_audience(role: str, audience: str) -> bool:
    """Whether a person of this role is invited by the audience."""
    if audience == ALL:
        return True
    if audience == OFFICIALS:
        return not is_political(role)
    if audience == POLITICIANS:
        return is_political(role)
    return False
