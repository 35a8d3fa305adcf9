"""Columns matched to fields by meaning; yes and no in three languages; labels by meaning."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilmava_desktop.core.columns import (
    AmbiguousLabel,
    ChoiceError,
    check_choices,
    find_label,
    map_columns,
    parse_column_args,
    yes_no,
)
from ilmava_desktop.core.import_rows import find_theme, municipality_fields
from ilmava_desktop.core.municipality_names import MunicipalityFinder
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.resources import official_municipalities, wicked_problem_themes

FINDER = MunicipalityFinder(official_municipalities())


def used(header, rows=(), chosen=None):
    return map_columns(header, rows, municipality_fields(FINDER), chosen).used()


@pytest.mark.parametrize(("header", "field"), [
    ("Kuvaile viheliäinen ongelma lyhyesti", "wicked_problem"),
    ("Onko valtuusto asettanut ilmastotavoitteen?", "council_target"),
    ("Har fullmäktige antagit ett klimatmål?", "council_target"),
    ("Kuvaile nykytila", "current_state"),
    ("Beskriv nuläget", "current_state"),
    ("Sähköpostiosoite", "email"),
    ("E-postadress", "email"),
    ("Email address", "email"),
    ("Edustamasi kunta tai kaupunki", "municipality"),
    ("Valitse kehittämistehtävänne teema", "theme"),
    ("Tehtävänimike", "role"),
    ("Förnamn", "first_name"),
    ("Sukunimi *", "last_name"),
    ("Osallistun seuraaville päiville", "days"),
    ("Mitkä ovat suurimmat haasteet?", "challenges"),
])
def test_a_question_is_matched_to_its_field(header, field):
    assert used([header]) == {header: field}


def test_unknown_columns_are_named_not_dropped():
    columns = map_columns(["Aikaleima", "Kunta", "Nimi", "Erityisruokavalio"], [],
                          municipality_fields(FINDER))
    assert columns.used() == {"Kunta": "municipality", "Nimi": "name"}
    assert columns.ignored() == ["Aikaleima", "Erityisruokavalio"]


def test_of_two_email_columns_the_one_whose_values_fit_wins():
    header = ["Kunta", "Sähköposti", "Sähköpostiosoitteesi", "Nimi"]
    rows = [["Lahti", "anonymous", "a@lahti.example", "A"],
            ["Lahti", "anonymous", "b@lahti.example", "B"]]
    assert used(header, rows)["Sähköpostiosoitteesi"] == "email"
    assert "Sähköposti" not in used(header, rows)


def test_microsoft_forms_login_columns_give_way_to_the_respondents_answers():
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Municipality",
              "Your e-mail address", "Your name"]
    rows = [["1", "x", "y", "coordinator@org.example", "Coordinator", "Lahti",
             "person@lahti.example", "Person"]]
    mapped = used(header, rows)
    assert mapped["Your e-mail address"] == "email" and mapped["Your name"] == "name"


def test_the_users_choice_wins_and_none_means_not_used():
    header = ["Kunta", "Nimi", "Muistiinpano"]
    assert used(header, chosen={"muistiinpano": "role", "Nimi": None}) == {
        "Kunta": "municipality", "Muistiinpano": "role"}


def test_column_arguments_are_checked_against_the_file_and_the_fields():
    assert parse_column_args(["Paikkakunta=municipality", "Huom=ignore", "A=B=email"]) == {
        "Paikkakunta": "municipality", "Huom": None, "A=B": "email"}
    with pytest.raises(ChoiceError, match="HEADER=field"):
        parse_column_args(["no equals sign"])
    with pytest.raises(ChoiceError, match="no column “Puuttuu”"):
        check_choices({"Puuttuu": "name"}, ["Kunta"], ["name"])
    with pytest.raises(ChoiceError, match="the fields are: municipality, name, or ignore"):
        check_choices({"Kunta": "kenkä"}, ["Kunta"], ["name", "municipality"])


@pytest.mark.parametrize("word", ["kyllä", "Kyllä", "joo", "ja", "JA", "yes", "x", "X", "1",
                                  "true", "Kyllä, vuonna 2021", "✓"])
def test_yes_in_the_words_people_use(word):
    assert yes_no(word) is True


@pytest.mark.parametrize("word", ["ei", "Ei vielä", "nej", "inte ännu", "no", "Not yet", "0",
                                  "false", "ei ole"])
def test_no_in_the_words_people_use(word):
    assert yes_no(word) is False


def test_empty_is_neither_and_anything_else_is_refused():
    assert yes_no("  ") is None
    with pytest.raises(RuleViolation, match="neither yes nor no"):
        yes_no("ehkä")


THEMES = wicked_problem_themes()


@pytest.mark.parametrize(("label", "theme"), [
    ("Hankinnat", "procurement"), ("maankäyttö", "land_use"), ("MAANKAYTTO", "land_use"),
    ("Upphandling", "procurement"), ("procurement", "procurement"),
    ("Konserniyhtiöiden omistajaohjaus", "company_steering"), ("talousarvio", "budget"),
    ("seuranta", "monitoring"), ("Land use", "land_use"), ("budget", "budget"),
])
def test_a_short_or_partial_theme_label_is_found(label, theme):
    assert find_theme(label, THEMES) == theme


def test_an_ambiguous_label_names_its_candidates_and_an_unknown_one_is_none():
    with pytest.raises(AmbiguousLabel) as found:
        find_theme("Ilmasto", THEMES)
    assert set(found.value.candidates) == {"budget", "procurement", "communication",
                                           "climate_plan"}
    assert "fits several themes" in str(found.value)
    assert find_theme("avaruusmatkailu", THEMES) is None


@given(st.sampled_from(sorted(THEMES)), st.sampled_from(["fi", "sv", "en"]),
       st.sampled_from([str.lower, str.upper, str.title, lambda s: s]))
def test_every_whole_label_finds_its_own_theme(theme, language, case):
    assert find_theme(case(THEMES[theme][language]), THEMES) == theme


def test_labels_by_meaning_of_any_kind():
    labels = {"a": ["Alpha beta"], "b": ["Alpha gamma"]}
    assert find_label("gam", labels) == "b"
    with pytest.raises(AmbiguousLabel):
        find_label("alp", labels)
