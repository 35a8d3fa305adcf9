"""A paper sign-in sheet for one day: people by municipality, a line each to sign."""

from __future__ import annotations

import io
from dataclasses import dataclass

from ilmava_desktop.reports.pages import a4_document, numbered_canvas
from ilmava_desktop.reports.styles import FONT, FONT_BOLD, INK, MUTED, RULE, register_fonts


@dataclass(frozen=True)
class SignInGroup:
    municipality: str
    limits: str            # e.g. "2–5 henkilöä"
    people: list[tuple[str, str]]  # (name, role)
    maximum: int = 0       # the day's limit: blank lines up to it, for walk-ins and substitutes


@dataclass(frozen=True)
class SignInSheet:
    title: str
    subtitle: str          # the day: date, venue, title
    headers: tuple[str, str, str]  # name, role, signature
    footer: str            # "{page} / {pages}" is filled in
    author: str
    language: str
    groups: list[SignInGroup]


class SignInSheetRenderer:
    """One table for the whole day: the column heads once a page, each municipality a tinted
    band over its people and as many blank lines as its limit leaves room for, never split
    over two pages."""

    margin_mm = 16
    row_mm = 8             # room for a signature

    def render(self, sheet: SignInSheet) -> bytes:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Table, TableStyle

        from ilmava_desktop.reports.text import escape, plain

        register_fonts()
        buffer = io.BytesIO()
        doc = a4_document(buffer, title=sheet.title, author=sheet.author,
                          language=sheet.language, margin_mm=self.margin_mm, footer_mm=6)
        title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20,
                               textColor=colors.Color(*INK))
        subtitle = ParagraphStyle("subtitle", fontName=FONT, fontSize=10.5, leading=14,
                                  textColor=colors.Color(*MUTED), spaceAfter=8)
        cell = ParagraphStyle("cell", fontName=FONT, fontSize=9.5, leading=11.5)
        head = ParagraphStyle("head", fontName=FONT_BOLD, fontSize=10.5, leading=13)
        muted = ParagraphStyle("muted", parent=cell, textColor=colors.Color(*MUTED))
        story = [plain(sheet.title, title), plain(sheet.subtitle, subtitle)]
        widths = [62 * mm, 52 * mm, doc.width - 114 * mm]
        rows = [[plain(h, muted) for h in sheet.headers]]
        heights = [None]
        style = [("FONTNAME", (0, 0), (-1, -1), FONT),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.Color(*INK)),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
        for group in sheet.groups:
            band = len(rows)
            rows.append([Paragraph(f"{escape(group.municipality)} <font color='#59616b' "
                                   f"size='9'>({escape(group.limits)})</font>", head), "", ""])
            heights.append(7 * mm)
            rows += [[plain(name, cell), plain(role, cell), ""] for name, role in group.people]
            rows += [["", "", ""]] * max(0, group.maximum - len(group.people))
            heights += [self.row_mm * mm] * (len(rows) - len(heights))
            last = len(rows) - 1
            style += [("SPAN", (0, band), (-1, band)),
                      ("BACKGROUND", (0, band), (-1, band), colors.HexColor("#F2F4F7")),
                      ("LINEBELOW", (0, band + 1), (-1, last), 0.4, colors.Color(*RULE)),
                      ("NOSPLIT", (0, band), (-1, last))]
        table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        story.append(table)
        doc.build(story, canvasmaker=numbered_canvas(sheet.footer))
        return buffer.getvalue()
