"""Sparrers: one expert from the bank for each municipality, matched to its development task.

A match scores for the sparrer knowing the municipality's development-task theme (strongest)
and speaking its language; no sparrer takes more municipalities than their capacity; locked
matches stay. A greedy start in a stable order, then moves and swaps while the total rises:
the same bank and cohort always give the same matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _

THEME_WEIGHT, LANGUAGE_WEIGHT = 10.0, 3.0


@dataclass(frozen=True)
class Sparrer:
    id: str
    name: str
    organisation: str
    themes: frozenset[str]
    languages: frozenset[str]
    capacity: int


@dataclass(frozen=True)
class Seeker:
    id: str
    theme: str | None
    languages: frozenset[str]  # a bilingual municipality is served in either language


@dataclass(frozen=True)
class Match:
    municipality: str
    sparrer: str
    score: float
    reasons: tuple[str, ...]


def match_score(sparrer: Sparrer, seeker: Seeker) -> tuple[float, tuple[str, ...]]:
    score, reasons = 0.0, []
    if seeker.theme and seeker.theme in sparrer.themes:
        score += THEME_WEIGHT
        reasons.append(_("knows the development task's theme"))
    if sparrer.languages & seeker.languages:
        score += LANGUAGE_WEIGHT
        reasons.append(_("speaks its language"))
    return score, tuple(reasons)


def match(sparrers: list[Sparrer], seekers: list[Seeker],
          locked: dict[str, str] | None = None) -> list[Match]:
    sparrers = sorted(sparrers, key=lambda s: s.id)
    seekers = sorted(seekers, key=lambda s: s.id)
    by_id = {s.id: s for s in sparrers}
    locked = {m: s for m, s in (locked or {}).items() if s in by_id}
    if sum(s.capacity for s in sparrers) < len(seekers):
        raise RuleViolation(_("The sparrers can take {capacity} municipalities in all; the cohort "
                              "has {n}. Add sparrers or raise capacities.").format(
            capacity=sum(s.capacity for s in sparrers), n=len(seekers)))
    load = {s.id: 0 for s in sparrers}
    chosen: dict[str, str] = {}
    for municipality, sparrer in locked.items():
        chosen[municipality] = sparrer
        load[sparrer] += 1
    if any(load[s.id] > s.capacity for s in sparrers):
        raise RuleViolation(_("More municipalities are locked to a sparrer than their capacity."))
    scores = {(m.id, s.id): match_score(s, m) for m in seekers for s in sparrers}
    # Hardest to serve first: those with the fewest sparrers knowing their theme.
    order = sorted((m for m in seekers if m.id not in chosen),
                   key=lambda m: (sum(1 for s in sparrers if scores[(m.id, s.id)][0]
                                      >= THEME_WEIGHT), m.id))
    for seeker in order:
        free = [s for s in sparrers if load[s.id] < s.capacity]
        best = max(free, key=lambda s: (scores[(seeker.id, s.id)][0], -load[s.id], s.id))
        chosen[seeker.id] = best.id
        load[best.id] += 1
    movable = [m.id for m in seekers if m.id not in locked]
    improved = True
    while improved:
        improved = False
        for a in movable:  # move to a sparrer with room
            for s in sparrers:
                if load[s.id] < s.capacity and scores[(a, s.id)][0] > scores[(a, chosen[a])][0]:
                    load[chosen[a]] -= 1
                    chosen[a] = s.id
                    load[s.id] += 1
                    improved = True
        for i, a in enumerate(movable):  # swap two municipalities' sparrers
            for b in movable[i + 1:]:
                sa, sb = chosen[a], chosen[b]
                if sa != sb and scores[(a, sb)][0] + scores[(b, sa)][0] > \
                        scores[(a, sa)][0] + scores[(b, sb)][0] + 1e-9:
                    chosen[a], chosen[b] = sb, sa
                    improved = True
    return [Match(m.id, chosen[m.id], *scores[(m.id, chosen[m.id])]) for m in seekers]
