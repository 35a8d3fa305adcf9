"""Charts of self-assessment results, drawn once for the window, the projector and the PDFs.

Each chart is a reportlab Drawing: a PDF places it as it is, the window paints its shapes (ui.chart_view). So
the report shows exactly what the room saw. Values are always written beside the bars and
series differ by fill *and* outline, so colour never carries the meaning alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ilmava_desktop.i18n import decimal
from ilmava_desktop.reports.styles import FONT, FONT_BOLD, register_fonts


@dataclass(frozen=True)
class ChartStyle:
    background: str
    ink: str
    muted: str
    grid: str
    # One (fill, outline) per series; the second series is hollow, the third hatched by a
    # darker outline, so they can be told apart in greyscale and by the colour blind.
    series: tuple[tuple[str, str], ...]
    # Shades from the lowest value to the highest, then "don't know".
    levels: tuple[str, ...]
    font_size: float
    bar_height: float


PAPER = ChartStyle(
    background="#ffffff", ink="#1a1f29", muted="#59616b", grid="#c0c4cc",
    series=(("#0a3d91", "#0a3d91"), ("#ffffff", "#0a3d91"), ("#9aa3ad", "#1a1f29")),
    levels=("#fde0c5", "#f9b384", "#c9a0dc", "#7b6cc4", "#2e2a80", "#e4e6ea"),
    font_size=9, bar_height=9)

SCREEN = ChartStyle(**{**PAPER.__dict__, "font_size": 12, "bar_height": 11})

PROJECTOR = ChartStyle(
    background="#000000", ink="#ffffff", muted="#d8d8d8", grid="#5a5a5a",
    series=(("#ffd400", "#ffd400"), ("#000000", "#ffffff"), ("#5fd3f3", "#ffffff")),
    # "Don't know" lilac: near-black, it vanished into the black slide beside "not started".
    levels=("#3b3b3b", "#6b6b6b", "#a0a0a0", "#d4d4d4", "#ffd400", "#b58ad8"),
    font_size=16, bar_height=17)


# Which style a series wears, by what it is rather than where it stands: the cohort's first
# round keeps one fill, its second another and the cohort average its own in every chart of
# every report, so a white bar means the same thing in Porvoo's report as in Kuhmo's.
FIRST_ROUND, SECOND_ROUND, COHORT_AVERAGE = 0, 1, 2


@dataclass(frozen=True)
class Series:
    label: str
    values: dict[str, float | None]  # theme id -> score
    slot: int | None = None          # FIRST_ROUND, SECOND_ROUND, COHORT_AVERAGE; else position


def slots(series: list[Series]) -> list[int]:
    """The style each series wears: its own slot, else its position."""
    return [s.slot if s.slot is not None else i for i, s in enumerate(series)]


def _no_shape_checks() -> None:
    """Our shapes are made by this module, not typed by anyone: reportlab's check of every
    attribute as it is set would double the time a chart takes, and a chart follows typing.

    A drawing also starts from reportlab's default font, Helvetica, which would be named in a
    PDF without being embedded; every string here names DejaVu, so start from it too."""
    from reportlab import rl_config
    from reportlab.graphics.shapes import STATE_DEFAULTS

    rl_config.shapeChecking = 0
    STATE_DEFAULTS["fontName"] = FONT


def _text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken at spaces into lines no wider than `width`: a name is never cut short.
    A single word wider than the line (none of our labels is) keeps its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _legend_layout(entries: list[tuple[str, str, str]], width: float, size: float):
    """Where each swatch and line of the legend goes: (entry, x, line number, lines of text).
    Entries share a line while they fit; a long name wraps under its own swatch."""
    placed, x, used = [], 0.0, 0  # used: the lines taken so far
    for fill, outline, label in entries:
        lines = _lines(label, FONT, size, width - size * 1.4)
        needed = size * 1.4 + max(_text_width(line, FONT, size) for line in lines) + size
        row = used - 1 if x and x + needed <= width and len(lines) == 1 else used
        if row == used:
            x = 0.0
        placed.append(((fill, outline), x, row, lines))
        used = max(used, row + len(lines))
        # A name that wraps takes its lines whole: the next entry starts below it.
        x = x + needed if len(lines) == 1 else width
    return placed, used


def _legend(drawing, entries: list[tuple[str, str, str]], y: float, width: float,
            style: ChartStyle) -> float:
    """Swatches with their names, wrapped over lines; returns the y below the legend."""
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib.colors import HexColor

    size = style.font_size
    line = size * 1.6
    placed, rows = _legend_layout(entries, width, size)
    for (fill, outline), x, row, lines in placed:
        top = y - row * line
        drawing.add(Rect(x, top - size * 0.1, size, size, fillColor=HexColor(fill),
                         strokeColor=HexColor(outline), strokeWidth=max(1, size / 9)))
        for number, text in enumerate(lines):
            drawing.add(String(x + size * 1.4, top - number * line, text, fontName=FONT,
                               fontSize=size, fillColor=HexColor(style.ink)))
    return y - rows * line


def theme_profile(themes: list[tuple[str, str]], series: list[Series], scale: range,
                  width: float, style: ChartStyle = PAPER, language: str | None = None):
    """Horizontal bars per theme, one per series, on the scale's axis; the value beside each."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor

    register_fonts()
    _no_shape_checks()
    size, bar = style.font_size, style.bar_height
    top = scale.stop - 1
    value_room = _text_width("5,0", FONT_BOLD, size) + size * 0.6
    left = size * 0.6  # room for half of the axis' first number
    plot = max(width - left - value_room, width * 0.5)
    worn = [style.series[slot % len(style.series)] for slot in slots(series)]
    entries = [(*worn[i], s.label) for i, s in enumerate(series)]
    _placed, legend_lines = _legend_layout(entries, width, size)
    # A theme's title wraps rather than being cut; each extra line adds its height.
    titles = {theme_id: _lines(title, FONT_BOLD, size, width) for theme_id, title in themes}
    block = size * 1.5 + len(series) * (bar + 2) + size * 0.9
    extra = sum(len(lines) - 1 for lines in titles.values()) * size * 1.2
    height = math.ceil(legend_lines * size * 1.6 + len(themes) * block + extra + size * 2.4)
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=HexColor(style.background), strokeColor=None))
    y = _legend(drawing, entries, height - size * 1.2, width, style)
    axis_bottom = size * 1.8
    for value in range(0, top + 1):
        x = left + plot * value / top
        drawing.add(Line(x, axis_bottom, x, y + size * 0.4, strokeColor=HexColor(style.grid),
                         strokeWidth=0.5))
        drawing.add(String(x, size * 0.5, str(value), fontName=FONT,
                           fontSize=size, fillColor=HexColor(style.muted), textAnchor="middle"))
    for theme_id, _title in themes:
        for title in titles[theme_id]:
            y -= size * 1.2
            # The title sits on the background, so the grid's lines never cross its letters.
            drawing.add(Rect(0, y - size * 0.25, _text_width(title, FONT_BOLD, size) + size * 0.3,
                             size * 1.2, fillColor=HexColor(style.background), strokeColor=None))
            drawing.add(String(0, y, title, fontName=FONT_BOLD, fontSize=size,
                               fillColor=HexColor(style.ink)))
        y -= size * 0.4
        for index, one in enumerate(series):
            y -= bar + 2
            fill, outline = worn[index]
            value = one.values.get(theme_id)
            if value is None:
                drawing.add(String(left + 2, y + bar * 0.2, "–", fontName=FONT,
                                   fontSize=size, fillColor=HexColor(style.muted)))
                continue
            length = plot * max(0.0, min(value, top)) / top
            drawing.add(Rect(left, y, length, bar, fillColor=HexColor(fill),
                             strokeColor=HexColor(outline), strokeWidth=max(1, bar / 9)))
            text, font = decimal(value, language), FONT_BOLD if index == 0 else FONT
            text_x, text_y = left + length + size * 0.3, y + (bar - size) / 2 + size * 0.15
            drawing.add(Rect(text_x - size * 0.15, text_y - size * 0.2,
                             _text_width(text, font, size) + size * 0.3, size * 1.05,
                             fillColor=HexColor(style.background), strokeColor=None))
            drawing.add(String(text_x, text_y, text, fontName=font, fontSize=size,
                               fillColor=HexColor(style.ink)))
        y -= size * 0.9
    return drawing


