"""The programme's logo on a page: a PNG, scaled to fit a box, its shape kept.

The cohort holds PNGs only. An SVG is drawn into a PNG by the window when it is chosen
(Qt's SVG renderer): reading SVG here would take svglib and with it lxml, and openpyxl
reads workbooks through lxml whenever it is installed, without defusedxml's refusal of
entity bombs in imported registrations.
"""

from __future__ import annotations

import io


def natural_size(data: bytes) -> tuple[float, float] | None:
    """The logo's own width and height in pixels, or None when it cannot be read."""
    from reportlab.lib.utils import ImageReader

    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # noqa: BLE001 (Pillow raises many kinds for a damaged image)
        return None
    return (float(width), float(height)) if width and height else None


def logo_flowable(data: bytes, max_width: float, max_height: float):
    """A flowable of the logo, as large as fits `max_width` × `max_height` points; None when
    there is no logo or it cannot be drawn (a report is never refused for its logo)."""
    from reportlab.platypus import Image

    size = natural_size(data) if data else None
    if size is None:
        return None
    scale = min(max_width / size[0], max_height / size[1])
    return Image(io.BytesIO(data), width=size[0] * scale, height=size[1] * scale,
                 hAlign="RIGHT")
