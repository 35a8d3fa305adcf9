"""Importing the organiser's spreadsheets: people and applications."""

import csv
import io
import string

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.services.municipalities.importing import import_file, plan_import
from ilmava_desktop.storage import queries


def write_csv(path, rows, delimiter=";", encoding="utf-8-sig"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_registrations_with_first_and_last_name_in_windows_1252(session, tmp_path):
    path = write_csv(tmp_path / "ilmoittautumiset.csv", [
        ["Kunta", "Etunimi", "Sukunimi", "Sähköposti", "Titteli", "Kieli"],
        ["98", "Väinö", "Esimerkki", "vaino@hollola.example", "kunnanjohtaja", "suomi"],
        ["", "", "", "", "", ""],
        [" borgå ", "Åsa", "Öberg", "asa@borga.example", "stadsdirektör", "svenska"],
        ["Atlantis", "X", "Y", "", "", ""],
        ["Lahti", "", "", "nobody@lahti.example", "", ""],
    ], encoding="cp1252")
    plan = import_file(session, path)
    summary = plan.summary()
    assert summary.pop("columns") == {"used": {
        "Kunta": "municipality", "Etunimi": "first_name", "Sukunimi": "last_name",
        "Sähköposti": "email", "Titteli": "role", "Kieli": "language"}, "ignored": []}
    assert summary == {
        "kind": "registrations", "added": 2, "updated": 0, "unchanged": 0,
        "municipalities_added": 2,
        "rejected": [{"line": 5, "reason": "unknown municipality “Atlantis”"},
                     {"line": 6, "reason": "no name"}], "notes": [],
    }
    people = {p.name: p for p in queries.people(session.db)}
    assert people["Åsa Öberg"].role == "municipal_manager"
    assert people["Åsa Öberg"].language == "sv"
    assert people["Väinö Esimerkki"].title == "kunnanjohtaja"
    assert {m.code for m in queries.municipalities(session.db)} == {"098", "638"}


def test_same_file_twice_changes_nothing(session, tmp_path):
    path = write_csv(tmp_path / "reg.csv", [
        ["Municipality", "Name", "Email", "Role"],
        ["Lahti", "Laura Kokeilu", "laura@lahti.example", "Mayor"],
        ["Lahti", "Markus Luonnos", "", "hankintajohtaja"],
    ], delimiter=",")
    import_file(session, path)
    stamps = list(session.db.query("SELECT stamp FROM person ORDER BY id"))
    again = import_file(session, path)
    assert (again.summary()["added"], again.summary()["unchanged"]) == (0, 2)
    assert list(session.db.query("SELECT stamp FROM person ORDER BY id")) == stamps


def test_a_person_is_matched_by_email_then_by_name(session, tmp_path):
    first = write_csv(tmp_path / "a.csv", [
        ["Kommun", "Namn", "E-post", "Titel"],
        ["Lahti", "Laura Kokeilu", "laura@lahti.example", "kaupunginjohtaja"],
        ["Lahti", "Markus Luonnos", "", ""],
    ])
    import_file(session, first)
    second = write_csv(tmp_path / "b.csv", [
        ["Kommun", "Namn", "E-post", "Titel"],
        ["Lahti", "Laura Kokeilu-Malli", "LAURA@lahti.example", "pormestari"],
        ["lahti", "markus  luonnos", "markus@lahti.example", ""],
    ])
    plan = import_file(session, second)
    assert plan.summary()["updated"] == 2 and plan.summary()["added"] == 0
    names = sorted(p.name for p in queries.people(session.db))
    assert names == ["Laura Kokeilu-Malli", "Markus Luonnos"]  # the cohort's spelling stays


def test_applications_set_theme_problem_and_target(session, tmp_path):
    path = write_csv(tmp_path / "hakemukset.csv", [
        ["Kunta", "Teema", "Viheliäinen ongelma", "Valtuuston ilmastotavoite", "Nykytila"],
        ["Tornio", "industry_targets", "Tavoitteet teollisuuskaupunkiin", "ei", "Ei tavoitetta"],
        ["Porvoo", "Ilmastotyön kytkeminen talousarvioon", "Ilmastobudjetointi", "kyllä", ""],
        ["Kuhmo", "avaruusmatkailu", "x", "kyllä", ""],
        ["Lahti", "procurement", "y", "ehkä", ""],
    ])
    plan = import_file(session, path)
    assert [r["line"] for r in plan.summary()["rejected"]] == [5]
    # An unknown theme leaves the theme unset; the rest of the row is imported.
    assert [n["line"] for n in plan.summary()["notes"]] == [4]
    assert queries.municipality_by_code(session.db, "290").theme is None
    tornio = queries.municipality_by_code(session.db, "851")
    assert (tornio.theme, tornio.council_target) == ("industry_targets", False)
    assert queries.municipality_by_code(session.db, "638").theme == "budget"


def test_xlsx_first_sheet_with_numeric_codes(session, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["KUNTA", "NIMI", "SÄHKÖPOSTI"])
    sheet.append([16, "Aino Esimerkki", "aino@asikkala.example"])
    book.create_sheet("Muistiinpanot").append(["ignored"])
    path = tmp_path / "reg.xlsx"
    book.save(path)
    import_file(session, path)
    assert queries.people(session.db)[0].municipality_id == queries.municipality_by_code(
        session.db, "016").id


def test_dry_run_writes_nothing(session, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["Kunta", "Nimi"], ["Lahti", "Laura Kokeilu"]])
    plan = import_file(session, path, dry_run=True)
    assert plan.summary()["added"] == 1
    assert queries.people(session.db) == [] and queries.municipalities(session.db) == []


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"Nimi;Email\nX;y@z.example\n", "no municipality column"),
    (b"Kunta;Puhelin\nLahti;123\n", "neither name columns"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV or XLSX file"),
    (b"PK\x03\x04garbage", "not a CSV or XLSX file"),
])
def test_unusable_files_say_why_and_write_nothing(session, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UnusableFile, match=message):
        plan_import(session, path)
    assert queries.municipalities(session.db) == []


