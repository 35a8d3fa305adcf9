"""Self-assessment: the template, answers, scores, cohort averages and the gaps."""

import json

import pytest

from ilmava_desktop.core import assessment as core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import assessment
from ilmava_desktop.services.demo.assessment import OFFICIALS, POLITICIANS
from ilmava_desktop.services.municipalities import add_municipality, municipality_id
from ilmava_desktop.storage import queries


@pytest.fixture
def template():
    return core.parse_template(json.loads(assessment.default_template_body()))


def test_default_template_has_six_themes_of_five_statements_in_three_languages(template):
    assert [t.id for t in template.themes] == ["strategy", "organisation", "finance",
                                               "monitoring", "implementation", "partnerships"]
    assert all(len(t.statements) == 5 for t in template.themes)
    assert all(s.text["sv"] and s.text["sv"] != s.text["fi"] for s in template.statements)
    assert list(template.values) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("broken", [
    {}, {"id": "x", "title": {"fi": "x"}, "scale": [], "themes": []},
    {"id": "x", "title": {"fi": "x"}, "scale": [{"value": 1, "fi": "a"}, {"value": 3, "fi": "c"}],
     "themes": [{"id": "t", "title": {"fi": "T"}, "statements": [{"id": "t.1", "fi": "s"}]}]},
    {"id": "x", "title": {"fi": "x"}, "scale": [{"value": 1, "fi": "a"}],
     "themes": [{"id": "t", "title": {"fi": "T"}, "statements": [{"id": "u.1", "fi": "s"}]}]},
])
def test_broken_templates_are_refused_with_a_reason(broken):
    with pytest.raises(RuleViolation):
        core.parse_template(broken)


def test_theme_score_pools_sheets_and_leaves_dont_know_out(template):
    answers = [core.Answer("m", 1, "strategy.1", 2), core.Answer("m", 2, "strategy.2", 4),
               core.Answer("m", 2, "strategy.3", None), core.Answer("m", 1, "finance.1", None)]
    scores = core.theme_scores(template, answers)
    assert scores["strategy"] == 3.0
    assert scores["finance"] is None and scores["monitoring"] is None


def test_cohort_average_counts_each_municipality_once():
    average = core.cohort_average([{"a": 2.0, "b": None}, {"a": 4.0, "b": 3.0}], ["a", "b"])
    assert average == {"a": 3.0, "b": 3.0}


def test_distribution_is_hidden_below_three_sheets():
    assert core.distribution([1, 2, 2], 2, range(1, 6)) is None
    assert core.distribution([1, 2, 2], 3, range(1, 6)) == {1: 1, 2: 2, 3: 0, 4: 0, 5: 0}


@pytest.mark.parametrize(("text", "value"), [("4", 4), (" 5 ", 5), ("", None), ("E", None),
                                             ("eos", None), ("Vet inte", None), ("0", None),
                                             ("3,0", 3)])
def test_answer_values(text, value):
    assert core.parse_answer_value(text, range(1, 6)) == value


@pytest.mark.parametrize("text", ["6", "-1", "kolme", "2.5"])
def test_answer_values_outside_the_scale(text):
    with pytest.raises(RuleViolation):
        core.parse_answer_value(text, range(1, 6))


def test_record_answer_undo_and_results(session):
    add_municipality(session, "398")
    lahti = municipality_id("398")
    round_id = assessment.add_round(session, name="Virkajohto").result
    place = {"round_id": round_id, "municipality_id": lahti}
    assessment.record_answer(session, **place, sheet=1, statement_id="strategy.1", value=4)
    assessment.record_answer(session, **place, sheet=1, statement_id="strategy.2", value=2)
    assessment.record_answer(session, **place, sheet=2, statement_id="strategy.1", value=None)
    data = assessment.results(session, round_id)
    assert data["municipalities"][0]["themes"]["strategy"] == 3.0
    assert data["municipalities"][0]["sheets"] == 2
    session.undo()  # the last key press
    session.undo()
    assert assessment.results(session, round_id)["municipalities"][0]["themes"]["strategy"] == 4.0
    with pytest.raises(RuleViolation, match="outside the scale"):
        assessment.record_answer(session, **place, sheet=1, statement_id="strategy.1", value=7)
    with pytest.raises(RuleViolation, match="Unknown statement"):
        assessment.record_answer(session, **place, sheet=1, statement_id="space.1", value=3)
    assessment.clear_answer(session, **place, sheet=1, statement_id="strategy.1")
    assert assessment.results(session, round_id)["municipalities"][0]["themes"]["strategy"] is None


