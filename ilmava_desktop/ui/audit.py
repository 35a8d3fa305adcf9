"""`--screenshots DIR --audit`: every text on a screen that does not fit its space, and every
text too faint to read against its background.

Fit is measured with each widget's own font metrics against the room its style gives the
text. Contrast is read off the drawn pixels, not the palette (style sheets, delegates and
selection colours all end up there): within a text's box the most common colour is its
background and the colour farthest from it is the text's, as WCAG 2 measures contrast.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui's namespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabBar,
    QTreeView,
    QWidget,
)

NORMAL_CONTRAST = 4.5
LARGE_CONTRAST = 3.0  # WCAG's large text: 18 pt, or 14 pt bold
MAX_CELLS = 400  # per view: what is on screen, not a 1,540-row list's every row


@dataclass
class Clipped:
    screen: str
    widget: str
    text: str
    # The whole text is the widget's (or the cell's) tooltip: shortened by design in a narrow
    # window, still readable. At a laptop's 1366x768 nothing may be cut, tooltip or not.
    tooltip: bool = False


@dataclass
class FaintText:
    screen: str
    widget: str
    text: str
    ratio: float


@dataclass
class Audit:
    size: tuple[int, int]
    language: str
    clipped: list[Clipped] = field(default_factory=list)
    contrast: list[FaintText] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"size": list(self.size), "language": self.language,
                "clipped": [asdict(c) for c in self.clipped],
                "contrast": [asdict(c) for c in self.contrast]}

    def look_at(self, root: QWidget, screen: str) -> None:
        """Add what does not fit or cannot be read on `root` as drawn now."""
        if isinstance(root, QMainWindow) and root.width() > self.size[0]:
            # The page would not fit the screen asked for: the window had to grow.
            self.clipped.append(Clipped(
                screen, _name(root), f"(the window had to be {root.width()} pixels wide)"))
        if isinstance(root, QMainWindow) and root.height() > self.size[1]:
            # As for the width: on a 700-pixel projector the status line would be off screen.
            self.clipped.append(Clipped(
                screen, _name(root), f"(the window had to be {root.height()} pixels tall)"))
        image = root.grab().toImage()
        for widget, text, box, fits, large, tipped in _texts(root):
            name = _name(widget)
            if not fits:
                self.clipped.append(Clipped(screen, name, text, tipped))
            if box is None:
                continue
            top_left = widget.mapTo(root, box.topLeft()) if widget is not root else box.topLeft()
            ratio = _contrast_in(image, QRect(top_left, box.size()))
            if ratio is not None and ratio < (LARGE_CONTRAST if large else NORMAL_CONTRAST):
                self.contrast.append(FaintText(screen, name, text, round(ratio, 2)))


def _name(widget: QWidget) -> str:
    return (widget.accessibleName() or widget.objectName() or type(widget).__name__)


def _shown(widget: QWidget, root: QWidget) -> bool:
    # A header or a table draws on its viewport: its own region is empty behind it.
    drawn_on = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    return (widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0
            and not drawn_on.visibleRegion().isEmpty())


def _large(font) -> bool:
    size = font.pointSizeF()
    return size >= 18 or (size >= 14 and font.bold())


def _texts(root: QWidget):
    """(widget, text, box for contrast or None, whether it fits, whether it is large text)."""
    widgets = [root, *root.findChildren(QWidget)]
    readers = ((QLabel, _label), (QAbstractButton, _button), (QComboBox, _combo),
               (QLineEdit, _line_edit), (QGroupBox, _group_box))
    for widget in widgets:
        if isinstance(widget, QScrollArea):
            # Its panel covers its viewport, so the viewport shows nothing of its own.
            if widget.isVisibleTo(root) and widget.width() > 0:
                yield from _scroll_area(widget)
            continue
        if not _shown(widget, root):
            continue
        # Headings, tabs and cells each say whether their own tooltip holds their text.
        if isinstance(widget, QHeaderView):
            yield from _header(widget)
        elif isinstance(widget, QTabBar):
            yield from _tab_bar(widget)
        elif isinstance(widget, QAbstractItemView):
            yield from _cells(widget)
        else:
            reader = next((read for kind, read in readers if isinstance(widget, kind)), None)
            for found in reader(widget) if reader else ():
                yield (*found, bool(found[1]) and found[1] in widget.toolTip())


def _scroll_area(area: QScrollArea):
    """A panel in a scroll area that never scrolls sideways, wider than its room: whatever
    is past the right edge is cut (the municipality's details were, at 1024 pixels)."""
    inside = area.widget()
    if inside is None or area.horizontalScrollBarPolicy() != \
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return
    # The area makes its panel as wide as itself; the panel's layout needs what it needs.
    needed = max(inside.width(), inside.minimumSizeHint().width())
    if needed > area.viewport().width() + 1:
        yield area, f"(cut at its right edge: {needed} pixels in " \
            f"{area.viewport().width()})", None, False, False, False


def _label(label: QLabel):
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return
    room = label.contentsRect().adjusted(label.margin(), label.margin(),
                                         -label.margin(), -label.margin())
    if label.indent() > 0:
        room.setWidth(room.width() - label.indent())
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setHtml(text)
        document.setDocumentMargin(0)
        plain = document.toPlainText()
        if label.wordWrap():
            document.setTextWidth(room.width())
            fits = document.size().height() <= room.height() + 2
        else:
            fits = document.idealWidth() <= room.width() + 1
        text = plain
    else:
        shown = _without_mnemonic(text) if label.buddy() is not None else text
        fits = _fits(QFontMetrics(label.font()), shown, room, label.wordWrap())
    if text.strip():
        yield label, text, label.contentsRect(), fits, _large(label.font())


def _without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _fits(metrics: QFontMetrics, text: str, room: QRect, wrap: bool) -> bool:
    if wrap:
        needed = metrics.boundingRect(QRect(0, 0, max(room.width(), 1), 100_000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        return needed.height() <= room.height() + 2 and needed.width() <= room.width() + 1
    lines = text.split("\n")
    return (max(metrics.horizontalAdvance(line) for line in lines) <= room.width() + 1
            and metrics.lineSpacing() * len(lines) <= room.height() + 2)


def _button(button: QAbstractButton):
    text = _without_mnemonic(button.text())
    if not text.strip():
        return
    if isinstance(button, (QCheckBox, QRadioButton)):
        # Its box, the gap, the words: what the style draws, not its padded size hint.
        style = button.style()
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, button)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
        needed = indicator + spacing + QFontMetrics(button.font()).horizontalAdvance(text)
        fits = needed <= button.width() + 1
    else:
        fits = button.width() + 1 >= button.sizeHint().width()
    box = button.rect().adjusted(3, 3, -3, -3) if button.isEnabled() else None
    yield button, text, box, fits, _large(button.font())


def _combo(combo: QComboBox):
    text = combo.currentText()
    if not text.strip():
        return
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = QFontMetrics(combo.font()).horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    box = room.adjusted(1, 1, -1, -1) if combo.isEnabled() else None
    yield combo, text, box, needed <= room.width() + 1, _large(combo.font())


def _line_edit(edit: QLineEdit):
    # Typed text scrolls within its field; a placeholder that is cut says half its hint.
    if edit.text() or not edit.placeholderText():
        return
    room = edit.contentsRect().adjusted(4, 0, -4, 0)
    text = edit.placeholderText()
    fits = QFontMetrics(edit.font()).horizontalAdvance(text) <= room.width() + 1
    yield edit, text, room.adjusted(0, 3, 0, -3), fits, _large(edit.font())


def _group_box(box: QGroupBox):
    text = _without_mnemonic(box.title())
    if text.strip():
        needed = QFontMetrics(box.font()).horizontalAdvance(text) + 16
        yield box, text, None, needed <= box.width(), _large(box.font())


def _tab_bar(bar: QTabBar):
    for i in range(bar.count()):
        text = _without_mnemonic(bar.tabText(i))
        if not text.strip() or not bar.isTabVisible(i):
            continue
        rect = bar.tabRect(i)
        inside = bar.rect().contains(rect)
        elided = rect.width() + 1 < bar.tabSizeHint(i).width()
        box = rect.adjusted(6, 4, -6, -4) if inside and bar.isTabEnabled(i) else None
        yield bar, text, box, inside and not elided, _large(bar.font()), \
            text in bar.tabToolTip(i)


def _header(header: QHeaderView):
    model = header.model()
    if model is None or header.isHidden():
        return
    metrics = QFontMetrics(header.font())
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    sort_room = 0
    view = header.parent()
    if isinstance(view, QAbstractItemView) and header.isSortIndicatorShown():
        sort_room = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None,
                                               header) + margin
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if text is None or not str(text).strip():
            continue
        text = str(text)
        size = header.sectionSize(section)
        position = header.sectionViewportPosition(section)
        if header.orientation() == Qt.Orientation.Horizontal:
            rect = QRect(position, 0, size, header.height())
        else:
            rect = QRect(0, position, header.width(), size)
        if not header.viewport().rect().intersects(rect):
            continue
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        own_sort = sort_room if header.sortIndicatorSection() == section else 0
        # The style may draw a heading bold or with its own margins: the header's own size
        # hint for the section says what it needs, when the header can tell.
        hinted = header.sectionSizeHint(section)
        if header.orientation() == Qt.Orientation.Vertical:
            fits = True
        elif hinted > 0:
            fits = hinted <= rect.width() + 1
        else:
            fits = needed + margin + own_sort <= rect.width() + 1
        whole = header.viewport().rect().contains(rect)  # contrast only of a heading in view
        box = _in_parent(header.viewport(), header, rect.adjusted(3, 3, -3, -3)) if whole else None
        tip = str(model.headerData(section, header.orientation(),
                                   Qt.ItemDataRole.ToolTipRole) or "")
        yield header, text, box, fits, _large(header.font()), text in tip


def _in_parent(child: QWidget, parent: QWidget, rect: QRect) -> QRect:
    return QRect(child.mapTo(parent, rect.topLeft()), rect.size())


def _cells(view: QAbstractItemView):
    model = view.model()
    if model is None:
        return
    viewport = view.viewport()
    bar = view.horizontalScrollBar()
    if bar.isVisible() and bar.maximum() > 0:
        yield view, "(scrolls sideways)", None, False, False, False
    # The default delegate's margins around a cell's text, both sides together, as the style
    # draws them (and as a column sized to its contents measures them).
    padding = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                            view) + 1)
    # What of the viewport is on screen: a view in a scrolled wall (the board's columns) may
    # itself be partly out of sight.
    in_sight = viewport.visibleRegion().boundingRect()
    seen = 0
    for index in _visible_indexes(view):
        if seen >= MAX_CELLS:
            break
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None or not str(text).strip():
            continue
        seen += 1
        text = str(text)
        rect = view.visualRect(index)
        if not viewport.rect().intersects(rect):
            continue
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        metrics = QFontMetrics(font)
        room = rect.width() - padding
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            room -= view.iconSize().width() + 4 if view.iconSize().isValid() else 20
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            room -= 20
        delegate = view.itemDelegateForIndex(index) if hasattr(view, "itemDelegateForIndex") \
            else view.itemDelegate(index)
        wraps = getattr(view, "wordWrap", lambda: False)()
        one_line = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if type(delegate) is not QStyledItemDelegate:
            # A delegate of our own draws the cell its way (a board card): the height it asks
            # for at this width is what its text needs.
            option = QStyleOptionViewItem()
            option.font, option.widget, option.rect = font, view, rect
            fits = delegate.sizeHint(option, index).height() <= rect.height() + 1
        elif one_line <= room + 1 and metrics.lineSpacing() * text.count("\n") < rect.height():
            fits = True
        elif wraps:
            needed = metrics.boundingRect(QRect(0, 0, max(room, 1), 100_000),
                                          int(Qt.TextFlag.TextWordWrap), text)
            fits = needed.height() <= rect.height() + 2 and needed.width() <= room + 1
        else:
            fits = False
        # Contrast is read only off a cell wholly in view: of one half scrolled away, the
        # part showing may hold no text at all.
        box = (_in_parent(viewport, view, rect.adjusted(3, 2, -3, -2))
               if in_sight.contains(rect) else None)
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        yield view, text.replace("\n", " "), box, fits, _large(font), text in tip


