"""The reports: each municipality's own, the publishable summary, and what may go where."""

import io
import re

import pytest
from pypdf import PdfReader

from ilmava_desktop.cli import main
from ilmava_desktop.reports.municipality_report import MunicipalityReportRenderer
from ilmava_desktop.services import board
from ilmava_desktop.services.reports import export as report_export
from ilmava_desktop.services.reports import municipality_report
from ilmava_desktop.storage import queries


def pdf_text(path_or_bytes) -> str:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    cohort = folder / "demo.ilmava"
    assert main(["demo", str(cohort)]) == 0
    assert main(["export", "pdf", str(cohort), "--out", str(folder / "pdf")]) == 0
    assert main(["export", "summary", str(cohort), "--out", str(folder / "summary.pdf")]) == 0
    from ilmava_desktop.services.cohort import reading

    return folder, reading._ReadOnlySession(cohort)


def test_one_file_per_municipality_named_by_code_and_name(exported):
    folder, session = exported
    names = sorted(p.name for p in (folder / "pdf").iterdir())
    assert len(names) == 15 and "638-porvoo.pdf" in names and "290-kuhmo.pdf" in names


def test_a_confidential_card_goes_only_into_its_own_municipalitys_report(exported):
    folder, session = exported
    cards = board.cards(session.db)
    municipalities = queries.municipalities(session.db, taking_part=True)
    texts = {m.id: squeeze(pdf_text(folder / "pdf" / report_export.file_name(m)))
             for m in municipalities}
    summary = squeeze(pdf_text(folder / "summary.pdf"))
    # The demo gives municipalities of one theme some of the same words: a text is checked
    # only where nobody wrote it on a card of their own.
    public = {c.text for c in cards if not c.confidential}
    written_by = {}
    for card in cards:
        written_by.setdefault(card.text, set()).add(card.municipality_id)
    for card in cards:
        if not card.confidential:
            continue
        if card.text not in public:
            assert card.text not in summary
        for municipality_id, text in texts.items():
            if municipality_id not in written_by[card.text]:
                assert card.text not in text, (card.text, municipality_id)
    lahti = next(m for m in municipalities if m.code == "398")
    own = [c for c in cards if c.municipality_id == lahti.id and c.confidential
           and c.kind in ("strength", "development")]
    assert own and all(c.text in texts[lahti.id] for c in own)


def test_the_summary_names_no_person_and_no_municipality_by_default(exported):
    folder, session = exported
    summary = squeeze(pdf_text(folder / "summary.pdf"))
    assert not [p.name for p in queries.people(session.db) if p.name in summary]
    assert not [m.name_fi for m in queries.municipalities(session.db) if m.name_fi in summary]


def test_a_swedish_majority_municipality_gets_its_report_in_swedish(exported):
    folder, session = exported
    raseborg = pdf_text(folder / "pdf" / "710-raasepori.pdf")
    assert "Raseborg – Raasepori" in raseborg and "Styrkor" in raseborg
    lahti = pdf_text(folder / "pdf" / "398-lahti.pdf")
    assert "Vahvuudet" in lahti and "Sivu 1/3" in lahti


def test_fonts_are_embedded_and_the_title_is_set(exported):
    folder, _session = exported
    reader = PdfReader(str(folder / "pdf" / "398-lahti.pdf"))
    assert "Lahti" in reader.metadata.title
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and (
                "/FontFile2" in descriptor.get_object())
    # Every font is the bundled DejaVu, embedded: no reader falls back to one without ä, å.
    assert fonts and all(fonts.values()) and all("DejaVu" in name for name in fonts), fonts


def test_sections_say_plainly_when_there_is_no_data(session):
    from ilmava_desktop.services.municipalities import add_municipality

    add_municipality(session, "091")
    helsinki = queries.municipality_by_code(session.db, "091")
    data = municipality_report.build(session.db, helsinki.id, "en")
    assert data.profile is None and data.notes == [] and data.next_steps == []
    text = pdf_text(report_export.render_report(data))
    assert text.count("Nothing recorded yet.") >= 4
    assert "Helsinki – Helsingfors" in text


TYPED = "R&D <b>tiimi</b> & Co"  # what someone may type into a name, a title or a statement


