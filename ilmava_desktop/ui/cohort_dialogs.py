"""Creating a cohort, and the About box."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop import __version__
from ilmava_desktop.core.municipality_names import MUNICIPALITY_SOURCE
from ilmava_desktop.i18n import _, language_name
from ilmava_desktop.services.municipalities.listing import LANGUAGES
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form, say_ok

ATTRIBUTION = MUNICIPALITY_SOURCE


class NewCohortDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New cohort"))
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name of the cohort"))
        # The programme's profile: its names, organiser, colour and report sections.
        self.programme = QComboBox()
        self.programme.setAccessibleName(_("Programme"))
        for kind, label in (("ilmava", _("ILMAVA climate leadership coaching (Kuntaliitto)")),
                            ("motiva", _("Peer learning for municipalities (Motiva)")),
                            ("custom", _("Another programme"))):
            self.programme.addItem(label, kind)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(_("Year"))
        # The example follows the year chosen (it said 2027 beside 2026).
        self.year.valueChanged.connect(lambda year: self.name.setPlaceholderText(
            _("e.g. ILMAVA {year}").format(year=year)))
        self.name.setPlaceholderText(_("e.g. ILMAVA {year}").format(year=self.year.value()))
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of the cohort"))
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.folder = folder
        self.location = QLineEdit()
        self.location.setAccessibleName(_("File"))
        browse = QPushButton(_("&Browse…"))
        browse.clicked.connect(self.browse)
        self.name.textEdited.connect(self._suggest_file)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location, 1)
        location_row.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()
        form = labelled_form([(_("&Name:"), self.name), (_("&Programme:"), self.programme),
                              (_("&Year:"), self.year), (_("&Language:"), self.language),
                              (_("&File:"), location_row)])
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                 | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def _suggest_file(self, name: str) -> None:
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "kohortti"
        self.location.setText(str(self.folder / f"{safe}.ilmava"))

    def browse(self) -> None:
        dialog = QFileDialog(self, _("Save the new cohort as"), self.location.text(),
                             _("ILMAVA cohorts (*.ilmava)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("ilmava")
        dialog.fileSelected.connect(self.location.setText)
        dialog.open()

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(_("A cohort needs a name."))
        elif not self.location.text().strip():
            self.error.setText(_("Choose where to save the cohort."))
        elif Path(self.location.text()).exists():
            self.error.setText(_("{name} already exists; choose another name.").format(
                name=Path(self.location.text()).name))
        else:
            super().accept()
            return
        self.error.show()

    def values(self) -> dict:
        return {"path": Path(self.location.text().strip()), "name": self.name.text(),
                "programme": self.programme.currentData(), "year": self.year.value(),
                "language": self.language.currentData()}


def show_about(parent: QWidget, language: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, _("About ILMAVA Desktop"),
                      _("ILMAVA Desktop {version}\n\nThe facilitator's workbench for municipal "
                        "climate-leadership coaching and peer learning. Works offline; the "
                        "cohort stays on this laptop.").format(version=__version__)
                      + "\n\n" + ATTRIBUTION[language],
                      QMessageBox.StandardButton.Ok, parent)
    say_ok(box.button(QMessageBox.StandardButton.Ok))
    box.open()
    return box
