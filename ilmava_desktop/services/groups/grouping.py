"""Thematic peer groups for a cohort: proposed by the solver, saved, finished by hand.

Every change to a saved grouping (a municipality moved, locked, the rest re-solved) is one
write, so Ctrl+Z takes it back like any other edit.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, replace

from ilmava_desktop.core import assessment as assessment_core
from ilmava_desktop.core import grouping as core
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import assessment
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.storage.transaction import Transaction, new_id, stable_id


@dataclass(frozen=True)
class Grouping:
    id: str
    name: str
    day_id: str | None
    settings: dict


@dataclass(frozen=True)
class Placement:
    municipality_id: str
    group: int
    locked: bool


def maturity(db) -> tuple[assessment.Round | None, dict[str, float]]:
    """Each municipality's mean theme score in the latest round it has answers in, and the
    latest round with answers at all (None when nobody has assessed yet), to be named in the
    reader's language."""
    latest, levels = None, {}
    for current in reversed(assessment.rounds(db)):
        given = assessment.answers(db, current.id)
        if not given:
            continue
        latest = latest or current
        template = assessment.template(db, current.template_id)
        by_municipality: dict[str, list] = {}
        for answer in given:
            by_municipality.setdefault(answer.municipality_id, []).append(answer)
        for m_id, answers in by_municipality.items():
            scores = [s for s in assessment_core.theme_scores(template, answers).values()
                      if s is not None]
            if scores and m_id not in levels:
                levels[m_id] = statistics.fmean(scores)
    return latest, levels


def wishes(db) -> tuple[frozenset[frozenset[str]], frozenset[frozenset[str]]]:
    """(keep together, keep apart) as pairs of municipality ids."""
    together, apart = set(), set()
    for kind, first, second in db.execute(
            "SELECT kind, first_id, second_id FROM group_wish WHERE deleted = 0").fetchall():
        (together if kind == "together" else apart).add(frozenset((first, second)))
    return frozenset(together), frozenset(apart)


def problem(db, min_size: int = 3, max_size: int = 5, groups: int | None = None,
            weights: core.Weights | None = None, locks: dict[str, int] | None = None,
            language: str = "fi") -> core.Problem:
    _round, levels = maturity(db)
    members = tuple(core.Member(m.id, m.theme, m.region_code, levels.get(m.id))
                    for m in taking_part(db))
    together, apart = wishes(db)
    names = {theme: labels[language] for theme, labels in wicked_problem_themes().items()}
    return core.Problem(members, min_size, max_size, groups, dict(locks or {}), apart, together,
                        weights or core.Weights(), names)


def settings_of(p: core.Problem) -> dict:
    return {"min_size": p.min_size, "max_size": p.max_size, "groups": p.group_count,
            "weights": p.weights.as_dict()}


def problem_for(db, grouping: Grouping, language: str = "fi") -> core.Problem:
    s = grouping.settings
    return problem(db, s.get("min_size", 3), s.get("max_size", 5), s.get("groups"),
                   core.Weights(**s.get("weights", {})), language=language)


# -- saved groupings ----------------------------------------------------------------------------


def groupings(db) -> list[Grouping]:
    return [Grouping(r["id"], r["name"], r["day_id"], json.loads(r["settings"]))
            for r in db.query("SELECT * FROM grouping WHERE deleted = 0 ORDER BY name")]


def find_grouping(db, name_or_id: str) -> Grouping | None:
    key = clean_text(name_or_id).casefold()
    return next((g for g in groupings(db) if g.id == name_or_id or g.name.casefold() == key),
                None)


def placements(db, grouping_id: str) -> list[Placement]:
    return [Placement(m, k, bool(locked)) for m, k, locked in db.execute(
        "SELECT municipality_id, group_number, locked FROM grouping_member"
        " WHERE grouping_id = ? AND deleted = 0", [grouping_id]).fetchall()]


def _member_id(grouping_id: str, municipality_id: str) -> str:
    return stable_id("grouping_member", grouping_id, municipality_id)


def _put_assignment(tx: Transaction, grouping_id: str, assignment: dict[str, int],
                    locked: set[str]) -> None:
    for municipality_id, group in assignment.items():
        tx.put("grouping_member", {
            "id": _member_id(grouping_id, municipality_id), "grouping_id": grouping_id,
            "municipality_id": municipality_id, "group_number": group,
            "locked": int(municipality_id in locked), "deleted": 0})


def put_grouping(tx: Transaction, name: str, solution: core.Solution, p: core.Problem,
                 day_id: str | None = None, grouping_id: str | None = None) -> str:
    grouping_id = grouping_id or new_id()
    tx.put("grouping", {"id": grouping_id, "name": name, "day_id": day_id, "kind": "thematic",
                        "settings": json.dumps(settings_of(p))})
    assignment = {m: k for k, group in enumerate(solution.groups) for m in group.members}
    _put_assignment(tx, grouping_id, assignment, set(p.locks))
    return grouping_id


