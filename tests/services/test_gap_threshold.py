"""The smallest gap marked is the cohort's own setting, used by the report, the CLI's compare
and (in tests/ui) the window; and the report warns of "don't know" only when it matters."""

import json

import pytest

from ilmava_desktop.cli import main
from ilmava_desktop.core.assessment import GAP_THRESHOLD, valid_gap_threshold
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import assessment
from ilmava_desktop.services.cohort import programme
from ilmava_desktop.services.reports import municipality_report
from ilmava_desktop.storage import queries


def asikkala(db):
    return next(m for m in queries.municipalities(db, taking_part=True) if m.code == "016")


def test_the_threshold_is_half_a_step_until_the_cohort_chooses_another(demo):
    assert programme.programme(demo.db).gap_threshold == GAP_THRESHOLD == 0.5
    programme.set_programme(demo, gap_threshold=1.04)
    assert programme.programme(demo.db).gap_threshold == 1.0
    for wrong in (0.0, 4.2, -1.0, float("nan")):
        with pytest.raises(RuleViolation):
            programme.set_programme(demo, gap_threshold=wrong)
    assert programme.programme(demo.db).gap_threshold == 1.0
    assert valid_gap_threshold(0.14) == 0.1


def test_a_higher_threshold_marks_fewer_gaps_in_the_report(demo):
    # Asikkala between the rounds: monitoring −1,3, finance −0,8, strategy +0,7.
    place = asikkala(demo.db).id
    before = municipality_report.build(demo.db, place, "fi").profile
    assert before.marked == ["monitoring", "finance"]
    assert before.marked_cohort == ["partnerships"]  # 0,5 above the cohort's average
    programme.set_programme(demo, gap_threshold=1.0)
    report = municipality_report.build(demo.db, place, "fi")
    assert report.profile.marked == ["monitoring"] and report.profile.marked_cohort == []
    assert len(report.profile.largest) == 1 and "1,3" in report.profile.largest[0]
    assert "1,0" in report.labels["no_gaps"]
    programme.set_programme(demo, gap_threshold=4.0)
    report = municipality_report.build(demo.db, place, "fi").profile
    assert report.marked == [] and report.marked_cohort == [] and report.largest == []


def test_a_lower_threshold_marks_more_against_the_cohort(demo):
    place = asikkala(demo.db).id
    before = municipality_report.build(demo.db, place, "en").profile
    programme.set_programme(demo, gap_threshold=0.1)
    after = municipality_report.build(demo.db, place, "en").profile
    assert len(after.marked_cohort) >= len(before.marked_cohort)
    assert len(after.marked) + len(after.marked_cohort) > len(before.marked) + len(
        before.marked_cohort)


def test_compare_marks_by_the_cohorts_threshold(demo):
    rounds = assessment.rounds(demo.db)
    before = {r["code"]: r["largest"] for r in assessment.compare(demo, rounds[0].id,
                                                                  rounds[1].id)}
    programme.set_programme(demo, gap_threshold=1.0)
    after = {r["code"]: r["largest"] for r in assessment.compare(demo, rounds[0].id,
                                                                 rounds[1].id)}
    assert before != after
    assert all(set(after[code]) <= set(before[code]) or len(before[code]) >= 3
               for code in after)


def test_the_threshold_is_set_and_shown_on_the_command_line(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    assert main(["demo", str(path)]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "programme", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["gap_threshold"] == 0.5
    assert main(["--lang", "en", "compare", str(path), "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["gap_threshold"] == 0.5
    assert main(["--lang", "fi", "programme", str(path), "--gap-threshold", "1,0"]) == 0
    assert "1,0" in capsys.readouterr().out
    assert main(["--lang", "en", "compare", str(path), "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["gap_threshold"] == 1.0
    marked = {row["code"]: row["largest"] for row in after["municipalities"]}
    assert marked["016"] == ["monitoring"]
    assert sum(map(len, marked.values())) < sum(
        len(row["largest"]) for row in before["municipalities"])
    assert main(["--lang", "en", "compare", str(path)]) == 0
    assert "Gaps of 1.0 or more" in capsys.readouterr().out
    # Outside the range: one sentence, nothing changed.
    code = main(["--lang", "en", "programme", str(path), "--gap-threshold", "9"])
    out, err = capsys.readouterr()
    assert code != 0 and "0.1 to 4.0" in err and "Traceback" not in err
    assert main(["--lang", "en", "programme", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["gap_threshold"] == 1.0


def test_dont_know_is_warned_of_only_above_a_quarter_of_the_answers(demo):
    place = asikkala(demo.db)
    first = assessment.rounds(demo.db)[0]
    own = assessment.municipality_answers(demo.db, first.id, place.id)
    unknown = sum(1 for a in own if a.value is None) / len(own)
    assert unknown <= 0.25
    assert municipality_report.build(demo.db, place.id, "en").profile.dont_know == []
    # A quarter exactly is not warned of; more than a quarter is.
    def blank(count: int) -> None:
        demo.db.execute("UPDATE answer SET value = NULL WHERE id IN (SELECT id FROM answer"
                        " WHERE round_id = ? AND municipality_id = ? AND value IS NOT NULL"
                        " AND deleted = 0 ORDER BY id LIMIT ?)", [first.id, place.id, count])
        own[:] = assessment.municipality_answers(demo.db, first.id, place.id)

    quarter = len(own) // 4 - sum(1 for a in own if a.value is None)
    if len(own) % 4 == 0:
        blank(quarter)
        assert municipality_report.build(demo.db, place.id, "en").profile.dont_know == []
    blank(len(own) // 4 + 1 - sum(1 for a in own if a.value is None))
    warning = municipality_report.build(demo.db, place.id, "en").profile.dont_know
    assert len(warning) == 1 and first.name_in("en") in warning[0]
    assert "“don't know”" in warning[0] and "%" in warning[0]
