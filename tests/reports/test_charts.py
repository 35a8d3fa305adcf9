"""The charts the window, the projector and the PDFs share: plain reportlab, no Qt."""

import json

from reportlab.graphics.shapes import Rect, String

from ilmava_desktop.core import assessment as core
from ilmava_desktop.reports import charts
from ilmava_desktop.services.assessment import default_template_body

THEMES = [("strategy", "Strateginen sitoutuminen ja johtaminen"),
          ("finance", "Talous, budjetointi ja hankinnat")]


def strings(drawing):
    return [item for item in drawing.contents if isinstance(item, String)]


def test_profile_writes_every_value_and_marks_a_missing_one():
    drawing = charts.theme_profile(THEMES, [
        charts.Series("Porvoo", {"strategy": 3.4, "finance": None}),
        charts.Series("Kohortin keskiarvo", {"strategy": 2.94, "finance": 2.5})],
        range(1, 6), 300, language="fi")
    texts = [s.text for s in strings(drawing)]
    assert {"3,4", "2,9", "2,5", "–", "Porvoo", "Kohortin keskiarvo"} <= set(texts)
    assert drawing.height == int(drawing.height)


def test_no_text_runs_past_the_right_edge_however_long_the_names():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    long_name = "Kohortin keskiarvo (Virkajohto ja luottamushenkilöt, tammikuu 2026)"
    drawing = charts.theme_profile(THEMES + [("x", "Poikkihallinnollinen " * 4)], [
        charts.Series("Porvoo", {"strategy": 5.0}), charts.Series(long_name, {"finance": 2.5})],
        range(1, 6), 240, language="fi")
    for s in strings(drawing):
        assert s.x + stringWidth(s.text, s.fontName, s.fontSize) <= 240, s.text


def test_series_differ_by_more_than_colour():
    drawing = charts.theme_profile(THEMES, [charts.Series("A", {"strategy": 3.0}),
                                            charts.Series("B", {"strategy": 3.0})],
                                   range(1, 6), 300)
    bars = [r for r in drawing.contents
            if isinstance(r, Rect) and r.height == charts.PAPER.bar_height and r.width > 50]
    first, second = bars[:2]
    assert first.fillColor == first.strokeColor and second.fillColor != second.strokeColor


