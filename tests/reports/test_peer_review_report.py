"""A Motiva municipality's report has its peer-review visit: who came, when, whom they met by
group (never by name) and the findings by theme, in the report's language; a programme
without visits has no such section."""

import io

import pytest
from pypdf import PdfReader

from ilmava_desktop.cli import main
from ilmava_desktop.reports.municipality_report import MunicipalityReportRenderer
from ilmava_desktop.services import visits
from ilmava_desktop.services.cohort import programme
from ilmava_desktop.services.demo.motiva import build_motiva_demo
from ilmava_desktop.services.reports import municipality_report
from ilmava_desktop.services.visits import findings
from ilmava_desktop.storage import queries


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def motiva(tmp_path):
    session = build_motiva_demo(tmp_path / "motiva.ilmava")
    yield session
    session.close(save=False)


def by_code(db, code):
    return queries.municipality_by_code(db, code)


def test_the_section_names_the_visiting_teams_date_groups_and_findings(motiva):
    db = motiva.db
    lahti = by_code(db, "398")
    report = municipality_report.build(db, lahti.id, "en")
    section = report.peer_review
    visit = visits.visit(db, lahti.id)
    assert section.date == "14 Apr 2026" and section.place == "Lahden kaupungintalo"
    reviewers = {queries.municipality(db, r).name("en") for r in visit.reviewer_ids}
    assert {name for name, _team in section.visitors} == reviewers
    assert sum(count for _group, count in section.interviewed) == len(visit.interviewees)
    assert section.interviewed_total == f"{len(visit.interviewees)} people interviewed"
    written = {f.text for f in findings.findings(db, lahti.id)}
    printed = {text for theme in section.findings for text in theme.strengths + theme.development}
    assert printed == written
    # Printed once: in the visit's section, not again among the board's notes.
    assert not written & {t for n in report.notes for t in n.strengths + n.development}
    text = text_of(MunicipalityReportRenderer().render(report))
    assert "Peer-review visit" in text and "Findings of the joint debrief" in text
    assert all(" ".join(t.split()) in text for t in written)
    # Interviewees are counted by group, never named; visitors by role unless names are asked.
    assert not [i.name for i in visit.interviewees if i.name in text]
    assert not [p.name for p in queries.people(db) if p.name in text]
    named = municipality_report.build(db, lahti.id, "en", names=True).peer_review
    team = visits.team_members(db, visit.reviewer_ids[0])
    assert all(p.name in " ".join(t for _m, t in named.visitors) for p in team)


def test_the_section_speaks_the_reports_language(motiva):
    db = motiva.db
    narpes = by_code(db, "545")
    swedish = text_of(MunicipalityReportRenderer().render(
        municipality_report.build(db, narpes.id)))
    assert "Kamratgranskningsbesök" in swedish and "30.4.2026" in swedish
    assert "kommunledning: 1" in swedish and "Inga iakttagelser har skrivits ännu." in swedish
    finnish = text_of(MunicipalityReportRenderer().render(
        municipality_report.build(db, by_code(db, "837").id, "fi")))
    assert "Vertaisarviointivierailu" in finnish and "Yhteisen purun havainnot" in finnish
    assert "kuntajohto: 1" in finnish


def test_only_a_programme_with_visits_has_the_section(motiva):
    db = motiva.db
    lahti = by_code(db, "398")
    programme.set_programme(motiva, kind="ilmava")
    report = municipality_report.build(db, lahti.id, "en")
    assert report.peer_review is None
    text = text_of(MunicipalityReportRenderer().render(report))
    assert "Peer-review visit" not in text
    # Without the section the findings are still the board's strengths and development areas.
    written = {f.text for f in findings.findings(db, lahti.id)}
    assert written <= {t for n in report.notes for t in n.strengths + n.development}
    programme.set_programme(motiva, kind="custom", sections=["visits"])
    assert municipality_report.build(db, lahti.id, "en").peer_review is not None


def test_ilmava_export_pdf_of_a_motiva_cohort_prints_the_section(tmp_path):
    path = tmp_path / "motiva.ilmava"
    assert main(["--lang", "en", "demo", "--programme", "motiva", str(path)]) == 0
    out = tmp_path / "pdf"
    assert main(["--lang", "en", "export", "pdf", str(path), "--out", str(out)]) == 0
    tampere = text_of((out / "837-tampere.pdf").read_bytes())
    assert "Vertaisarviointivierailu" in tampere
    assert "Kiinteistöjen kulutusseuranta on reaaliaikaista ja avointa." in tampere


def test_the_section_says_whether_the_host_has_approved_it(motiva):
    from datetime import date

    from ilmava_desktop.services.visits import timeline

    db = motiva.db
    lahti = by_code(db, "398")
    assert municipality_report.build(db, lahti.id, "en").peer_review.approval == (
        "Draft: not yet approved by Lahti")
    timeline.tick(motiva, host_id=lahti.id, step="report", today=date(2026, 5, 12))
    section = municipality_report.build(db, lahti.id, "fi").peer_review
    assert section.approval == "Lahti hyväksynyt 12.5.2026"
    text = text_of(MunicipalityReportRenderer().render(municipality_report.build(
        db, lahti.id, "en")))
    assert "Approved by Lahti on 12 May 2026" in text


def test_the_lessons_summary_counts_the_visits_without_a_findings_text(motiva, tmp_path):
    from ilmava_desktop.services.reports import cohort_summary
    from ilmava_desktop.services.reports import export as report_export

    db = motiva.db
    summary = cohort_summary.build(db, "en")
    assert summary.visits_text.startswith("2 of 6 visits held; 13 people interviewed")
    assert summary.visit_rows[0] == ["Theme", "Strengths", "Development areas"]
    assert sum(int(row[1]) + int(row[2]) for row in summary.visit_rows[1:]) == 4
    out = tmp_path / "summary.pdf"
    report_export.write_summary(db, out, "en", False)
    text = text_of(out.read_bytes())
    assert "Peer-review visits" in text
    assert not [f.text for f in findings.findings(db) if f.text in text]
    programme.set_programme(motiva, kind="ilmava")
    assert cohort_summary.build(db, "en").visits_text is None
