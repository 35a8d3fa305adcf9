"""The chosen municipality's report as page images: the PDF itself, not a look-alike.

The report is rendered exactly as it is exported and its pages rasterised with PDFium
(pypdfium2), so what the window previews is what the municipality receives. Plain bytes
out: the window makes images of them, tests read the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ilmava_desktop.services.reports import export as report_export
from ilmava_desktop.services.reports import municipality_report


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    stride: int          # bytes a row
    rgb: bytes           # 3 bytes a pixel, red first
    text: str            # the page's text, for screen readers and tests


def report_pages(db, municipality_id: str, *, language: str | None, names: bool,
                 scale: float = 1.0, today: date | None = None) -> list[PageImage]:
    """Each page of the report at `scale` (1.0: 72 pixels an inch)."""
    import pypdfium2

    data = municipality_report.build(db, municipality_id, language, names, today)
    document = pypdfium2.PdfDocument(report_export.render_report(data))
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=scale, rev_byteorder=True)
            textpage = page.get_textpage()
            pages.append(PageImage(bitmap.width, bitmap.height, bitmap.stride,
                                   bytes(bitmap.buffer), textpage.get_text_range()))
            # PDFium wants each page's parts closed before the page, the pages before the
            # document.
            for part in (textpage, bitmap, page):
                part.close()
    finally:
        document.close()
    return pages
