"""Adding, editing and removing the municipalities of a cohort."""

from __future__ import annotations

from functools import cache

from ilmava_desktop.core.model import Municipality
from ilmava_desktop.core.municipality_names import (
    MunicipalityFinder,
    OfficialMunicipality,
    name_key,
    normalise_code,
)
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.core.selection import STATUSES
from ilmava_desktop.core.sorting import alphabet_key
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.resources import official_municipalities, wicked_problem_themes
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep, given
from ilmava_desktop.services.municipalities.people import PERSONAL_FIELDS
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, stable_id

EDITABLE = {"council_target", "current_state", "challenges", "theme", "wicked_problem",
            "own_funding_paid", "status", "funding_committed"}


def municipality_id(code: str) -> str:
    """A municipality is the same row on every laptop that adds it to the cohort."""
    return stable_id("municipality", code)


def official(code: str) -> OfficialMunicipality:
    for m in official_municipalities():
        if m.code == code:
            return m
    raise RuleViolation(_("There is no municipality with code {code}.").format(code=code))


def put_municipality(tx: Transaction, code: str, **fields) -> str:
    """Add (or revive) a municipality from the official list, with optional fields."""
    m = official(code)
    row_id = municipality_id(code)
    tx.put("municipality", {
        "id": row_id, "code": m.code, "name_fi": m.name_fi, "name_sv": m.name_sv,
        "region_code": m.region_code, "region_fi": m.region_fi, "region_sv": m.region_sv,
        "language_status": m.language_status, "deleted": 0, **_checked(fields),
    })
    return row_id


def add_municipality(session: CohortSession, code: str, *, status: str = "selected") -> Changes:
    """Add a municipality by hand: it takes part (selected) unless `status` says otherwise."""
    m = official(code)
    if queries.municipality_by_code(session.db, code):
        raise RuleViolation(_("{name} is already in the cohort.").format(name=m.name_fi))
    return session.write(_("Add {name}").format(name=m.name_fi),
                         lambda tx: put_municipality(tx, code, status=status))


def update_municipality(session: CohortSession, row_id: str, *,
                        theme: str | None | Keep = KEEP, wicked_problem: str | Keep = KEEP,
                        council_target: bool | None | Keep = KEEP,
                        current_state: str | Keep = KEEP, challenges: str | Keep = KEEP,
                        own_funding_paid: bool | None | Keep = KEEP,
                        funding_committed: bool | None | Keep = KEEP) -> Changes:
    """The municipality's development task and application data; what is left out stays."""
    current = queries.municipality(session.db, row_id)
    if current is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))
    checked = _checked(given(
        theme=theme, wicked_problem=wicked_problem, council_target=council_target,
        current_state=current_state, challenges=challenges, own_funding_paid=own_funding_paid,
        funding_committed=funding_committed))
    return session.write(_("Edit {name}").format(name=current.name_fi),
                         lambda tx: tx.update("municipality", row_id, checked))


def remove_municipality(session: CohortSession, row_id: str) -> Changes:
    """Remove a municipality and its people (tombstones; undo brings them back).

    The people's personal data is blanked in the file as when each is deleted (GDPR); the
    result is their ids, so that they can be erased from the backups too.
    """
    current = queries.municipality(session.db, row_id)
    if current is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))

    def work(tx: Transaction) -> list[str]:
        removed = [person.id for person in queries.people(session.db, row_id)]
        for person_id in removed:
            tx.tombstone("person", person_id, PERSONAL_FIELDS)
        tx.tombstone("municipality", row_id)
        return removed

    return session.write(_("Remove {name}").format(name=current.name_fi), work)


def _checked(fields: dict) -> dict:
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    out = dict(fields)
    if "theme" in out and out["theme"] not in (None, "") and out["theme"] not in (
        wicked_problem_themes()
    ):
        raise RuleViolation(_("Unknown theme “{theme}”.").format(theme=out["theme"]))
    if out.get("theme") == "":
        out["theme"] = None
    if "status" in out and out["status"] not in STATUSES:
        raise ValueError(f"not a status: {out['status']}")
    for key in ("council_target", "own_funding_paid", "funding_committed"):
        if key in out and out[key] is not None:
            out[key] = int(bool(out[key]))
    for key in ("current_state", "challenges", "wicked_problem"):
        if key in out:
            out[key] = (out[key] or "").strip()
    return out


# -- reading: what the window shows of the municipalities ---------------------------------

@cache
def _finder() -> MunicipalityFinder:
    return MunicipalityFinder(official_municipalities())


def find_municipality(db, name_or_code: str) -> str | None:
    """A cohort municipality by any name the app shows it by: its code ("91" too), its
    Finnish, Swedish or English name, or both names as the window writes them
    ("Porvoo – Borgå"), in any case."""
    official = _finder().find(name_or_code)
    code = official.code if official else normalise_code(name_or_code)
    wanted = name_key(name_or_code)
    for m in queries.municipalities(db):
        if m.code == code or wanted in (name_key(m.name_fi), name_key(m.name_sv)):
            return m.id
    return None



def municipalities(db) -> list[Municipality]:
    """The cohort's municipalities, by name: applicants and those not selected too."""
    return in_name_order(queries.municipalities(db))


def taking_part(db) -> list[Municipality]:
    """The municipalities that take part in the days, groups, pairs, visits and reports:
    the selected ones, by name. Every tool that lists the cohort's municipalities for its
    work asks this."""
    return in_name_order(queries.municipalities(db, taking_part=True))


def in_name_order(found: list[Municipality], language: str | None = None) -> list[Municipality]:
    """By the name the user reads, in that language's order: a Swedish list runs Borgå,
    Hangö, Tavastehus, not by the Finnish names it does not show."""
    language = language or current_language()
    return sorted(found, key=lambda m: alphabet_key(m.name(language), language))


def people_taking_part(db, municipality_id: str | None = None):
    """The people of the municipalities taking part (of one, when given)."""
    return queries.people(db, municipality_id, taking_part=True)


def municipality(db, municipality_id: str) -> Municipality | None:
    return queries.municipality(db, municipality_id)