def _visible_indexes(view: QAbstractItemView):
    """The model's indexes whose cells are on screen, top level and one level down."""
    model = view.model()
    viewport = view.viewport().rect()
    tree = isinstance(view, QTreeView)

    try:
        columns = model.columnCount  # a list model keeps its column count to itself
        columns(QModelIndex())
    except TypeError:
        def columns(_parent: QModelIndex) -> int:
            return 1

    def rows(parent: QModelIndex):
        for row in range(model.rowCount(parent)):
            first = model.index(row, 0, parent)
            rect = view.visualRect(first)
            if rect.isValid() and rect.top() > viewport.bottom():
                return
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                cell = view.visualRect(index)
                if cell.isValid() and cell.intersects(viewport):
                    yield index
            if tree and not parent.isValid() and model.hasChildren(first):
                yield from rows(first)

    yield from rows(QModelIndex())


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + \
        0.0722 * channel(color.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _contrast_in(image: QImage, box: QRect) -> float | None:
    """The contrast of the text drawn in `box`: None where nothing is drawn on its ground.

    Every pixel is read (a check mark is a dozen of them); smoothing only ever lightens a
    glyph's edge, so the farthest colour from the ground is the text's own."""
    scale = max(image.devicePixelRatio(), 1)
    box = box.intersected(QRect(0, 0, int(image.width() / scale), int(image.height() / scale)))
    if box.width() < 3 or box.height() < 3:
        return None
    step = 1 if box.width() * box.height() <= 40_000 else 2
    counts: Counter[int] = Counter()
    for y in range(box.top(), box.bottom() + 1, step):
        for x in range(box.left(), box.right() + 1, step):
            counts[image.pixel(int(x * scale), int(y * scale))] += 1
    ground_rgb, _count = counts.most_common(1)[0]
    ground = QColor.fromRgb(ground_rgb)
    others = [rgb for rgb in counts if rgb != ground_rgb]
    if not others:
        return None
    return max(contrast_ratio(ground, QColor.fromRgb(rgb)) for rgb in others)
