"""Understanding the organiser's spreadsheet: which columns mean what, which rows are usable.

Pure: takes the header and rows as text, returns records and rejections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ilmava_desktop.core.municipality_names import MunicipalityFinder, name_key
from ilmava_desktop.core.roles import role_from_title
from ilmava_desktop.core.rules import RuleViolation, check_email, clean_text, excerpt
from ilmava_desktop.i18n import _

REGISTRATIONS, APPLICATIONS = "registrations", "applications"

# Column name (as written, in any of our languages) -> field. Compared by name_key.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "municipality": ("kunta", "kommun", "municipality", "kunnan nimi", "kommunens namn",
                     "municipality name", "kuntakoodi", "kuntanumero", "kommunkod",
                     "kommunnummer", "municipality code", "kaupunki", "stad", "city",
                     "kunta/kaupunki", "kommun/stad"),
    "name": ("nimi", "namn", "name", "koko nimi", "fullständigt namn", "full name",
             "osallistuja", "deltagare", "participant"),
    "first_name": ("etunimi", "förnamn", "first name", "firstname", "given name"),
    "last_name": ("sukunimi", "efternamn", "last name", "lastname", "surname", "family name"),
    "email": ("sähköposti", "sähköpostiosoite", "e-post", "e-postadress", "epost", "email",
              "e-mail", "email address", "e-mail address"),
    "role": ("rooli", "titteli", "nimike", "tehtävänimike", "asema", "roll", "titel",
             "befattning", "role", "title", "job title", "position"),
    "language": ("kieli", "asiointikieli", "språk", "language"),
    "theme": ("teema", "tema", "theme", "kehittämistehtävän teema", "utvecklingsuppgiftens tema",
              "development task theme"),
    "wicked_problem": ("viheliäinen ongelma", "kehittämistehtävä", "ongelma",
                       "svårlöst problem", "utvecklingsuppgift", "wicked problem",
                       "development task", "problem"),
    "council_target": ("valtuuston ilmastotavoite", "ilmastotavoite", "fullmäktiges klimatmål",
                       "klimatmål", "council climate target", "climate target"),
    "current_state": ("nykytila", "nuläge", "current state"),
    "challenges": ("haasteet", "utmaningar", "challenges"),
    "funding_committed": ("omarahoitus", "omarahoitusosuus", "egenfinansiering",
                          "egen finansiering", "own funding", "own funding committed"),
    "days": ("päivät", "dagar", "days", "päivä", "dag", "day"),
}
_FIELD_BY_ALIAS = {name_key(alias): field for field, aliases in HEADER_ALIASES.items()
                   for alias in aliases}

_YES = {"kyllä", "k", "on", "ja", "j", "yes", "y", "true", "1", "x"}
_NO = {"ei", "e", "nej", "n", "no", "false", "0"}
_LANGUAGE = {"fi": "fi", "suomi": "fi", "finska": "fi", "finnish": "fi",
             "sv": "sv", "ruotsi": "sv", "svenska": "sv", "swedish": "sv",
             "en": "en", "englanti": "en", "engelska": "en", "english": "en"}


class UnusableFile(ValueError):
    """The file as a whole cannot be imported; the message is for the user."""


@dataclass(frozen=True)
class PersonRecord:
    line: int
    municipality_code: str
    name: str
    email: str
    role: str
    title: str
    language: str | None
    # The days the person is invited to, by number or date, as the file gives them;
    # None when the file says nothing of days.
    days: tuple[int | date, ...] | None = None


@dataclass(frozen=True)
class ApplicationRecord:
    line: int
    municipality_code: str
    theme: str
    wicked_problem: str
    council_target: bool | None
    current_state: str | None
    challenges: str | None
    funding_committed: bool | None = None


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str


def header_key(text: str) -> str:
    return name_key(re.sub(r"[:*]+$", "", text.strip()))


def columns_by_alias(header: list[str], aliases: dict[str, str]) -> dict[str, int]:
    """Each field's column, found by its header under any of its names (the first wins)."""
    columns: dict[str, int] = {}
    for index, text in enumerate(header):
        field = aliases.get(header_key(text or ""))
        if field and field not in columns:
            columns[field] = index
    return columns


def map_columns(header: list[str]) -> tuple[str, dict[str, int]]:
    """Which kind of file this is, and the column index of each known field."""
    columns: dict[str, int] = {}
    for index, text in enumerate(header):
        field = _FIELD_BY_ALIAS.get(header_key(text or ""))
        if field and field not in columns:
            columns[field] = index
    if "municipality" not in columns:
        raise UnusableFile(_("The file has no municipality column (Kunta, Kommun or Municipality)."))
    if {"theme", "wicked_problem", "council_target"} & columns.keys():
        return APPLICATIONS, columns
    if "name" in columns or {"first_name", "last_name"} <= columns.keys():
        return REGISTRATIONS, columns
    raise UnusableFile(_(
        "The file has neither name columns of registrations nor the theme column of applications."
    ))


