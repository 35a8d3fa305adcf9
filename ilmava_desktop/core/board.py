"""The debrief board: cards of what was said, their kinds, quick entry and filtering.

Pure: cards are plain rows; the window, the command line and the reports share these rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.i18n import N_

# The kinds in the order the board shows them, with the sign that picks each in quick entry.
KINDS: dict[str, str] = {
    "strength": N_("Strength"),
    "development": N_("Development area"),
    "idea": N_("Idea"),
    "lesson": N_("Lesson"),
    "question": N_("Question"),
}
PLURAL: dict[str, str] = {
    "strength": N_("Strengths"),
    "development": N_("Development areas"),
    "idea": N_("Ideas"),
    "lesson": N_("Lessons"),
    "question": N_("Questions"),
}
PREFIXES: dict[str, str] = {"+": "strength", "-": "development", "!": "idea", "*": "lesson",
                            "?": "question"}
SIGNS: dict[str, str] = {kind: sign for sign, kind in PREFIXES.items()}


@dataclass(frozen=True)
class Card:
    id: str
    municipality_id: str | None  # None: the whole cohort
    kind: str
    theme_id: str | None
    group: str
    text: str
    author: str
    confidential: bool
    votes: int
    position: float
    cluster_id: str | None


@dataclass(frozen=True)
class Entry:
    """What a line typed into the board's field asks for."""

    text: str
    kind: str | None = None          # from a leading sign; None keeps the current kind
    municipality: str | None = None  # from a leading "@name"; None keeps the current one


def parse_entry(line: str) -> Entry:
    """'+ Hyvä johtoryhmä' → a strength; '@Lahti - Seuranta puuttuu' → Lahti, development.

    "@name" may come first (a name with spaces is written with underscores: @Pedersören_kunta);
    the sign may come first or after it.
    """
    text = line.strip()
    municipality = None
    kind = None
    for _token in range(2):
        if municipality is None and text.startswith("@"):
            name, _space, rest = text[1:].partition(" ")
            municipality, text = name.replace("_", " "), rest.strip()
        # A sign before a number is the number's: "-40 % by 2030" is not a development area.
        elif kind is None and text[:1] in PREFIXES and not text[1:2].isdigit():
            kind, text = PREFIXES[text[0]], text[1:].strip()
    return Entry(text, kind, municipality)


@dataclass(frozen=True)
class CardFilter:
    municipality_id: str | None = None  # "" means the cards of the whole cohort
    kind: str | None = None
    theme_id: str | None = None
    group: str | None = None
    text: str = ""
    hide_confidential: bool = False


def matches(card: Card, wanted: CardFilter, needle: str) -> bool:
    if wanted.hide_confidential and card.confidential:
        return False
    if wanted.municipality_id is not None and (card.municipality_id or "") != \
            wanted.municipality_id:
        return False
    if wanted.kind is not None and card.kind != wanted.kind:
        return False
    if wanted.theme_id is not None and card.theme_id != wanted.theme_id:
        return False
    if wanted.group is not None and card.group != wanted.group:
        return False
    return not needle or needle in card.text.casefold() or needle in card.author.casefold()


def filter_cards(cards: list[Card], wanted: CardFilter) -> list[Card]:
    needle = wanted.text.strip().casefold()
    return [card for card in cards if matches(card, wanted, needle)]


def ordered(cards: list[Card], by_votes: bool = False) -> list[Card]:
    """A column's order: clusters kept together, then by votes if asked, then by position."""
    first_of_cluster: dict[str, float] = {}
    for card in sorted(cards, key=lambda c: c.position):
        if card.cluster_id:
            first_of_cluster.setdefault(card.cluster_id, card.position)

    def key(card: Card):
        anchor = first_of_cluster.get(card.cluster_id, card.position) if card.cluster_id else \
            card.position
        if by_votes:
            return (-card.votes, anchor, card.cluster_id or "", card.position)
        return (anchor, card.cluster_id or "", card.position)

    return sorted(cards, key=key)


def top_voted(cards: list[Card], kind: str, count: int = 5) -> list[str]:
    """The most voted texts of a kind (ties: the earlier card first), e.g. the next steps.

    Each text once: the same words on several cards (two municipalities, or one card typed
    twice) are one line with their votes added, so a summary never repeats itself."""
    merged: dict[str, list] = {}  # words -> [votes, first position, text as first written]
    for card in sorted((c for c in cards if c.kind == kind), key=lambda c: c.position):
        entry = merged.setdefault(" ".join(card.text.split()).casefold(),
                                  [0, card.position, card.text])
        entry[0] += card.votes
    ranked = sorted(merged.values(), key=lambda entry: (-entry[0], entry[1]))
    return [text for _votes, _position, text in ranked[:count]]
