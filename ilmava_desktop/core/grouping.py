"""Thematic peer groups: hard rules, soft wishes with weights, and a solver that proves optimal.

The objective is a sum over pairs of municipalities placed in the same group, so a group's
score is the sum of its pairs and explains itself: shared development-task theme, a
keep-together wish kept, a mix of maturity levels, different regions. Hard rules are never
traded: group sizes within bounds, every municipality in exactly one group, locked
placements, keep-apart pairs.

Cohort-sized problems (up to EXACT_LIMIT municipalities) are solved by branch and bound, which
finishes with the optimum; larger ones by a seeded local search. Both are deterministic.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field, replace

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, decimal, ngettext

EXACT_LIMIT = 18


@dataclass(frozen=True)
class Weights:
    theme: float = 10.0     # the strongest: the same development-task theme
    together: float = 6.0   # a keep-together wish kept
    maturity: float = 2.0   # per scale point of difference in self-assessed maturity
    region: float = 1.0     # from different regions

    def as_dict(self) -> dict[str, float]:
        return {"theme": self.theme, "together": self.together, "maturity": self.maturity,
                "region": self.region}


@dataclass(frozen=True)
class Member:
    id: str
    theme: str | None
    region: str
    maturity: float | None  # the mean of its theme scores in the latest round, if any


@dataclass(frozen=True)
class Problem:
    members: tuple[Member, ...]
    min_size: int = 3
    max_size: int = 5
    groups: int | None = None          # None: as few groups as the sizes allow
    locks: dict[str, int] = field(default_factory=dict)     # member id -> group number (0-based)
    apart: frozenset[frozenset[str]] = frozenset()
    together: frozenset[frozenset[str]] = frozenset()
    weights: Weights = Weights()
    theme_names: dict[str, str] = field(default_factory=dict)  # for the explanations

    @property
    def group_count(self) -> int:
        if self.groups is not None:
            return self.groups
        n = len(self.members)
        fewest = max(1, math.ceil(n / self.max_size)) if n else 0
        # As few groups as the sizes allow: the first count whose sizes can add up to n.
        count = next((g for g in range(fewest, max(fewest, n // max(1, self.min_size)) + 1)
                      if g * self.min_size <= n <= g * self.max_size), fewest)
        return max(count, 1 + max(self.locks.values(), default=-1))

    def pair_score(self, a: Member, b: Member) -> float:
        w = self.weights
        score = 0.0
        if a.theme and a.theme == b.theme:
            score += w.theme
        if frozenset((a.id, b.id)) in self.together:
            score += w.together
        if a.maturity is not None and b.maturity is not None:
            score += w.maturity * abs(a.maturity - b.maturity)
        if a.region and b.region and a.region != b.region:
            score += w.region
        return round(score, 6)


@dataclass(frozen=True)
class GroupResult:
    members: tuple[str, ...]
    score: float
    themes: tuple[str, ...]         # the development-task themes shared by two or more
    reasons: tuple[str, ...]        # why it scores what it does, in words


@dataclass(frozen=True)
class Solution:
    groups: tuple[GroupResult, ...]
    score: float
    optimal: bool                    # proven by the exact search


def check(problem: Problem) -> None:
    """Raise RuleViolation naming the hard rule that makes every grouping impossible."""
    n, g = len(problem.members), problem.group_count
    lo, hi = problem.min_size, problem.max_size
    ids = {m.id for m in problem.members}
    if lo < 1 or hi < lo:
        raise RuleViolation(_("Group sizes {low}–{high} are not a range.").format(low=lo,
                                                                                 high=hi))
    if n == 0:
        raise RuleViolation(_("There are no municipalities to group."))
    if not g * lo <= n <= g * hi:
        raise RuleViolation(_("{n} municipalities cannot make {groups} groups of {low}–{high}."
                              ).format(n=n, groups=g, low=lo, high=hi))
    unknown = [m for m in problem.locks if m not in ids]
    if unknown:
        raise RuleViolation(_("A locked municipality is not among those to group."))
    per_group: dict[int, list[str]] = {}
    for member, group in problem.locks.items():
        if not 0 <= group < g:
            raise RuleViolation(_("A municipality is locked to group {k}, but there are {groups} "
                                  "groups.").format(k=group + 1, groups=g))
        per_group.setdefault(group, []).append(member)
    for group, members in per_group.items():
        if len(members) > hi:
            raise RuleViolation(_("{n} municipalities are locked to group {k}, more than the "
                                  "largest size {high}.").format(n=len(members), k=group + 1,
                                                                 high=hi))
        for pair in problem.apart:
            if pair <= set(members):
                raise RuleViolation(_("Two municipalities to be kept apart are locked to the same "
                                      "group {k}.").format(k=group + 1))
    # Keep-apart pairs: municipalities that must all be apart from each other need a group
    # each. A greedy clique is enough to name the rule in the common cases.
    apart_of: dict[str, set[str]] = {m: set() for m in ids}
    for pair in problem.apart:
        a, b = tuple(pair)
        if a in ids and b in ids:
            apart_of[a].add(b)
            apart_of[b].add(a)
    for start in sorted(ids):
        clique = {start}
        for other in sorted(apart_of[start]):
            if all(other in apart_of[c] for c in clique):
                clique.add(other)
        if len(clique) > g:
            raise RuleViolation(_("{n} municipalities must all be kept apart, but there are only "
                                  "{groups} groups.").format(n=len(clique), groups=g))
    free = n - len(problem.locks)
    short = [k for k in range(g) if len(per_group.get(k, [])) < lo]
    if sum(lo - len(per_group.get(k, [])) for k in short) > free:
        raise RuleViolation(_("The locked placements leave too few municipalities to fill "
                              "group {k} to {low}.").format(k=short[-1] + 1, low=lo))
    for pair in problem.together:  # a wish is soft, but a wish against a rule is a mistake
        if pair in problem.apart:
            raise RuleViolation(_("The same two municipalities are both kept together and kept "
                                  "apart."))


def solve(problem: Problem, time_limit: float = 5.0) -> Solution:
    check(problem)
    if len(problem.members) <= EXACT_LIMIT:
        found = _branch_and_bound(problem, time_limit)
        if found is not None:
            assignment, optimal = found
            return explain(problem, assignment, optimal)
    assignment = _local_search(problem, time_limit)
    if not assignment:
        raise RuleViolation(_("The locked placements and keep-apart pairs leave no way to make "
                              "groups of {low}–{high}.").format(low=problem.min_size,
                                                                high=problem.max_size))
    return explain(problem, assignment, optimal=False)


def resolve_rest(problem: Problem, current: dict[str, int], locked: set[str],
                 time_limit: float = 5.0) -> Solution:
    """Keep the locked placements of `current` and find the best for everyone else."""
    locks = {**problem.locks, **{m: current[m] for m in locked if m in current}}
    return solve(replace(problem, groups=problem.group_count, locks=locks), time_limit)


# -- scoring and explaining ----------------------------------------------------------------


def group_score(problem: Problem, members: list[Member]) -> float:
    return round(sum(problem.pair_score(a, b) for i, a in enumerate(members)
                     for b in members[i + 1:]), 6)


def explain(problem: Problem, assignment: dict[str, int], optimal: bool) -> Solution:
    groups = []
    for k in range(problem.group_count):
        members = [m for m in problem.members if assignment.get(m.id) == k]
        themes: dict[str, int] = {}
        for m in members:
            if m.theme:
                themes[m.theme] = themes.get(m.theme, 0) + 1
        shared = tuple(sorted(t for t, count in themes.items() if count >= 2))
        reasons = []
        if shared:
            # One reason for all the shared themes, each with how many share it: a reason
            # a theme said "2 share the theme" twice over in a narrow column.
            named = ", ".join(ngettext("{theme} ({n} municipality)", "{theme} ({n} municipalities)",
                                       themes[t]).format(theme=problem.theme_names.get(t, t),
                                                         n=themes[t]) for t in shared)
            reasons.append(ngettext("shared theme: {themes}", "shared themes: {themes}",
                                    len(shared)).format(themes=named))
        ids = {m.id for m in members}
        kept = [p for p in problem.together if p <= ids]
        broken = [p for p in problem.together if len(p & ids) == 1]
        if kept:
            reasons.append(_("{n} keep-together wishes kept").format(n=len(kept)))
        if broken:
            reasons.append(_("{n} keep-together wishes broken").format(n=len(broken)))
        levels = [m.maturity for m in members if m.maturity is not None]
        if len(levels) >= 2:
            reasons.append(_("maturity {low}–{high}").format(
                low=decimal(min(levels)), high=decimal(max(levels))))
        regions = {m.region for m in members if m.region}
        if len(regions) == 1 and len(members) > 1:
            reasons.append(_("all from one region"))
        groups.append(GroupResult(tuple(m.id for m in members), group_score(problem, members),
                                  shared, tuple(reasons)))
    return Solution(tuple(groups), round(sum(g.score for g in groups), 6), optimal)


# -- the exact search ----------------------------------------------------------------------


def _branch_and_bound(problem: Problem, time_limit: float) -> tuple[dict[str, int], bool] | None:
    members = list(problem.members)
    n, g = len(members), problem.group_count
    lo, hi = problem.min_size, problem.max_size
    index = {m.id: i for i, m in enumerate(members)}
    score = [[problem.pair_score(a, b) if a is not b else 0.0 for b in members] for a in members]
    apart = [[False] * n for _ in range(n)]
    for pair in problem.apart:
        if len(pair) == 2 and all(p in index for p in pair):
            a, b = (index[p] for p in pair)
            apart[a][b] = apart[b][a] = True
    lock = [problem.locks.get(m.id) for m in members]
    # Locked members first, then the most connected: good placements early, sharp bounds.
    order = sorted(range(n), key=lambda i: (lock[i] is None, -sum(score[i]), members[i].id))
    # Optimistic gain among the members still to place: every positive pair among them.
    later_positive = [0.0] * (n + 1)
    for p in range(n - 1, -1, -1):
        i = order[p]
        later_positive[p] = later_positive[p + 1] + sum(
            max(0.0, score[i][order[q]]) for q in range(p + 1, n))
    sizes = [0] * g
    placed: list[list[int]] = [[] for _ in range(g)]
    gain_to = [[0.0] * g for _ in range(n)]  # member -> group -> sum of its pairs placed there
    assignment = [-1] * n
    best = {"score": -math.inf, "assignment": None}
    deadline = time.monotonic() + time_limit
    timed_out = False
    locked_groups = {k for k in lock if k is not None}
    steps = 0

    def place(i: int, k: int, sign: int) -> None:
        sizes[k] += sign
        if sign > 0:
            placed[k].append(i)
        else:
            placed[k].pop()
        assignment[i] = k if sign > 0 else -1
        row = score[i]
        for j in range(n):
            gain_to[j][k] += sign * row[j]

    def search(p: int, current: float) -> None:
        nonlocal timed_out, steps
        steps += 1
        if steps % 4096 == 0 and time.monotonic() > deadline:
            timed_out = True
        if timed_out:
            return
        remaining = n - p
        if sum(max(0, lo - size) for size in sizes) > remaining:
            return
        if p == n:
            if current > best["score"] + 1e-9:
                best["score"], best["assignment"] = current, list(assignment)
            return
        # Each member still to place joins one group: at best the one it gains most with.
        bound = current + later_positive[p] + sum(
            max(0.0, max(gain_to[order[q]])) for q in range(p, n))
        if bound <= best["score"] + 1e-9:
            return
        i = order[p]
        if lock[i] is not None:
            choices = [lock[i]]
        else:
            # Empty, unlocked groups are interchangeable: try only the first of them.
            choices, seen_empty = [], False
            for k in range(g):
                if sizes[k] == 0 and k not in locked_groups:
                    if seen_empty:
                        continue
                    seen_empty = True
                choices.append(k)
            choices.sort(key=lambda k: (-gain_to[i][k], k))
        for k in choices:
            if sizes[k] >= hi or any(apart[i][j] for j in placed[k]):
                continue
            gain = gain_to[i][k]
            place(i, k, 1)
            search(p + 1, current + gain)
            place(i, k, -1)

    # A good first solution from the local search makes the bound bite from the start.
    start = _local_search(problem, time_limit, restarts=2)
    if start:
        best["score"] = sum(score[index[a]][index[b]] for a in start for b in start
                            if index[a] < index[b] and start[a] == start[b])
        best["assignment"] = [start[m.id] for m in members]
    search(0, 0.0)
    if best["assignment"] is None:
        return None
    return ({members[i].id: k for i, k in enumerate(best["assignment"])}, not timed_out)


# -- the heuristic for large instances --------------------------------------------------------


def _local_search(problem: Problem, time_limit: float, restarts: int = 8,
                  max_passes: int = 50) -> dict[str, int]:
    """A feasible start by themes, then moves and swaps while they improve; seeded restarts.

    The work is bounded by counts (restarts, passes), not by the clock, so the same problem
    gives the same groups on every machine; the time limit only guards against a slow one.
    """
    members = list(problem.members)
    n, g = len(members), problem.group_count
    lo, hi = problem.min_size, problem.max_size
    ids = [m.id for m in members]
    index = {m: i for i, m in enumerate(ids)}
    score = [[0.0] * n for _ in range(n)]
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for i, a in enumerate(members):
        for j in range(i + 1, n):
            value = problem.pair_score(a, members[j])
            if value:
                score[i][j] = score[j][i] = value
                neighbours[i].append(j)
                neighbours[j].append(i)
    apart = [set() for _ in range(n)]
    for pair in problem.apart:
        if len(pair) == 2 and all(p in index for p in pair):
            a, b = (index[p] for p in pair)
            apart[a].add(b)
            apart[b].add(a)
    locked = {index[m]: k for m, k in problem.locks.items() if m in index}
    deadline = time.monotonic() + 3 * time_limit
    rng = random.Random(len(members) * 7919 + g)
    best_assignment, best_score = None, -math.inf

    for attempt in range(restarts):
        assignment = _feasible_start(members, g, lo, hi, locked, apart, rng, attempt)
        if assignment is None:
            continue
        sizes = [0] * g
        # gain[i][k]: the sum of i's pairs with the members of group k, kept up to date.
        gain = [[0.0] * g for _ in range(n)]
        for i, k in enumerate(assignment):
            sizes[k] += 1
            for j in neighbours[i]:
                gain[j][k] += score[i][j]
        in_group = [[j for j in range(n) if assignment[j] == k] for k in range(g)]

        def move(i: int, k: int, assignment=assignment, gain=gain, sizes=sizes,
                 in_group=in_group) -> None:
            here = assignment[i]
            for j in neighbours[i]:
                gain[j][here] -= score[i][j]
                gain[j][k] += score[i][j]
            sizes[here] -= 1
            sizes[k] += 1
            in_group[here].remove(i)
            in_group[k].append(i)
            assignment[i] = k

        def allowed(i: int, k: int, leaving: int | None = None, in_group=in_group) -> bool:
            return not any(j in apart[i] and j != leaving for j in in_group[k])

        for _pass in range(max_passes):
            improved = False
            for i in range(n):
                if i in locked:
                    continue
                here = assignment[i]
                if sizes[here] <= lo:
                    continue
                best_k = max((k for k in range(g) if k != here and sizes[k] < hi
                              and allowed(i, k)), key=lambda k: (gain[i][k], -k), default=None)
                if best_k is not None and gain[i][best_k] > gain[i][here] + 1e-9:
                    move(i, best_k)
                    improved = True
            for i in range(n):  # swaps keep the sizes: the only moves between full groups
                if i in locked:
                    continue
                for j in range(i + 1, n):
                    ki, kj = assignment[i], assignment[j]
                    if ki == kj or j in locked:
                        continue
                    delta = (gain[i][kj] - score[i][j] + gain[j][ki] - score[i][j]
                             - gain[i][ki] - gain[j][kj])
                    if delta > 1e-9 and allowed(i, kj, j) and allowed(j, ki, i):
                        move(i, kj)
                        move(j, ki)
                        improved = True
            if not improved or time.monotonic() > deadline:
                break
        total = sum(score[i][j] for i in range(n) for j in neighbours[i]
                    if j > i and assignment[i] == assignment[j])
        if total > best_score + 1e-9:
            best_score, best_assignment = total, list(assignment)
        if time.monotonic() > deadline:
            break
    if best_assignment is None:
        return {}
    return {ids[i]: k for i, k in enumerate(best_assignment)}


def _feasible_start(members, g, lo, hi, locked, apart, rng, attempt) -> list[int] | None:
    """Locked first; then by theme (shuffled after the first attempt) into the group that
    still needs members most, never next to someone to be kept apart."""
    n = len(members)
    order = [i for i in range(n) if i not in locked]
    if attempt == 0:
        order.sort(key=lambda i: (members[i].theme or "", members[i].id))
    else:
        rng.shuffle(order)
    assignment = [-1] * n
    sizes = [0] * g
    for i, k in locked.items():
        assignment[i] = k
        sizes[k] += 1
    for position, i in enumerate(order):
        remaining = len(order) - position
        short = sum(max(0, lo - s) for s in sizes)
        candidates = [k for k in range(g) if sizes[k] < hi
                      and not any(assignment[j] == k for j in apart[i])]
        if not candidates:
            return None
        if short >= remaining:  # every member left is needed to fill the small groups
            candidates = [k for k in candidates if sizes[k] < lo] or candidates
        same_theme = [k for k in candidates if any(
            assignment[j] == k and members[j].theme == members[i].theme for j in range(n))]
        k = min(same_theme or candidates, key=lambda c: (sizes[c], c))
        assignment[i] = k
        sizes[k] += 1
    if any(s < lo or s > hi for s in sizes):
        return None
    return assignment
