"""The Municipalities & people tool: list and search on the left, the chosen one on the right."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
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
from ilmava_desktop.ui.municipalities.backup_erasure import offer_backup_erasure
from ilmava_desktop.ui.municipalities.details import MunicipalityDetails
from ilmava_desktop.ui.municipalities.people_panel import PeoplePanel
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.row_model import SEARCH_ROLE, SORT_ROLE, Column, RowTableModel
from ilmava_desktop.ui.widgets import row_table


class MunicipalitiesPage(QWidget):
    NAME = "municipalities"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search municipalities and people"))
        self.search.setPlaceholderText(_("Search by municipality, code, theme or person (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)

        def mark(index: int):
            return lambda m: ("✓" if m.criteria[index] else "✗") if m.criteria else ""

        # The applicants with the programme's criteria as columns: council climate target,
        # current state given, challenges given, own funding committed.
        self.model = RowTableModel([
            Column(_("Code"), lambda m: m.code), Column(_("Municipality"), lambda m: m.name),
            Column(_("Status"), lambda m: m.status_label),
            Column(_("Target"), mark(0)), Column(_("State"), mark(1)),
            Column(_("Challenges"), mark(2)), Column(_("Funding"), mark(3)),
            Column(_("People"), lambda m: m.people, align_right=True),
        ], self)
        # The count of selected against the programme's range, always in view.
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.count.setAccessibleName(_("Selected municipalities"))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = row_table(self.proxy, _("Municipalities of the cohort"), stretch=(1,))
        self.table.setSortingEnabled(True)
        # The criteria are a mark each: narrow columns, their names in the header's tooltip.
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in ((3, 56), (4, 56), (5, 56), (6, 56), (7, 70)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
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
        self.add_button = QPushButton(_("&Add municipality…"))
        self.remove_button = QPushButton(_("&Remove municipality…"))
        self.import_button = QPushButton(_("&Import…"))
        self.add_button.clicked.connect(self.add_municipality)
        self.remove_button.clicked.connect(self.remove_municipality)
        self.import_button.clicked.connect(self.open_import)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count, 1)
        self.year_button = QPushButton(_("The programme's &year…"))
        self.year_button.setToolTip(_("The periods' dates, how many municipalities are "
                                      "selected and the own funding"))
        self.year_button.clicked.connect(self.open_year)
        count_row.addWidget(self.year_button)
        left_layout.addLayout(count_row)
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
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([650, 470])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        ctx.changed.connect(self.on_ctx_changed)
        ctx.cohort_opened.connect(self.cohort_ready)

    # -- showing ---------------------------------------------------------------------

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.refresh()

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
