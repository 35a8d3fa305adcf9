"""A new self-assessment round, named in Finnish and, for the reports, in Swedish and English."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form, wide_enough_for_example


class RoundDialog(QDialog):
    """The Finnish name is needed; the others are what Swedish and English reports print
    (the Finnish one when left empty)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New round"))
        self.name_fi, self.name_sv, self.name_en = QLineEdit(), QLineEdit(), QLineEdit()
        for field, name, example in (
                (self.name_fi, _("Name in Finnish"), "Virkajohto, tammikuu 2026"),
                (self.name_sv, _("Name in Swedish"), "Tjänstemannaledning, januari 2026"),
                (self.name_en, _("Name in English"), "Officials, January 2026")):
            field.setAccessibleName(name)
            field.setPlaceholderText(example)
        intro = QLabel(_("Reports print the round's name in their own language; a name left "
                         "empty is printed in Finnish."))
        intro.setWordWrap(True)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                      | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.name_fi.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(labelled_form([(_("&Finnish:"), self.name_fi),
                                        (_("&Swedish:"), self.name_sv),
                                        (_("&English:"), self.name_en)]))
        for field in (self.name_fi, self.name_sv, self.name_en):
            wide_enough_for_example(field)  # in the dialog now, in the window's font
        layout.addWidget(self.buttons)

    def names(self) -> dict[str, str]:
        return {"name": self.name_fi.text(), "name_sv": self.name_sv.text(),
                "name_en": self.name_en.text()}
