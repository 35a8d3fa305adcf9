"""The visit pack renderer over plain data: every section's text printed, page x of y."""

import io

from pypdf import PdfReader

from ilmava_desktop.reports.visit_pack import PackTheme, VisitPack, VisitPackRenderer


def _pack(**changes) -> VisitPack:
    values = dict(
        title="Besökspaket: Närpes", subtitle="Kohort · 1.10.2026 · Stadshuset",
        language_note="", headings={"programme": "Dagens program", "teams": "Besökande team",
                                    "interviewees": "Intervjuade", "guide": "Intervjufrågor",
                                    "closing": "Till sist"},
        schedule_columns=("Tid", "Rum", "Vad", "Intervjuare"),
        schedule=[("09:00–09:30", "", "Gemensam start", ""),
                  ("09:45–10:45", "rum 1", "Åsa Öberg", "Björn Å")],
        teams=[("Kristinestad", ["Björn Å", "Saara Ä"])],
        interviewee_columns=("Intervjuad", "Intervjugrupp"),
        interviewees=[("Åsa Öberg", "kommunledning")],
        briefing="Säg varför vi är här.",
        themes=[PackTheme("Partnerskap", [f"Fråga {n}?" for n in range(1, 13)])],
        closing_question="Vad fungerar bra?", empty="Ännu inte planerat.",
        footer_left="Kohort · Närpes", footer="Sida {page} av {pages}", author="ILMAVA Desktop",
        language="sv")
    values.update(changes)
    return VisitPack(**values)


def _text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def test_every_section_and_the_nordic_letters_print():
    text, pages = _text(VisitPackRenderer().render(_pack()))
    for expected in ("Besökspaket: Närpes", "Dagens program", "Åsa Öberg", "Kristinestad: "
                     "Björn Å, Saara Ä", "kommunledning", "Fråga 12?", "13. Vad fungerar bra?",
                     f"Sida 1 av {pages}"):
        assert expected in text, expected
    assert pages >= 3  # twelve questions with room for notes do not fit one page


def test_an_unplanned_visit_says_so_and_the_language_note_is_printed():
    text, _pages = _text(VisitPackRenderer().render(_pack(
        schedule=[], interviewees=[], language_note="Inget gemensamt språk.")))
    assert text.count("Ännu inte planerat.") == 2 and "Inget gemensamt språk." in text