# -- generated files ------------------------------------------------------------------

HEADERS = {
    "fi": ["Kunta", "Nimi", "Sähköposti", "Titteli"],
    "sv": ["Kommun", "Namn", "E-post", "Titel"],
    "en": ["Municipality", "Name", "Email", "Role"],
}
MUNICIPALITY_WRITINGS = ["Lahti", "398", " lahti ", "Borgå", "638", "Porvoo", "91", "Helsingfors"]
names = st.text(alphabet=string.ascii_letters + "äöåÄÖÅ -'", min_size=0, max_size=20)


@st.composite
def registration_files(draw):
    language = draw(st.sampled_from(list(HEADERS)))
    rows = draw(st.lists(st.tuples(
        st.sampled_from(MUNICIPALITY_WRITINGS + ["Atlantis", ""]),
        names,
        st.one_of(st.just(""), st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.example", fullmatch=True)),
        st.sampled_from(["kunnanjohtaja", "", "Ilmastoasiantuntija", "sihteeri", "mayor"]),
    ), max_size=12))
    delimiter = draw(st.sampled_from([";", ","]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return HEADERS[language], rows, delimiter, encoding


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=registration_files())
def test_generated_registration_files(session, tmp_path, generated):
    header, rows, delimiter, encoding = generated
    path = write_csv(tmp_path / "gen.csv", [header, *rows], delimiter, encoding)
    people_before = len(queries.people(session.db))
    plan = import_file(session, path)
    summary = plan.summary()
    usable = [r for r in rows if any(c.strip() for c in r)]
    # every non-blank row is accounted for exactly once
    assert summary["added"] + summary["updated"] + summary["unchanged"] + len(
        summary["rejected"]) == len(usable)
    assert len(queries.people(session.db)) == people_before + summary["added"]
    for rejection in summary["rejected"]:
        assert 2 <= rejection["line"] <= len(rows) + 1 and rejection["reason"]
    # importing it again changes nothing
    again = plan_import(session, path).summary()
    assert again["added"] == 0 and again["updated"] == 0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_import(session, tmp_path, content):
    path = tmp_path / "random.csv"
    path.write_bytes(content)
    try:
        plan = plan_import(session, path)
    except UnusableFile as exc:
        assert str(exc)
    else:
        assert plan.kind in ("registrations", "applications")


def test_namesakes_with_different_emails_are_two_people(session, tmp_path):
    path = write_csv(tmp_path / "namesakes.csv", [
        ["Kunta", "Nimi", "Sähköposti"],
        ["Helsinki", "Matti Virtanen", "matti.virtanen@hel.example"],
        ["Helsinki", "Matti Virtanen", "matti.j.virtanen@hel.example"],
        ["Helsinki", "Matti Virtanen", ""],
    ])
    plan = import_file(session, path)
    assert plan.count("add") == 2
    assert plan.summary()["rejected"] == [{"line": 4, "reason": "2 people are called Matti "
                                           "Virtanen in this municipality; add the e-mail address"}]
    emails = sorted(p.email for p in queries.people(session.db))
    assert emails == ["matti.j.virtanen@hel.example", "matti.virtanen@hel.example"]
    again = plan_import(session, path).summary()
    assert again["added"] == 0 and again["updated"] == 0


def test_a_person_given_two_municipalities_in_one_file_keeps_the_first(session, tmp_path):
    path = write_csv(tmp_path / "twice.csv", [
        ["Kunta", "Nimi", "Sähköposti"],
        ["Lahti", "Laura Kokeilu", "laura@lahti.example"],
        ["Porvoo", "Laura Kokeilu", "laura@lahti.example"],
    ])
    plan = import_file(session, path)
    assert plan.summary()["rejected"] == [
        {"line": 3, "reason": "line 2 already gives this person another municipality or name"}]
    assert queries.municipality(session.db, queries.people(session.db)[0].municipality_id).code == "398"


def two_days(session):
    from datetime import date

    from ilmava_desktop.services.attendance.days import add_day

    add_day(session, title="Avaus", day_date=date(2026, 1, 28), min_attendance=1,
            max_attendance=3, invitees="officials")
    add_day(session, title="Purku", day_date=date(2026, 9, 29), min_attendance=1,
            max_attendance=5, invitees="politicians")
    return queries.days(session.db)


def invited_days(session, name):
    person = next(p for p in queries.people(session.db) if p.name == name)
    return [d.title for d in queries.days(session.db)
            if person.id in queries.invited(session.db, d.id)]


def test_a_column_of_days_sets_invitations_and_importing_again_changes_nothing(session,
                                                                                tmp_path):
    two_days(session)
    path = write_csv(tmp_path / "paivat.csv", [
        ["Kunta", "Nimi", "Titteli", "Päivät"],
        ["Lahti", "Ville Virkamies", "kaupunginjohtaja", "1, 2"],
        ["Lahti", "Pia Poliitikko", "valtuuston puheenjohtaja", "29.9.2026"],
        ["Lahti", "Kalle Kumpikaan", "kaupunginjohtaja", ""],
        ["Lahti", "Olli Outo", "kaupunginjohtaja", "7"],
    ])
    plan = import_file(session, path)
    assert plan.summary()["rejected"] == [{"line": 5, "reason": "the cohort has no day 7"}]
    assert invited_days(session, "Ville Virkamies") == ["Avaus", "Purku"]
    assert invited_days(session, "Pia Poliitikko") == ["Purku"]
    assert invited_days(session, "Kalle Kumpikaan") == []
    before = session.undo_description()
    import_file(session, path)
    assert session.undo_description() == before  # nothing written the second time


def test_one_column_per_day_with_an_x_or_the_days_audience_without_one(session, tmp_path):
    two_days(session)
    write_csv(tmp_path / "x.csv", [
        ["Kunta", "Nimi", "Titteli", "28.1.2026", "2026-09-29"],
        ["Lahti", "Ville Virkamies", "kaupunginjohtaja", "", "x"],
    ])
    import_file(session, tmp_path / "x.csv")
    assert invited_days(session, "Ville Virkamies") == ["Purku"]
    write_csv(tmp_path / "ilman.csv", [
        ["Kunta", "Nimi", "Titteli"],
        ["Lahti", "Anna Asiantuntija", "ilmastoasiantuntija"],
        ["Lahti", "Pia Poliitikko", "valtuuston puheenjohtaja"],
    ])
    import_file(session, tmp_path / "ilman.csv")
    assert invited_days(session, "Anna Asiantuntija") == ["Avaus"]  # the officials' day
    assert invited_days(session, "Pia Poliitikko") == ["Purku"]


def test_a_theme_picked_for_a_label_that_fits_none_is_written(session, tmp_path):
    """An unknown label may be given any theme; the pick is checked against the plan's
    questions, and the note goes once the theme is picked."""
    from ilmava_desktop.core.columns import ChoiceError

    path = tmp_path / "hakemukset.csv"
    path.write_text("Kunta;Teema;Viheliäinen ongelma\nLahti;Avaruusmatkailu;Liikaa lentoja\n"
                    "Tornio;maankäyttö;Hajautunut rakenne\n", "utf-8")
    plan = import_file(session, path, dry_run=True)
    (question,) = plan.theme_questions
    assert (question.line, question.label, question.candidates) == (2, "Avaruusmatkailu", ())
    assert plan.summary()["themes_to_choose"] == [
        {"line": 2, "label": "Avaruusmatkailu", "candidates": [], "chosen": None}]
    with pytest.raises(ChoiceError, match="Line 3 of the file has no theme to choose"):
        import_file(session, path, picks={(3, 0): "budget"})
    plan = import_file(session, path, picks={(2, 0): "monitoring"})
    assert plan.notes == [] and plan.summary()["themes_to_choose"][0]["chosen"] == "monitoring"
    assert queries.municipality_by_code(session.db, "398").theme == "monitoring"
    assert queries.municipality_by_code(session.db, "851").theme == "land_use"
    # Read again without the pick: the theme stays as it is, the label is noted again.
    again = import_file(session, path, dry_run=True)
    assert again.count("unchanged") == 2 and len(again.notes) == 1
