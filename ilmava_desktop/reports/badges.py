"""Name badges on A4: ten 90 × 54 mm inserts for common badge holders, each with a QR code."""

from __future__ import annotations

import io
from dataclasses import dataclass

from ilmava_desktop.reports.styles import FONT, FONT_BOLD, INK, MUTED, RULE, fit_font_size, register_fonts


@dataclass(frozen=True)
class Badge:
    name: str
    role: str
    municipality: str
    code: str  # what the QR code holds; a scanner types it into the check-in field


@dataclass(frozen=True)
class BadgeSheet:
    title: str       # the PDF's title
    footer: str      # printed small on every badge: the cohort (and day)
    author: str
    language: str
    badges: list[Badge]


class BadgeRenderer:
    """Renders a BadgeSheet to PDF bytes. Layout constants are attributes: subclass to change."""

    badge_width_mm = 90
    badge_height_mm = 54
    columns, rows = 2, 5
    qr_size_mm = 30
    padding_mm = 5

    def render(self, sheet: BadgeSheet) -> bytes:
        from reportlab.graphics.shapes import STATE_DEFAULTS
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.pdfgen.canvas import Canvas

        register_fonts()
        # The QR code is a drawing, and a drawing starts from reportlab's default font,
        # Helvetica, named in the PDF without being embedded: start it from ours.
        STATE_DEFAULTS["fontName"] = FONT
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, lang=sheet.language, initialFontName=FONT)
        canvas.setTitle(sheet.title)
        canvas.setAuthor(sheet.author)
        page_width, page_height = A4
        width, height = self.badge_width_mm * mm, self.badge_height_mm * mm
        left = (page_width - self.columns * width) / 2
        top = (page_height + self.rows * height) / 2
        per_page = self.columns * self.rows
        # One name size on every badge of the sheet, the largest at which the longest name
        # fits: a name's size never says anything about the person.
        text_width = width - self.qr_size_mm * mm - 2 * self.padding_mm * mm
        self.name_size = min((fit_font_size(b.name, FONT_BOLD, text_width, 18, 9)
                              for b in sheet.badges), default=18)
        for index, badge in enumerate(sheet.badges):
            if index and index % per_page == 0:
                canvas.showPage()
            slot = index % per_page
            x = left + (slot % self.columns) * width
            y = top - (slot // self.columns + 1) * height
            self._draw_badge(canvas, badge, sheet.footer, x, y, width, height, mm)
        if not sheet.badges:
            canvas.setFont(FONT, 12)
            canvas.drawString(left, top, sheet.title)
        canvas.save()
        return buffer.getvalue()

    def _draw_badge(self, canvas, badge: Badge, footer: str, x, y, width, height, mm) -> None:
        from reportlab.graphics import renderPDF
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing

        pad = self.padding_mm * mm
        canvas.setStrokeColorRGB(*RULE)
        canvas.setLineWidth(0.3)
        canvas.setDash(2, 2)  # cut lines
        canvas.rect(x, y, width, height)
        canvas.setDash()
        qr_size = self.qr_size_mm * mm
        widget = QrCodeWidget(badge.code, barLevel="M")
        x1, y1, x2, y2 = widget.getBounds()
        drawing = Drawing(qr_size, qr_size, transform=[qr_size / (x2 - x1), 0, 0,
                                                      qr_size / (y2 - y1), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, x + width - qr_size - pad / 2, y + (height - qr_size) / 2)
        text_width = width - qr_size - 2 * pad
        canvas.setFillColorRGB(*INK)
        size = self.name_size
        canvas.setFont(FONT_BOLD, size)
        canvas.drawString(x + pad, y + height - pad - size, badge.name)
        canvas.setFont(FONT, 10)
        line_y = y + height - pad - size - 16
        for text in (badge.municipality, badge.role):
            fitted = fit_font_size(text, FONT, text_width, 10, 6.5)
            canvas.setFont(FONT, fitted)
            canvas.drawString(x + pad, line_y, text)
            line_y -= fitted + 5
        canvas.setFillColorRGB(*MUTED)
        canvas.setFont(FONT, fit_font_size(footer, FONT, text_width, 7, 5))
        canvas.drawString(x + pad, y + pad, footer)
