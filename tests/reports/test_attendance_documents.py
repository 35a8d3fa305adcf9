"""Badges and sign-in sheets: every person, a scannable code, embedded fonts, page numbers."""

import re

import pytest

from ilmava_desktop.core.attendance import parse_badge
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.attendance import documents as documents
from ilmava_desktop.services.attendance import person_by_badge
from ilmava_desktop.storage import queries


def test_every_invited_person_gets_a_badge_whose_code_checks_them_in(demo):
    day = queries.days(demo.db)[-1]  # the joint debrief: everyone is invited
    sheet = documents.badge_sheet(demo, day)
    assert len(sheet.badges) == len(queries.invited(demo.db, day.id))
    for badge in sheet.badges:
        assert parse_badge(badge.code) is not None
        assert queries.person(demo.db, person_by_badge(demo, badge.code)).name == badge.name
    assert any(b.municipality == "Porvoo – Borgå" for b in sheet.badges)


def test_badges_pdf_has_ten_a_page_and_embedded_fonts(demo, tmp_path):
    day = queries.days(demo.db)[0]
    path = documents.write_badges(demo, day, tmp_path / "nimikyltit")
    data = path.read_bytes()
    assert path.suffix == ".pdf" and data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type /Page\b", data))
    assert pages == -(-len(queries.invited(demo.db, day.id)) // 10)
    assert b"DejaVuSans" in data and b"/FontFile2" in data  # TrueType embedded


def test_signin_sheet_lists_each_municipality_with_limits(demo, tmp_path):
    day = queries.days(demo.db)[-1]
    sheet = documents.signin_sheet(demo, day)
    assert len(sheet.groups) == 15 and sheet.groups[0].limits == "2–5 people"
    assert sum(len(g.people) for g in sheet.groups) == len(queries.invited(demo.db, day.id))
    data = documents.write_signin_sheet(demo, day, tmp_path / "lista.pdf").read_bytes()
    assert b"/Title" in data and b"/Lang" in data


def test_a_pdf_to_a_missing_folder_says_so(demo, tmp_path):
    with pytest.raises(RuleViolation, match=r"The folder .*irti does not exist\."):
        documents.write_badges(demo, queries.days(demo.db)[0], tmp_path / "irti" / "a.pdf")


def test_the_politicians_day_prints_only_its_invited_by_municipality_in_the_pages_language(
        demo):
    from ilmava_desktop.core.invitations import is_political
    from ilmava_desktop.i18n import current_language, set_language

    day = queries.days(demo.db)[2]  # the first day of period 5: the political leadership
    invited = queries.invited(demo.db, day.id)
    people = {p.id: p for p in queries.people(demo.db)}
    assert invited and all(is_political(people[i].role) for i in invited)
    badges = documents.badge_sheet(demo, day).badges
    assert sorted(b.name for b in badges) == sorted(people[i].name for i in invited)
    sheet = documents.signin_sheet(demo, day)
    assert sorted(n for g in sheet.groups for n, _role in g.people) == sorted(
        people[i].name for i in invited)
    before = current_language()
    set_language("sv")
    try:
        names = [g.municipality for g in documents.signin_sheet(demo, day).groups]
    finally:
        set_language(before)
    # Named and ordered in Swedish: Tammerfors and Tavastehus, not Tampere and Hämeenlinna.
    assert names == sorted(names, key=lambda n: alphabet_key(n, "sv"))
    assert names.index("Tammerfors") < names.index("Tavastehus")


def alphabet_key(name, language):
    from ilmava_desktop.core.sorting import alphabet_key as key

    return key(name, language)


def pdf_fonts(data: bytes) -> set[str]:
    import io

    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        # Resolved by hand: pypdf before 4.1 hands out the indirect objects as they are.
        resources = page.get("/Resources", {}).get_object()
        fonts = resources.get("/Font", {}).get_object() if "/Font" in resources else {}
        names |= {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    return names


def test_badges_name_only_embedded_dejavu_and_share_one_name_size(demo):
    from ilmava_desktop.reports.badges import Badge, BadgeRenderer, BadgeSheet

    day = queries.days(demo.db)[-1]
    data = documents.write_badges(demo, day, demo.file.path.parent / "b.pdf").read_bytes()
    fonts = pdf_fonts(data)
    assert fonts and all("DejaVu" in name for name in fonts), fonts  # no Helvetica named
    renderer = BadgeRenderer()
    sheet = BadgeSheet("t", "f", "a", "fi", [
        Badge("Aino Ek", "r", "Kuhmo", "X"),
        Badge("Kristiina Kuntalainen-Esimerkkinen", "r", "Kuhmo", "Y")])
    renderer.render(sheet)
    short_alone = BadgeRenderer()
    short_alone.render(BadgeSheet("t", "f", "a", "fi", sheet.badges[:1]))
    # The long name sets the size for both; alone, the short name may be larger.
    assert renderer.name_size < short_alone.name_size == 18


def test_signin_sheet_offers_blank_lines_up_to_the_days_maximum_in_the_pages_order(
        demo, tmp_path):
    from pypdf import PdfReader

    from ilmava_desktop.core.sorting import alphabet_key
    from ilmava_desktop.i18n import set_language

    day = queries.days(demo.db)[-1]
    set_language("sv")
    try:
        sheet = documents.signin_sheet(demo, day)
    finally:
        set_language("fi")
    names = [g.municipality for g in sheet.groups]
    assert names == sorted(names, key=lambda n: alphabet_key(n, "sv"))
    assert "Tammerfors" in names and "Tampere" not in names
    for group in sheet.groups:
        assert group.maximum == 5
        people = [name for name, _role in group.people]
        assert people == sorted(people, key=lambda n: alphabet_key(n, "sv"))
    path = documents.write_signin_sheet(demo, day, tmp_path / "lista.pdf")
    # One column head a page, not one a municipality: two or three pages for fifteen.
    pages = PdfReader(str(path)).pages
    assert len(pages) <= 4
    text = " ".join(page.extract_text() for page in pages)
    assert len(re.findall(r"Allekirjoitus(?!lista)", text)) == len(pages)


def test_the_paper_form_leaves_four_lines_a_theme_for_strengths_and_for_development(demo):
    """Counted in the drawing itself: ruled lines half the text width long, side by side."""
    import io

    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    from ilmava_desktop.reports.paper_form import PaperFormRenderer
    from ilmava_desktop.services.assessment import documents as form_documents

    form = form_documents.paper_form(demo, "fi")
    reader = PdfReader(io.BytesIO(PaperFormRenderer().render(form)))
    width = 595.27 - 2 * 15 * 72 / 25.4
    half = (width - 6 * 72 / 25.4) / 2
    ruled = 0
    for page in reader.pages:
        start = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"m":
                start = [float(v) for v in operands]
            elif operator == b"l" and start:
                x, y = (float(v) for v in operands)
                if abs(y - start[1]) < 0.01 and abs(abs(x - start[0]) - half) < 1:
                    ruled += 1
    assert ruled >= 2 * 4 * len(form.themes), ruled
