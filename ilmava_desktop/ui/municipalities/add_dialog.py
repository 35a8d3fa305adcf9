"""Picking a municipality from the official list, by typing any part of its name or code."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core.municipality_names import display_name
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.resources import official_municipalities
from ilmava_desktop.ui.geometry import keep_dialog_geometry
from ilmava_desktop.ui.row_model import SEARCH_ROLE, Column, RowTableModel
from ilmava_desktop.ui.widgets import dialog_buttons


class _Choice:
    def __init__(self, m, language):
        self.id = m.code
        self.text = f"{display_name(m.name_fi, m.name_sv, m.language_status, language)}" \
                    f"  ({m.code}, {m.region(language)})"
        self.search_text = f"{m.code} {m.name_fi} {m.name_sv} {m.name_en}".casefold()


class AddMunicipalityDialog(QDialog):
    def __init__(self, present_codes: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add municipality"))
        language = current_language()
        self.model = RowTableModel([Column(_("Municipality"), lambda c: c.text)], self)
        self.model.set_rows([_Choice(m, language) for m in official_municipalities()
                             if m.code not in present_codes])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        self.proxy.sort(0)
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Find a municipality"))
        self.search.setPlaceholderText(_("Type a name in Finnish or Swedish, or a code"))
        self.search.setClearButtonEnabled(True)
        self.list = QListView()
        self.list.setAccessibleName(_("Municipalities not yet in the cohort"))
        self.list.setModel(self.proxy)
        self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.accept)
        self.list.doubleClicked.connect(lambda _i: self.accept())
        label = QLabel(_("&Find:"))
        label.setBuddy(self.search)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                 | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(460, 520)
        keep_dialog_geometry(self, "add-municipality")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip().casefold())
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    def keyPressEvent(self, event) -> None:
        # Arrow keys move in the list while typing stays in the search field.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.search.hasFocus():
            self.list.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def chosen_code(self) -> str | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).id
