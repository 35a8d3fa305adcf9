"""Pairs prefer teams that share a language with the municipality they visit."""

from ilmava_desktop.core import pairing as core

FI, SV, BOTH = frozenset({"fi"}), frozenset({"sv"}), frozenset({"fi", "sv"})


def _member(name, spoken, team=None, region="r"):
    return core.Reviewee(name, region, None, {}, None, spoken, team or spoken)


def test_a_swedish_team_is_sent_where_swedish_is_spoken():
    members = [_member("kristinestad", BOTH, SV), _member("porvoo", BOTH, FI),
               _member("narpes", BOTH, SV), _member("vasa", SV, FI), _member("lahti", FI),
               _member("forssa", FI), _member("kuhmo", FI)]
    result = core.solve_pairs(members, k=2, time_limit=1)
    assert all(p.shared_language for p in result.pairs)
    swedish = {p.reviewee for p in result.pairs if p.reviewer in ("kristinestad", "narpes")}
    assert swedish <= {"kristinestad", "porvoo", "narpes", "vasa"}


def test_a_pair_without_a_shared_language_is_marked_when_no_other_way_is_left():
    members = [_member("a", SV), _member("b", FI), _member("c", FI)]
    result = core.solve_pairs(members, k=2, time_limit=1)
    marked = [p for p in result.pairs if not p.shared_language]
    assert marked and all(p.reviewer == "a" or p.reviewee == "a" for p in marked)
    assert any("no shared language: the team speaks sv, the host fi" in r
               for p in marked for r in p.reasons)


def test_unknown_languages_never_count_against_a_pair():
    a = core.Reviewee("a", "r", None)
    b = _member("b", SV)
    assert core.shares_language(a, b) and core.shares_language(b, a)