def test_typed_text_prints_as_typed_in_every_kind_of_pdf(demo):
    from dataclasses import replace

    from ilmava_desktop.reports.paper_form import FormTheme, PaperFormRenderer
    from ilmava_desktop.reports.signin_sheet import SignInGroup, SignInSheetRenderer
    from ilmava_desktop.services.assessment.documents import paper_form
    from ilmava_desktop.services.attendance.documents import signin_sheet

    sheet = signin_sheet(demo, queries.days(demo.db)[0])
    sheet = replace(sheet, subtitle=TYPED, groups=[
        SignInGroup(TYPED, "1–5", [(TYPED, "Johtaja <3")])] + sheet.groups[1:])
    form = paper_form(demo, "fi")
    form = replace(form, title=TYPED, themes=[
        FormTheme(TYPED, [("1", TYPED)])] + form.themes[1:])
    for data in (SignInSheetRenderer().render(sheet), PaperFormRenderer().render(form)):
        text = " ".join(pdf_text(data).split())
        assert TYPED in text and "R&D;" not in text
    assert "Johtaja <3" in pdf_text(SignInSheetRenderer().render(sheet))


def test_typed_text_prints_as_typed_in_a_municipality_report(demo):
    from dataclasses import replace

    report = municipality_report.build(demo.db, queries.municipalities(demo.db)[0].id)
    report = replace(report, wicked_problem=TYPED, next_steps=[TYPED])
    text = " ".join(pdf_text(MunicipalityReportRenderer().render(report)).split())
    assert text.count(TYPED) == 2


def test_no_page_ends_with_a_heading(exported):
    folder, session = exported
    for m in queries.municipalities(session.db, taking_part=True):
        report = municipality_report.build(session.db, m.id)
        headings = {report.labels[key] for key in (
            "participants", "task", "assessment", "notes", "peers", "next", "sparring")}
        headings |= {theme.title for theme in report.notes}
        reader = PdfReader(str(folder / "pdf" / report_export.file_name(m)))
        pages = len(reader.pages)
        for number, page in enumerate(reader.pages[:-1], start=1):
            footer = {report.footer, report.labels["page"].format(page=number, pages=pages)}
            body = [line.strip() for line in (page.extract_text() or "").splitlines()
                    if line.strip() and line.strip() not in footer]
            assert body and body[-1] not in headings, (m.code, body[-3:])


def test_a_swedish_report_breaks_no_heading_mid_word(exported):
    folder, session = exported
    text = pdf_text(folder / "pdf" / "710-raasepori.pdf")
    for heading in ("Självvärdering", "Märkbara skillnader", "Styrkor och utvecklingsområden",
                    "5 Genomförandeområden och koncernstyrning"):
        assert heading in text, heading


def test_the_summary_names_each_lesson_and_idea_once(exported):
    from ilmava_desktop.services.reports import cohort_summary

    summary = cohort_summary.build(exported[1].db)
    assert summary.lessons and len(set(summary.lessons)) == len(summary.lessons)
    assert summary.ideas and len(set(summary.ideas)) == len(summary.ideas)


def test_no_report_prints_a_signed_zero_and_gaps_come_largest_first(exported):
    folder, session = exported
    for path in (folder / "pdf").iterdir():
        text = squeeze(pdf_text(path))
        for zero in ("-0,0", "+0,0", "-0.0", "+0.0", "−0,0"):
            assert zero not in text, (path.name, zero)
    # Asikkala: monitoring −1,3, finance −0,8, strategy +0,7 between the rounds: the two
    # largest are written out, largest first, with both values; the table marks them ▼.
    asikkala = squeeze(pdf_text(folder / "pdf" / "016-asikkala.pdf"))
    line = asikkala[asikkala.index("Huomattavat erot"):]
    assert line.index("1,3 matalammaksi") < line.index("0,8 matalammaksi")
    assert "(1,3 vs 2,6)" in line and "0,7 korkeammaksi" not in line
    assert "−1,3 ▼" in asikkala and "−0,8 ▼" in asikkala and "+0,7 ▲" not in asikkala


