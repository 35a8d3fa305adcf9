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
    blank_rows = 2  # per municipality, for walk-ins and substitutes
    margin_mm = 16

    def render(self, sheet: SignInSheet) -> bytes:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

        from ilmava_desktop.reports.text import escape, plain

        register_fonts()
        buffer = io.BytesIO()
        doc = a4_document(buffer, title=sheet.title, author=sheet.author,
                          language=sheet.language, margin_mm=self.margin_mm, footer_mm=6)
        title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20,
                               textColor=colors.Color(*INK))
        subtitle = ParagraphStyle("subtitle", fontName=FONT, fontSize=10.5, leading=14,
                                  textColor=colors.Color(*MUTED), spaceAfter=8)
        cell = ParagraphStyle("cell", fontName=FONT, fontSize=9.5, leading=12)
        head = ParagraphStyle("head", fontName=FONT_BOLD, fontSize=10.5, leading=13)
        story = [plain(sheet.title, title), plain(sheet.subtitle, subtitle)]
        widths = [62 * mm, 48 * mm, doc.width - 110 * mm]
        for group in sheet.groups:
            rows = [[Paragraph(f"{escape(group.municipality)} <font color='#5a6169' size='9'>"
                               f"({escape(group.limits)})</font>", head), "", ""],
                    [plain(h, cell) for h in sheet.headers]]
            rows += [[plain(name, cell), plain(role, cell), ""] for name, role in
                     group.people]
            rows += [["", "", ""] for _ in range(self.blank_rows)]
            table = Table(rows, colWidths=widths, rowHeights=[None, None] + [9 * mm] * (
                len(rows) - 2), repeatRows=2)
            table.setStyle(TableStyle([
                ("SPAN", (0, 0), (-1, 0)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.Color(*RULE)),
                ("TEXTCOLOR", (0, 1), (-1, 1), colors.Color(*MUTED)),
                ("VALIGN", (0, 2), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
            ]))
            story += [KeepTogether(table), Spacer(1, 6 * mm)]
        doc.build(story, canvasmaker=numbered_canvas(sheet.footer))
        return buffer.getvalue()
