"""A group as a column of municipality cards; a card dragged to another column moves there."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.drag import AcceptsOnly

MIME = "application/x-ilmava-municipalities"
ID_ROLE = Qt.ItemDataRole.UserRole + 20


@dataclass(frozen=True)
class MunicipalityCard:
    id: str
    name: str
    details: str     # theme, maturity, region
    locked: bool

    @property
    def text(self) -> str:
        # The lock is a word as well as a sign, so it is never told by colour or shape alone.
        lock = "▣ " + _("locked") + " · " if self.locked else ""
        return f"{self.name}\n{lock}{self.details}"


class MunicipalityList(AcceptsOnly, QListWidget):
    """Emits `dropped(municipality ids)`; the page writes the move."""

    dropped = Signal(list)
    accepted_mime = MIME

    def __init__(self, accessible_name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        data = QMimeData()
        data.setData(MIME, "\n".join(i.data(ID_ROLE) for i in items).encode("utf-8"))
        data.setText("\n".join(i.text().split("\n")[0] for i in items))
        return data

    def dropEvent(self, event) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        ids = self.dropped_ids(event)
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the page moves it, then redraws
        event.accept()
        self.dropped.emit(ids)

    def selected_ids(self) -> list[str]:
        return [item.data(ID_ROLE) for item in self.selectedItems()]


class GroupColumn(QWidget):
    def __init__(self, number: int, parent=None):
        super().__init__(parent)
        self.number = number
        self.heading = QLabel()
        self.heading.setObjectName("columnHeading")
        self.heading.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setObjectName("hint")
        self.list = MunicipalityList(_("Group {k}").format(k=number + 1), self)
        self.heading.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.reasons)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(180)

    def show_group(self, heading: str, reasons: str, cards: list[MunicipalityCard]) -> None:
        self.heading.setText(heading)
        self.reasons.setText(reasons)
        self.list.setAccessibleName(heading)
        chosen = set(self.list.selected_ids())
        self.list.clear()
        for card in cards:
            item = QListWidgetItem(card.text)
            item.setData(ID_ROLE, card.id)
            item.setToolTip(card.text.replace("\n", " · "))
            self.list.addItem(item)
            item.setSelected(card.id in chosen)

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]
