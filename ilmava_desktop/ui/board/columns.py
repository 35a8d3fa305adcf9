"""A column of cards: a list that paints each card, drags cards out and takes them in.

Dropping a card on another column moves it there (its kind, municipality or theme becomes the
column's); dropping it on a card in the same column puts the two in one cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.board import Card
from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.ui.drag import AcceptsOnly

MIME = "application/x-ilmava-cards"
MAX_CARD_LINES = 40  # beyond any card a person types on a workshop day
CARD_ROLE = Qt.ItemDataRole.UserRole + 10
# A light tint per kind: a help to the eye, never the only sign (the kind is also written).
TINTS = {"strength": "#e3f1e6", "development": "#fdecd9", "idea": "#e6eefb",
         "lesson": "#efe7f7", "question": "#fbf6d8"}


@dataclass(frozen=True)
class ShownCard:
    """A card as its column shows it: the text, and a line of what it is."""

    card: Card
    meta: str        # e.g. "Lahti · Talous · 3 votes · confidential"
    cluster: str     # the cluster's name, or ""

    @property
    def accessible(self) -> str:
        return ". ".join(part for part in (self.card.text, self.meta, self.cluster) if part)


class CardModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: list[ShownCard] = []

    def set_cards(self, cards: list[ShownCard]) -> None:
        self.beginResetModel()
        self.cards = cards
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        shown = self.cards[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return shown.accessible
        if role == CARD_ROLE:
            return shown
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = [self.cards[i.row()].card.id for i in indexes if i.isValid()]
        data.setData(MIME, "\n".join(ids).encode("utf-8"))
        data.setText("\n".join(self.cards[i.row()].card.text for i in indexes if i.isValid()))
        return data

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction


VOWELS = set("aeiouyäöåAEIOUYÄÖÅ")


def syllable_cut(word: str, fits: int) -> int:
    """Where to break `word`, at most `fits` letters in: before a consonant that begins a
    syllable (a consonant before a vowel: "kumppanuus-sopimus", "koordinaat-torin"), as
    Finnish and Swedish hyphenate, found within the last few letters; else where it fits.
    Cut where it fitted, words broke as "Ilmastokumppanu-ussopimus"."""
    for at in range(fits, max(fits - 8, 1), -1):
        if (at < len(word) - 1 and word[at] not in VOWELS and word[at + 1] in VOWELS
                and word[at].isalpha() and word[at - 1].isalpha()):
            return at
    return fits


def wrap_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """The text broken at spaces into at most `max_lines` lines; the last ends in … if cut.
    A word wider than the line (a Finnish compound on a narrow card) is broken with a hyphen
    rather than cut."""
    words: list[str] = []
    for word in text.split():
        while metrics.horizontalAdvance(word) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and metrics.horizontalAdvance(word[:cut] + "-") > width:
                cut -= 1
            cut = syllable_cut(word, cut)
            words.append(word[:cut] + "-")
            word = word[cut:]
        words.append(word)
    lines: list[str] = []
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while (words and not line.endswith("-")
               and metrics.horizontalAdvance(line + " " + words[0]) <= width):
            line += " " + words.pop(0)
        lines.append(line)
    if lines and words:
        last = lines[-1] + " " + " ".join(words)
        lines[-1] = metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)
    return lines


class CardDelegate(QStyledItemDelegate):
    """A card: its whole text, what it is below, a cluster shown as a bar down its side.

    A card grows to hold its text, however long: on the debrief tool a card is read, not
    guessed at. On the projector the text is larger and only the votes are below it: it is
    read from the back of the room. Each card's lines are measured once per column width.
    """

    def __init__(self, parent=None, projector: bool = False):
        super().__init__(parent)
        self.projector = projector
        self._lines: dict[tuple, tuple[list[str], list[str]]] = {}

    def _meta(self, shown: ShownCard) -> str:
        if self.projector:
            votes = shown.card.votes
            return ngettext("{n} vote", "{n} votes", votes).format(n=votes) if votes else ""
        return " · ".join(part for part in (shown.meta, shown.cluster and "▌" + shown.cluster)
                          if part)

    def lines(self, shown: ShownCard, font, width: int) -> tuple[list[str], list[str]]:
        """The card's text and its meta line, each wrapped to `width`."""
        meta = self._meta(shown)
        key = (shown.card.text, meta, width, font.pointSizeF())
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) > 20_000:  # a long day's edits: start measuring afresh
                self._lines.clear()
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.86)
            found = self._lines[key] = (
                wrap_lines(shown.card.text, QFontMetrics(font), width, MAX_CARD_LINES),
                wrap_lines(meta, QFontMetrics(small), width, MAX_CARD_LINES))
        return found

    @staticmethod
    def _text_width(view) -> int:
        """The width a card's lines are wrapped to: the column's, less room for a scroll
        bar even before one appears (its appearing does not lay the cards out again), less
        the card's margins and the text's."""
        if view is None:
            return 200
        width = view.viewport().width()
        if not view.verticalScrollBar().isVisible():
            width -= view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(width - 8 - 20, 40)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        shown: ShownCard = index.data(CARD_ROLE)
        line = QFontMetrics(option.font).lineSpacing()
        if shown is None:
            return QSize(100, line + 14)
        text, meta = self.lines(shown, option.font, self._text_width(option.widget))
        small_line = int(line * 0.86) + 1
        return QSize(100, line * max(len(text), 1) + small_line * len(meta) + 16)

    def paint(self, painter, option, index) -> None:
        shown: ShownCard = index.data(CARD_ROLE)
        if shown is None:
            return
        painter.save()
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if self.projector:
            background, ink, muted = QColor("#1c1c1c"), QColor("#ffffff"), QColor("#d8d8d8")
        else:
            background = QColor(TINTS.get(shown.card.kind, "#ffffff"))
            ink = option.palette.color(QPalette.ColorRole.Text)
            muted = QColor("#4a5058")
        painter.setBrush(background)
        border = QColor("#0b57d0") if selected else QColor("#9aa3ad")
        painter.setPen(QPen(border, 3 if selected else 1))
        painter.drawRoundedRect(rect, 4, 4)
        if shown.cluster:  # a bar down the side: the cards of one cluster line up
            painter.fillRect(QRect(rect.left() + 1, rect.top() + 1, 5, rect.height() - 1),
                             QColor("#ffd400") if self.projector else QColor("#5a4fb0"))
        text_rect = rect.adjusted(12, 5, -8, -5)
        metrics = QFontMetrics(option.font)
        line = metrics.lineSpacing()
        text, meta = self.lines(shown, option.font, self._text_width(option.widget))
        painter.setPen(ink)
        for number, text_line in enumerate(text):
            painter.drawText(text_rect.left(), text_rect.top() + metrics.ascent() + number * line,
                             text_line)
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.86)
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(muted)
        top = text_rect.top() + line * max(len(text), 1) + 2
        for number, meta_line in enumerate(meta):
            painter.drawText(text_rect.left(),
                             top + small_metrics.ascent() + number * (int(line * 0.86) + 1),
                             meta_line)
        painter.restore()


