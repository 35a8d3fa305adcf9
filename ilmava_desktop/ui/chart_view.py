"""A chart from `reports.charts` shown in the window: the same drawing the PDFs print.

The drawing's shapes (rectangles, lines and strings: all the charts use) are painted with
QPainter directly. Going through SVG cost 25 ms a chart, too slow to follow typing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ilmava_desktop.reports.styles import FONT_BOLD
from ilmava_desktop.resources import resource_path

FAMILY = "DejaVu Sans"


@cache
def load_chart_fonts() -> None:
    """The charts are measured with the bundled DejaVu; Qt draws with it once it knows it."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path(f"fonts/{name}")))


def _colour(colour) -> QColor | None:
    if colour is None:
        return None
    return QColor.fromRgbF(colour.red, colour.green, colour.blue)


@cache
def _font(bold: bool, size: float) -> QFont:
    font = QFont(FAMILY)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def paint_drawing(painter: QPainter, drawing) -> None:
    """Paint a reportlab Drawing of Rect, Line and String shapes; y grows upwards there."""
    from reportlab.graphics.shapes import Line, Rect, String

    height = drawing.height
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for shape in drawing.contents:
        if isinstance(shape, Rect):
            fill, stroke = _colour(shape.fillColor), _colour(shape.strokeColor)
            painter.setBrush(QBrush(fill) if fill else QBrush())
            painter.setPen(QPen(stroke, shape.strokeWidth) if stroke else QPen(QColor(0, 0, 0, 0)))
            painter.drawRect(QRectF(shape.x, height - shape.y - shape.height, shape.width,
                                    shape.height))
        elif isinstance(shape, Line):
            painter.setPen(QPen(_colour(shape.strokeColor), shape.strokeWidth))
            painter.drawLine(QPointF(shape.x1, height - shape.y1),
                             QPointF(shape.x2, height - shape.y2))
        elif isinstance(shape, String):
            font = _font(shape.fontName == FONT_BOLD, shape.fontSize)
            painter.setFont(font)
            painter.setPen(_colour(shape.fillColor))
            width = QFontMetricsF(font).horizontalAdvance(shape.text)
            x = shape.x - {"middle": width / 2, "end": width}.get(shape.textAnchor, 0)
            painter.drawText(QPointF(x, height - shape.y), shape.text)


class ChartView(QWidget):
    """Draws a chart for its own width, so its text is always at its real size.

    `draw(width)` returns a reportlab Drawing, or None when there is nothing to show. It is
    called only when the chart is painted or measured, so a hidden tab costs nothing.
    """

    def __init__(self, accessible_name: str, background: str = "#ffffff",
                 parent: QWidget | None = None):
        super().__init__(parent)
        load_chart_fonts()
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.background = QColor(background)
        # The chart fills its whole rectangle: nothing behind it needs painting first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.draw: Callable[[float], object] | None = None
        self._drawing = None
        self._drawn_for: int | None = None  # the width the drawing was made for
        self._height = 0
        # In a scroll area the chart keeps its whole height and the area scrolls; elsewhere
        # (the projector) it may be squeezed.
        self.whole = False

    def set_draw(self, draw: Callable[[float], object] | None) -> None:
        self.draw = draw
        self._drawn_for = None
        self.update()
        if self.isVisible():
            self._height_may_change()

    def drawing(self):
        width = max(200, self.width())
        if self._drawn_for != width:
            self._drawing = self.draw(width) if self.draw else None
            self._drawn_for = width
        return self._drawing

    def texts(self) -> list[str]:
        """Every string the chart shows: for tests, and for the accessible description."""
        from reportlab.graphics.shapes import String

        drawing = self.drawing()
        return [s.text for s in drawing.contents if isinstance(s, String)] if drawing else []

    def _height_may_change(self) -> None:
        drawing = self.drawing()
        height = int(drawing.height) if drawing is not None else 0
        if height != self._height:
            self._height = height
            self.updateGeometry()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._height_may_change()

    def sizeHint(self) -> QSize:
        return QSize(360, max(40, self._height))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, max(40, self._height) if self.whole else 40)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.draw is not None and event.size().width() != event.oldSize().width():
            self._height_may_change()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        drawing = self.drawing()
        if drawing is not None:
            scale = self.fit_scale()
            if scale < 1:
                painter.scale(scale, scale)
            paint_drawing(painter, drawing)
        painter.end()

    def fit_scale(self) -> float:
        """How much smaller the chart is drawn: squeezed (the projector's slide has the
        height it has), the whole chart smaller rather than its last themes and its axis
        cut off; in a scroll area, or with room, its own size."""
        drawing = self.drawing()
        if self.whole or drawing is None or not 0 < self.height() < drawing.height:
            return 1.0
        return self.height() / drawing.height
