"""A short section from a document's end stands in a gap a kept-whole section leaves, rather
than alone on a last page; and the demo reports use it."""

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from ilmava_desktop.reports.gap_fill import GapSlot, Movable, Remaining

STYLE = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)


def pages(filler_height: float, block_height: float, tail_lines: int = 5) -> list[str]:
    """A page of filler, a block kept whole, then a short tail: the text of each page."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    tail = Movable([Paragraph(f"TAIL {n}", STYLE) for n in range(tail_lines)])
    block = KeepTogether([Paragraph("BLOCK", STYLE), Spacer(1, block_height)])
    story = [Paragraph("START", STYLE), Spacer(1, filler_height),
             GapSlot([[tail]], block, doc.height), block, Remaining(tail)]
    doc.build(story)
    return [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def test_the_tail_fills_the_gap_a_block_kept_whole_leaves():
    # 100 pt left on page 1: the 300 pt block goes to page 2, the 60 pt tail stays here.
    text = pages(filler_height=pages_height() - 100, block_height=300)
    assert len(text) == 2
    assert "TAIL 4" in text[0] and "BLOCK" in text[1] and "TAIL" not in text[1]


def test_the_tail_stays_at_the_end_when_the_block_uses_the_space():
    text = pages(filler_height=pages_height() - 400, block_height=300)
    assert len(text) == 1 and text[0].index("BLOCK") < text[0].index("TAIL 0")


def test_a_tail_that_does_not_fit_the_gap_is_never_split_into_it():
    text = pages(filler_height=pages_height() - 40, block_height=300, tail_lines=5)
    assert "TAIL" not in text[0] and text[-1].index("BLOCK") < text[-1].index("TAIL 0")


def pages_height() -> float:
    return SimpleDocTemplate(io.BytesIO(), pagesize=A4).height - 30


@pytest.fixture(scope="module")
def demo_reports(tmp_path_factory):
    from ilmava_desktop.cli import main

    folder = tmp_path_factory.mktemp("gap-fill")
    assert main(["demo", str(folder / "demo.ilmava")]) == 0
    assert main(["export", "pdf", str(folder / "demo.ilmava"), "--out", str(folder / "pdf"),
                 "--lang", "fi"]) == 0
    return {path.name: [" ".join((page.extract_text() or "").split())
                        for page in PdfReader(path).pages]
            for path in (folder / "pdf").iterdir()}


def test_a_report_whose_participants_fit_on_page_one_has_two_pages(demo_reports):
    # Hollola has no ideas of its own; its participants fit under the strengths.
    hollola = demo_reports["098-hollola.pdf"]
    assert len(hollola) == 2 and "Osallistujat Rooli" in hollola[0]
    assert hollola[0].index("Vahvuudet ja kehittämiskohteet T") < hollola[0].index(
        "Osallistujat Rooli")
    assert "Itsearviointi" in hollola[1] and "Osallistujat Rooli" not in hollola[1]


def test_the_participants_keep_company_on_the_last_page(demo_reports):
    for name, texts in demo_reports.items():
        page = next(n for n, text in enumerate(texts) if "Osallistujat Rooli" in text)
        ideas = [n for n, text in enumerate(texts) if "Ideat, opit ja kysymykset" in text]
        assert not ideas or ideas == [page], name
        assert "Lähde: Tilastokeskus" in texts[page], name
