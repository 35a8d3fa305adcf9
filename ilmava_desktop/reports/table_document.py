"""A printed list in sections: a heading, a line of explanation and a table each.

Groups, peer-review pairs and sparrer assignments all print as this; the renderer knows
nothing of them, only of plain rows of text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from ilmava_desktop.reports.pages import a4_document, numbered_canvas
from ilmava_desktop.reports.styles import FONT, FONT_BOLD, INK, MUTED, RULE, register_fonts
from ilmava_desktop.reports.text import plain


@dataclass(frozen=True)
class Section:
    heading: str
    text: str
    header: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)  # shares of the page width; even if empty


@dataclass(frozen=True)
class TableDocument:
    title: str
    subtitle: str
    sections: list[Section]
    footer_left: str
    footer: str           # "{page} / {pages}" is filled in
    author: str
    language: str
    landscape: bool = False
    source: str = ""      # the municipality list's source line, printed last


# Cells that are a box to tick on paper (empty, or ticked already).
BOXES = ("☐", "☑")


class TableDocumentRenderer:
    margin_mm = 16
    kept_together = 20  # rows: a shorter section is never split across pages

    def render(self, document: TableDocument) -> bytes:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

        register_fonts()
        buffer = io.BytesIO()
        doc = a4_document(buffer, title=document.title, author=document.author,
                          language=document.language, margin_mm=self.margin_mm,
                          landscape=document.landscape)
        ink, muted, rule = colors.Color(*INK), colors.Color(*MUTED), colors.Color(*RULE)
        title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20,
                               textColor=ink)
        subtitle = ParagraphStyle("subtitle", fontName=FONT, fontSize=10, leading=13,
                                  textColor=muted, spaceAfter=6)
        heading = ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=12, leading=15,
                                 textColor=ink, spaceBefore=4)
        text = ParagraphStyle("text", fontName=FONT, fontSize=9, leading=11.5, textColor=muted)
        cell = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11.5, textColor=ink)
        head = ParagraphStyle("head", parent=cell, fontName=FONT_BOLD)
        # A box to tick by pen: large enough to hold a tick.
        box = ParagraphStyle("box", parent=cell, fontSize=15, leading=15)
        # A long table's heading is not kept with it: reportlab would move the pair to a
        # new page and leave this one empty. It follows the title, so it never ends a page.
        heading_kept = ParagraphStyle("heading-kept", parent=heading, spaceAfter=2 * mm)
        text_kept = ParagraphStyle("text-kept", parent=text, spaceAfter=2 * mm)
        story = [plain(document.title, title),
                 plain(document.subtitle, subtitle)]
        for section in document.sections:
            shares = section.widths or [1.0] * len(section.header)
            widths = [doc.width * share / sum(shares) for share in shares]
            rows = [[plain(h, head) for h in section.header]] + [
                [plain(str(value), box if str(value) in BOXES else cell) for value in row]
                for row in section.rows]
            table = Table(rows, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Helvetica is named, unembedded
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ink),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, rule),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]))
            block = [plain(section.heading, heading)]
            if section.text:
                block.append(plain(section.text, text))
            if len(section.rows) <= self.kept_together:
                block += [Spacer(1, 2 * mm), table]
                story += [KeepTogether(block), Spacer(1, 5 * mm)]
            else:
                # A table longer than a page starts under its heading and runs on, its
                # header row repeated.
                story.append(plain(section.heading, heading_kept))
                if section.text:
                    story.append(plain(section.text, text_kept))
                story += [table, Spacer(1, 5 * mm)]
        if document.source:
            story.append(plain(document.source, text))
        doc.build(story, canvasmaker=numbered_canvas(document.footer, document.footer_left))
        return buffer.getvalue()
