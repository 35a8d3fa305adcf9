"""Peer-review pairs: each municipality reviews k others and is reviewed by k others.

A good pair has a reviewer that is strong where the reviewee is weak: the reviewee's weakest
themes in its self-assessment against the reviewer's scores there. Without assessment data,
pairs spread across regions and development-task themes. Never oneself; no reciprocal pairs
(A reviews B and B reviews A) unless allowed, or unless the numbers leave no other way;
optionally never within the same thematic group. Locked and done pairs are kept when the
rest is re-paired, e.g. after a municipality drops out.

The search is deterministic: a greedy start in a seeded order, then swaps of reviewees
between two pairs while the total improves.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, decimal

WEAKEST = 2  # how many of the reviewee's weakest themes count
# A team that shares no language with the municipality it visits cannot interview there:
# such a pair loses more than any two themes' lead can win back, so it is chosen only when
# no other way is left (and then marked).
NO_SHARED_LANGUAGE = 10.0


@dataclass(frozen=True)
class Reviewee:
    id: str
    region: str
    theme: str | None
    scores: dict[str, float] = field(default_factory=dict)  # theme -> self-assessed score
    group: int | None = None                                # its thematic group, if any
    # The languages it is visited in (fi, sv or both), and those its review team speaks;
    # empty when not known, which never counts against a pair.
    languages: frozenset[str] = frozenset()
    team_languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pair:
    reviewer: str
    reviewee: str
    score: float
    reasons: tuple[str, ...]
    shared_language: bool = True


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[Pair, ...]
    score: float
    reciprocal_needed: bool  # too few municipalities to avoid A↔B pairs


def weakest_themes(member: Reviewee) -> list[str]:
    return [t for t, _s in sorted(member.scores.items(), key=lambda item: (item[1], item[0]))][
        :WEAKEST]


def shares_language(reviewer: Reviewee, reviewee: Reviewee) -> bool:
    """Whether the reviewer's team can interview in the reviewee's language (unknown: yes)."""
    team = reviewer.team_languages or reviewer.languages
    return not team or not reviewee.languages or bool(team & reviewee.languages)


def pair_value(reviewer: Reviewee, reviewee: Reviewee, weakest: list[str]) -> float:
    """The score of pair_score without its words: the solver weighs every possible pair."""
    score = sum(max(0.0, reviewer.scores[t] - reviewee.scores[t]) for t in weakest
                if t in reviewer.scores)
    if reviewer.region and reviewee.region and reviewer.region != reviewee.region:
        score += 0.5
    if reviewer.theme and reviewee.theme and reviewer.theme != reviewee.theme:
        score += 0.5
    if not shares_language(reviewer, reviewee):
        score -= NO_SHARED_LANGUAGE
    return round(score, 6)


def pair_score(reviewer: Reviewee, reviewee: Reviewee,
               theme_names: dict[str, str] | None = None) -> tuple[float, tuple[str, ...]]:
    names = theme_names or {}
    score, reasons = 0.0, []
    for theme in weakest_themes(reviewee):
        if theme in reviewer.scores:
            lead = reviewer.scores[theme] - reviewee.scores[theme]
            if lead > 0:
                score += lead
                reasons.append(_("strong where the other is weak: {theme} {a} against {b}").format(
                    theme=names.get(theme, theme),
                    a=decimal(reviewer.scores[theme]), b=decimal(reviewee.scores[theme])))
    if reviewer.region and reviewee.region and reviewer.region != reviewee.region:
        score += 0.5
        reasons.append(_("another region"))
    if reviewer.theme and reviewee.theme and reviewer.theme != reviewee.theme:
        score += 0.5
        reasons.append(_("another development theme"))
    if not shares_language(reviewer, reviewee):
        score -= NO_SHARED_LANGUAGE
        reasons.append(_("no shared language: the team speaks {team}, the host {host}").format(
            team="/".join(sorted(reviewer.team_languages or reviewer.languages)),
            host="/".join(sorted(reviewee.languages))))
    return round(score, 6), tuple(reasons)


def solve_pairs(members: list[Reviewee], k: int = 2, allow_reciprocal: bool = False,
                apart_groups: bool = False, fixed: set[tuple[str, str]] | frozenset = frozenset(),
                theme_names: dict[str, str] | None = None, time_limit: float = 3.0) -> Pairing:
    members = sorted(members, key=lambda m: m.id)
    ids = [m.id for m in members]
    by_id = {m.id: m for m in members}
    n = len(members)
    if k < 1:
        raise RuleViolation(_("Each municipality must review at least one other."))
    if n < k + 1:
        raise RuleViolation(_("{n} municipalities cannot each review {k} others.").format(n=n, k=k))
    fixed = {(r, e) for r, e in fixed if r in by_id and e in by_id and r != e}
    # Without A↔B pairs each municipality needs 2k different partners.
    reciprocal_needed = not allow_reciprocal and n < 2 * k + 1
    allow_reciprocal = allow_reciprocal or reciprocal_needed
    scores: dict[tuple[str, str], tuple[float]] = {}

    def allowed(r: str, e: str) -> bool:
        if r == e:
            return False
        if apart_groups and by_id[r].group is not None and by_id[r].group == by_id[e].group:
            return False
        return True

    weakest = {m.id: weakest_themes(m) for m in members}
    for r in ids:
        for e in ids:
            if allowed(r, e):
                scores[(r, e)] = (pair_value(by_id[r], by_id[e], weakest[e]),)
    for r, e in fixed:
        if sum(1 for pr in fixed if pr[0] == r) > k or sum(1 for pr in fixed if pr[1] == e) > k:
            raise RuleViolation(_("More pairs are kept for one municipality than it reviews."))
    edges = _construct(ids, k, scores, fixed, allow_reciprocal)
    if edges is None:
        if apart_groups:
            raise RuleViolation(_("The pairs cannot all be outside the thematic groups: the "
                                  "groups are too large for {k} reviews each.").format(k=k))
        raise RuleViolation(_("The kept pairs leave no way to give everyone {k} reviews.").format(
            k=k))
    edges = _improve(edges, ids, scores, fixed, allow_reciprocal, time_limit)
    pairs = tuple(Pair(r, e, *pair_score(by_id[r], by_id[e], theme_names),
                       shares_language(by_id[r], by_id[e])) for r, e in sorted(edges))
    return Pairing(pairs, round(sum(p.score for p in pairs), 6), reciprocal_needed)


def _construct(ids, k, scores, fixed, allow_reciprocal, attempts: int = 200):
    rng = random.Random(len(ids) * 31 + k)
    for attempt in range(attempts):
        edges = set(fixed)
        out = {i: sum(1 for r, _e in edges if r == i) for i in ids}
        into = {i: sum(1 for _r, e in edges if e == i) for i in ids}
        order = list(ids)
        if attempt:
            rng.shuffle(order)
        ok = True
        for _round in range(k):
            for r in order:
                if out[r] >= k:
                    continue
                options = [e for e in ids if (r, e) in scores and (r, e) not in edges
                           and into[e] < k and (allow_reciprocal or (e, r) not in edges)]
                if not options:
                    ok = False
                    break
                # The reviewees most in need first, then the best score, then a stable order.
                best = min(options, key=lambda e: (into[e] - k, -scores[(r, e)][0]
                                                   if attempt == 0 else rng.random(), e))
                edges.add((r, best))
                out[r] += 1
                into[best] += 1
            if not ok:
                break
        if ok and all(out[i] == k and into[i] == k for i in ids):
            return edges
    return None


def _improve(edges, ids, scores, fixed, allow_reciprocal, time_limit, max_passes: int = 40):
    """Swap the reviewees of two pairs (a→b, c→d becomes a→d, c→b) while the total rises.

    Bounded by passes, not by the clock, so the same cohort gets the same pairs on every
    machine; the time limit only guards against a very slow one.
    """
    deadline = time.monotonic() + 3 * time_limit
    for _pass in range(max_passes):
        improved = False
        movable = sorted(edges - set(fixed))
        for x in range(len(movable)):
            a, b = movable[x]
            if (a, b) not in edges:
                continue
            for y in range(x + 1, len(movable)):
                c, d = movable[y]
                if (c, d) not in edges or a == c or b == d:
                    continue
                new1, new2 = (a, d), (c, b)
                if new1 not in scores or new2 not in scores or new1 in edges or new2 in edges:
                    continue
                if not allow_reciprocal and ((d, a) in edges or (b, c) in edges):
                    continue
                gain = scores[new1][0] + scores[new2][0] - scores[(a, b)][0] - scores[(c, d)][0]
                if gain > 1e-9:
                    edges -= {(a, b), (c, d)}
                    edges |= {new1, new2}
                    improved = True
                    break
        if not improved or time.monotonic() > deadline:
            break
    return edges
