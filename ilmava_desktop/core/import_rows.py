"""Understanding the organiser's spreadsheet: which columns mean what, which rows are usable.

Pure: takes the header and rows as text, returns records and rejections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ilmava_desktop.core.columns import (
    NOT_USED_WORDS,
    AmbiguousLabel,
    ChoiceError,
    ColumnMap,
    Field,
    find_label,
    fold,
    form_login_columns,
    yes_no,
)
from ilmava_desktop.core.columns import is_yes as _is_yes
from ilmava_desktop.core.columns import map_columns as map_by_meaning
from ilmava_desktop.core.municipality_names import MunicipalityFinder, name_key
from ilmava_desktop.core.roles import role_from_title
from ilmava_desktop.core.rules import RuleViolation, check_email, clean_text, excerpt
from ilmava_desktop.i18n import N_, _, current_language, ngettext

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
# Words (starts of words) a question holds when it asks for a field, in fi, sv and en:
# "Onko valtuusto asettanut ilmastotavoitteen?" asks for the council's target.
HEADER_PHRASES: dict[str, tuple[str, ...]] = {
    "municipality": ("kunta", "kunnan nimi", "kommun", "municipalit", "kaupunki", "stad", "city",
                     "edustamasi kunta", "organisaatio kunta"),
    "name": ("nimi", "namn", "name", "koko nimi", "osallistujan nimi", "deltagarens namn"),
    "first_name": ("etunimi", "fornamn", "first name", "firstname", "given name"),
    "last_name": ("sukunimi", "efternamn", "last name", "lastname", "surname", "family name"),
    "email": ("sahkoposti", "email", "epost", "mail"),
    "role": ("titteli", "nimike", "tehtavanimike", "asema", "rooli", "roll", "titel",
             "befattning", "role", "title", "position", "virka"),
    "language": ("kieli", "asiointikieli", "sprak", "language"),
    "theme": ("teema", "tema", "theme", "kehittamistehtav teema", "utvecklingsuppgift tema",
              "aihealue"),
    "wicked_problem": ("viheliai", "kehittamistehtav", "ongelma", "svarlost", "utvecklingsuppgift",
                       "wicked", "problem", "development task"),
    "council_target": ("ilmastotavoit", "valtuusto ilmastotavoit", "valtuusto tavoit",
                       "klimatmal", "fullmaktige klimatmal", "climate target", "council target"),
    "current_state": ("nykytil", "nulage", "current state", "lahtotilan"),
    "challenges": ("haaste", "utmaning", "challenge"),
    "funding_committed": ("omarahoitu", "egenfinansier", "egen finansier", "own funding"),
    "days": ("paiva", "paiviin", "paiville", "dag", "day"),
}
FIELD_LABELS = {
    "municipality": N_("municipality"), "name": N_("name"), "first_name": N_("first name"),
    "last_name": N_("last name"), "email": N_("e-mail"), "role": N_("title or role"),
    "language": N_("language"), "theme": N_("theme"), "wicked_problem": N_("wicked problem"),
    "council_target": N_("council climate target"), "current_state": N_("current state"),
    "challenges": N_("challenges"), "funding_committed": N_("own funding committed"),
    "days": N_("days"),
    "day_date": N_("invited to this day"),
}
REGISTRATION_FIELDS = ("municipality", "name", "first_name", "last_name", "email", "role",
                       "language", "days")
APPLICATION_FIELDS = ("municipality", "theme", "wicked_problem", "council_target",
                      "current_state", "challenges", "funding_committed")

_ANONYMOUS = {"anonymous", "anonyymi", "anonym", "anonyym"}
_LANGUAGE = {"fi": "fi", "suomi": "fi", "finska": "fi", "finnish": "fi",
             "sv": "sv", "ruotsi": "sv", "svenska": "sv", "swedish": "sv",
             "en": "en", "englanti": "en", "engelska": "en", "english": "en"}


def _is_email(value: str) -> bool:
    try:
        check_email(value)
    except RuleViolation:
        return False
    return "@" in value


def _is_name(value: str) -> bool:
    return "@" not in value and value.casefold() not in _ANONYMOUS and not value.isdigit()


def _is_yes_no(value: str) -> bool:
    try:
        yes_no(value)
    except RuleViolation:
        return False
    return True


def municipality_fields(finder: MunicipalityFinder, kind: str | None = None) -> list[Field]:
    """The fields of registrations and applications (of one kind, or of both)."""
    fits = {"municipality": lambda v: finder.find(v) is not None, "email": _is_email,
            "name": _is_name, "first_name": _is_name, "last_name": _is_name,
            "council_target": _is_yes_no,
            "language": lambda v: v.casefold() in _LANGUAGE}
    keys = (REGISTRATION_FIELDS if kind == REGISTRATIONS else APPLICATION_FIELDS
            if kind == APPLICATIONS else tuple(HEADER_ALIASES))
    return [Field(key, FIELD_LABELS[key], HEADER_ALIASES[key], HEADER_PHRASES[key],
                  fits.get(key)) for key in keys]


class UnusableFile(ValueError):
    """The file as a whole cannot be imported; the message is for the user."""


class MissingColumns(UnusableFile):
    """No column of the file was understood to hold what the import needs: the columns as
    they were read and the fields they can be given, so the user can choose."""

    def __init__(self, message: str, columns: ColumnMap, fields: list[tuple[str, str]]):
        super().__init__(message)
        self.columns, self.fields = columns, fields


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
    theme: str | None  # None: the row's theme could not be told (see notes)
    wicked_problem: str
    council_target: bool | None
    current_state: str | None
    challenges: str | None
    notes: tuple[str, ...] = ()  # what of the row was left out, and why
    funding_committed: bool | None = None
    # The theme label that fits several themes or none: the user may pick one.
    theme_question: ThemeQuestion | None = None


@dataclass(frozen=True)
class ThemeQuestion:
    """A theme label that fits several themes, or none: imported unset unless the user
    picks the theme it means (in the window's preview, or `--theme LINE=theme`)."""
    line: int
    label: str  # as the file writes it
    candidates: tuple[str, ...]  # the themes that fit equally well; empty: none fits
    note: str  # what is said when nothing is picked
    subject: str = ""  # whose theme: a sparrer's name (a municipality's code)
    position: int = 0  # which of the line's unclear labels (a sparrer lists several)

    @property
    def key(self) -> tuple[int, int]:
        return self.line, self.position

    def choices(self, themes: Iterable[str]) -> tuple[str, ...]:
        """The themes the user may pick: those that fit, or any when none does."""
        return self.candidates or tuple(themes)

    def as_json(self, picked: str | None = None) -> dict:
        return {"line": self.line, "label": self.label, "candidates": list(self.candidates),
                "chosen": picked}


def theme_question(line: int, text: str, themes: dict[str, dict[str, str]],
                   subject: str = "", position: int = 0) -> tuple[str | None, ThemeQuestion | None]:
    """The theme a label means, or the question it leaves: (theme, None) or (None, question)."""
    try:
        theme = find_theme(text, themes)
    except AmbiguousLabel as exc:
        return None, ThemeQuestion(line, text, tuple(exc.candidates), str(exc), subject,
                                   position)
    if theme is None:
        return None, ThemeQuestion(line, text, (), _("unknown theme “{theme}”").format(
            theme=excerpt(text)), subject, position)
    return theme, None


def parse_theme_args(written: Iterable[str], themes: dict[str, dict[str, str]]
                     ) -> dict[tuple[int, int], str | None]:
    """The command line's `--theme "LINE=theme"` picks (theme by id or label; "unset" or
    nothing leaves it unset). A line with several unclear labels takes one per label, in
    their order."""
    picks: dict[tuple[int, int], str | None] = {}
    for text in written:
        line_text, sep, value = text.partition("=")
        value = value.strip()
        if not sep or not line_text.strip().isdigit():
            raise ChoiceError(_("--theme takes LINE=theme, not “{text}”.").format(
                text=excerpt(text)))
        line = int(line_text)
        position = sum(1 for key in picks if key[0] == line)
        if not value or fold(value) in {*NOT_USED_WORDS, *_UNSET_WORDS}:
            picks[(line, position)] = None
            continue
        try:
            theme = find_theme(value, themes)
        except AmbiguousLabel as exc:
            raise ChoiceError(str(exc)) from None
        if theme is None:
            raise ChoiceError(_("There is no theme “{theme}”; the themes are: {themes}.").format(
                theme=excerpt(value), themes=", ".join(themes)))
        picks[(line, position)] = theme
    return picks


_UNSET_WORDS = {"unset", "none", "tyhja", "ei mitaan", "ingen", "-"}


def check_theme_picks(picks: dict[tuple[int, int], str | None],
                      questions: Iterable[ThemeQuestion],
                      themes: dict[str, dict[str, str]]) -> None:
    """Every pick answers a question of the file with a theme that may be picked for it."""
    by_key = {q.key: q for q in questions}
    for key, theme in picks.items():
        question = by_key.get(key)
        if question is None:
            count = sum(1 for q in by_key.values() if q.line == key[0])
            if not count:
                raise ChoiceError(_("Line {line} of the file has no theme to choose.").format(
                    line=key[0]))
            raise ChoiceError(ngettext(
                "Line {line} of the file has {n} theme to choose, not {picked}.",
                "Line {line} of the file has {n} themes to choose, not {picked}.", count).format(
                line=key[0], n=count, picked=sum(1 for k in picks if k[0] == key[0])))
        if theme is not None and theme not in question.choices(themes):
            language = current_language()
            raise ChoiceError(_("“{label}” on line {line} fits only: {themes}.").format(
                label=excerpt(question.label), line=key[0], themes="; ".join(
                    f"{t} ({themes[t].get(language) or themes[t]['fi']})"
                    for t in question.candidates)))


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


def file_kind(header: list[str], rows: list[list[str]], finder: MunicipalityFinder,
              chosen: dict[str, str | None] | None = None) -> tuple[str, ColumnMap]:
    """Which kind of file this is, and how each of its columns is used."""
    union = municipality_fields(finder)
    both = map_by_meaning(header, rows, union, chosen, day_columns_taken(header))
    index = both.index()
    choices = [(f.key, _(f.label)) for f in union]
    if "municipality" not in index:
        raise MissingColumns(_("The file has no municipality column (Kunta, Kommun or "
                               "Municipality)."), both, choices)
    if {"theme", "wicked_problem", "council_target"} & index.keys():
        kind = APPLICATIONS
    elif "name" in index or {"first_name", "last_name"} & index.keys():
        kind = REGISTRATIONS
    else:
        raise MissingColumns(_(
            "The file has neither name columns of registrations nor the theme column of "
            "applications."), both, choices)
    fields = municipality_fields(finder, kind)
    keys = {f.key for f in fields}
    # A choice of the other kind's field (remembered from another file) does not apply here.
    chosen = {h: f for h, f in (chosen or {}).items() if f is None or f in keys}
    taken = day_columns_taken(header) if kind == REGISTRATIONS else {}
    column_map = map_by_meaning(header, rows, fields, chosen, taken)
    index = column_map.index()
    if {"first_name", "last_name"} <= index.keys() and "name" in index:
        # Microsoft Forms' own name column (the signed-in user, or empty) is not the
        # person's name when the form asks for first and last name.
        column_map = column_map.without(index["name"], form_login_columns(header))
    return kind, column_map


def day_columns_taken(header: list[str]) -> dict[int, str]:
    return {index: "day_date" for index in day_columns(header)}


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


_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}")


