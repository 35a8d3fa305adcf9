"""The Municipalities & people tool: list and search on the left, the chosen one on the right."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.i18n import _, current_language, ngettext
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.services.municipalities import add_municipality, remove_municipality
from ilmava_desktop.services.municipalities import selection as selection_service
from ilmava_desktop.services.municipalities.listing import municipality_rows
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import ask
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.municipalities.backup_erasure import offer_backup_erasure
from ilmava_desktop.ui.municipalities.details import MunicipalityDetails
from ilmava_desktop.ui.municipalities.people_panel import PeoplePanel
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import SEARCH_ROLE, SORT_ROLE, Column, RowTableModel
from ilmava_desktop.ui.widgets import heading, row_table, say_whole_text_in_tooltip

CRITERIA_COLUMNS = (3, 4, 5, 6)  # council target, current state, challenges, own funding
NARROW_MARK_COLUMN = 40  # a ✓ or ✗ and its margins


class SortArrowProxy(QSortFilterProxyModel):
    """Filters and sorts the list; the sorted column's heading ends in ▲ or ▼."""

    order: tuple[int, Qt.SortOrder] | None = None

    def show_order(self, column: int, order: Qt.SortOrder) -> None:
        self.order = (column, order)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        text = super().headerData(section, orientation, role)
        if (role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
                and orientation == Qt.Orientation.Horizontal
                and self.order is not None and self.order[0] == section and text):
            arrow = "▲" if self.order[1] == Qt.SortOrder.AscendingOrder else "▼"
            return f"{text} {arrow}"
        return text


