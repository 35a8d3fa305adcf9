"""Peer-review pairs: k reviews each way, never oneself, no mutual pairs, locks kept."""

import json
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmava_desktop.cli import main
from ilmava_desktop.core import pairing as core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.groups import grouping, pairs

THEMES = ["strategy", "finance", "monitoring", "organisation"]


@st.composite
def cohorts(draw):
    n = draw(st.integers(min_value=2, max_value=14))
    scores = st.dictionaries(st.sampled_from(THEMES), st.floats(1, 5), max_size=4)
    members = [core.Reviewee(f"m{i:02d}", draw(st.sampled_from("xyz")),
                             draw(st.sampled_from(["a", "b", None])), draw(scores),
                             draw(st.sampled_from([None, 0, 1, 2]))) for i in range(n)]
    return members, draw(st.integers(min_value=1, max_value=3)), draw(st.booleans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts())
def test_every_municipality_reviews_k_and_is_reviewed_by_k(cohort):
    members, k, allow = cohort
    try:
        result = core.solve_pairs(members, k, allow, time_limit=0.5)
    except RuleViolation as exc:
        assert str(exc)
        return
    out = Counter(p.reviewer for p in result.pairs)
    into = Counter(p.reviewee for p in result.pairs)
    assert all(out[m.id] == k and into[m.id] == k for m in members)
    assert all(p.reviewer != p.reviewee for p in result.pairs)
    assert len({(p.reviewer, p.reviewee) for p in result.pairs}) == len(result.pairs)
    edges = {(p.reviewer, p.reviewee) for p in result.pairs}
    if not allow and not result.reciprocal_needed:
        assert not any((e, r) in edges for r, e in edges)


def test_complementarity_and_outside_the_groups():
    strong = core.Reviewee("a", "x", "t1", {"finance": 4.5, "strategy": 4.0}, group=0)
    weak = core.Reviewee("b", "y", "t2", {"finance": 1.5, "strategy": 2.0}, group=1)
    score, reasons = core.pair_score(strong, weak, {"finance": "Talous"})
    assert score == pytest.approx(3.0 + 2.0 + 0.5 + 0.5)
    assert "Talous 4.5 against 1.5" in reasons[0]  # the tests speak English: a point
    assert core.pair_score(weak, strong)[0] == pytest.approx(1.0)  # only region and theme
    members = [core.Reviewee(f"m{i}", "x", None, {}, group=i % 3) for i in range(9)]
    result = core.solve_pairs(members, 2, apart_groups=True)
    group = {m.id: m.group for m in members}
    assert all(group[p.reviewer] != group[p.reviewee] for p in result.pairs)
    assert core.solve_pairs(members, 2) == core.solve_pairs(members, 2)  # deterministic


def test_three_municipalities_make_a_triad():
    members = [core.Reviewee(m, "x", None) for m in "abc"]
    result = core.solve_pairs(members, 2)
    assert result.reciprocal_needed and len(result.pairs) == 6


def test_a_drop_out_is_repaired_keeping_locked_and_done_pairs(demo):
    pairing = pairs.propose(demo.db)
    pairs.save(demo, pairing)
    saved = pairs.saved_pairs(demo.db)
    keep_locked, keep_done = saved[0], saved[5]
    pairs.set_marks(demo, keep_locked.reviewer_id, keep_locked.reviewee_id, locked=True)
    pairs.set_marks(demo, keep_done.reviewer_id, keep_done.reviewee_id, done=True)
    involved = {keep_locked.reviewer_id, keep_locked.reviewee_id, keep_done.reviewer_id,
                keep_done.reviewee_id}
    leaving = next(p.reviewer_id for p in saved if p.reviewer_id not in involved
                   and p.reviewee_id not in involved)
    pairs.drop_out(demo, leaving)
    after = {(p.reviewer_id, p.reviewee_id): p for p in pairs.saved_pairs(demo.db)}
    assert after[(keep_locked.reviewer_id, keep_locked.reviewee_id)].locked
    assert after[(keep_done.reviewer_id, keep_done.reviewee_id)].done
    active = [key for key, p in after.items() if leaving not in key]
    assert all(Counter(r for r, _e in active)[m] == 2 for m, _e in active)
    assert not [key for key, p in after.items() if leaving in key and not p.done]


def test_pairs_on_the_command_line(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    main(["demo", str(path)])
    capsys.readouterr()
    assert main(["--lang", "en", "pairs", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["pairs"]) == 30 and {"reviewer", "reviewee", "score"} <= data["pairs"][0].keys()
    assert main(["--lang", "en", "pairs", str(path), "--reviews", "3", "--outside-groups",
                 "Helsingin teemaryhmät", "--save", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["pairs"]) == 45
    from ilmava_desktop.services.cohort import reading

    session = reading._ReadOnlySession(path)
    saved = grouping.find_grouping(session.db, "Helsingin teemaryhmät")
    group = {p.municipality_id: p.group for p in grouping.placements(session.db, saved.id)}
    assert all(group[p.reviewer_id] != group[p.reviewee_id] for p in pairs.saved_pairs(session.db))
    assert main(["--lang", "en", "pairs", str(path), "--without", "Atlantis"]) == 2
    assert "Atlantis" in capsys.readouterr().err
