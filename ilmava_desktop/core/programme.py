"""Which programme ran a cohort: its names, organiser, colour and the report's sections.

ILMAVA coaching has development tasks and sparrers; Motiva's peer learning has peer reviews
and no sparrer; a custom programme chooses. The reports follow the profile, so a Motiva
cohort's reports never speak of ILMAVA nor of sections that do not apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ilmava_desktop.core.assessment import GAP_THRESHOLD

# What a municipality's report may hold beyond what every report has (the assessment, the
# board's notes, participants): the development task, thematic groups, peer review (who
# reviews whom), sparrer, and the peer-review visit (its teams, interviews and findings).
SECTIONS = ("task", "groups", "peer_review", "sparrer", "visits")
KINDS = ("ilmava", "motiva", "custom")


@dataclass(frozen=True)
class Period:
    """One of the programme's periods: its number, name in fi/sv/en and its dates."""
    number: int
    names: dict[str, str]
    start: date | None = None
    end: date | None = None

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("fi") or ""

    def holds(self, day: date) -> bool:
        return bool(self.start and self.end and self.start <= day <= self.end)


# The ILMAVA year as the programme describes it (seeds/000): month and day of each period's
# start and end, in the cohort's year.
ILMAVA_PERIODS = (
    (1, {"fi": "Avajaiset, itsearviointi ja orientaatio",
         "sv": "Öppning, självvärdering och orientering",
         "en": "Opening, self-assessment and orientation"}, (1, 1), (1, 31)),
    (2, {"fi": "Kuntakohtaisten kehitystehtävien valinta",
         "sv": "Val av kommunernas utvecklingsuppgifter",
         "en": "Choosing the development tasks"}, (2, 1), (2, 28)),
    (3, {"fi": "Onnistumisia ja ongelmia", "sv": "Framgångar och problem",
         "en": "Successes and problems"}, (3, 1), (4, 30)),
    (4, {"fi": "Kuntakohtainen sparraus", "sv": "Kommunvis sparrning",
         "en": "Sparring for each municipality"}, (5, 1), (8, 31)),
    (5, {"fi": "Sparrauksen purku ja yhteiset opit",
         "sv": "Sparrningens avrapportering och gemensamma lärdomar",
         "en": "Debrief of the sparring and shared lessons"}, (9, 1), (9, 30)),
)
SPARRING_PERIOD = 4


def preset_periods(kind: str, year: int | None) -> tuple[Period, ...]:
    """The programme's periods dated in the cohort's year (undated without a year)."""
    if kind == "motiva":
        return ()
    return tuple(Period(number, dict(names),
                        date(year, *start) if year else None, date(year, *end) if year else None)
                 for number, names, start, end in ILMAVA_PERIODS)


@dataclass(frozen=True)
class Programme:
    kind: str
    names: dict[str, str]       # fi, sv, en
    organiser: str
    accent: str                 # "#RRGGBB", for page furniture only
    sections: tuple[str, ...]
    # How many municipalities are selected (ILMAVA: 10–15), and each one's own funding (€).
    selection: tuple[int, int] | None = None
    own_funding: int | None = None
    periods: tuple[Period, ...] = field(default_factory=tuple)
    logo: bytes = b""           # a PNG; empty when there is none
    logo_type: str = ""         # "png" when there is one
    # The smallest gap the reports and the window mark as notable (on the 1–5 scale).
    gap_threshold: float = GAP_THRESHOLD

    def period(self, number: int) -> Period | None:
        return next((p for p in self.periods if p.number == number), None)

    def period_on(self, day: date) -> Period | None:
        return next((p for p in self.periods if p.holds(day)), None)

    def name(self, language: str) -> str:
        """The name in `language`, else in Finnish."""
        return self.names.get(language) or self.names.get("fi") or ""

    def has(self, section: str) -> bool:
        return section in self.sections


