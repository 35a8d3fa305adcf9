"""Typed text in PDFs: printed as typed, and broken into lines exactly as reportlab does."""

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ilmava_desktop.reports.styles import FONT, register_fonts
from ilmava_desktop.reports.text import escape, plain

register_fonts()
STYLE = ParagraphStyle("t", fontName=FONT, fontSize=10, leading=13, leftIndent=6)
typed = st.text(alphabet="abcäöå ÅÄ&<>;/\n-–0123456789", max_size=300)


def sizes(parts, width):
    return [part.wrap(width, 10_000) for part in parts]


@settings(max_examples=150, deadline=None)
@given(text=typed, width=st.floats(30, 400), height=st.floats(5, 200))
def test_lines_break_as_reportlab_breaks_them(text, width, height):
    ours = plain(text, STYLE)
    theirs = Paragraph(escape(" ".join(text.split())), STYLE)
    assert ours.wrap(width, height) == theirs.wrap(width, height)
    assert ours.wrap(width, height) == theirs.wrap(width, height)  # asked again, same answer
    assert sizes(ours.split(width, height), width) == sizes(theirs.split(width, height), width)
    # A split that sends it all to the next page drops the broken lines: asked again, they
    # are broken again rather than remembered.
    assert ours.wrap(width, height) == theirs.wrap(width, height)
    assert len(ours.blPara.lines) == len(theirs.blPara.lines)


def test_markup_characters_are_text():
    paragraph = plain("R&D <b>x</b>", STYLE)
    assert paragraph.frags[0].text == "R&D <b>x</b>"
