"""Fonts and styles shared by every report: bundled DejaVu, so ä, ö, å and Sámi letters print."""

from __future__ import annotations

from functools import cache

from ilmava_desktop.resources import resource_path

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
INK = (0.10, 0.12, 0.16)
MUTED = (0.35, 0.38, 0.42)
RULE = (0.75, 0.77, 0.80)
ACCENT = (0.04, 0.24, 0.57)


@cache
def register_fonts() -> None:
    """Embed the bundled TrueType fonts (reportlab subsets and embeds them in each PDF)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts/DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts/DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)


def fit_font_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    """The largest size (down to `smallest`) at which `text` fits in `width` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size
