"""What a municipality's report says, as plain data: the service fills it in the report's
language, the renderer (reports/municipality_report.py) draws it on A4."""

from __future__ import annotations

from dataclasses import dataclass, field

from ilmava_desktop.reports import charts


def minus(text: str) -> str:
    """A printed number's minus as the typographic one (U+2212)."""
    return text.replace("-", "−")


@dataclass(frozen=True)
class ProfileRow:
    theme: str
    title: str
    values: list[float | None]  # one per series
    gap: float | None           # second round minus first, when there are two
    cohort_gap: float | None = None  # the first round minus the cohort average


@dataclass(frozen=True)
class Profile:
    series: list[str]           # e.g. officials, politicians, cohort average
    rows: list[ProfileRow]
    largest: list[str]          # the gaps worth noting, largest first, as written out
    dont_know: list[str]        # a warning per round where over a quarter answered "don't know"
    scale: range
    marked: list[str] = field(default_factory=list)  # theme ids of those gaps
    compared: bool = False      # both rounds answered, so gaps were looked for
    # The style each series wears (charts.FIRST_ROUND, SECOND_ROUND, COHORT_AVERAGE): the
    # same round looks the same in every report of the cohort, whichever rounds one has.
    slots: list[int] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)       # the series' names with their n
    scale_words: list[str] = field(default_factory=list)  # the scale's levels, in words
    marked_cohort: list[str] = field(default_factory=list)  # themes far from the cohort

    def chart_series(self) -> list[charts.Series]:
        return [charts.Series(name, {row.theme: row.values[i] for row in self.rows},
                              self.slots[i] if self.slots else None)
                for i, name in enumerate(self.series)]

    def numbers(self) -> list[str]:
        """The series' numbers in the table and its key: the slot's, so "3" is always the
        cohort average."""
        return [str(slot + 1) for slot in charts.slots(self.chart_series())]


@dataclass(frozen=True)
class ThemeNotes:
    title: str
    strengths: list[str]
    development: list[str]


@dataclass(frozen=True)
class PeerReview:
    """The host's peer-review visit: who came, when, whom they met (groups, not names) and
    the findings of its joint debrief by theme."""

    date: str
    place: str
    status: str
    visitors: list[tuple[str, str]]      # the visiting municipality, its team (roles or names)
    interviewed: list[tuple[str, int]]   # role group, how many
    interviewed_total: str               # "7 people interviewed"
    findings: list[ThemeNotes]
    approval: str = ""                   # approved by the host on a date, or a draft


@dataclass(frozen=True)
class MunicipalityReport:
    language: str
    title: str                  # the document's title
    programme: str
    cohort: str
    municipality: str           # both names when bilingual
    code: str
    date: str
    demo_label: str             # empty unless the cohort is the demo
    labels: dict[str, str]      # section headings and fixed words, in the report's language
    participants: list[list[str]]            # header row first
    participants_note: str
    theme: str
    wicked_problem: str
    current_state: str
    profile: Profile | None
    notes: list[ThemeNotes]
    reviewers: list[str]
    reviews: list[str]
    sparrer: str
    next_steps: list[str]
    footer: str = ""
    extra: dict = field(default_factory=dict)
    participant_days: list[str] = field(default_factory=list)  # each day in full, in order
    names_shown: bool = False   # participants by name (else by role)
    source: str = ""            # the municipality list's source line, its licence's wish
    challenges: str = ""
    key_facts: list[tuple[str, str]] = field(default_factory=list)  # label, value
    own_cards: dict[str, list[str]] = field(default_factory=dict)   # idea/lesson/question
    summary: str = ""           # the facilitator's, printed first
    accent: str = "#0A3D91"     # the programme's colour: rules and headings, never data
    sections: tuple[str, ...] = ("task", "groups", "peer_review", "sparrer")
    logo: bytes = b""           # the programme's PNG, on the cover
    peer_review: PeerReview | None = None  # only when the programme has visits
    # The sparring sessions: header row first (date, length, topic, agreed step and, when
    # any are publishable, notes); empty when the programme has no sparring.
    sparring: list[list[str]] = field(default_factory=list)
    sparring_summary: str = ""