def propose(db, *, min_size: int = 3, max_size: int = 5, groups: int | None = None,
            weights: core.Weights | None = None, time_limit: float = 5.0,
            language: str = "fi") -> tuple[core.Problem, core.Solution]:
    """The best grouping of the cohort as it is now (proven optimal, or the best found in
    `time_limit` seconds for a large cohort)."""
    p = problem(db, min_size, max_size, groups, weights=weights, language=language)
    return p, core.solve(p, time_limit)


@dataclass(frozen=True)
class SavedProposal:
    grouping_id: str
    solution: core.Solution


def propose_and_save(session: CohortSession, name: str, *, day_id: str | None = None,
                     min_size: int = 3, max_size: int = 5, groups: int | None = None,
                     weights: core.Weights | None = None, time_limit: float = 5.0,
                     language: str = "fi") -> Changes:
    """Propose groups and save them under `name`; the Changes' result is a SavedProposal."""
    p, solution = propose(session.db, min_size=min_size, max_size=max_size, groups=groups,
                          weights=weights, time_limit=time_limit, language=language)
    changes = save_grouping(session, name, solution, p, day_id)
    return replace(changes, result=SavedProposal(changes.result, solution))


def save_grouping(session: CohortSession, name: str, solution: core.Solution,
                  p: core.Problem, day_id: str | None = None) -> Changes:
    name = clean_text(name)
    if not name:
        raise RuleViolation(_("A grouping needs a name."))
    if find_grouping(session.db, name):
        raise RuleViolation(_("There is already a grouping called {name}.").format(name=name))
    return session.write(_("Save the grouping {name}").format(name=name),
                         lambda tx: put_grouping(tx, name, solution, p, day_id))


def move(session: CohortSession, grouping_id: str, municipality_ids: list[str],
         group: int) -> Changes:
    """Municipalities dragged to another group. Sizes may go out of bounds while the
    facilitator works; the window says so, the file keeps what was done."""
    def work(tx: Transaction) -> str:
        for municipality_id in municipality_ids:
            row = tx.get("grouping_member", _member_id(grouping_id, municipality_id))
            tx.put("grouping_member", {
                "id": _member_id(grouping_id, municipality_id), "grouping_id": grouping_id,
                "municipality_id": municipality_id, "group_number": group,
                "locked": row["locked"] if row else 0, "deleted": 0})
        return municipality_ids[0]

    return session.write(_("Move to group {k}").format(k=group + 1), work)


def set_locked(session: CohortSession, grouping_id: str, municipality_ids: list[str],
               locked: bool) -> Changes:
    def work(tx: Transaction) -> None:
        for municipality_id in municipality_ids:
            tx.update("grouping_member", _member_id(grouping_id, municipality_id),
                      {"locked": int(locked)})

    return session.write(_("Lock") if locked else _("Unlock"), work)


def resolve_rest(session: CohortSession, grouping_id: str, time_limit: float = 5.0,
                 language: str = "fi") -> Changes:
    """Keep the locked municipalities where they are; the solver places the others."""
    db = session.db
    grouping = next(g for g in groupings(db) if g.id == grouping_id)
    placed = placements(db, grouping_id)
    p = problem_for(db, grouping, language)
    current = {pl.municipality_id: pl.group for pl in placed}
    locked = {pl.municipality_id for pl in placed if pl.locked}
    solution = core.resolve_rest(p, current, locked, time_limit)
    assignment = {m: k for k, group in enumerate(solution.groups) for m in group.members}
    return session.write(_("Propose the rest again"), lambda tx: _put_assignment(
        tx, grouping_id, assignment, locked))


def solution_of(db, grouping: Grouping, language: str = "fi") -> core.Solution:
    """A saved grouping, scored and explained as the solver would, whatever hands did to it."""
    p = problem_for(db, grouping, language)
    placed = placements(db, grouping.id)
    groups = max([p.group_count] + [pl.group + 1 for pl in placed])
    return core.explain(replace(p, groups=groups),
                        {pl.municipality_id: pl.group for pl in placed}, optimal=False)


def add_wish(session: CohortSession, kind: str, first_id: str, second_id: str) -> Changes:
    if kind not in ("together", "apart") or first_id == second_id:
        raise RuleViolation(_("A wish is about two different municipalities."))
    pair = sorted((first_id, second_id))
    row_id = stable_id("group_wish", *pair)
    return session.write(_("Keep together") if kind == "together" else _("Keep apart"),
                         lambda tx: tx.put("group_wish", {"id": row_id, "kind": kind,
                                                          "first_id": pair[0],
                                                          "second_id": pair[1], "deleted": 0}))


def remove_wish(session: CohortSession, first_id: str, second_id: str) -> Changes:
    row_id = stable_id("group_wish", *sorted((first_id, second_id)))
    return session.write(_("Remove the wish"), lambda tx: tx.get("group_wish", row_id) and
                         tx.tombstone("group_wish", row_id))