def test_distribution_writes_counts_and_says_when_a_theme_is_empty():
    template = core.parse_template(json.loads(default_template_body()))
    answers = [core.Answer("m", sheet, "strategy.1", value)
               for sheet, value in ((1, 4), (2, 4), (3, None), (4, 2))]
    counts = core.answer_counts(template, answers)
    assert counts["strategy"] == {1: 0, 2: 1, 3: 0, 4: 2, 5: 0, None: 1}
    assert core.sheet_count(answers) == 4
    levels = [(1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5"), (None, "eos")]
    drawing = charts.distribution(THEMES, counts, levels, 400, empty="ei vastauksia")
    texts = [s.text for s in strings(drawing)]
    assert "2" in texts and "ei vastauksia" in texts


def test_the_same_drawing_goes_into_a_pdf():
    from reportlab.graphics import renderPDF

    drawing = charts.theme_profile(THEMES, [charts.Series("Kuhmo", {"strategy": 2.0})],
                                   range(1, 6), 300)
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")


def test_numbers_follow_the_language():
    from ilmava_desktop.i18n import decimal

    assert (decimal(3.44, "fi"), decimal(3.44, "sv"), decimal(3.44, "en")) == ("3,4", "3,4", "3.4")
    assert decimal(-0.55, "fi", sign=True) in ("-0,6", "-0,5") and decimal(None) == "–"
    english = charts.theme_profile(THEMES, [charts.Series("A", {"strategy": 3.4})],
                                   range(1, 6), 300, language="en")
    assert "3.4" in [s.text for s in strings(english)]


def bar_fills(drawing):
    return [r.fillColor for r in drawing.contents
            if isinstance(r, Rect) and r.height == charts.PAPER.bar_height and r.width > 20]


def test_a_series_wears_the_same_style_whichever_series_stand_beside_it():
    average = charts.Series("Kohortin keskiarvo", {"strategy": 3.0}, charts.COHORT_AVERAGE)
    officials = charts.Series("Virkajohto", {"strategy": 2.0}, charts.FIRST_ROUND)
    politicians = charts.Series("Poliittinen johto", {"strategy": 4.0}, charts.SECOND_ROUND)
    three = bar_fills(charts.theme_profile(THEMES[:1], [officials, politicians, average],
                                           range(1, 6), 300))
    two = bar_fills(charts.theme_profile(THEMES[:1], [officials, average], range(1, 6), 300))
    only_politicians = bar_fills(charts.theme_profile(THEMES[:1], [politicians, average],
                                                      range(1, 6), 300))
    assert len(set(three)) == 3
    assert two == [three[0], three[2]] and only_politicians == [three[1], three[2]]


def test_legend_names_and_theme_titles_wrap_and_are_never_cut():
    long_name = "Kohortin keskiarvo (Virkajohto ja luottamushenkilöt, tammikuu 2026)"
    long_theme = "Poikkihallinnollinen yhteistyö ja kumppanuudet kunnan ja yritysten kesken"
    drawing = charts.theme_profile(THEMES + [("x", long_theme)], [
        charts.Series("Porvoo", {"strategy": 5.0}), charts.Series(long_name, {"x": 2.5})],
        range(1, 6), 160, language="fi")
    texts = [s.text for s in strings(drawing)]
    assert not any("…" in t for t in texts)
    joined = " ".join(texts)
    assert long_name in joined and long_theme in joined
    # Every string stays inside the drawing, from top to bottom.
    assert all(0 <= s.y <= drawing.height - s.fontSize * 0.7 for s in strings(drawing))


def test_the_dumbbell_tells_each_series_by_shape_as_well_as_colour():
    from reportlab.graphics.shapes import Circle, Line, Polygon

    officials = charts.Series("Virkajohto", {"strategy": 2.0, "finance": 3.0}, charts.FIRST_ROUND)
    politicians = charts.Series("Poliittinen johto", {"strategy": 4.0}, charts.SECOND_ROUND)
    average = charts.Series("Kohortin keskiarvo", {"strategy": 3.0, "finance": 2.5},
                            charts.COHORT_AVERAGE)
    drawing = charts.dumbbell(THEMES, [officials, politicians, average], range(1, 6), 480,
                              scale_words=["Ei aloitettu", "Alkuvaiheessa", "Kehittymässä",
                                           "Vakiintunut", "Edelläkävijä"])
    circles = [s for s in drawing.contents if isinstance(s, Circle)]
    diamonds = [s for s in drawing.contents if isinstance(s, Polygon)]
    # One in the legend, then one a theme with a value.
    assert len(circles) == 3 and len(diamonds) == 2
    assert {c.fillColor.hexval() for c in circles} != {d.fillColor.hexval() for d in diamonds}
    ticks = [s for s in drawing.contents if isinstance(s, Line) and s.x1 == s.x2
             and s.strokeWidth > 2]
    assert len(ticks) == 3  # the cohort average: legend and two themes
    texts = [s.text for s in strings(drawing)]
    assert "1 Strateginen sitoutuminen ja johtaminen" in " ".join(texts)
    assert "Edelläkävijä" in texts and "Virkajohto" in texts
    # Positions, not lengths: 2 and 4 on a 1–5 axis sit a half of the plot apart.
    x = sorted(c.cx for c in circles[1:]) + sorted(d.points[0] + 0 for d in diamonds[1:])
    assert x[0] < x[1]


def test_the_dumbbell_keeps_every_text_inside_the_drawing():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    long_theme = "Poikkihallinnollinen yhteistyö ja kumppanuudet kunnan ja yritysten kesken"
    drawing = charts.dumbbell(THEMES + [("x", long_theme)], [
        charts.Series("Tjänstemannaledning, januari 2026 (n = 7 blanketter)", {"x": 5.0}),
        charts.Series("Kohortens medelvärde (Tjänstemannaledning, januari 2026)", {"x": 1.0},
                      charts.COHORT_AVERAGE)], range(1, 6), 300,
        scale_words=["Inte påbörjat", "I startskedet", "Under utveckling", "Etablerat",
                     "Föregångare"])
    for s in strings(drawing):
        width = stringWidth(s.text, s.fontName, s.fontSize)
        left = s.x - (width / 2 if s.textAnchor == "middle" else 0)
        assert 0 <= left and left + width <= 300 + 0.01, s.text
        assert 0 <= s.y <= drawing.height, s.text


def test_the_dumbbell_goes_into_a_pdf_with_its_marks():
    import io

    from reportlab.pdfgen.canvas import Canvas

    drawing = charts.dumbbell(THEMES, [charts.Series("A", {"strategy": 2.0}, charts.FIRST_ROUND),
                                       charts.Series("B", {"strategy": 4.0},
                                                     charts.SECOND_ROUND)], range(1, 6), 300)
    canvas = Canvas(io.BytesIO())
    flowable = charts.flowable(drawing)
    flowable.wrapOn(canvas, 300, 800)
    flowable.drawOn(canvas, 0, 0)
    canvas.save()


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_dont_know_stands_out_on_the_projectors_black():
    """"Don't know" was near-black on the black slide, beside a dark grey "not started":
    now a colour of its own, at least 3:1 against the background (WCAG's graphics)."""
    from ilmava_desktop.reports.charts import PROJECTOR

    dont_know, background = PROJECTOR.levels[-1], PROJECTOR.background
    lighter, darker = sorted((_luminance(dont_know), _luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3
    assert dont_know not in PROJECTOR.levels[:-1]