PRESETS = {
    "ilmava": Programme(
        "ilmava", {"fi": "ILMAVA – kuntien ilmastojohtamisen valmennus",
                   "sv": "ILMAVA – coachning i klimatledarskap för kommuner",
                   "en": "ILMAVA – climate leadership coaching for municipalities"},
        "Kuntaliitto", "#0A3D91", ("task", "groups", "peer_review", "sparrer"), (10, 15), 2000),
    "motiva": Programme(
        "motiva", {"fi": "Kuntien vertaisoppiminen", "sv": "Kamratlärande för kommuner",
                   "en": "Peer learning for municipalities"},
        "Motiva", "#00665E", ("groups", "peer_review", "visits")),
}
# A custom programme starts with every section; its names are the cohort's own.
PRESETS["custom"] = replace(PRESETS["ilmava"], kind="custom", organiser="", sections=SECTIONS,
                            selection=None, own_funding=None)


def resolve(kind: str, names: dict[str, str], organiser: str, accent: str,
            sections: str, logo: bytes | None = None, logo_kind: str = "", *,
            selection: tuple[int | None, int | None] = (None, None),
            own_funding: int | None = None, periods: tuple[Period, ...] | None = None,
            year: int | None = None, gap_threshold: float | None = None) -> Programme:
    """The profile as stored (empty fields mean the kind's preset) made whole."""
    preset = PRESETS.get(kind, PRESETS["custom"])
    given = {language: name for language, name in names.items() if name}
    chosen = tuple(s for s in sections.split(",") if s in SECTIONS) if sections else None
    # A custom programme's own names stand alone (its Swedish falls back to its Finnish,
    # never to ILMAVA's); a preset's names can be overridden one language at a time.
    if preset.kind == "custom":
        merged = given or dict(preset.names)
    else:
        merged = {**preset.names, **given}
    low, high = selection
    if low is None and high is None:
        chosen_range = preset.selection
    else:
        base = preset.selection or (1, 308)
        chosen_range = (low if low is not None else base[0], high if high is not None else base[1])
    has_logo = bool(logo) and logo_kind in LOGO_TYPES
    return Programme(preset.kind, merged, organiser or preset.organiser,
                     accent or preset.accent, preset.sections if chosen is None else chosen,
                     chosen_range, own_funding if own_funding is not None else preset.own_funding,
                     periods if periods else preset_periods(preset.kind, year),
                     logo=bytes(logo) if has_logo else b"",
                     logo_type=logo_kind if has_logo else "",
                     gap_threshold=GAP_THRESHOLD if gap_threshold is None else gap_threshold)


# A logo is a mark, not a photograph: a larger file is almost certainly the wrong one, and
# every copy and merge of the cohort carries it.
MAX_LOGO_BYTES = 1_000_000
# What the cohort holds: PNG (an SVG is drawn into one when it is chosen in the window).
LOGO_TYPES = ("png",)


def logo_type(data: bytes) -> str | None:
    """"png" or "svg" by the file's own first bytes (never its name); else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    markup = head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg"))
    if markup and b"<svg" in data[:4096].lower():
        return "svg"
    return None


def valid_accent(text: str) -> bool:
    return len(text) == 7 and text.startswith("#") and all(
        c in "0123456789abcdefABCDEF" for c in text[1:])


@dataclass(frozen=True)
class Position:
    """Where a cohort is in its year on a day: in a period, between two, before or after."""
    state: str                  # "before", "in", "between", "after" or "undated"
    period: Period | None       # the period it is in, else the next one (None after)


def position(periods: tuple[Period, ...], day: date) -> Position:
    dated = sorted((p for p in periods if p.start and p.end), key=lambda p: p.start)
    if not dated:
        return Position("undated", None)
    for period in dated:
        if period.holds(day):
            return Position("in", period)
    if day < dated[0].start:
        return Position("before", dated[0])
    upcoming = next((p for p in dated if p.start > day), None)
    return Position("between", upcoming) if upcoming else Position("after", None)
