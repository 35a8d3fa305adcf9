"""Small widgets the tools share."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QTreeWidget,
    QWidget,
)

from ilmava_desktop.i18n import _


class CommittingTextEdit(QPlainTextEdit):
    """A multi-line field that says when the user is done with it (focus leaves)."""

    editing_finished = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self._committed = ""

    def set_committed_text(self, text: str) -> None:
        if self.toPlainText() != text and not self.hasFocus():
            self.setPlainText(text)
        self._committed = text

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._committed:
            self.editing_finished.emit()


def wall(accessible_name: str) -> tuple[QScrollArea, QWidget, QHBoxLayout]:
    """A row of columns that scrolls sideways when they do not all fit (board, groups)."""
    inner = QWidget()
    row = QHBoxLayout(inner)
    row.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(inner)
    scroll.setAccessibleName(accessible_name)
    return scroll, inner, row


def heading(text: str, level: int = 2) -> QLabel:
    label = QLabel(text)
    label.setObjectName(f"heading{level}")
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def row_table(model, accessible_name: str, stretch: tuple[int, ...] = (),
              wrap: bool = False) -> QTableView:
    """A read-only table of rows: whole rows selected, one at a time, no row numbers.

    Columns fit their contents; those in `stretch` share the spare width (by default
    the last column takes it). With `wrap`, text that does not fit wraps and its row grows.
    """
    table = QTableView()
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    # Rows told apart by alternating shades, not a grid round every cell: lighter to read.
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(not stretch)
    if wrap:
        wrap_rows(table)
    return table


def wrap_rows(table: QTableView) -> None:
    """Prose in a table wraps, and each row grows to hold its whole text.

    For tables of tens of rows (themes, statements, pairs), not of a cohort's every person:
    the rows are measured again whenever the rows or a column's width change."""
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    measure = QTimer(table)
    measure.setSingleShot(True)
    measure.setInterval(0)  # once, after the change that asked for it has been laid out
    measure.timeout.connect(table.resizeRowsToContents)
    table.horizontalHeader().sectionResized.connect(lambda *_args: measure.start())
    model = table.model()
    for signal in (model.modelReset, model.rowsInserted, model.layoutChanged,
                   model.dataChanged):
        signal.connect(lambda *_args: measure.start())
    measure.start()


def labelled_form(rows: list[tuple[str, QWidget | QLayout]]) -> QFormLayout:
    """A form whose labels' Alt shortcuts move focus to their fields."""
    form = QFormLayout()
    for text, field in rows:
        label = QLabel(text)
        if isinstance(field, QWidget):
            label.setBuddy(field)
        elif field.count():
            label.setBuddy(field.itemAt(0).widget())
        form.addRow(label, field)
    return form


def say_ok(button) -> None:
    """OK as the window's language writes it: Qt's Swedish catalogue reads "Ok", Swedish
    usage (and every other button of the window) "OK"."""
    if button is not None:
        button.setText(_("OK"))


def dialog_buttons(dialog: QDialog, buttons: QDialogButtonBox.StandardButton) -> QDialogButtonBox:
    box = QDialogButtonBox(buttons)
    say_ok(box.button(QDialogButtonBox.StandardButton.Ok))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def tree_items(tree: QTreeWidget):
    """Every item of a tree, parents before their children."""
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        yield item
        stack[:0] = [item.child(i) for i in range(item.childCount())]


class TreeRowFitter(QObject):
    """Each row of a tree as tall as its longest text wrapped in its column: a tree of
    statements or questions is read whole, measured again when a column's width, a text or
    the tree's width changes. (A tree's own word wrap never makes a row taller.)"""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(0)
        self.soon.timeout.connect(self.fit)
        tree.header().sectionResized.connect(lambda *_args: self.soon.start())
        tree.itemChanged.connect(lambda *_args: self.soon.start())
        tree.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (event.Type.Resize, event.Type.Show):
            self.soon.start()
        return False

    def fit(self) -> None:
        tree = self.tree
        metrics = QFontMetrics(tree.font())
        columns = range(tree.columnCount())
        indent = tree.indentation()
        for item in tree_items(tree):
            depth, parent = 0, item.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            height = 0
            for column in columns:
                width = tree.columnWidth(column) - 12 - (indent * (depth + 1) if column == 0
                                                         else 0)
                height = max(height, metrics.boundingRect(
                    QRect(0, 0, max(width, 20), 100_000), int(Qt.TextFlag.TextWordWrap),
                    item.text(column) or " ").height())
            # Carried by the last column, one pixel wide: a row's height is its tallest
            # column's, and a width here would widen a column sized to its contents.
            item.setSizeHint(tree.columnCount() - 1, QSize(1, height + 8))
        tree.doItemsLayout()  # the rows take their new heights now


