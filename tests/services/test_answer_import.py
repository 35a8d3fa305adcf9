"""Importing answer sheets: bad rows rejected with reasons, the rest in together, idempotent."""

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmava_desktop.services import assessment
from ilmava_desktop.services.assessment.answer_import import import_answers, plan_answers
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.storage import queries


def write_csv(path, rows, delimiter=";"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), "utf-8")
    return path


def test_answers_import_creates_the_round_and_rejects_bad_rows(session, tmp_path):
    add_municipality(session, "398")
    add_municipality(session, "638")
    path = write_csv(tmp_path / "vastaukset.csv", [
        ["Kunta", "Vastaaja", "Väittämä", "Arvo"],
        ["Lahti", "1", "strategy.1", "4"],
        ["398", "1", "strategy.2", "eos"],
        ["Borgå", "", "finance.1", "2"],
        ["Tornio", "1", "strategy.1", "3"],
        ["Lahti", "1", "space.1", "3"],
        ["Lahti", "1", "strategy.3", "9"],
        ["Lahti", "x", "strategy.4", "3"],
        ["Atlantis", "1", "strategy.1", "3"],
    ])
    plan = import_answers(session, path, "Virkajohto")
    summary = plan.summary()
    assert (summary["added"], summary["round_created"]) == (3, True)
    assert [r["line"] for r in summary["rejected"]] == [5, 6, 7, 8, 9]
    assert "not in the cohort" in summary["rejected"][0]["reason"]
    round_id = assessment.find_round(session.db, "virkajohto").id
    results = assessment.results(session, round_id)
    lahti = next(m for m in results["municipalities"] if m["code"] == "398")
    assert lahti["themes"]["strategy"] == 4.0  # "eos" is don't know
    again = plan_answers(session, path, "Virkajohto").summary()
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 3)


def test_a_file_without_the_needed_columns_is_unusable(session, tmp_path):
    import pytest

    from ilmava_desktop.core.import_rows import UnusableFile

    path = write_csv(tmp_path / "x.csv", [["Kunta", "Nimi"], ["Lahti", "X"]])
    with pytest.raises(UnusableFile, match="municipality, statement and value"):
        plan_answers(session, path, "R")


STATEMENTS = ["strategy.1", "strategy.2", "finance.3", "partnerships.5", "nope.1"]
VALUES = ["1", "2", "3", "4", "5", "", "eos", "Vet inte", "6", "x"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["Lahti", "398", "Porvoo", "Tornio", ""]),
                               st.sampled_from(["", "1", "2", "3", "0"]),
                               st.sampled_from(STATEMENTS), st.sampled_from(VALUES)),
                     max_size=20))
def test_generated_answer_files(session, tmp_path, rows):
    if not session.db.execute("SELECT count(*) FROM municipality").fetchone()[0]:
        add_municipality(session, "398")
        add_municipality(session, "638")
    path = write_csv(tmp_path / "gen.csv", [["Municipality", "Sheet", "Statement", "Value"],
                                            *rows])
    plan = import_answers(session, path, "Generated")
    summary = plan.summary()
    usable = [r for r in rows if any(r)]
    assert summary["added"] + summary["updated"] + summary["unchanged"] + len(
        summary["rejected"]) == len(usable)
    again = plan_answers(session, path, "Generated").summary()
    assert again["added"] == 0 and again["updated"] == 0


def test_comments_in_the_file_join_the_themes_comments_once(session, tmp_path):
    add_municipality(session, "398")
    path = write_csv(tmp_path / "kommentit.csv", [
        ["Kunta", "Väittämä", "Arvo", "Kommentti", "Vahvuudet"],
        ["Lahti", "strategy.1", "4", "+ Valtuusto sitoutunut", ""],
        ["Lahti", "strategy.2", "2", "Seuranta puuttuu", "Hyvä johtoryhmä"],
        ["Lahti", "strategy.3", "3", "seuranta puuttuu", ""],  # the same line: once
        ["Lahti", "finance.1", "3", "", ""],
    ])
    summary = import_answers(session, path, "Virkajohto").summary()
    assert summary["comments_added"] == 3
    round_id = assessment.find_round(session.db, "Virkajohto").id
    lahti = session.db.execute("SELECT id FROM municipality WHERE code = '398'").fetchone()[0]
    saved = assessment.comments(session.db, round_id, lahti)
    assert saved[("strategy", "strengths")].splitlines() == ["Valtuusto sitoutunut",
                                                              "Hyvä johtoryhmä"]
    assert saved[("strategy", "development_areas")] == "Seuranta puuttuu"
    again = import_answers(session, path, "Virkajohto").summary()
    assert again["comments_added"] == 0
    assert assessment.comments(session.db, round_id, lahti) == saved


def test_answers_of_a_municipality_not_taking_part_are_rejected(session, tmp_path):
    """An applicant's, a declined or a withdrawn municipality's answers are not imported:
    each of its rows is rejected with its status named, in both shapes."""
    add_municipality(session, "398")
    add_municipality(session, "638", status="applicant")
    add_municipality(session, "851", status="withdrawn")
    long_file = write_csv(tmp_path / "pitka.csv", [
        ["Kunta", "Vastaaja", "Väittämä", "Arvo"],
        ["Lahti", "1", "strategy.1", "4"],
        ["Porvoo", "1", "strategy.1", "3"],
        ["Tornio", "1", "strategy.2", "2"],
    ])
    plan = import_answers(session, long_file, "Virkajohto")
    assert plan.summary()["added"] == 1
    reasons = {r.line: r.reason for r in plan.rejected}
    assert sorted(reasons) == [3, 4]
    assert "Porvoo – Borgå is not taking part (applicant)" in reasons[3]
    assert "Tornio is not taking part (withdrawn)" in reasons[4]
    wide_file = write_csv(tmp_path / "leveä.csv", [
        ["Kunta", "1.", "2."], ["Porvoo", "3", "3"], ["Lahti", "2", "2"]])
    wide = plan_answers(session, wide_file, "Virkajohto")
    assert [r.line for r in wide.rejected] == [2]
    assert {row.municipality_id for row in wide.rows} == {
        queries.municipality_by_code(session.db, "398").id}
