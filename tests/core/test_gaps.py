"""Which gaps between two rounds are pointed out: only those that matter, largest first."""

from ilmava_desktop.core.assessment import GAP_THRESHOLD, Gap, largest_gaps
from ilmava_desktop.i18n import decimal


def gap(theme: str, size: float) -> Gap:
    return Gap(theme, 3.0, 3.0 + size)


def test_a_tenth_is_not_marked_however_small_the_others():
    assert GAP_THRESHOLD == 0.5
    assert largest_gaps([gap("a", 0.1), gap("b", -0.1), gap("c", 0.0)]) == []


def test_gaps_are_ranked_by_size_whatever_their_sign():
    marked = largest_gaps([gap("a", 0.6), gap("b", -1.2), gap("c", 0.4), gap("d", 0.9)])
    assert [g.theme_id for g in marked] == ["b", "d", "a"]


def test_a_gap_printed_as_the_threshold_is_marked():
    assert [g.theme_id for g in largest_gaps([gap("a", 0.46), gap("b", 0.44)])] == ["a"]


def test_ties_at_the_last_place_are_all_named():
    gaps = [gap("a", 1.0), gap("b", 0.7), gap("c", -0.7), gap("d", 0.7), gap("e", 0.6)]
    assert [g.theme_id for g in largest_gaps(gaps, count=2)] == ["a", "b", "c", "d"]


def test_nothing_rounds_to_a_signed_zero():
    for value in (-0.04, -0.0, 0.0, 0.04):
        for language in ("fi", "sv", "en"):
            assert decimal(value, language, sign=True) in ("0,0", "0.0")
            assert decimal(value, language) in ("0,0", "0.0")
    assert decimal(-0.06, "fi", sign=True) == "-0,1" and decimal(0.06, "en", sign=True) == "+0.1"
