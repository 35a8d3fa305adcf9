"""The board on the projector: full screen, large type, high contrast, read-only.

Confidential cards are hidden until the facilitator shows them (H): what is on the wall is
what the whole room may see.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.ui.board.columns import CardColumn, ShownCard
from ilmava_desktop.ui.widgets import same_height

_STYLE = """
QWidget#boardProjector { background: #000000; }
QWidget#boardProjector QLabel { color: #ffffff; font-size: 14pt; font-weight: 600; }
QWidget#boardProjector QLabel#projectorHint { font-size: 13pt; font-weight: 400;
                                              color: #d8d8d8; }
QWidget#boardProjector QListView { background: #000000; border: none; font-size: 15pt;
                                   color: #ffffff; }
QWidget#boardProjector QScrollBar:vertical { background: #000000; width: 10px; margin: 0; }
QWidget#boardProjector QScrollBar::handle:vertical { background: #5a5a5a; min-height: 40px;
                                                     border-radius: 4px; }
QWidget#boardProjector QScrollBar::add-line:vertical,
QWidget#boardProjector QScrollBar::sub-line:vertical { height: 0; }
QWidget#boardProjector QScrollBar::add-page:vertical,
QWidget#boardProjector QScrollBar::sub-page:vertical { background: none; }
"""


class BoardProjector(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("boardProjector")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(_("Debrief board on the projector"))
        self.setAccessibleName(_("Debrief board on the projector"))
        self.hide_confidential = True
        self.columns_data: list[tuple[str, list[ShownCard]]] = []
        self.row = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("projectorHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.addLayout(self.row, 1)
        layout.addWidget(self.hint)
        self.columns: list[CardColumn] = []
        self.resize(1280, 720)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Read-only: only these keys do anything, so a stray key changes nothing.
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif event.key() == Qt.Key.Key_H:
            self.hide_confidential = not self.hide_confidential
            self.show_board(self.columns_data)
        else:
            event.accept()

    def show_board(self, columns: list[tuple[str, list[ShownCard]]]) -> None:
        self.columns_data = columns
        # Only columns with something to show: the wall stays readable from the back row.
        shown = [(title, [c for c in cards if not (self.hide_confidential
                                                    and c.card.confidential)])
                 for title, cards in columns]
        shown = [(title, cards) for title, cards in shown if cards] or [(_("No cards"), [])]
        if [c.title for c in self.columns] != [title for title, _cards in shown]:
            for column in self.columns:
                column.hide()
                self.row.removeWidget(column)
                column.deleteLater()
            self.columns = []
            for title, _cards in shown:
                column = CardColumn(None, title, self, projector=True)
                column.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                self.row.addWidget(column)
                self.columns.append(column)
        for column, (_title, cards) in zip(self.columns, shown, strict=True):
            column.set_cards(cards)
        hidden = sum(c.card.confidential for _t, cards in columns for c in cards)
        clustered = any(c.cluster for _t, cards in shown for c in cards)
        self.hint.setText(" · ".join(part for part in (
            ngettext("{n} confidential card hidden · H shows it",
                     "{n} confidential cards hidden · H shows them", hidden).format(n=hidden)
            if self.hide_confidential else _("Confidential cards shown · H hides them"),
            # The bar down a card's side has its key on the slide, as on the board.
            _("▌ the cards of one cluster") if clustered else "",
            _("F11 full screen · Esc close")) if part))
        self.align_headings()

    def align_headings(self) -> None:
        """Every column's heading as tall as the tallest ("Kehittämiskohteet (12)" takes
        two lines on the slide)."""
        same_height([column.heading for column in self.columns])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.align_headings()

    def shown_ids(self) -> list[str]:
        return [s.card.id for column in self.columns for s in column.model.cards]