def _days(columns, row, by_date: dict[int, date]) -> tuple[int | date, ...] | None:
    if "days" in columns:
        text = _cell(row, columns, "days")
        # A form's choices may name each day ("Päivä 2 (4.3.2026)"): its date decides.
        written = _DATE.findall(text) or [p for p in re.split(r"[,;\s]+", text) if p]
        days = []
        for part in written:
            day = day_reference(part)
            if day is None:
                raise RuleViolation(_("“{day}” is not a day (its number or date)").format(
                    day=excerpt(part)))
            days.append(day)
        return tuple(days)
    if by_date:
        return tuple(when for index, when in by_date.items()
                     if index < len(row) and _is_yes(row[index]))
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
    # A form's own first and last name columns are the person's; a name column (often the
    # form's signed-in user) only stands in when they are empty.
    name = clean_text(f"{_cell(row, columns, 'first_name')} {_cell(row, columns, 'last_name')}"
                      ) or _cell(row, columns, "name")
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
    notes = []
    theme = question = None
    if written_theme:
        theme, question = theme_question(line, written_theme, themes, code)
    elif "theme" in columns:
        notes.append(_("no theme"))
    try:
        target = yes_no(_cell(row, columns, "council_target"))
    except RuleViolation:
        raise RuleViolation(
            _("council climate target must be yes or no, not “{value}”").format(
                value=excerpt(_cell(row, columns, "council_target")))) from None
    try:
        funding = yes_no(_cell(row, columns, "funding_committed"))
    except RuleViolation:
        raise RuleViolation(_("own funding must be yes or no, not “{value}”").format(
            value=excerpt(_cell(row, columns, "funding_committed")))) from None
    return ApplicationRecord(
        line, code, theme, _cell(row, columns, "wicked_problem"), target,
        _cell(row, columns, "current_state") if "current_state" in columns else None,
        _cell(row, columns, "challenges") if "challenges" in columns else None,
        tuple(notes),
        funding,
        question,
    )


def find_theme(text: str, themes: dict[str, dict[str, str]]) -> str | None:
    """A theme by its id or label, or by a short or partial label in any language
    ("Hankinnat", "maankäyttö"); raises AmbiguousLabel naming the candidates."""
    try:
        return find_label(text, {theme: labels.values() for theme, labels in themes.items()})
    except AmbiguousLabel as exc:
        language = current_language()
        names = [themes[key].get(language) or themes[key]["fi"] for key in exc.candidates]
        raise AmbiguousLabel(_("“{label}” fits several themes: {themes}.").format(
            label=excerpt(text), themes="; ".join(names)), exc.candidates) from None
