"""Rows for the window's lists, in the shown language: plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core import selection
from ilmava_desktop.core.roles import ROLES_BY_KEY
from ilmava_desktop.i18n import _, language_name
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.storage import queries


@dataclass(frozen=True)
class MunicipalityRow:
    id: str
    code: str
    name: str
    region: str
    theme: str
    people: int
    search_text: str
    status: str = "selected"
    status_label: str = ""
    # The programme's criteria for an applicant, in the order of core.selection.CRITERIA,
    # and what is missing in words.
    criteria: tuple[bool, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    role: str
    title: str
    email: str
    language: str


def theme_label(theme_id: str | None, language: str) -> str:
    if not theme_id:
        return ""
    labels = wicked_problem_themes().get(theme_id)
    return labels[language] if labels else theme_id


def municipality_rows(session: CohortSession, language: str) -> list[MunicipalityRow]:
    counts = queries.people_counts(session.db)
    names_by_municipality: dict[str, list[str]] = {}
    for person in queries.people(session.db):
        names_by_municipality.setdefault(person.municipality_id, []).append(person.name)
    rows = []
    for m in queries.municipalities(session.db):
        theme = theme_label(m.theme, language)
        status = selection.status_label(m.status, language)
        search = " ".join([m.code, m.name_fi, m.name_sv, m.region(language), theme, status,
                           *names_by_municipality.get(m.id, [])]).casefold()
        rows.append(MunicipalityRow(
            m.id, m.code, m.name(language), m.region(language), theme, counts.get(m.id, 0),
            search, m.status, status, tuple(selection.criteria(m).as_dict().values()),
            tuple(selection.missing(m, language))))
    return rows


LANGUAGES = ("fi", "sv", "en")  # a person's or a cohort's, each named by language_name()


def person_rows(session: CohortSession, municipality_id: str) -> list[PersonRow]:
    municipality = queries.municipality(session.db, municipality_id)
    # No language of their own: the municipality's, shown in brackets so it reads as a default.
    default = f"({language_name(municipality.main_language)})" if municipality else ""
    return [
        PersonRow(p.id, p.name, _(ROLES_BY_KEY[p.role].label) if p.role in ROLES_BY_KEY else p.role,
                  p.title, p.email, language_name(p.language) if p.language else default)
        for p in queries.people(session.db, municipality_id)
    ]