def say_whole_text_in_tooltip(*widgets) -> None:
    """A combo's chosen text, a field's hint or a button's words also as its tooltip (where it
    has none of its own): in a narrow window (a projector at 1024 pixels) a long day's or
    round's name, or a row of buttons, is shortened, and stays readable."""
    for widget in widgets:
        if hasattr(widget, "currentTextChanged"):
            widget.currentTextChanged.connect(widget.setToolTip)
            widget.setToolTip(widget.currentText())
        elif hasattr(widget, "placeholderText") and not widget.toolTip():
            widget.setToolTip(widget.placeholderText())
        elif hasattr(widget, "text"):  # a button squeezed in a row: its words lead its tip
            words = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if words not in widget.toolTip():
                widget.setToolTip(f"{words}: {widget.toolTip()}" if widget.toolTip() else words)


def wide_enough_for_items(view: QAbstractItemView, most: int = 900) -> None:
    """A dialog's list as wide as its longest item (a person and their title, a theme's
    name), up to `most` pixels. Call it once the list is in its dialog: the window's style
    sheet sets the font, and a list not yet inside measures its items narrower than drawn."""
    view.ensurePolished()
    need = (view.sizeHintForColumn(0) + 2 * view.frameWidth()
            + view.verticalScrollBar().sizeHint().width() + 8)
    view.setMinimumWidth(min(need, most))


def wide_enough_for_example(field: QLineEdit) -> None:
    """A field as wide as the example its placeholder shows, so the example reads whole
    (once the field is in its dialog, as above); the rest is the frame and the margins."""
    field.ensurePolished()
    field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 32)


def wide_enough_for(field: QWidget, characters: int) -> None:
    """A field as wide as `characters` average letters of its font (once it is in its
    dialog): a name, a title or a finding typed into it reads whole, not in a 140-pixel slot."""
    field.ensurePolished()
    field.setMinimumWidth(field.fontMetrics().averageCharWidth() * characters + 16)


def same_height(labels: list[QLabel]) -> None:
    """Labels side by side (columns' headings, their reasons) as tall as the tallest, so
    what stands below them starts on one line: a heading wrapped onto two lines started its
    column's cards lower than its neighbours'. Call it again when their widths change."""
    for label in labels:
        label.setMinimumHeight(0)
        # Its words at the top of the room it is given, not floating in the middle of it.
        label.setAlignment((label.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
                           | Qt.AlignmentFlag.AlignTop)
    tallest = max((label.heightForWidth(max(label.width(), 1)) if label.wordWrap()
                   else label.sizeHint().height() for label in labels), default=0)
    for label in labels:
        label.setMinimumHeight(tallest)


def date_format() -> str:
    """A date field's format, as the window writes dates: 28.1.2027, in English 28 Jan 2027
    (Qt's month name follows the default locale, set to the window's language)."""
    from ilmava_desktop.i18n import current_language

    return "d MMM yyyy" if current_language() == "en" else "d.M.yyyy"


# A page at least this tall (a laptop's 768-pixel screen) has room for its figures'
# explanation in view; lower (a projector's 700), the explanation is the figure's tooltip.
ROOM_FOR_HINTS = 540


def explanation(text: str) -> QLabel:
    """A figure's explanation under it, in the hint's style; `show_if_room` hides it on a
    low page (its words stay in the figure's tooltip and accessible description)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


def show_if_room(hint: QLabel, page: QWidget) -> None:
    hint.setVisible(page.height() >= ROOM_FOR_HINTS)


def above_and_below(top: QWidget, bottom: QWidget, shares: tuple[int, int]) -> QSplitter:
    """Two parts one above the other, a divider between them the user may move; they share
    the height in `shares` (from the start, whatever each part asks for) and neither folds
    away."""
    split = QSplitter(Qt.Orientation.Vertical)
    split.setChildrenCollapsible(False)
    split.addWidget(top)
    split.addWidget(bottom)
    for index, share in enumerate(shares):
        split.setStretchFactor(index, share)
    split.setSizes([100 * share for share in shares])
    return split