def test_demo_rounds_and_the_gap_between_officials_and_politicians(demo):
    names = [r.name for r in assessment.rounds(demo.db)]
    assert names == [OFFICIALS, POLITICIANS]
    officials = assessment.results(demo, assessment.find_round(demo.db, OFFICIALS).id)
    politicians = assessment.results(demo, assessment.find_round(demo.db, POLITICIANS).id)
    assert all(m["sheets"] >= 1 for m in officials["municipalities"])
    assert 10 <= sum(1 for m in politicians["municipalities"] if m["sheets"]) < 15
    tornio = next(m for m in officials["municipalities"] if m["code"] == "851")
    lahti = next(m for m in officials["municipalities"] if m["code"] == "398")
    assert tornio["themes"]["strategy"] < officials["cohort"]["strategy"] < lahti["themes"][
        "finance"]
    rows = assessment.compare(demo, *[r.id for r in assessment.rounds(demo.db)])
    with_both = [r for r in rows if r["themes"]["strategy"]["gap"] is not None]
    assert sum(r["themes"]["strategy"]["gap"] for r in with_both) > 0  # politicians see brighter
    assert all(len(r["largest"]) <= 3 for r in rows)


def test_template_in_use_is_versioned_not_changed(session):
    body = json.loads(assessment.default_template_body())
    first = session.write("t", lambda tx: assessment.put_template(tx, json.dumps(body))).result
    same = session.write("t", lambda tx: assessment.put_template(tx, json.dumps(body))).result
    body["themes"][0]["statements"][0]["fi"] = "Muutettu väittämä."
    changed = session.write("t", lambda tx: assessment.put_template(tx, json.dumps(body))).result
    assert first == same != changed
    versions = [r["version"] for r in session.db.query("SELECT version FROM template")]
    assert sorted(versions) == [1, 2]
    assert queries.cohort(session.db)  # the file is still a cohort


def test_paper_form_speaks_the_language_asked_for(demo):
    from ilmava_desktop.i18n import current_language
    from ilmava_desktop.services.assessment.documents import paper_form

    swedish = paper_form(demo, "sv")
    assert current_language() == "en"  # the window's language is left alone
    assert swedish.language == "sv" and swedish.title == "Självvärdering av klimatledarskap"
    assert swedish.fill_in == ["Kommun", "Blankettnummer"]
    assert swedish.scale[-1][1] == "Vet inte"
    numbers = [number for theme in swedish.themes for number, _text in theme.statements]
    assert numbers == [str(n) for n in range(1, 31)]  # as the grid numbers them
    assert "Fullmäktige" in swedish.themes[0].statements[0][1]


def test_a_round_is_named_in_each_language_and_found_by_any_name(session):
    changes = assessment.add_round(session, name="Virkajohto, tammikuu 2026",
                                   name_sv="Tjänstemannaledning, januari 2026",
                                   name_en="Officials, January 2026")
    found = assessment.find_round(session.db, "tjänstemannaledning, januari 2026")
    assert found.id == changes.result
    assert (found.name_in("fi"), found.name_in("sv"), found.name_in("en")) == (
        "Virkajohto, tammikuu 2026", "Tjänstemannaledning, januari 2026",
        "Officials, January 2026")
    with pytest.raises(RuleViolation):
        assessment.add_round(session, name="Toinen", name_en="Officials, January 2026")
    other = assessment.add_round(session, name="Poliittinen johto").result
    assessment.rename_round(session, round_id=other, name_sv="Politisk ledning")
    renamed = assessment.find_round(session.db, other)
    # No English name given: English reports fall back to the Finnish one.
    assert renamed.name_in("sv") == "Politisk ledning"
    assert renamed.name_in("en") == "Poliittinen johto"
    session.undo()
    assert assessment.find_round(session.db, other).name_in("sv") == "Poliittinen johto"