def test_each_round_keeps_its_chart_style_in_every_report(demo):
    from ilmava_desktop.reports import charts

    slots = set()
    for m in queries.municipalities(demo.db, taking_part=True):
        profile = municipality_report.build(demo.db, m.id).profile
        slots.add(tuple(profile.slots))
        assert profile.numbers()[-1] == "3"  # the cohort average is 3 in every table
    # Some municipalities answered only the officials' round: the average keeps its style.
    assert slots == {(charts.FIRST_ROUND, charts.SECOND_ROUND, charts.COHORT_AVERAGE),
                     (charts.FIRST_ROUND, charts.COHORT_AVERAGE)}


def test_a_report_names_the_rounds_in_its_own_language(exported):
    folder, session = exported
    swedish = squeeze(pdf_text(folder / "pdf" / "710-raasepori.pdf"))
    assert "Tjänstemannaledning, januari 2026" in swedish
    assert "Virkajohto" not in swedish and "Poliittinen johto" not in swedish
    finnish = squeeze(pdf_text(folder / "pdf" / "398-lahti.pdf"))
    assert "Virkajohto, tammikuu 2026" in finnish and "Tjänstemannaledning" not in finnish


def test_a_round_without_a_name_in_the_language_falls_back_to_finnish(demo):
    from ilmava_desktop.services import assessment

    officials = assessment.rounds(demo.db)[0]
    assessment.rename_round(demo, round_id=officials.id, name_en="")
    lahti = next(m for m in queries.municipalities(demo.db) if m.code == "398")
    english = municipality_report.build(demo.db, lahti.id, "en").profile
    assert english.series[:2] == ["Virkajohto, tammikuu 2026", "Politicians, September 2026"]


@pytest.mark.parametrize("extra_days", [3, 12])
def test_the_participants_table_breaks_no_word_however_many_days(demo, extra_days):
    from datetime import date, timedelta

    from ilmava_desktop.reports import text
    from ilmava_desktop.services.attendance.days import add_day

    for number in range(extra_days):
        add_day(demo, title=f"Työpaja {number + 1}", day_date=date(2027, 5, 1) + timedelta(
            days=7 * number), min_attendance=1, max_attendance=5)
    renderer = MunicipalityReportRenderer()
    text.BROKEN_WORDS.clear()
    for m in queries.municipalities(demo.db)[:4]:
        for language in ("fi", "sv", "en"):
            for names in (False, True):
                report = municipality_report.build(demo.db, m.id, language, names)
                shown = squeeze(pdf_text(renderer.render(report)))
                assert report.labels["participants"] in shown
    assert text.BROKEN_WORDS == []


def test_no_heading_or_cell_breaks_a_word_in_any_demo_report(demo):
    from ilmava_desktop.reports import text

    renderer = MunicipalityReportRenderer()
    text.BROKEN_WORDS.clear()
    for m in queries.municipalities(demo.db):
        for language in ("fi", "sv", "en"):
            renderer.render(municipality_report.build(demo.db, m.id, language, True))
    assert text.BROKEN_WORDS == []


def test_every_document_listing_municipalities_names_their_source(exported, tmp_path):
    from ilmava_desktop.core.municipality_names import MUNICIPALITY_SOURCE

    folder, session = exported
    assert MUNICIPALITY_SOURCE["fi"] in squeeze(pdf_text(folder / "pdf" / "398-lahti.pdf"))
    assert MUNICIPALITY_SOURCE["sv"] in squeeze(pdf_text(folder / "pdf" / "710-raasepori.pdf"))
    cohort = folder / "demo.ilmava"
    named = tmp_path / "named.pdf"
    assert main(["export", "summary", str(cohort), "--out", str(named),
                 "--name-municipalities", "--lang", "en"]) == 0
    assert MUNICIPALITY_SOURCE["en"] in squeeze(pdf_text(named))
    # The anonymous summary lists no municipality, so it needs no source line.
    assert "Tilastokeskus" not in squeeze(pdf_text(folder / "summary.pdf"))
    for what, extra in (("groups", ["--grouping", "Helsingin teemaryhmät"]), ("pairs", []),
                        ("sparrers", [])):
        out = tmp_path / f"{what}.pdf"
        assert main(["export", what, str(cohort), "--out", str(out), "--lang", "sv", *extra]) == 0
        assert MUNICIPALITY_SOURCE["sv"] in squeeze(pdf_text(out)), what


