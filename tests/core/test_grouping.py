"""Thematic groups: the hard rules always hold, the proposal is the optimum, reasons given."""

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmava_desktop.cli import main
from ilmava_desktop.core import grouping as core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.groups import grouping


def members(n, themes="abcd", regions="xyz"):
    return tuple(core.Member(f"m{i:02d}", themes[i % len(themes)], regions[(i * 7) % len(regions)],
                             1 + (i * 37 % 40) / 10) for i in range(n))


def brute_force(problem):
    """Every partition into the problem's groups within the sizes: the true optimum."""
    ms, g = list(problem.members), problem.group_count
    best = None
    for labels in itertools.product(range(g), repeat=len(ms)):
        if labels[0] != 0:
            continue
        groups = [[m for m, k in zip(ms, labels, strict=True) if k == j] for j in range(g)]
        if not all(problem.min_size <= len(x) <= problem.max_size for x in groups):
            continue
        if any(problem.locks.get(m.id, k) != k for m, k in zip(ms, labels, strict=True)):
            continue
        if any(pair <= {m.id for m in x} for x in groups for pair in problem.apart):
            continue
        score = round(sum(core.group_score(problem, x) for x in groups), 6)
        best = score if best is None else max(best, score)
    return best


@pytest.mark.parametrize("n", [6, 7, 8, 9, 10])
def test_the_proposal_is_the_optimum(n):
    problem = core.Problem(members(n), 3, 4, apart=frozenset({frozenset(("m00", "m04"))}),
                           together=frozenset({frozenset(("m01", "m02"))}))
    solution = core.solve(problem)
    assert solution.optimal
    assert solution.score == pytest.approx(brute_force(problem))


@st.composite
def cohorts(draw):
    n = draw(st.integers(min_value=3, max_value=16))
    low = draw(st.integers(min_value=1, max_value=4))
    high = draw(st.integers(min_value=low, max_value=6))
    ms = members(n, draw(st.sampled_from(["a", "ab", "abc", "abcdef"])))
    ids = [m.id for m in ms]
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1])
    apart = frozenset(frozenset(p) for p in draw(st.lists(pairs, max_size=3)))
    together = frozenset(frozenset(p) for p in draw(st.lists(pairs, max_size=3))) - apart
    locks = draw(st.dictionaries(st.sampled_from(ids), st.integers(0, 2), max_size=3))
    return core.Problem(ms, low, high, locks=locks, apart=apart, together=together)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts())
def test_hard_rules_hold_or_the_broken_rule_is_named(problem):
    try:
        solution = core.solve(problem, time_limit=1.0)
    except RuleViolation as exc:
        assert str(exc)  # one sentence naming the rule
        return
    placed = [m for g in solution.groups for m in g.members]
    assert sorted(placed) == sorted(m.id for m in problem.members)  # everyone exactly once
    for number, group in enumerate(solution.groups):
        assert problem.min_size <= len(group.members) <= problem.max_size
        assert not any(pair <= set(group.members) for pair in problem.apart)
        for member, locked_to in problem.locks.items():
            assert (member in group.members) == (locked_to == number)


def test_impossible_rules_are_named():
    with pytest.raises(RuleViolation, match="cannot make"):
        core.solve(core.Problem(members(7), 4, 5, groups=2))
    with pytest.raises(RuleViolation, match="locked to group 1, more than"):
        core.solve(core.Problem(members(9), 3, 3, locks={"m00": 0, "m01": 0, "m02": 0,
                                                         "m03": 0}))
    apart = frozenset(frozenset(p) for p in itertools.combinations(["m00", "m01", "m02",
                                                                    "m03"], 2))
    with pytest.raises(RuleViolation, match="4 municipalities must all be kept apart"):
        core.solve(core.Problem(members(9), 3, 5, apart=apart))


def test_resolving_the_rest_keeps_the_locked(demo):
    problem = grouping.problem(demo.db)
    first = core.solve(problem)
    current = {m: k for k, g in enumerate(first.groups) for m in g.members}
    # Lock two municipalities into a group the solver did not choose for them.
    a, b = first.groups[0].members[0], first.groups[1].members[0]
    current[a], current[b] = 1, 0
    again = core.resolve_rest(problem, current, {a, b})
    assert a in again.groups[1].members and b in again.groups[0].members
    assert again.score <= first.score
    assert again.optimal


def test_groups_on_the_command_line_saved_for_a_day(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    main(["demo", str(path)])
    capsys.readouterr()
    code = main(["--lang", "en", "groups", str(path), "--size", "3-5", "--json", "--save",
                 "Helsinki", "--day", "2"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["optimal"]
    assert sorted(len(g["municipalities"]) for g in data["groups"]) == [5, 5, 5]
    assert data["score"] == pytest.approx(sum(g["score"] for g in data["groups"]))
    again = main(["--lang", "en", "groups", str(path), "--json"])
    assert again == 0 and json.loads(capsys.readouterr().out)["groups"] == data["groups"]
    from ilmava_desktop.services.cohort import reading

    session = reading._ReadOnlySession(path)
    saved = grouping.find_grouping(session.db, "helsinki")
    assert saved is not None and saved.day_id is not None
    assert len(grouping.placements(session.db, saved.id)) == 15
    code = main(["--lang", "en", "groups", str(path), "--size", "6-7"])
    assert code == 1 and "cannot make" in capsys.readouterr().err
