"""Official municipalities and how people write their names and codes."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

# Statistics Finland's language status of a municipality.
UNILINGUAL_FINNISH, BILINGUAL_FINNISH_MAJORITY, UNILINGUAL_SWEDISH, BILINGUAL_SWEDISH_MAJORITY = (
    0, 1, 2, 3,
)


@dataclass(frozen=True)
class OfficialMunicipality:
    code: str
    name_fi: str
    name_sv: str
    name_en: str
    region_code: str
    region_fi: str
    region_sv: str
    region_en: str
    language_status: int

    @property
    def main_language(self) -> str:
        """The language the municipality's reports are written in by default."""
        return "sv" if self.language_status in (UNILINGUAL_SWEDISH, BILINGUAL_SWEDISH_MAJORITY) else "fi"

    def region(self, language: str) -> str:
        return self.region_sv if language == "sv" else self.region_en if language == "en" else self.region_fi


def display_name(name_fi: str, name_sv: str, language_status: int, language: str = "fi") -> str:
    """'Porvoo – Borgå' for a bilingual municipality, majority language first.

    A unilingual municipality has one name; in Swedish a Finnish municipality
    with its own Swedish name (Helsinki/Helsingfors is bilingual, but e.g.
    Hämeenlinna/Tavastehus is not) is still called by that Swedish name.
    """
    # Code 478's official Finnish name already holds both ("Maarianhamina - Mariehamn").
    if name_sv and name_sv in name_fi and name_sv != name_fi:
        return name_fi.replace(" - ", " – ")
    if language_status in (BILINGUAL_FINNISH_MAJORITY, BILINGUAL_SWEDISH_MAJORITY) and name_sv != name_fi:
        first, second = (
            (name_sv, name_fi) if language_status == BILINGUAL_SWEDISH_MAJORITY else (name_fi, name_sv)
        )
        return f"{first} – {second}"
    if language_status == UNILINGUAL_SWEDISH or language == "sv":
        return name_sv or name_fi
    return name_fi


def normalise_code(text: str) -> str | None:
    """'91', ' 091 ', '91.0' (a spreadsheet's number) -> '091'; anything else -> None."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,3})(?:\.0+)?", text)
    return match.group(1).zfill(3) if match else None


def name_key(text: str) -> str:
    """Case-, space- and dash-insensitive key for matching a written name."""
    return re.sub(r"\s+", " ", text.replace("–", "-")).strip().casefold()


class MunicipalityFinder:
    """Finds an official municipality by code or by its Finnish, Swedish or English name."""

    def __init__(self, municipalities: tuple[OfficialMunicipality, ...] | list[OfficialMunicipality]):
        self._by_code = {m.code: m for m in municipalities}
        self._by_name: dict[str, OfficialMunicipality] = {}
        for m in municipalities:
            for name in (m.name_fi, m.name_sv, m.name_en, *m.name_fi.split(" - ")):
                self._by_name.setdefault(name_key(name), m)
            self._by_name.setdefault(name_key(display_name(m.name_fi, m.name_sv, m.language_status)), m)

    def find(self, text: str) -> OfficialMunicipality | None:
        code = normalise_code(text)
        if code is not None:
            return self._by_code.get(code)
        return self._by_name.get(name_key(text)) or self._by_form_answer(text)

    def _by_form_answer(self, text: str) -> OfficialMunicipality | None:
        """A name as a form's respondent writes it: "Lahden kaupunki", "Hollolan kunta",
        "Borgå stad", "City of Lahti". The Finnish genitive is told by the stem it shares
        with exactly one municipality's name (Lahden: Lahti, Helsingin: Helsinki)."""
        key = name_key(text)
        stem = re.sub(r"^(city|town|municipality) of |( kaupunki| kunta| stad| kommun| city"
                      r"| municipality)$", "", key).strip()
        if stem == key or not stem:
            return None
        if stem in self._by_name:
            return self._by_name[stem]
        if stem.endswith("n") and stem[:-1] in self._by_name:  # Porvoon, Vaasan, Kuhmon
            return self._by_name[stem[:-1]]
        found = set()
        for name, municipality in self._by_name.items():
            shared = len(os.path.commonprefix([name, stem]))
            if shared >= 3 and shared >= len(name) - 2 and len(stem) <= len(name) + 3:
                found.add(municipality.code)
        return self._by_code[found.pop()] if len(found) == 1 else None

    def by_code(self, code: str) -> OfficialMunicipality | None:
        return self._by_code.get(code)

    def all(self) -> list[OfficialMunicipality]:
        return list(self._by_code.values())


# Statistics Finland's licence (CC BY 4.0) asks for this line wherever its municipality list is
# shown: the About box and every document that lists municipalities. Fixed wording in each
# language, as the classification's publisher words it, hence not in the catalogues.
MUNICIPALITY_SOURCE = {
    "fi": "Lähde: Tilastokeskus, kuntaluokitus 2026 (CC BY 4.0)",
    "sv": "Källa: Statistikcentralen, kommunindelning 2026 (CC BY 4.0)",
    "en": "Source: Statistics Finland, municipality classification 2026 (CC BY 4.0)",
}
