"""Sparring sessions: recorded, counted per sparrer, logged, and shown in the report."""

from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.groups import sparrers, sparring
from ilmava_desktop.services.municipalities import find_municipality, municipality
from ilmava_desktop.services.reports import municipality_report


def test_the_demo_sessions_are_in_period_4_with_each_municipalitys_sparrer(demo):
    held = sparring.sessions(demo.db)
    assert len(held) >= 30
    matches = sparrers.saved_matches(demo.db)
    for s in held:
        assert date(2026, 5, 1) <= s.date <= date(2026, 8, 31)
        assert not sparring.outside_period(demo.db, s)
        assert s.sparrer_id == matches[s.municipality_id][0]
    load = {item.name: item for item in sparring.load(demo.db)}
    assert sum(item.sessions for item in load.values()) == len(held)
    assert sum(item.minutes for item in load.values()) == sum(s.minutes for s in held)


def test_a_session_defaults_to_90_minutes_on_site_the_tasks_theme_and_confidential_notes(demo):
    tornio = find_municipality(demo.db, "851")
    changes = sparring.add_session(demo, tornio, when=date(2026, 6, 3),
                                   notes="Luottamuksellinen huomio", next_step="Luonnos syksyllä")
    s = next(s for s in sparring.sessions(demo.db, tornio) if s.id == changes.result)
    assert (s.minutes, s.online, s.publishable, s.topic) == (90, False, False, "")
    m = municipality(demo.db, tornio)
    assert sparring.topic_of(s, m, "fi") == "Tavoitteen asettaminen teollisuusvaltaisessa kunnassa"
    assert sparring.topic_of(s, m, "en").startswith("Target-setting")
    sparring.update_session(demo, s.id, publishable=True, minutes=45)
    s = next(x for x in sparring.sessions(demo.db, tornio) if x.id == s.id)
    assert (s.publishable, s.minutes, s.notes) == (True, 45, "Luottamuksellinen huomio")
    sparring.delete_session(demo, s.id)
    assert s.id not in {x.id for x in sparring.sessions(demo.db)}
    demo.undo()
    assert s.id in {x.id for x in sparring.sessions(demo.db)}


def test_sessions_are_refused_for_municipalities_not_selected_and_for_odd_lengths(demo):
    alajarvi = find_municipality(demo.db, "005")
    with pytest.raises(RuleViolation, match="not selected"):
        sparring.add_session(demo, alajarvi, when=date(2026, 6, 1))
    tornio = find_municipality(demo.db, "851")
    with pytest.raises(RuleViolation):
        sparring.add_session(demo, tornio, when=date(2026, 6, 1), minutes=0)
    changes = sparring.add_session(demo, tornio, when=date(2026, 11, 1))
    s = next(s for s in sparring.sessions(demo.db) if s.id == changes.result)
    assert sparring.outside_period(demo.db, s)


def test_the_report_shows_sessions_topics_and_steps_but_only_publishable_notes(demo):
    tornio = find_municipality(demo.db, "851")
    sparring.add_session(demo, tornio, when=date(2026, 7, 1), notes="SALAINEN HUOMIO",
                         next_step="Valtuustoseminaari elokuussa")
    sparring.add_session(demo, tornio, when=date(2026, 7, 2), notes="JULKAISTAVA HUOMIO",
                         publishable=True, topic="Yritysten kanssa yhdessä")
    report = municipality_report.build(demo.db, tornio)
    text = repr(report.sparring)
    assert report.sparring[0] == ["Päivämäärä", "Minuutit", "Aihe", "Sovittu seuraava askel",
                                  "Muistiinpanot"] or "Aihe" in report.sparring[0]
    assert "Valtuustoseminaari elokuussa" in text and "Yritysten kanssa yhdessä" in text
    assert "JULKAISTAVA HUOMIO" in text and "SALAINEN HUOMIO" not in text
    assert "Tavoitteen asettaminen teollisuusvaltaisessa kunnassa" in text
    assert "sparraajan kanssa" in report.sparring_summary


def test_the_sparring_log_as_pdf_and_xlsx(demo, tmp_path):
    pdf = sparring.export_log(demo.db, tmp_path / "loki.pdf", "fi")
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Sparrausloki" in text and "Sparraajien kuormitus" in text and "Tornio" in text
    book = openpyxl.load_workbook(sparring.export_log(demo.db, tmp_path / "loki.xlsx", "sv"))
    assert book.sheetnames == ["Möten", "Sparrarnas belastning"]
    rows = list(book["Möten"].iter_rows(values_only=True))
    assert len(rows) == len(sparring.sessions(demo.db)) + 1
    with pytest.raises(RuleViolation):
        sparring.export_log(demo.db, tmp_path / "loki.txt", "fi")
