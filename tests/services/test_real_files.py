"""Files as the tools organisers use export them (tests/fixtures/imports): Webropol, Microsoft
Forms, Google Forms, KoboToolbox and a sheet someone made by hand."""

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmava_desktop.core import assessment as core
from ilmava_desktop.core.columns import ChoiceError
from ilmava_desktop.core.import_rows import MissingColumns
from ilmava_desktop.services import assessment
from ilmava_desktop.services.assessment.answer_import import import_answers, plan_answers
from ilmava_desktop.services.attendance.days import add_day
from ilmava_desktop.services.groups import sparrers
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.services.municipalities.importing import import_file, plan_import
from ilmava_desktop.storage import queries

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
TEMPLATE = core.parse_template(json.loads(assessment.default_template_body()))


def answers_of(session, round_name):
    found = assessment.find_round(session.db, round_name)
    codes = {m.id: m.code for m in queries.municipalities(session.db)}
    return sorted((codes[a.municipality_id], a.sheet, a.statement_id, a.value)
                  for a in assessment.answers(session.db, found.id))


@pytest.fixture
def lahti_porvoo(session):
    add_municipality(session, "398")
    add_municipality(session, "638")
    return session


def test_webropols_wide_export_is_read_and_reading_it_again_changes_nothing(lahti_porvoo):
    session = lahti_porvoo
    path = FIXTURES / "webropol_itsearviointi.csv"
    plan = import_answers(session, path, "Alkukartoitus")
    summary = plan.summary()
    assert summary["shape"] == "wide" and summary["rejected"] == []
    assert summary["columns"]["ignored"] == ["Vastaajan numero", "Vastausaika"]
    assert summary["columns"]["used"]["Vahvuudet"] == "strengths"
    found = answers_of(session, "Alkukartoitus")
    # Five respondents of 30 statements; the first leaves two empty (not answered).
    assert len(found) == 148
    assert ("398", 1, "strategy.1", 3) in found and ("398", 2, "finance.2", None) in found
    assert ("638", 2, "strategy.1", 1) in found  # Porvoo's second respondent: sheet 2
    assert ("398", 1, "strategy.5") not in {g[:3] for g in found}  # empty: not answered
    assert ("398", 2, "strategy.5", 3) in found
    round_id = assessment.find_round(session.db, "Alkukartoitus").id
    comments = assessment.all_comments(session.db, round_id)
    lahti = queries.municipality_by_code(session.db, "398").id
    # Free text after the last theme's statements belongs to that theme.
    assert comments[(lahti, "partnerships", "strengths")] == "Sitoutunut johto"
    assert comments[(lahti, "partnerships", "development_areas")] == "Seuranta puuttuu"
    stamps = list(session.db.query("SELECT stamp FROM answer ORDER BY id"))
    again = import_answers(session, path, "Alkukartoitus").summary()
    assert (again["added"], again["updated"], again["comments_added"]) == (0, 0, 0)
    assert list(session.db.query("SELECT stamp FROM answer ORDER BY id")) == stamps


@pytest.mark.parametrize("name", ["google_itsearviointi.csv", "forms_itsearviointi_sv.xlsx"])
def test_google_and_forms_exports_of_the_same_answers_give_the_same_sheets(lahti_porvoo, name):
    session = lahti_porvoo
    import_answers(session, FIXTURES / "webropol_itsearviointi.csv", "W")
    plan = import_answers(session, FIXTURES / name, "G")
    assert plan.shape == "wide" and plan.rejected == []
    assert answers_of(session, "G") == answers_of(session, "W")


def test_forms_login_columns_are_listed_as_not_used(lahti_porvoo):
    plan = plan_answers(lahti_porvoo, FIXTURES / "forms_itsearviointi_sv.xlsx", "S")
    assert plan.columns.ignored() == ["ID", "Starttid", "Tid för slutförande", "E-post", "Namn"]
    assert plan.columns.used()["Kommun"] == "municipality"


