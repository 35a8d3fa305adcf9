"""Applicants and selection: who applied, what the programme asks of an applicant, who was
chosen.

A municipality in a cohort is an applicant, selected, not selected, or withdrawn (a selected
one that left). Only the selected take part in the days, groups, pairs, visits and reports;
the others stay in the file with their application.
"""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core.model import Municipality
from ilmava_desktop.i18n import N_, gettext_for

APPLICANT, SELECTED, NOT_SELECTED, WITHDRAWN = "applicant", "selected", "not_selected", "withdrawn"
STATUSES = (APPLICANT, SELECTED, NOT_SELECTED, WITHDRAWN)
STATUS_LABELS = {APPLICANT: N_("applicant"), SELECTED: N_("selected"),
                 NOT_SELECTED: N_("not selected"), WITHDRAWN: N_("withdrawn")}
CRITERIA = ("council_target", "current_state", "challenges", "own_funding")

# What is missing, said as the programme would say it to the applicant.
_MISSING = {
    "council_target": N_("no council climate target — the programme asks applicants to have "
                         "one"),
    "current_state": N_("the current state of the climate work is not described"),
    "challenges": N_("the challenges to be solved are not outlined"),
    "own_funding": N_("own funding not committed"),
}


@dataclass(frozen=True)
class Criteria:
    council_target: bool
    current_state: bool
    challenges: bool
    own_funding: bool

    def as_dict(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name in CRITERIA}

    @property
    def met(self) -> bool:
        return all(self.as_dict().values())


def criteria(m: Municipality) -> Criteria:
    """The programme's criteria for an applicant, as the application shows them."""
    return Criteria(
        council_target=m.council_target is True,
        current_state=bool(m.current_state.strip()),
        challenges=bool(m.challenges.strip()),
        own_funding=bool(m.funding_committed or m.own_funding_paid or m.funding_paid
                         or m.funding_invoiced),
    )


def missing(m: Municipality, language: str) -> list[str]:
    """What the application lacks, in words, in `language`."""
    _ = gettext_for(language)
    return [_(_MISSING[name]) for name, met in criteria(m).as_dict().items() if not met]


def status_label(status: str, language: str) -> str:
    return gettext_for(language)(STATUS_LABELS.get(status, status))


def range_state(selected: int, selection: tuple[int, int] | None) -> str:
    """'under', 'within' or 'over' the programme's range of selected municipalities."""
    if selection is None:
        return "within"
    low, high = selection
    return "under" if selected < low else "over" if selected > high else "within"