def distribution(themes: list[tuple[str, str]], counts: dict[str, dict[int | None, int]],
                 labels: list[tuple[int | None, str]], width: float,
                 style: ChartStyle = PAPER, empty: str = "–"):
    """One 100 % bar per theme split by answer; the count written in each wide enough part."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib.colors import HexColor

    register_fonts()
    _no_shape_checks()
    size, bar = style.font_size, style.bar_height * 1.4
    block = size * 1.6 + bar + size * 0.6
    shades = {value: style.levels[min(i, len(style.levels) - 2)] if value is not None
              else style.levels[-1] for i, (value, _label) in enumerate(labels)}
    entries = [(shades[v], style.ink, label) for v, label in labels]
    _placed, legend_lines = _legend_layout(entries, width, size)
    titles = {theme_id: _lines(title, FONT_BOLD, size, width) for theme_id, title in themes}
    extra = sum(len(lines) - 1 for lines in titles.values()) * size * 1.2
    height = math.ceil(legend_lines * size * 1.6 + len(themes) * block + extra + size * 0.6)
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=HexColor(style.background), strokeColor=None))
    y = _legend(drawing, entries, height - size * 1.2, width, style)
    for theme_id, _title in themes:
        for title in titles[theme_id]:
            y -= size * 1.2
            drawing.add(String(0, y, title, fontName=FONT_BOLD, fontSize=size,
                               fillColor=HexColor(style.ink)))
        y -= size * 0.4 + bar
        theme_counts = counts.get(theme_id, {})
        total = sum(theme_counts.values())
        if not total:
            drawing.add(String(0, y + (bar - size) / 2 + size * 0.15, empty, fontName=FONT,
                               fontSize=size, fillColor=HexColor(style.muted)))
        x = 0.0
        for value, _label in labels:
            count = theme_counts.get(value, 0)
            if not (total and count):
                continue
            part = width * count / total
            drawing.add(Rect(x, y, part, bar, fillColor=HexColor(shades[value]),
                             strokeColor=HexColor(style.background), strokeWidth=1))
            text = str(count)
            if _text_width(text, FONT_BOLD, size) + 4 < part:
                light = _is_dark(shades[value])
                drawing.add(String(x + part / 2, y + (bar - size) / 2 + size * 0.15, text,
                                   fontName=FONT_BOLD, fontSize=size, textAnchor="middle",
                                   fillColor=HexColor("#ffffff" if light else "#000000")))
            x += part
        y -= size * 0.6
    return drawing


def _is_dark(hex_colour: str) -> bool:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


def flowable(drawing):
    """The drawing as a platypus flowable that paints its rectangles, lines and strings
    straight onto the PDF canvas: the same shapes, a fraction of reportlab's general
    renderer's time (it saves and restores the graphics state around every shape)."""
    from reportlab.platypus import Flowable

    from ilmava_desktop.reports.styles import register_fonts

    register_fonts()

    class ChartFlowable(Flowable):
        def __init__(self):
            super().__init__()
            self.width, self.height = drawing.width, drawing.height

        def wrap(self, available_width, available_height):
            return self.width, self.height

        def draw(self):
            from reportlab.graphics.shapes import Circle, Line, Polygon, Rect, String
            from reportlab.pdfbase.pdfmetrics import stringWidth

            canvas = self.canv
            for shape in drawing.contents:
                if isinstance(shape, (Circle, Polygon)):
                    canvas.setFillColor(shape.fillColor)
                    canvas.setStrokeColor(shape.strokeColor)
                    canvas.setLineWidth(shape.strokeWidth)
                    if isinstance(shape, Circle):
                        canvas.circle(shape.cx, shape.cy, shape.r, stroke=1, fill=1)
                    else:
                        points = shape.points
                        path = canvas.beginPath()
                        path.moveTo(points[0], points[1])
                        for i in range(2, len(points), 2):
                            path.lineTo(points[i], points[i + 1])
                        path.close()
                        canvas.drawPath(path, stroke=1, fill=1)
                elif isinstance(shape, Rect):
                    fill, stroke = shape.fillColor, shape.strokeColor
                    if fill is not None:
                        canvas.setFillColor(fill)
                    if stroke is not None:
                        canvas.setStrokeColor(stroke)
                        canvas.setLineWidth(shape.strokeWidth)
                    canvas.rect(shape.x, shape.y, shape.width, shape.height,
                                fill=int(fill is not None), stroke=int(stroke is not None))
                elif isinstance(shape, Line):
                    canvas.setStrokeColor(shape.strokeColor)
                    canvas.setLineWidth(shape.strokeWidth)
                    canvas.line(shape.x1, shape.y1, shape.x2, shape.y2)
                elif isinstance(shape, String):
                    canvas.setFillColor(shape.fillColor)
                    canvas.setFont(shape.fontName, shape.fontSize)
                    x = shape.x
                    if shape.textAnchor in ("middle", "end"):
                        width = stringWidth(shape.text, shape.fontName, shape.fontSize)
                        x -= width / 2 if shape.textAnchor == "middle" else width
                    canvas.drawString(x, shape.y, shape.text)

    return ChartFlowable()