class MunicipalitiesPage(QWidget):
    NAME = "municipalities"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search municipalities and people"))
        self.search.setPlaceholderText(_("Search by municipality, code, theme or person (Ctrl+F)"))
        say_whole_text_in_tooltip(self.search)
        self.search.setClearButtonEnabled(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)

        def mark(index: int):
            return lambda m: ("✓" if m.criteria[index] else "✗") if m.criteria else ""

        # The applicants with the programme's criteria as columns: council climate target,
        # current state given, challenges given, own funding committed.
        self.model = RowTableModel([
            Column(_("Code"), lambda m: m.code), Column(_("Municipality"), lambda m: m.name),
            Column(_("Status"), lambda m: m.status_label),
            # Each criterion's heading says in its tooltip what ✓ and ✗ mean.
            Column(_("Target"), mark(0), tooltip=_(
                "Council climate target: ✓ the council has set one, ✗ not yet")),
            Column(_("State"), mark(1), tooltip=_(
                "Current state: ✓ described in the application, ✗ missing")),
            Column(_("Challenges"), mark(2), tooltip=_(
                "Challenges: ✓ described in the application, ✗ missing")),
            Column(_("Funding"), mark(3), tooltip=_(
                "Own funding: ✓ committed, ✗ not committed")),
            Column(_("People"), lambda m: m.people, align_right=True),
        ], self)
        # The count of selected against the programme's range, always in view.
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.count.setAccessibleName(_("Selected municipalities"))
        self.proxy = SortArrowProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = row_table(self.proxy, _("Municipalities of the cohort"), stretch=(1,))
        self.table.setSortingEnabled(True)
        # The sort order is an arrow in the sorted column's own heading: Qt's indicator would
        # reserve its room in every heading, which the list's width cannot spare.
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: self.proxy.show_order(column, order))
        # The criteria are a mark each, under their whole names (sized to them); only a
        # narrow window elides a name, whose tooltip then says it.
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by name, as shown
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_changed)
        self.search.textChanged.connect(self.on_search_changed)
        self.search.returnPressed.connect(self.table.setFocus)

        self.select_button = QPushButton(_("Se&lect (+)"))
        self.decline_button = QPushButton(_("&Decline (−)"))
        self.withdraw_button = QPushButton(_("&Withdraw"))
        self.select_button.setToolTip(_("The municipality is selected: it takes part in the "
                                        "days, groups, pairs, visits and reports."))
        self.select_button.clicked.connect(lambda: self.set_status("selected"))
        self.decline_button.clicked.connect(lambda: self.set_status("not_selected"))
        self.withdraw_button.clicked.connect(lambda: self.set_status("withdrawn"))
        # One key selects or declines the chosen municipality and moves to the next.
        for keys, status in ((("+", "Ctrl++"), "selected"), (("-", "Ctrl+-"), "not_selected")):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self.table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda status=status: self.set_status(status))
        self.add_button = icon_button(_("&Add municipality…"), "new")
        self.remove_button = icon_button(_("&Remove municipality…"), "delete")
        self.import_button = icon_button(_("&Import…"), "import")
        self.add_button.clicked.connect(self.add_municipality)
        self.remove_button.clicked.connect(self.remove_municipality)
        self.import_button.clicked.connect(self.open_import)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        # The heading every tool has, the year's button beside it; the count below.
        count_row = QHBoxLayout()
        count_row.addWidget(heading(_("Municipalities && people").replace("&&", "&"), 1), 1)
        self.year_button = QPushButton(_("The programme's &year…"))
        self.year_button.setToolTip(_("The periods' dates, how many municipalities are "
                                      "selected and the own funding"))
        self.year_button.clicked.connect(self.open_year)
        count_row.addWidget(self.year_button)
        left_layout.addLayout(count_row)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        choosing = QHBoxLayout()
        for button in (self.select_button, self.decline_button, self.withdraw_button):
            choosing.addWidget(button)
        left_layout.addLayout(choosing)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)

        self.details = MunicipalityDetails(ctx)
        self.people = PeoplePanel(ctx)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 4, 0)  # the room is the details'
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.people, 1)
        scroll = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        # The list takes what its columns need (every criterion named whole); the details
        # beside it wrap their forms into what is left.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 340])
        self.splitter, self.details_scroll = splitter, scroll
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        ctx.changed.connect(self.on_ctx_changed)
        ctx.cohort_opened.connect(self.cohort_ready)

    # -- showing ---------------------------------------------------------------------

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.refresh()
        # Measured once the columns have been sized to the rows just read.
        QTimer.singleShot(0, self.fit_list)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.ctx.session is not None and event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self.fit_list)

    def fit_list(self) -> None:
        """The list as wide as its columns need (each criterion named whole, the longest
        name whole), the details taking the rest; the user may move the divider. In a
        window too narrow for that (a projector's 1024 pixels) the criteria's columns are as
        narrow as their marks, their names in the headings' tooltips."""
        header = self.table.horizontalHeader()
        for column in CRITERIA_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        needed = sum(header.sectionSizeHint(c) if header.sectionResizeMode(c)
                     == QHeaderView.ResizeMode.Stretch else header.sectionSize(c)
                     for c in range(header.count()) if not header.isSectionHidden(c))
        for column in range(header.count()):  # the names' column is sized by its names
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
                needed += max((self.table.sizeHintForColumn(column)
                               - header.sectionSizeHint(column)), 0)
        needed += (self.table.verticalScrollBar().sizeHint().width()
                   + 2 * self.table.frameWidth() + 24)
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        # The details keep at least the width their forms need: given less, the scroll area
        # (never scrolling sideways) cut them at its right edge ("reports in Fin").
        details = max(300, self.details_scroll.widget().minimumSizeHint().width()
                      + self.details_scroll.verticalScrollBar().sizeHint().width() + 4)
        if needed > total - details:
            for column in CRITERIA_COLUMNS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, NARROW_MARK_COLUMN)
        self.splitter.setSizes([min(needed, total - details), max(total - needed, details)])

    def refresh(self) -> None:
        current = self.current_id()
        language = current_language()
        rows = self.ctx.read(lambda s: municipality_rows(s, language)) if self.ctx.session else []
        self.model.set_rows(rows)
        # The first municipality taking part is chosen at first (an applicant not selected
        # has no people to work with), else the first of the list.
        shown = [self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                 for r in range(self.proxy.rowCount())]
        first = next((row for row in shown if row.status == "selected"), shown[0] if shown
                     else None)
        first_id = first.id if first else None
        self.select(current if current and self.model.row_of_id(current) is not None
                    else first_id)
        self.remove_button.setEnabled(bool(rows))
        self.show_count()

    def show_count(self) -> None:
        count = (self.ctx.read(lambda s: selection_service.selection_count(s.db))
                 if self.ctx.session else None)
        if count is None:
            self.count.setText("")
            return
        colour = {"within": "", "under": "color: #8a4b00;", "over": "color: #b00020;"}[
            count.state]
        self.count.setStyleSheet(f"font-weight: bold; {colour}")
        self.count.setText(count.sentence())

    def on_ctx_changed(self, changes) -> None:
        if changes.touches("municipality", "person", "cohort"):
            self.refresh()

    def on_search_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip().casefold())
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def select(self, municipality_id: str | None) -> None:
        row = self.model.row_of_id(municipality_id) if municipality_id else None
        if row is None:
            self.table.clearSelection()
            self.on_table_current_changed()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.on_table_current_changed()

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).id

    def on_table_current_changed(self, *_args) -> None:
        municipality_id = self.current_id()
        self.details.show_municipality(municipality_id)
        self.people.show_municipality(municipality_id)

    # -- acting ----------------------------------------------------------------------

    def set_status(self, status: str) -> None:
        """Select, decline or withdraw the chosen municipality, then go to the next row."""
        row_id = self.current_id()
        if not row_id:
            return
        index = self.table.currentIndex()

        def next_row(_changes) -> None:
            below = self.proxy.index(min(index.row() + 1, self.proxy.rowCount() - 1), 0)
            if below.isValid():
                self.table.setCurrentIndex(below)
            self.table.setFocus()

        run_op(self.ctx, lambda s: selection_service.set_status(s, [row_id], status),
               parent=self, say=self.details.said, done=next_row)

    def add_municipality(self) -> None:
        present = {row.code for row in self.model.rows()}
        from ilmava_desktop.ui.municipalities.add_dialog import AddMunicipalityDialog

        dialog = AddMunicipalityDialog(present, self)

        def add() -> None:
            code = dialog.chosen_code()
            if code:
                from ilmava_desktop.services.municipalities import municipality_id

                run_op(self.ctx, lambda s: add_municipality(s, code), parent=self,
                       done=lambda _c: self.select(municipality_id(code)))

        dialog.accepted.connect(add)
        dialog.open()

    def remove_municipality(self) -> None:
        row_id = self.current_id()
        if not row_id:
            return
        m = self.ctx.read(lambda s: municipality_service.municipality(s.db, row_id))
        name = m.name(current_language())
        ask(self, _("Remove {name} and its people from the cohort? Undo brings them back.")
            .format(name=name),
            [(_("Remove"), QMessageBox.ButtonRole.DestructiveRole),
             (_("Cancel"), QMessageBox.ButtonRole.RejectRole)],
            lambda answer: answer == 0 and run_op(
                self.ctx, lambda s: remove_municipality(s, row_id), parent=self,
                done=lambda changes: self.offer_backup_erasure(changes.result, name)),
            icon=QMessageBox.Icon.Warning)

    def offer_backup_erasure(self, person_ids: list[str], name: str) -> None:
        offer_backup_erasure(
            self, self.ctx, person_ids,
            lambda n: ngettext(
                "{n} backup of this cohort on this laptop still holds the data of {name}'s "
                "people: erase it there too (this cannot be undone), or let it age out within "
                "two weeks?",
                "{n} backups of this cohort on this laptop still hold the data of {name}'s "
                "people: erase it there too (this cannot be undone), or let it age out within "
                "two weeks?", n).format(n=n, name=name),
            lambda n: ngettext(
                "✓ The people of {name} erased from {n} backup of the cohort on this laptop",
                "✓ The people of {name} erased from {n} backups of the cohort on this laptop",
                n).format(name=name, n=n))

    def open_year(self):
        from ilmava_desktop.ui.year_dialog import YearDialog

        dialog = YearDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_import(self):
        # Imported when first asked for: the importers (openpyxl's reader among them) are
        # not what the window needs to open.
        from ilmava_desktop.ui.municipalities.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.open()
        return dialog
