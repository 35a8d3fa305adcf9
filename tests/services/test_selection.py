"""Applicants and selection, own funding and the programme's periods."""

from datetime import date

import openpyxl
import pytest
import sqlite_utils

from ilmava_desktop.core import programme as programme_core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import attendance
from ilmava_desktop.services.attendance import days as day_service
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.services.cohort.create import create_cohort
from ilmava_desktop.services.groups import grouping, pairs, sparrers
from ilmava_desktop.services.municipalities import (
    add_municipality,
    find_municipality,
    selection,
    taking_part,
)
from ilmava_desktop.services.municipalities.importing import import_file
from ilmava_desktop.services.reports import cohort_summary
from ilmava_desktop.services.visits import teams
from ilmava_desktop.storage import queries, schema


def test_the_demo_has_18_applicants_and_15_selected_with_tornios_missing_target(demo):
    rows = {row.code: row for row in selection.applicants(demo.db, "fi")}
    assert len(rows) == 18
    assert sum(row.status == "selected" for row in rows.values()) == 15
    tornio = rows["851"]
    assert tornio.status == "selected" and tornio.criteria.council_target is False
    assert tornio.missing == ["ei valtuuston ilmastotavoitetta — ohjelma edellyttää sitä "
                              "hakijalta"]
    sv = {row.code: row for row in selection.applicants(demo.db, "sv")}["851"]
    assert sv.missing == ["inget klimatmål från fullmäktige — programmet kräver det av sökande"]
    en = {row.code: row for row in selection.applicants(demo.db, "en")}["851"]
    assert en.missing == ["no council climate target — the programme asks applicants to have one"]
    assert rows["005"].missing and rows["005"].status == "not_selected"
    count = selection.selection_count(demo.db)
    assert (count.selected, count.range, count.state) == (15, (10, 15), "within")


def test_only_the_selected_take_part_in_the_days_groups_pairs_visits_and_reports(demo):
    tampere = find_municipality(demo.db, "837")
    selection.set_status(demo, [tampere], "withdrawn")
    assert tampere not in {m.id for m in taking_part(demo.db)}
    assert tampere in {m.id for m in queries.municipalities(demo.db)}  # still in the file
    assert tampere not in {m.id for m in grouping.problem(demo.db).members}
    assert tampere not in {r.id for r in pairs.reviewees(demo.db)}
    assert tampere not in {s.id for s in sparrers.seekers(demo.db)}
    assert tampere not in {t.municipality.id for t in teams(demo.db)}
    day = queries.days(demo.db)[0]
    assert tampere not in {g.id for g in attendance.overview(demo, day)}
    named = cohort_summary.build(demo.db, "fi", name_municipalities=True)
    assert "Tampere" not in repr(named.task_rows) and "Turku" in repr(named.task_rows)
    person = queries.people(demo.db, tampere)[0]
    with pytest.raises(RuleViolation, match="not selected"):
        attendance.check_in(demo, day.id, person.id)
    # Selected again, it takes part again.
    selection.set_status(demo, [tampere], "selected")
    assert tampere in {m.id for m in grouping.problem(demo.db).members}
    assert tampere in {g.id for g in attendance.overview(demo, day)}


def test_a_municipality_not_selected_cannot_withdraw(demo):
    alajarvi = find_municipality(demo.db, "005")
    with pytest.raises(RuleViolation, match="cannot withdraw"):
        selection.set_status(demo, [alajarvi], "withdrawn")


def test_applications_make_applicants_registrations_and_hand_made_ones_are_selected(tmp_path):
    session = create_cohort(tmp_path / "uusi.ilmava", "Uusi")
    applications = tmp_path / "hakemukset.csv"
    applications.write_text("Kunta;Teema;Viheliäinen ongelma;Valtuuston ilmastotavoite;"
                            "Nykytila;Haasteet;Omarahoitus\n"
                            "Tornio;industry_targets;Tavoitteet;ei;"
                            "Strategiatyö;Tavoitteiden asettaminen;kyllä\n"
                            "Lahti;climate_plan;Ohjelma;kyllä;;;\n", encoding="utf-8")
    plan = import_file(session, applications)
    assert not plan.rejected, plan.rejected
    registrations = tmp_path / "ilmoittautumiset.csv"
    registrations.write_text("Kunta;Nimi;Sähköposti\nSalo;Maija Meikäläinen;maija@salo.example\n",
                             encoding="utf-8")
    import_file(session, registrations)
    add_municipality(session, "091")
    statuses = {m.code: m.status for m in queries.municipalities(session.db)}
    assert statuses == {"851": "applicant", "398": "applicant", "734": "selected",
                        "091": "selected"}
    rows = {row.code: row for row in selection.applicants(session.db, "fi")}
    assert rows["851"].criteria.as_dict() == {"council_target": False, "current_state": True,
                                              "challenges": True, "own_funding": True}
    assert rows["398"].criteria.as_dict() == {"council_target": True, "current_state": False,
                                              "challenges": False, "own_funding": False}
    assert len(rows["398"].missing) == 3
    count = selection.selection_count(session.db)
    assert (count.selected, count.applicants, count.state) == (2, 2, "under")
    session.close()


def test_a_cohort_from_before_has_every_municipality_selected(tmp_path):
    db = sqlite_utils.Database(tmp_path / "vanha.ilmava")
    for index, (name, step) in enumerate(schema.MIGRATIONS):
        if name.startswith("0019"):
            break
        step(db)
        db.execute(f"PRAGMA user_version = {index + 1}")
    db.execute("INSERT INTO municipality (id, stamp, code, name_fi, name_sv, own_funding_paid)"
               " VALUES ('m', '1', '398', 'Lahti', 'Lahtis', 1)")
    db.conn.commit()
    schema.migrate(db)
    lahti = queries.municipalities(db)[0]
    assert lahti.status == "selected" and lahti.taking_part
    assert lahti.funding_paid is None and lahti.own_funding_paid  # paid, day not recorded