# The report's profile chart (REPORTS.md, "a dumbbell with an average tick"): each series a
# colour *and* a shape, tied to what it is, so a page printed in greyscale still reads.
@dataclass(frozen=True)
class Mark:
    shape: str      # "circle", "diamond" or "tick"
    colour: str


MARKS = {FIRST_ROUND: Mark("circle", "#0A3D91"), SECOND_ROUND: Mark("diamond", "#B34700"),
         COHORT_AVERAGE: Mark("tick", "#6B7280")}
# The symbol that stands for each mark in a legend, a table's heading and the text.
SYMBOLS = {"circle": "●", "diamond": "◆", "tick": "│"}
CONNECTOR, GRID, INK = "#8A939E", "#C9CED6", "#1A1F29"


def mark_of(slot: int) -> Mark:
    return MARKS.get(slot, MARKS[FIRST_ROUND])


def _draw_mark(drawing, mark: Mark, x: float, y: float, size: float) -> None:
    """One mark centred on (x, y); `size` is its height."""
    from reportlab.graphics.shapes import Circle, Line, Polygon
    from reportlab.lib.colors import HexColor, white

    colour = HexColor(mark.colour)
    half = size / 2
    if mark.shape == "circle":
        drawing.add(Circle(x, y, half * 0.8, fillColor=colour, strokeColor=white,
                           strokeWidth=0.6))
    elif mark.shape == "diamond":
        drawing.add(Polygon([x - half, y, x, y + half, x + half, y, x, y - half],
                            fillColor=colour, strokeColor=white, strokeWidth=0.6))
    else:
        drawing.add(Line(x, y - half * 1.3, x, y + half * 1.3, strokeColor=colour,
                         strokeWidth=2.2))


