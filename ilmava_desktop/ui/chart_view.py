"""A chart from `reports.charts` shown in the window: the same drawing the PDFs print."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QFontDatabase, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from ilmava_desktop.reports import charts
from ilmava_desktop.resources import resource_path


@cache
def load_chart_fonts() -> None:
    """The charts name the bundled DejaVu; Qt draws with it only once it knows the files."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path(f"fonts/{name}")))


class ChartView(QWidget):
    """Draws a chart for its own width, so its text is always at its real size.

    `draw(width)` returns a reportlab Drawing, or None when there is nothing to show.
    """

    def __init__(self, accessible_name: str, background: str = "#ffffff",
                 parent: QWidget | None = None):
        super().__init__(parent)
        load_chart_fonts()
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.background = QColor(background)
        self.draw: Callable[[float], object] | None = None
        self.renderer = QSvgRenderer(self)
        self.drawn_height = 0
        self.drawn_width = -1

    def set_draw(self, draw: Callable[[float], object] | None) -> None:
        self.draw = draw
        self.redraw()

    def redraw(self) -> None:
        width = max(200, self.width())
        drawing = self.draw(width) if self.draw else None
        svg = charts.to_svg(drawing) if drawing is not None else b""
        self.renderer.load(QByteArray(svg))
        self.drawn_width = width
        height = int(drawing.height) if drawing is not None else 0
        if height != self.drawn_height:
            self.drawn_height = height
            self.updateGeometry()
        self.update()

    def svg_text(self) -> str:
        drawing = self.draw(max(200, self.width())) if self.draw else None
        return charts.to_svg(drawing).decode("utf-8") if drawing is not None else ""

    def sizeHint(self) -> QSize:
        return QSize(360, max(40, self.drawn_height))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.draw and abs(self.width() - self.drawn_width) > 8:
            self.redraw()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        if self.renderer.isValid():
            size = self.renderer.defaultSize()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 40)