def lowest_text(page) -> float:
    """The lowest baseline of the page's text above the footer, in points from the bottom."""
    heights: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        y = cm[5] + tm[5] * cm[3] if cm else tm[5]
        if text.strip() and y > 60:  # the footer's line sits 28 points up
            heights.append(y)

    page.extract_text(visitor_text=visit)
    return min(heights)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_typical_report_is_at_most_three_pages_each_but_the_last_over_half_full(
        demo, language):
    renderer = MunicipalityReportRenderer()
    for m in queries.municipalities(demo.db):
        report = municipality_report.build(demo.db, m.id, language)
        reader = PdfReader(io.BytesIO(renderer.render(report)))
        assert len(reader.pages) <= 3, (m.code, len(reader.pages))
        top, bottom = 842 - 18 * 72 / 25.4, 22 * 72 / 25.4  # the text area of an A4 page
        for number, page in enumerate(reader.pages[:-1], start=1):
            assert lowest_text(page) < (top + bottom) / 2, (m.code, number)


def test_the_facilitators_summary_and_next_steps_are_printed_first(demo):
    from ilmava_desktop.core.rules import RuleViolation
    from ilmava_desktop.services.reports import texts

    lahti = next(m for m in queries.municipalities(demo.db) if m.code == "398")
    texts.set_report_text(demo, municipality_id=lahti.id,
                          summary="Hankinnat ovat Lahden vahvin ilmastotyön väline.",
                          next_steps=["Lasketaan hankintojen hiilijalanjälki", "Seurataan"])
    report = municipality_report.build(demo.db, lahti.id)
    reader = PdfReader(io.BytesIO(MunicipalityReportRenderer().render(report)))
    first = squeeze(reader.pages[0].extract_text())
    assert "Hankinnat ovat Lahden vahvin ilmastotyön väline." in first
    # pypdf 4 reads a list item's number and text without the space that pypdf 5 keeps.
    numbered = re.sub(r"(\d\.) ?", r"\1 ", first)
    assert "1. Lasketaan hankintojen hiilijalanjälki" in numbered and "2. Seurataan" in numbered
    with pytest.raises(RuleViolation):
        texts.set_report_text(demo, municipality_id=lahti.id, next_steps=["x"] * 6)
    # Without the facilitator's steps the report falls back to the board's.
    texts.set_report_text(demo, municipality_id=lahti.id, next_steps=[])
    assert municipality_report.build(demo.db, lahti.id).next_steps[0] == (
        "Hankintojen hiilijalanjälki on laskematta")


def test_a_motiva_cohorts_reports_speak_of_motiva_and_only_of_its_sections(demo):
    from ilmava_desktop.services.cohort import programme

    programme.set_programme(demo, kind="motiva")
    renderer = MunicipalityReportRenderer()
    raseborg = next(m for m in queries.municipalities(demo.db) if m.code == "710")
    swedish = squeeze(pdf_text(renderer.render(municipality_report.build(demo.db, raseborg.id))))
    assert "Kamratlärande för kommuner" in swedish and "ILMAVA –" not in swedish
    assert "Utvecklingsuppgiften" not in swedish and "Sparrare" not in swedish
    assert "Granskas av" in swedish  # peer review is Motiva's
    programme.set_programme(demo, kind="custom", name_fi="Oma ohjelma", sections=["task"],
                            accent="#7A1F5C")
    finnish = squeeze(pdf_text(renderer.render(municipality_report.build(demo.db, raseborg.id,
                                                                         "fi"))))
    assert "Oma ohjelma" in finnish and "Arvioijat" not in finnish
    assert "Kehittämistehtävä" in finnish


def test_the_summary_names_the_cohorts_programme(demo, tmp_path):
    from ilmava_desktop.services.cohort import programme

    programme.set_programme(demo, kind="motiva")
    out = tmp_path / "summary.pdf"
    report_export.write_summary(demo.db, out, "fi", False)
    text = squeeze(pdf_text(out))
    assert "Kuntien vertaisoppiminen" in text and "ILMAVA –" not in text


