"""The self-assessment on paper: one sheet per respondent, a box to tick per statement.

The boxes are in the order the sheet grid asks them, so entering a collected form is reading
it from top to bottom and typing one digit per row.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from ilmava_desktop.reports.pages import a4_document, numbered_canvas
from ilmava_desktop.reports.styles import FONT, FONT_BOLD, INK, MUTED, RULE, register_fonts
from ilmava_desktop.reports.text import plain


@dataclass(frozen=True)
class FormTheme:
    title: str
    statements: list[tuple[str, str]]  # (number on the form, text)


@dataclass(frozen=True)
class PaperForm:
    title: str
    subtitle: str               # cohort and round
    instructions: str
    fill_in: list[str]          # "Municipality", "Sheet number" …: a line to write on each
    scale: list[tuple[str, str, str]]  # (value, label, description); "don't know" last
    free_text: tuple[str, str]  # the headings of the two lines per theme
    themes: list[FormTheme]
    footer_left: str
    footer: str                 # "{page} / {pages}" is filled in
    author: str
    language: str


class PaperFormRenderer:
    margin_mm = 15
    # Handwriting needs room: four ruled lines under each of a theme's two headings, 8 mm
    # apart (a school notebook's ruling), so a respondent can write a few sentences.
    write_lines = 4
    line_mm = 8

    def render(self, form: PaperForm) -> bytes:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

        register_fonts()
        buffer = io.BytesIO()
        doc = a4_document(buffer, title=form.title, author=form.author, language=form.language,
                          margin_mm=self.margin_mm)
        ink, muted, rule = colors.Color(*INK), colors.Color(*MUTED), colors.Color(*RULE)
        title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=15, leading=19,
                               textColor=ink)
        subtitle = ParagraphStyle("subtitle", fontName=FONT, fontSize=10, leading=13,
                                  textColor=muted, spaceAfter=4)
        body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, textColor=ink)
        small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9, textColor=muted)
        head = ParagraphStyle("head", fontName=FONT_BOLD, fontSize=11, leading=14,
                              textColor=ink)
        centred = ParagraphStyle("centred", parent=small, alignment=1, textColor=ink)
        strong = ParagraphStyle("strong", parent=body, fontName=FONT_BOLD)

        story = [plain(form.title, title), plain(form.subtitle, subtitle)]
        fill = Table([[plain(label, strong), ""] for label in form.fill_in],
                     colWidths=[40 * mm, 80 * mm], rowHeights=8 * mm, hAlign="LEFT")
        fill.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                                  ("LINEBELOW", (1, 0), (1, -1), 0.6, ink),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        story += [fill, Spacer(1, 3 * mm), plain(form.instructions, body),
                  Spacer(1, 2 * mm)]
        scale = Table([[plain(value, strong), plain(label, strong), plain(description, small)]
                       for value, label, description in form.scale],
                      colWidths=[12 * mm, 34 * mm, doc.width - 46 * mm], hAlign="LEFT")
        scale.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                                   ("LINEBELOW", (0, 0), (-1, -2), 0.3, rule),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        story += [scale, Spacer(1, 4 * mm)]

        values = [value for value, _label, _description in form.scale]
        box, last_box = 9 * mm, 12 * mm  # the last, "don't know", has a longer heading
        text_width = doc.width - 9 * mm - box * (len(values) - 1) - last_box
        for theme in form.themes:
            rows = [[plain(theme.title, head), ""] + [""] * len(values),
                    ["", ""] + [plain(value, centred) for value in values]]
            rows += [[plain(number, strong), plain(text, body)]
                     + [""] * len(values) for number, text in theme.statements]
            table = Table(rows, colWidths=[9 * mm, text_width] + [box] * (len(values) - 1)
                          + [last_box],
                          repeatRows=2)
            first_box, last_row = 2, len(rows) - 1
            table.setStyle(TableStyle([
                # A table names its font even for its empty boxes: ours, never an
                # unembedded Helvetica.
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("SPAN", (0, 0), (-1, 0)),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 2), (1, -1), 0.3, rule),
                # The boxes to tick: a full grid, so a cross is never between two answers.
                ("GRID", (first_box, 2), (-1, last_row), 0.7, ink),
                ("BACKGROUND", (-1, 2), (-1, last_row), colors.Color(0.94, 0.95, 0.96)),
            ]))
            # Under the theme, its strengths and its development areas side by side, each
            # heading over ruled lines to write on.
            blank = self.write_lines
            gutter = 6 * mm
            half = (doc.width - gutter) / 2
            strengths, development = (plain(heading, strong) for heading in form.free_text)
            lines = Table([[strengths, "", development]] + [["", "", ""]] * blank,
                          colWidths=[half, gutter, half],
                          rowHeights=[6 * mm] + [self.line_mm * mm] * blank)
            lines.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 1), (0, -1), 0.5, muted),
                ("LINEBELOW", (2, 1), (2, -1), 0.5, muted)]))
            story += [KeepTogether([table, lines]), Spacer(1, 5 * mm)]
        doc.build(story, canvasmaker=numbered_canvas(form.footer, form.footer_left))
        return buffer.getvalue()