def day_reference(text: str) -> int | date | None:
    """A day as a file names it: its number (2), or its date (28.1.2026 or 2026-01-28)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    found = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        return date.fromisoformat(text)
    except ValueError:
        return None


def day_columns(header: list[str]) -> dict[int, date]:
    """Columns headed by a day's date: one per day, an x (or yes) in it invites."""
    columns = {}
    for index, text in enumerate(header):
        written = (text or "").strip()
        when = day_reference(written) if written and not written.isdigit() else None
        if isinstance(when, date):
            columns[index] = when
    return columns


def _days(columns, row, by_date: dict[int, date]) -> tuple[int | date, ...] | None:
    if "days" in columns:
        written = [part for part in re.split(r"[,;\s]+", _cell(row, columns, "days")) if part]
        days = []
        for part in written:
            day = day_reference(part)
            if day is None:
                raise RuleViolation(_("“{day}” is not a day (its number or date)").format(
                    day=part))
            days.append(day)
        return tuple(days)
    if by_date:
        return tuple(when for index, when in by_date.items()
                     if index < len(row) and clean_text(row[index]).casefold() in _YES)
    return None


def _cell(row: list[str], columns: dict[str, int], field: str) -> str:
    index = columns.get(field)
    if index is None or index >= len(row):
        return ""
    return clean_text(row[index])


def parse_rows(kind: str, columns: dict[str, int], rows: list[tuple[int, list[str]]],
               finder: MunicipalityFinder, themes: dict[str, dict[str, str]],
               by_date: dict[int, date] | None = None):
    """Turn numbered rows into records, rejecting the unusable ones with line and reason."""
    records, rejected = [], []
    for line, row in rows:
        if not any(clean_text(cell) for cell in row):
            continue  # a blank line: skipped silently
        try:
            records.append(_parse_row(kind, columns, line, row, finder, themes, by_date or {}))
        except RuleViolation as exc:
            rejected.append(Rejection(line, str(exc)))
    return records, rejected


def _parse_row(kind, columns, line, row, finder, themes, by_date):
    written = _cell(row, columns, "municipality")
    if not written:
        raise RuleViolation(_("no municipality"))
    municipality = finder.find(written)
    if municipality is None:
        raise RuleViolation(_("unknown municipality “{name}”").format(name=excerpt(written)))
    if kind == REGISTRATIONS:
        return _person(columns, line, row, municipality.code, by_date)
    return _application(columns, line, row, municipality.code, themes)


def _person(columns, line, row, code, by_date) -> PersonRecord:
    name = _cell(row, columns, "name") or clean_text(
        f"{_cell(row, columns, 'first_name')} {_cell(row, columns, 'last_name')}"
    )
    if not name:
        raise RuleViolation(_("no name"))
    email = _cell(row, columns, "email").lower()
    try:
        check_email(email)
    except RuleViolation:
        raise RuleViolation(_("“{email}” is not an e-mail address").format(email=excerpt(email))) from None
    title = _cell(row, columns, "role")
    written_language = _cell(row, columns, "language")
    language = _LANGUAGE.get(written_language.casefold()) if written_language else None
    if written_language and language is None:
        raise RuleViolation(_("unknown language “{language}”").format(
            language=excerpt(written_language)))
    return PersonRecord(line, code, name, email, role_from_title(title), title, language,
                        _days(columns, row, by_date))


def _application(columns, line, row, code, themes) -> ApplicationRecord:
    written_theme = _cell(row, columns, "theme")
    theme = find_theme(written_theme, themes)
    if theme is None:
        if not written_theme:
            raise RuleViolation(_("no theme"))
        raise RuleViolation(_("unknown theme “{theme}”").format(theme=excerpt(written_theme)))
    written_target = _cell(row, columns, "council_target").casefold()
    if written_target in _YES:
        target = True
    elif written_target in _NO:
        target = False
    elif not written_target:
        target = None
    else:
        raise RuleViolation(
            _("council climate target must be yes or no, not “{value}”").format(
                value=excerpt(written_target))
        )
    written_funding = _cell(row, columns, "funding_committed").casefold()
    if written_funding in _YES:
        funding = True
    elif written_funding in _NO:
        funding = False
    elif not written_funding:
        funding = None
    else:
        raise RuleViolation(_("own funding must be yes or no, not “{value}”").format(
            value=excerpt(written_funding)))
    return ApplicationRecord(
        line, code, theme, _cell(row, columns, "wicked_problem"), target,
        _cell(row, columns, "current_state") if "current_state" in columns else None,
        _cell(row, columns, "challenges") if "challenges" in columns else None,
        funding,
    )


def find_theme(text: str, themes: dict[str, dict[str, str]]) -> str | None:
    key = name_key(text)
    if not key:
        return None
    for theme_id, labels in themes.items():
        if key == theme_id.casefold() or key in (name_key(label) for label in labels.values()):
            return theme_id
    return None