def test_a_bad_cell_of_a_wide_row_is_refused_alone(lahti_porvoo, tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("Kunta;Q1;Q2;Q3\nLahti;4;9;Vakiintunut\nAtlantis;1;1;1\n", "utf-8")
    plan = import_answers(lahti_porvoo, path, "R")
    assert [(r.line, r.reason.split(":")[0]) for r in plan.rejected] == [
        (2, "Q2"), (3, "unknown municipality “Atlantis”")]
    assert answers_of(lahti_porvoo, "R") == [("398", 1, "strategy.1", 4),
                                            ("398", 1, "strategy.3", 4)]


def test_answers_with_column_choices_and_a_misnamed_one(lahti_porvoo, tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("Paikka;Ensimmäinen;Toinen\nLahti;4;2\n", "utf-8")
    with pytest.raises(MissingColumns):
        plan_answers(lahti_porvoo, path, "R")
    plan = import_answers(lahti_porvoo, path, "R", chosen={
        "Paikka": "municipality", "Ensimmäinen": "strategy.1", "toinen": "finance.3"})
    assert answers_of(lahti_porvoo, "R") == [("398", 1, "finance.3", 2),
                                            ("398", 1, "strategy.1", 4)]
    assert plan.columns.used() == {"Paikka": "municipality", "Ensimmäinen": "strategy.1",
                                   "Toinen": "finance.3"}
    with pytest.raises(ChoiceError, match="not a field"):
        plan_answers(lahti_porvoo, path, "R", chosen={"Toinen": "nope.1"})


# -- the wide and the long shape of the same answers ----------------------------------------

STATEMENTS = TEMPLATE.statements


def header_for(number: int, style: str, language: str) -> str:
    statement = STATEMENTS[number - 1]
    return {"number": f"{number}.", "q": f"Q{number}", "id": statement.id,
            "text": statement.text[language],
            "cut": f"{number}. {statement.text[language][:40]}",
            "grid": f"Arvioi [{statement.text[language]}]"}[style]


def value_text(value, style: str, language: str) -> str:
    if value is None:
        return TEMPLATE.no_answer[language]
    label = TEMPLATE.scale[value - 1].label[language]
    return {"number": str(value), "label": label, "both": f"{value} - {label}"}[style]


def write(path, rows, delimiter, bom):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + buffer.getvalue().encode())


respondents = st.lists(st.tuples(
    st.sampled_from(["Lahti", "398", "Porvoo", "Borgå"]),
    st.dictionaries(st.integers(1, 30), st.one_of(st.none(), st.integers(1, 5)), max_size=8)),
    min_size=1, max_size=6)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(respondents, st.sampled_from(["number", "q", "id", "text", "cut", "grid"]),
       st.sampled_from(["number", "label", "both"]), st.sampled_from(["fi", "sv", "en"]),
       st.sampled_from([";", ","]), st.booleans())
def test_a_wide_file_and_the_same_answers_in_long_form_import_alike(
        tmp_path_factory, respondents, header_style, value_style, language, delimiter, bom):
    from ilmava_desktop.services.cohort.create import create_cohort

    folder = tmp_path_factory.mktemp("shapes")
    numbers = sorted({n for _place, marked in respondents for n in marked}) or [1]
    wide = [["Aikaleima", "Kunta", *(header_for(n, header_style, language) for n in numbers)]]
    long = [["Kunta", "Lomake", "Väittämä", "Arvo"]]
    sheets: dict[str, int] = {}
    for place, marked in respondents:
        code = "398" if place in ("Lahti", "398") else "638"
        sheets[code] = sheets.get(code, 0) + 1
        wide.append(["2026-01-20 10:00", place, *(
            value_text(marked[n], value_style, language) if n in marked else ""
            for n in numbers)])
        long += [[place, str(sheets[code]), STATEMENTS[n - 1].id,
                  "" if value is None else str(value)] for n, value in marked.items()]
    results = []
    for shape, rows in (("wide", wide), ("long", long)):
        session = create_cohort(folder / f"{shape}.ilmava", "T", year=2026)
        try:
            add_municipality(session, "398")
            add_municipality(session, "638")
            path = folder / f"{shape}.csv"
            write(path, rows, delimiter, bom)
            plan = import_answers(session, path, "R")
            assert plan.rejected == []
            found = assessment.find_round(session.db, "R")
            results.append(answers_of(session, "R") if found else [])
        finally:
            session.close(save=False)
    assert results[0] == results[1]


# -- registrations and applications from forms -------------------------------------------

def test_microsoft_forms_registrations_with_names_addresses_and_days(session):
    add_day(session, title="Avaus", day_date=date(2026, 1, 28), min_attendance=1,
            max_attendance=3)
    add_day(session, title="Purku", day_date=date(2026, 9, 29), min_attendance=1,
            max_attendance=3)
    plan = import_file(session, FIXTURES / "forms_ilmoittautumiset.xlsx")
    summary = plan.summary()
    assert (summary["added"], summary["rejected"]) == (3, [])
    assert summary["columns"]["ignored"] == ["ID", "Aloitusaika", "Valmistumisaika",
                                             "Sähköposti", "Nimi", "Erityisruokavalio"]
    people = {p.name: p for p in queries.people(session.db)}
    assert set(people) == {"Väinö Esimerkki", "Kaisa Kestävä", "Pekka Päättäjä"}
    assert people["Kaisa Kestävä"].email == "kaisa.kestava@lahti.example"
    assert people["Kaisa Kestävä"].role == "climate_expert"
    assert people["Pekka Päättäjä"].role == "board_chair"
    lahti = queries.municipality_by_code(session.db, "398").id  # "Lahden kaupunki"
    assert people["Kaisa Kestävä"].municipality_id == lahti
    days = {d.title: d.id for d in queries.days(session.db)}
    invited = {title: {p.name for p in people.values()
                       if p.id in queries.invited(session.db, day)}
               for title, day in days.items()}
    assert invited == {"Avaus": {"Väinö Esimerkki", "Kaisa Kestävä"},
                       "Purku": {"Väinö Esimerkki", "Pekka Päättäjä"}}


def test_google_forms_applications_with_short_themes_and_yes_no_words(session):
    plan = import_file(session, FIXTURES / "google_hakemukset.csv")
    assert plan.kind == "applications" and plan.rejected == []
    assert plan.columns.ignored() == ["Aikaleima", "Sähköpostiosoite",
                                      "Yhteyshenkilön puhelinnumero"]
    by_code = {m.code: m for m in queries.municipalities(session.db)}
    assert (by_code["297"].theme, by_code["297"].council_target) == ("procurement", True)
    assert (by_code["851"].theme, by_code["851"].council_target) == ("land_use", False)
    assert by_code["851"].challenges == "Pitkät etäisyydet"
    # Kuhmo's "Ilmasto" fits four themes: Kuhmo is added, its theme left for the user.
    assert (by_code["290"].theme, by_code["290"].council_target) == (None, False)
    (note,) = plan.notes
    assert note.line == 4 and "fits several themes" in note.reason


def test_a_hand_made_swedish_sheet(session):
    plan = import_file(session, FIXTURES / "kasin_anmalningar.xlsx")
    assert plan.summary()["added"] == 2 and plan.columns.ignored() == ["Anteckningar"]
    people = {p.name: p for p in queries.people(session.db)}
    assert people["Åsa Öberg"].role == "climate_expert" and people["Åsa Öberg"].language == "sv"
    assert people["Bo Berg"].role == "municipal_manager"


def test_a_column_chosen_on_the_command_line_or_in_the_window_is_remembered(session, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("Paikkakunta;Henkilö\nLahti;Liisa Listalla\n", "utf-8")
    with pytest.raises(MissingColumns):
        plan_import(session, path)
    import_file(session, path, chosen={"Paikkakunta": "municipality", "Henkilö": "name"})
    later = tmp_path / "b.csv"
    later.write_text("paikkakunta;HENKILÖ\nPorvoo;Pekka Perässä\n", "utf-8")
    plan = plan_import(session, later)
    assert plan.columns.used() == {"paikkakunta": "municipality", "HENKILÖ": "name"}
    assert all(use.chosen for use in plan.columns.uses)


def test_kobo_sparrers_with_short_themes(demo):
    result = sparrers.import_sparrers(demo, FIXTURES / "kobo_sparraajat.xlsx")
    assert (result.added, result.rejected) == (2, [])
    assert result.columns.ignored() == ["start", "end", "_id", "_uuid", "_submission_time"]
    bank = {s.name: s for s in sparrers.sparrers(demo.db)}
    assert bank["Kaisa Kestävä"].themes == {"procurement", "land_use"}
    assert bank["Kaisa Kestävä"].languages == {"fi", "sv"}
    assert bank["Olle Osäker"].themes == {"procurement"}


# -- a custom template's first round --------------------------------------------------------

def custom_template() -> str:
    return json.dumps({
        "id": "leadership", "title": {"fi": "Johtaminen"},
        "scale": [{"value": v, "fi": f"Taso {v}"} for v in (1, 2, 3, 4)],
        "themes": [{"id": "leadership", "title": {"fi": "Johtaminen"}, "statements": [
            {"id": "leadership.1", "fi": "Johto näyttää suunnan."},
            {"id": "leadership.2", "fi": "Johto seuraa tuloksia."}]}]})


def test_a_custom_templates_first_import_is_checked_against_that_template(lahti_porvoo,
                                                                          tmp_path):
    session = lahti_porvoo
    assessment.use_template(session, custom_template())
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Kunta;Väittämä;Arvo\nLahti;strategy.1;3\n", "utf-8")
    plan = import_answers(session, wrong, "Uusi kierros")
    assert [r.reason for r in plan.rejected] == ["unknown statement “strategy.1”"]
    assert assessment.find_round(session.db, "Uusi kierros") is None  # no empty round
    right = tmp_path / "right.csv"
    right.write_text("Kunta;Johto näyttää suunnan.;Johto seuraa tuloksia.\n"
                     "Lahti;Taso 4;2\n", "utf-8")
    plan = import_answers(session, right, "Uusi kierros")
    assert plan.rejected == [] and plan.summary()["round_created"]
    assert answers_of(session, "Uusi kierros") == [("398", 1, "leadership.1", 4),
                                                  ("398", 1, "leadership.2", 2)]
