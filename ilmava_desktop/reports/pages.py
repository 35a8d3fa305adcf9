"""Page furniture every report shares."""

from __future__ import annotations

from ilmava_desktop.reports.styles import FONT, MUTED


def a4_document(buffer, *, title: str, author: str, language: str, margin_mm: float,
                footer_mm: float = 5, landscape: bool = False, subject: str = ""):
    """An A4 platypus document: room for the footer below, the metadata set, our font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turned
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    margin = margin_mm * mm
    return SimpleDocTemplate(buffer, pagesize=turned(A4) if landscape else A4,
                             leftMargin=margin, rightMargin=margin, topMargin=margin,
                             bottomMargin=margin + footer_mm * mm, title=title, author=author,
                             subject=subject, lang=language, initialFontName=FONT)


def numbered_canvas(footer: str, left: str = ""):
    """A canvas that writes "page x / y" once it knows y (pretix's two-pass trick).

    `left` is written at the left of every footer: what the document is and its date.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        footer_text = footer

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.setFillColorRGB(*MUTED)
                self.drawRightString(A4[0] - 16 * mm, 10 * mm, self.footer_text.format(
                    page=self._pageNumber, pages=len(self._pages)))
                if left:
                    self.drawString(16 * mm, 10 * mm, left)
                super().showPage()
            super().save()

    return NumberedCanvas