def dumbbell(themes: list[tuple[str, str]], series: list[Series], scale: range, width: float,
             language: str | None = None, scale_words: list[str] | None = None,
             label_share: float = 0.36):
    """Dots on the scale's axis, a row per theme in the template's order: the first round a
    circle, the second a diamond, joined by a line; the cohort average a tick behind them.
    The theme's number and title on the left (two lines at most), a legend above, the scale's
    numbers and words under the grid. No values in the drawing: the table beside it has them.
    """
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor

    register_fonts()
    _no_shape_checks()
    size = 9.0
    first, top = scale.start, scale.stop - 1
    label_width = width * label_share
    words = scale_words or []
    # The scale's last word is centred under the axis' end: room for its half.
    last_word = _text_width(words[top - first], FONT, 8) / 2 if len(words) > top - first else 0
    plot_left = label_width + size
    plot_right = width - max(size * 1.2, min(last_word + 1, width * 0.2))
    plot = plot_right - plot_left

    def x_of(value: float) -> float:
        return plot_left + plot * (min(max(value, first), top) - first) / (top - first)

    marks = [mark_of(slot) for slot in slots(series)]
    entries = [(mark, s.label) for mark, s in zip(marks, series, strict=True)]
    # The legend: a mark and its series' name, sharing a line while they fit; a name wider
    # than the drawing wraps under its own mark.
    legend_rows: list[list[tuple[Mark | None, str, float]]] = [[]]
    used = 0.0
    for mark, label in entries:
        lines = _lines(label, FONT, size, width - size * 1.8)
        needed = size * 1.8 + max(_text_width(line, FONT, size) for line in lines) + size * 1.4
        if legend_rows[-1] and (used + needed > width or len(lines) > 1):
            legend_rows.append([])
            used = 0.0
        legend_rows[-1].append((mark, lines[0], used))
        for line in lines[1:]:
            legend_rows.append([(None, line, used)])
        used += needed
        if len(lines) > 1:
            legend_rows.append([])
            used = 0.0
    legend_rows = [row for row in legend_rows if row]
    titles = {theme_id: _lines(f"{number} {title}", FONT, size, label_width)[:3]
              for number, (theme_id, title) in enumerate(themes, start=1)}
    row_heights = {theme_id: max(size * 2.6, len(lines) * size * 1.2 + size * 0.9)
                   for theme_id, lines in titles.items()}
    word_lines = {value: _lines(word, FONT, 8, plot / max(1, top - first) - 2)
                  for value, word in zip(range(first, top + 1), words, strict=False)}
    under = size * 1.4 + max((len(v) for v in word_lines.values()), default=0) * 9.5
    legend_height = len(legend_rows) * size * 1.6 + size * 0.6
    height = math.ceil(legend_height + sum(row_heights.values()) + under + size * 0.6)
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=HexColor("#ffffff"), strokeColor=None))
    y = height - size * 1.1
    for row in legend_rows:
        for mark, label, x in row:
            if mark is not None:
                _draw_mark(drawing, mark, x + size * 0.6, y + size * 0.32, size)
            drawing.add(String(x + size * 1.6, y, label, fontName=FONT, fontSize=size,
                               fillColor=HexColor(INK)))
        y -= size * 1.6
    plot_top = height - legend_height
    plot_bottom = under
    for value in range(first, top + 1):
        x = x_of(value)
        drawing.add(Line(x, plot_bottom, x, plot_top, strokeColor=HexColor(GRID),
                         strokeWidth=0.6))
        drawing.add(String(x, plot_bottom - size * 1.1, str(value), fontName=FONT,
                           fontSize=size, fillColor=HexColor("#59616B"), textAnchor="middle"))
        for number, line in enumerate(word_lines.get(value, [])):
            drawing.add(String(x, plot_bottom - size * 1.1 - 9.5 * (number + 1), line,
                               fontName=FONT, fontSize=8, fillColor=HexColor("#59616B"),
                               textAnchor="middle"))
    y = plot_top
    for index, (theme_id, _title) in enumerate(themes):
        row = row_heights[theme_id]
        centre = y - row / 2
        if index:
            drawing.add(Line(0, y, width, y, strokeColor=HexColor("#E4E7EC"), strokeWidth=0.4))
        lines = titles[theme_id]
        first_line = centre + (len(lines) - 1) * size * 0.6 - size * 0.35
        for number, line in enumerate(lines):
            drawing.add(String(0, first_line - number * size * 1.2, line, fontName=FONT,
                               fontSize=size, fillColor=HexColor(INK)))
        placed = [(marks[i], s.values.get(theme_id)) for i, s in enumerate(series)]
        average = [(m, v) for m, v in placed if m.shape == "tick" and v is not None]
        dots = [(m, v) for m, v in placed if m.shape != "tick" and v is not None]
        for mark, value in average:
            _draw_mark(drawing, mark, x_of(value), centre, size)
        if len(dots) == 2:
            drawing.add(Line(x_of(dots[0][1]), centre, x_of(dots[1][1]), centre,
                             strokeColor=HexColor(CONNECTOR), strokeWidth=1.5))
        for mark, value in dots:
            _draw_mark(drawing, mark, x_of(value), centre, size)
        if not dots and not average:
            drawing.add(String(plot_left + 2, centre - size * 0.35, "–", fontName=FONT,
                               fontSize=size, fillColor=HexColor("#59616B")))
        y -= row
    return drawing
