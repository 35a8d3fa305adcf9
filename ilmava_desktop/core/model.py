"""The things a cohort holds, as plain immutable data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ilmava_desktop.core.municipality_names import (
    BILINGUAL_SWEDISH_MAJORITY,
    UNILINGUAL_SWEDISH,
    display_name,
)


@dataclass(frozen=True)
class Cohort:
    id: str
    name: str
    programme: str
    year: int | None
    language: str
    is_demo: bool


@dataclass(frozen=True)
class Municipality:
    id: str
    code: str
    name_fi: str
    name_sv: str
    region_code: str
    region_fi: str
    region_sv: str
    language_status: int
    council_target: bool | None
    current_state: str
    challenges: str
    theme: str | None
    wicked_problem: str
    own_funding_paid: bool
    # applicant, selected, not_selected or withdrawn (core.selection.STATUSES)
    status: str = "selected"
    funding_committed: bool | None = None
    funding_amount: int | None = None      # euros; None: the programme's own funding
    funding_invoiced: date | None = None
    funding_paid: date | None = None

    @property
    def taking_part(self) -> bool:
        return self.status == "selected"

    def name(self, language: str = "fi") -> str:
        return display_name(self.name_fi, self.name_sv, self.language_status, language)

    def region(self, language: str = "fi") -> str:
        return self.region_sv if language == "sv" and self.region_sv else self.region_fi

    @property
    def main_language(self) -> str:
        return "sv" if self.language_status in (UNILINGUAL_SWEDISH, BILINGUAL_SWEDISH_MAJORITY) else "fi"


@dataclass(frozen=True)
class Person:
    id: str
    municipality_id: str
    name: str
    role: str
    title: str
    email: str
    language: str | None
    token: str | None = None


@dataclass(frozen=True)
class Day:
    id: str
    period: int
    title: str
    date: date | None
    venue: str
    audience: str
    min_attendance: int
    max_attendance: int
    invitees: str = "all"  # who a new day invites: core.invitations.AUDIENCES
    title_sv: str = ""      # the title in Swedish and English; empty: the Finnish one
    title_en: str = ""

    def title_in(self, language: str) -> str:
        """The day's title in `language`, the Finnish one when none was given."""
        return {"sv": self.title_sv, "en": self.title_en}.get(language, "") or self.title
