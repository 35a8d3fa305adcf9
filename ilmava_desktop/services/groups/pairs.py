"""Peer-review pairs for the cohort: proposed, saved, kept when locked or done, repaired."""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core import assessment as assessment_core
from ilmava_desktop.core import pairing as core
from ilmava_desktop.core.municipality_names import (
    BILINGUAL_FINNISH_MAJORITY,
    BILINGUAL_SWEDISH_MAJORITY,
)
from ilmava_desktop.i18n import _
from ilmava_desktop.services import assessment
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.groups import grouping
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.storage.transaction import Transaction, stable_id


@dataclass(frozen=True)
class SavedPair:
    reviewer_id: str
    reviewee_id: str
    score: float
    locked: bool
    done: bool


def theme_scores(db) -> dict[str, dict[str, float]]:
    """Each municipality's theme scores in the latest round it has answered."""
    found: dict[str, dict[str, float]] = {}
    for current in reversed(assessment.rounds(db)):
        template = assessment.template(db, current.template_id)
        by_municipality: dict[str, list] = {}
        for answer in assessment.answers(db, current.id):
            by_municipality.setdefault(answer.municipality_id, []).append(answer)
        for m_id, given in by_municipality.items():
            if m_id not in found:
                found[m_id] = {t: s for t, s in assessment_core.theme_scores(
                    template, given).items() if s is not None}
    return found


def theme_titles(db, language: str) -> dict[str, str]:
    import json

    body = json.loads(assessment.cohort_template_body(db))
    return {t["id"]: t["title"].get(language) or t["title"]["fi"] for t in body["themes"]}


def host_languages(municipality) -> frozenset[str]:
    """The languages a municipality is visited in: both for a bilingual one."""
    if municipality.language_status in (BILINGUAL_FINNISH_MAJORITY, BILINGUAL_SWEDISH_MAJORITY):
        return frozenset({"fi", "sv"})
    return frozenset({municipality.main_language})


def team_languages(db, municipality) -> frozenset[str]:
    """The languages its review team speaks: each member's own where recorded, else the
    municipality's main language (a bilingual town's team is not assumed to speak both)."""
    from ilmava_desktop.services.visits import team_members

    main = municipality.main_language
    members = team_members(db, municipality.id)
    return frozenset({p.language if p.language in ("fi", "sv") else main for p in members}
                     or {main})


def reviewees(db, grouping_id: str | None = None,
              without: set[str] | frozenset = frozenset()) -> list[core.Reviewee]:
    scores = theme_scores(db)
    groups = ({p.municipality_id: p.group for p in grouping.placements(db, grouping_id)}
              if grouping_id else {})
    return [core.Reviewee(m.id, m.region_code, m.theme, scores.get(m.id, {}), groups.get(m.id),
                          host_languages(m), team_languages(db, m))
            for m in taking_part(db) if m.id not in without]


def without_shared_language(db) -> set[tuple[str, str]]:
    """The saved pairs whose team shares no language with the municipality it visits."""
    members = {m.id: m for m in reviewees(db)}
    return {(p.reviewer_id, p.reviewee_id) for p in saved_pairs(db)
            if p.reviewer_id in members and p.reviewee_id in members
            and not core.shares_language(members[p.reviewer_id], members[p.reviewee_id])}


def saved_pairs(db) -> list[SavedPair]:
    return [SavedPair(r, e, s, bool(lk), bool(d)) for r, e, s, lk, d in db.execute(
        "SELECT reviewer_id, reviewee_id, score, locked, done FROM review_pair"
        " WHERE deleted = 0 ORDER BY reviewer_id, reviewee_id").fetchall()]


def kept(db, without: set[str] | frozenset = frozenset()) -> set[tuple[str, str]]:
    """The pairs a re-pairing keeps: locked or already done, between those still in."""
    return {(p.reviewer_id, p.reviewee_id) for p in saved_pairs(db) if (p.locked or p.done)
            and p.reviewer_id not in without and p.reviewee_id not in without}


def dropped(db) -> set[str]:
    """The municipalities that have left the peer review."""
    return {m for (m,) in db.execute(
        "SELECT municipality_id FROM review_dropout WHERE deleted = 0").fetchall()}


def propose(db, k: int = 2, allow_reciprocal: bool = False, grouping_id: str | None = None,
            without: set[str] | frozenset = frozenset(), language: str = "fi",
            time_limit: float = 3.0) -> core.Pairing:
    without = set(without) | dropped(db)
    return core.solve_pairs(reviewees(db, grouping_id, without), k, allow_reciprocal,
                            apart_groups=grouping_id is not None, fixed=kept(db, without),
                            theme_names=theme_titles(db, language), time_limit=time_limit)


def _pair_id(reviewer: str, reviewee: str) -> str:
    return stable_id("review_pair", reviewer, reviewee)


def put_pairs(tx: Transaction, pairing: core.Pairing) -> int:
    """The new pairs replace the old; locked and done ones keep their marks, and a done
    review stays on record even when its municipality has since left."""
    old = {(p.reviewer_id, p.reviewee_id): p for p in saved_pairs(tx.db)}
    new = {(p.reviewer, p.reviewee): p for p in pairing.pairs}
    for key in old.keys() - new.keys():
        if not old[key].done:
            tx.tombstone("review_pair", _pair_id(*key))
    for key, pair in new.items():
        before = old.get(key)
        tx.put("review_pair", {"id": _pair_id(*key), "reviewer_id": key[0],
                               "reviewee_id": key[1], "score": pair.score,
                               "locked": int(before.locked) if before else 0,
                               "done": int(before.done) if before else 0, "deleted": 0})
    return len(new)


def save(session: CohortSession, pairing: core.Pairing) -> Changes:
    return session.write(_("Save the peer-review pairs"), lambda tx: put_pairs(tx, pairing))


def set_marks(session: CohortSession, reviewer: str, reviewee: str, *,
              locked: bool | None = None, done: bool | None = None) -> Changes:
    fields = {key: int(value) for key, value in (("locked", locked), ("done", done))
              if value is not None}
    return session.write(_("Mark the pair"), lambda tx: tx.update(
        "review_pair", _pair_id(reviewer, reviewee), fields))


def drop_out(session: CohortSession, municipality_id: str, k: int = 2,
             allow_reciprocal: bool = False, language: str = "fi") -> Changes:
    """A municipality leaves the peer review: re-pair the others, keeping locked and done,
    and leave it out of every later proposal until it is brought back."""
    pairing = propose(session.db, k, allow_reciprocal, without={municipality_id},
                      language=language)

    def work(tx: Transaction) -> int:
        tx.put("review_dropout", {"id": stable_id("review_dropout", municipality_id),
                                  "municipality_id": municipality_id, "deleted": 0})
        return put_pairs(tx, pairing)

    return session.write(_("Leaves the peer review"), work)


def bring_back(session: CohortSession, municipality_id: str) -> Changes:
    """Back in the peer review: the next proposal pairs it again."""
    row_id = stable_id("review_dropout", municipality_id)
    return session.write(_("Back in the peer review"), lambda tx: tx.get(
        "review_dropout", row_id) and tx.tombstone("review_dropout", row_id))