@pytest.fixture(scope="module")
def motiva(tmp_path_factory):
    from ilmava_desktop.services.demo.motiva import create_motiva_demo

    session = create_motiva_demo(tmp_path_factory.mktemp("motiva") / "motiva.ilmava")
    yield session
    session.close(save=False)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_motiva_cohorts_reports_are_dense_whole_worded_and_in_one_language(motiva, language):
    from ilmava_desktop.reports import text
    from ilmava_desktop.services import assessment

    renderer = MunicipalityReportRenderer()
    text.BROKEN_WORDS.clear()
    rounds = assessment.rounds(motiva.db)
    for m in queries.municipalities(motiva.db):
        report = municipality_report.build(motiva.db, m.id, language)
        data = renderer.render(report)
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) <= 3, (m.code, len(reader.pages))
        top, bottom = 842 - 18 * 72 / 25.4, 22 * 72 / 25.4
        for number, page in enumerate(reader.pages[:-1], start=1):
            assert lowest_text(page) < (top + bottom) / 2, (m.code, number)
        shown = squeeze(pdf_text(data))
        for current in rounds:
            own = current.name_in(language)
            assert own in shown
            if language != "fi" and own != current.name:
                assert current.name not in shown, (m.code, current.name)
        assert "ILMAVA" not in shown
    assert text.BROKEN_WORDS == []


def test_no_swedish_report_names_a_round_in_finnish_when_it_has_a_swedish_name(exported):
    from ilmava_desktop.services import assessment

    folder, session = exported
    rounds = [r for r in assessment.rounds(session.db) if r.name_sv]
    assert rounds
    for m in queries.municipalities(session.db):
        report = municipality_report.build(session.db, m.id, "sv")
        shown = squeeze(pdf_text(MunicipalityReportRenderer().render(report)))
        for current in rounds:
            assert current.name not in shown, (m.code, current.name)


def test_headings_are_never_broken_mid_word_in_any_language(demo):
    """Headings, theme titles and table heads are drawn whole: reportlab counts a word it
    had to cut without a hyphen, and no report of the demo has one."""
    from ilmava_desktop.reports import text

    text.BROKEN_WORDS.clear()
    renderer = MunicipalityReportRenderer()
    for m in queries.municipalities(demo.db, taking_part=True):  # the reported ones
        for language in ("fi", "sv", "en"):
            report = municipality_report.build(demo.db, m.id, language)
            shown = squeeze(pdf_text(renderer.render(report)))
            for key in ("assessment", "notes", "participants", "largest"):
                assert report.labels[key] in shown, (m.code, language, key)
            for row in report.profile.rows if report.profile else []:
                assert row.title in shown, (m.code, language, row.title)
    assert text.BROKEN_WORDS == []


def test_every_kind_of_document_names_only_embedded_dejavu_fonts(tmp_path):
    """pdffonts of each document lists DejaVu only: a table's empty cell or a QR code's
    drawing once named Helvetica, which a PDF viewer then substitutes."""
    cohort, motiva_file = tmp_path / "demo.ilmava", tmp_path / "motiva.ilmava"
    assert main(["demo", str(cohort)]) == 0
    assert main(["demo", "--programme", "motiva", str(motiva_file)]) == 0
    runs = {
        "badges": ["badges", str(cohort), "--day", "1"],
        "signin": ["signin-sheet", str(cohort), "--day", "1"],
        "form": ["paper-form", str(cohort)],
        "pairs": ["export", "pairs", str(cohort)],
        "groups": ["export", "groups", str(cohort), "--grouping", "Helsingin teemaryhmät"],
        "sparrers": ["export", "sparrers", str(cohort)],
        "summary": ["export", "summary", str(motiva_file)],
        "visit": ["export", "visit-pack", str(motiva_file), "--host", "545"],
    }
    for name, argv in runs.items():
        out = tmp_path / f"{name}.pdf"
        assert main([*argv, "--out", str(out)]) == 0, name
        reader = PdfReader(str(out))
        fonts = set()
        for page in reader.pages:
            # Resolved by hand: pypdf before 4.1 hands out the indirect objects as they are.
            resources = page.get("/Resources", {}).get_object()
            page_fonts = resources.get("/Font", {}).get_object() if "/Font" in resources else {}
            for font in page_fonts.values():
                font = font.get_object()
                assert "/FontDescriptor" in font or "/DescendantFonts" in font, (name, font)
                fonts.add(str(font["/BaseFont"]))
        assert fonts and all("DejaVu" in f for f in fonts), (name, fonts)