def test_own_funding_amount_invoiced_paid_and_who_has_not_paid(demo, tmp_path):
    unpaid = selection.not_paid(demo.db)
    assert [f.code for f in unpaid] == ["290"]
    kuhmo = find_municipality(demo.db, "290")
    assert selection.funding_of(demo.db, kuhmo).amount == 2000  # the programme's
    selection.set_funding(demo, kuhmo, paid=date(2026, 11, 2), amount=1500)
    assert selection.not_paid(demo.db) == []
    paid = selection.funding_of(demo.db, kuhmo)
    assert (paid.amount, paid.paid, paid.is_paid) == (1500, date(2026, 11, 2), True)
    demo.undo()
    assert [f.code for f in selection.not_paid(demo.db)] == ["290"]
    with pytest.raises(RuleViolation):
        selection.set_funding(demo, kuhmo, amount=-5)
    from ilmava_desktop.services.attendance.export import export_attendance

    book = openpyxl.load_workbook(export_attendance(demo, tmp_path / "a.xlsx"))
    rows = list(book["Own funding"].iter_rows(values_only=True))
    assert ("290", "Kuhmo", 2000, "6 Feb 2026", None) in rows


def test_the_ilmava_periods_are_dated_in_the_cohorts_year_and_can_be_moved(demo):
    shown = programme_service.programme(demo.db)
    assert [p.number for p in shown.periods] == [1, 2, 3, 4, 5]
    sparring = shown.period(4)
    assert (sparring.start, sparring.end) == (date(2026, 5, 1), date(2026, 8, 31))
    assert sparring.names["fi"] == "Kuntakohtainen sparraus"
    # Every demo day sits in its own period.
    for day in queries.days(demo.db):
        assert shown.period(day.period).holds(day.date), day
    assert programme_service.where_now(demo.db, "fi", date(2026, 6, 10)) == (
        "Jakso 4/5: Kuntakohtainen sparraus (1.5.–31.8.2026)")
    assert programme_service.where_now(demo.db, "en", date(2026, 4, 30)).startswith(
        "Period 3 of 5")
    assert programme_service.where_now(demo.db, "fi", date(2025, 12, 1)).startswith(
        "Seuraavaksi jakso 1/5")
    programme_service.set_period(demo, 4, start=date(2026, 5, 15))
    assert programme_service.programme(demo.db).period(4).start == date(2026, 5, 15)
    with pytest.raises(RuleViolation):
        programme_service.set_period(demo, 4, end=date(2026, 5, 1))
    with pytest.raises(RuleViolation):
        programme_service.set_period(demo, 9, start=date(2026, 5, 1))
    day = day_service.days(demo.db)[-1]
    assert programme_service.day_in_year(demo.db, day, "fi", date(2026, 6, 1)).startswith(
        "Tämä päivä: jakso 5, Sparrauksen purku ja yhteiset opit · Nyt: jakso 4/5")


def test_a_motiva_cohort_has_no_periods_nor_selection_range():
    motiva = programme_core.resolve("motiva", {}, "", "", "")
    assert motiva.periods == () and motiva.selection is None
    ilmava = programme_core.resolve("ilmava", {}, "", "", "", selection=(None, 12), year=2027)
    assert ilmava.selection == (10, 12) and ilmava.period(1).start == date(2027, 1, 1)


def test_the_selection_range_is_a_cohort_setting(demo):
    programme_service.set_selection(demo, low=12, high=14, own_funding=2500)
    shown = programme_service.programme(demo.db)
    assert (shown.selection, shown.own_funding) == ((12, 14), 2500)
    assert selection.selection_count(demo.db).state == "over"
    with pytest.raises(RuleViolation):
        programme_service.set_selection(demo, low=16)


def test_lists_of_municipalities_follow_the_shown_names_order(tmp_path):
    """A Swedish list reads Tammerfors before Tavastehus (by the Swedish names), though in
    Finnish Hämeenlinna comes before Tampere."""
    from ilmava_desktop.core.sorting import alphabet_key
    from ilmava_desktop.i18n import current_language, set_language
    from ilmava_desktop.services import municipalities as municipality_service
    from ilmava_desktop.services.demo import create_demo

    session = create_demo(tmp_path / "demo.ilmava")
    before = current_language()
    try:
        for language in ("fi", "sv", "en"):
            set_language(language)
            names = [m.name(language) for m in municipality_service.taking_part(session.db)]
            assert names == sorted(names, key=lambda n: alphabet_key(n, language))
        set_language("sv")
        names = [m.name("sv") for m in municipality_service.taking_part(session.db)]
        assert names.index("Tammerfors") < names.index("Tavastehus")
    finally:
        set_language(before)
        session.close()


def test_the_days_place_in_the_year_goes_on_after_its_colon_in_lower_case(demo):
    from datetime import date

    from ilmava_desktop.services.cohort import programme
    from ilmava_desktop.storage import queries

    day = queries.days(demo.db)[-1]
    line = programme.day_in_year(demo.db, day, "en", today=date(2026, 11, 28))
    assert line.endswith("Now: the programme's year is over (periods 1–5).")
    finnish = programme.day_in_year(demo.db, day, "fi", today=date(2026, 6, 1))
    assert "Nyt: jakso 4/5: Kuntakohtainen sparraus" in finnish