class CardList(AcceptsOnly, QListView):
    """Emits `dropped(card ids, the card dropped on or None)`; the page does the writing."""

    dropped = Signal(list, object)
    accepted_mime = MIME

    def __init__(self, model: CardModel, accessible_name: str, parent=None,
                 projector: bool = False):
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setItemDelegate(CardDelegate(self, projector))
        # Cards differ in height (each holds its whole text); the delegate keeps each card's
        # measured lines, so a thousand cards lay out again quickly as the search narrows.
        self.setUniformItemSizes(False)
        # Laid out again when the column's width changes, not only its height: a card's
        # height depends on the width its lines wrap to.
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow the column's width
        if not projector:
            self.setDragEnabled(True)
            self.setAcceptDrops(True)
            self.setDropIndicatorShown(True)
            self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def selected_cards(self) -> list[Card]:
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        return [self.model().cards[row].card for row in rows]

    def dropEvent(self, event) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        ids = self.dropped_ids(event)
        target = self.indexAt(event.position().toPoint())
        target_card = self.model().cards[target.row()].card if target.isValid() else None
        # The page writes the change and redraws every column; Qt must not move rows itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.dropped.emit(ids, target_card)


class CardColumn(QWidget):
    """A heading with the count, and the cards under it."""

    def __init__(self, key: str | None, title: str, parent=None, projector: bool = False):
        super().__init__(parent)
        self.key = key  # the kind, municipality id ("" for the whole cohort) or theme id
        self.title = title
        self.heading = QLabel()
        self.heading.setObjectName("columnHeading")
        self.heading.setWordWrap(True)
        self.model = CardModel(self)
        self.list = CardList(self.model, title, self, projector)
        self.heading.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(190)

    def select_ids(self, ids: set[str]) -> None:
        rows = [row for row, shown in enumerate(self.model.cards) if shown.card.id in ids]
        if not rows:
            return
        selection = self.list.selectionModel()
        selection.setCurrentIndex(self.model.index(rows[0]),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)
        for row in rows[1:]:
            selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)

    def set_cards(self, cards: list[ShownCard]) -> None:
        self.model.set_cards(cards)
        self.heading.setText(_("{title} ({n})").format(title=self.title, n=len(cards)))
        self.list.setAccessibleName(self.heading.text())
