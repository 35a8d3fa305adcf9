"""Creating a cohort and describing one."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core import programme as core_programme
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import LANGUAGES, _
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, new_id

COHORT_SUFFIX = ".ilmava"


def create_cohort(path: Path, name: str, programme: str = "ILMAVA", year: int | None = None,
                  language: str = "fi") -> CohortSession:
    name = clean_text(name)
    if not name:
        raise RuleViolation(_("A cohort needs a name."))
    if language not in LANGUAGES:
        raise RuleViolation(_("Unknown language “{language}”.").format(language=language))
    path = Path(path)
    if path.suffix != COHORT_SUFFIX:
        path = path.with_name(path.name + COHORT_SUFFIX)

    # "ilmava", "motiva" or "custom" choose a profile; any other text names a custom one.
    kind = clean_text(programme).casefold()
    profile = ({"programme_kind": kind} if kind in core_programme.KINDS else
               {"programme_kind": "custom", "programme_name_fi": clean_text(programme)})
    label = {"ilmava": "ILMAVA", "motiva": "Motiva"}.get(kind, clean_text(programme))

    def fill(tx: Transaction) -> None:
        tx.put("cohort", {"id": new_id(), "name": name, "programme": label,
                          "year": year, "language": language, "is_demo": 0, **profile})

    return CohortSession.create(path, fill)


def info(session: CohortSession) -> dict:
    cohort = queries.cohort(session.db)
    return {
        "name": cohort.name,
        "programme": cohort.programme,
        "year": cohort.year,
        "language": cohort.language,
        "demo": cohort.is_demo,
        "municipalities": len(queries.municipalities(session.db)),
        "selected": len(queries.municipalities(session.db, taking_part=True)),
        "people": len(queries.people(session.db)),
        "days": len(queries.days(session.db)),
    }


def rename_cohort(session: CohortSession, name: str):
    name = clean_text(name)
    if not name:
        raise RuleViolation(_("A cohort needs a name."))
    cohort = queries.cohort(session.db)
    return session.write(_("Rename cohort"),
                         lambda tx: tx.update("cohort", cohort.id, {"name": name}))
