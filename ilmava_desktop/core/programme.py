"""Which programme ran a cohort: its names, organiser, colour and the report's sections.

ILMAVA coaching has development tasks and sparrers; Motiva's peer learning has peer reviews
and no sparrer; a custom programme chooses. The reports follow the profile, so a Motiva
cohort's reports never speak of ILMAVA nor of sections that do not apply.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# What a municipality's report may hold beyond what every report has (the assessment, the
# board's notes, participants): the development task, thematic groups, peer review (who
# reviews whom), sparrer, and the peer-review visit (its teams, interviews and findings).
SECTIONS = ("task", "groups", "peer_review", "sparrer", "visits")
KINDS = ("ilmava", "motiva", "custom")


@dataclass(frozen=True)
class Programme:
    kind: str
    names: dict[str, str]       # fi, sv, en
    organiser: str
    accent: str                 # "#RRGGBB", for page furniture only
    sections: tuple[str, ...]
    logo: bytes = b""           # a PNG; empty when there is none
    logo_type: str = ""         # "png" when there is one

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
        "Kuntaliitto", "#0A3D91", ("task", "groups", "peer_review", "sparrer")),
    "motiva": Programme(
        "motiva", {"fi": "Kuntien vertaisoppiminen", "sv": "Kamratlärande för kommuner",
                   "en": "Peer learning for municipalities"},
        "Motiva", "#00665E", ("groups", "peer_review", "visits")),
}
# A custom programme starts with every section; its names are the cohort's own.
PRESETS["custom"] = replace(PRESETS["ilmava"], kind="custom", organiser="", sections=SECTIONS)


def resolve(kind: str, names: dict[str, str], organiser: str, accent: str,
            sections: str, logo: bytes | None = None, logo_kind: str = "") -> Programme:
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
    has_logo = bool(logo) and logo_kind in LOGO_TYPES
    return Programme(preset.kind, merged, organiser or preset.organiser,
                     accent or preset.accent, preset.sections if chosen is None else chosen,
                     bytes(logo) if has_logo else b"", logo_kind if has_logo else "")


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
