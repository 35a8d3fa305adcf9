"""Editing the cohort's programme profile: names, organiser, colour, logo and sections.

Every field is reached with the keyboard (Alt+letter or Tab); the colour is typed as #RRGGBB
or chosen; the logo is a PNG or SVG file imported into the cohort when OK is pressed. An
SVG is drawn here into a PNG, large enough to print sharp at the size the reports give it
(the reports' layer reads PNG only; see reports/logo.py for why).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import programme as core
from ilmava_desktop.core.assessment import GAP_THRESHOLD_RANGE
from ilmava_desktop.i18n import _
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_open
from ilmava_desktop.ui.icons import icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.widgets import dialog_buttons, labelled_form

# Keeps the logo as it is, as opposed to None (taken away) or a chosen file.
_UNCHANGED = object()


def kind_labels() -> dict[str, str]:
    return {"ilmava": _("ILMAVA climate leadership coaching (Kuntaliitto)"),
            "motiva": _("Peer learning for municipalities (Motiva)"),
            "custom": _("Another programme")}


def section_labels() -> dict[str, str]:
    return {"task": _("Development task"), "groups": _("Thematic groups"),
            "peer_review": _("Peer review"), "sparrer": _("Sparring")}


class ProgrammeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Programme profile"))
        shown = ctx.read(lambda s: programme_service.programme(s.db))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Programme"))
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(core.KINDS.index(shown.kind))
        self.names = {}
        for language, accessible in (("fi", _("The programme's name in Finnish")),
                                     ("sv", _("The programme's name in Swedish")),
                                     ("en", _("The programme's name in English"))):
            field = QLineEdit(shown.names.get(language, ""))
            field.setAccessibleName(accessible)
            self.names[language] = field
        self.organiser = QLineEdit(shown.organiser)
        self.organiser.setAccessibleName(_("Organiser"))
        self.accent = QLineEdit(shown.accent)
        self.accent.setAccessibleName(_("Accent colour, #RRGGBB"))
        self.accent.setPlaceholderText("#0A3D91")
        self.accent.textChanged.connect(self._show_swatch)
        self.swatch = QLabel()
        self.swatch.setFixedSize(28, 20)
        self.swatch.setAccessibleName(_("The accent colour"))
        choose_colour = QPushButton(_("C&hoose…"))
        choose_colour.clicked.connect(self.choose_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.accent, 1)
        colour_row.addWidget(self.swatch)
        colour_row.addWidget(choose_colour)
        self.logo: object = _UNCHANGED
        self.has_logo = bool(shown.logo_type)
        self.logo_label = QLabel()
        self.logo_label.setAccessibleName(_("Logo"))
        self.logo_button = QPushButton(_("Choose &logo…"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.remove_logo = icon_button(_("&Remove logo"), "delete")
        self.remove_logo.clicked.connect(self.take_logo_away)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.remove_logo)
        self.logo_name = shown.logo_type.upper()
        self.sections = {}
        sections_row = QHBoxLayout()
        for section, label in section_labels().items():
            box = QCheckBox(label)
            box.setChecked(shown.has(section))
            self.sections[section] = box
            sections_row.addWidget(box)
        sections_row.addStretch(1)
        self.gap_threshold = QDoubleSpinBox()
        self.gap_threshold.setDecimals(1)
        self.gap_threshold.setSingleStep(0.1)
        self.gap_threshold.setRange(*GAP_THRESHOLD_RANGE)
        self.gap_threshold.setValue(shown.gap_threshold)
        # The figure's unit beside it: "0,5" alone said nothing of what it measured.
        self.gap_threshold.setSuffix(" " + _("scale points"))
        self.gap_threshold.setAccessibleName(_("The smallest gap marked as notable"))
        self.gap_threshold.setToolTip(_("Gaps between two rounds, or between a municipality "
                                        "and the cohort, of at least this much on the 1–5 "
                                        "scale are marked in the reports and the window."))
        self.kind.currentIndexChanged.connect(self._preset_chosen)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = labelled_form([
            (_("&Programme:"), self.kind), (_("Name in &Finnish:"), self.names["fi"]),
            (_("Name in &Swedish:"), self.names["sv"]),
            (_("Name in &English:"), self.names["en"]),
            (_("&Organiser:"), self.organiser), (_("&Accent colour:"), colour_row),
            (_("Logo:"), logo_row), (_("Report sec&tions:"), sections_row),
            (_("&Mark gaps from:"), self.gap_threshold)])
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok
                                 | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_swatch(self.accent.text())
        self._show_logo()
        self.resize(640, 0)

    # -- what the fields show ------------------------------------------------------------

    def _preset_chosen(self) -> None:
        """A preset fills the fields with its own names, organiser, colour and sections;
        another programme keeps what is typed, to be made its own."""
        kind = self.kind.currentData()
        if kind == "custom":
            return
        preset = core.PRESETS[kind]
        for language, field in self.names.items():
            field.setText(preset.names.get(language, ""))
        self.organiser.setText(preset.organiser)
        self.accent.setText(preset.accent)
        for section, box in self.sections.items():
            box.setChecked(preset.has(section))

    def _show_swatch(self, text: str) -> None:
        colour = text.strip() if text.strip().startswith("#") else "#" + text.strip()
        valid = core.valid_accent(colour)
        self.swatch.setStyleSheet(f"background: {colour}; border: 1px solid #59636E;"
                                  if valid else "border: 1px dashed #59636E;")

    def _show_logo(self) -> None:
        if isinstance(self.logo, Path):
            self.logo_label.setText(self.logo.name)
        elif self.logo is None or not self.has_logo:
            self.logo_label.setText(_("No logo"))
        else:
            self.logo_label.setText(_("{kind} logo in the cohort").format(kind=self.logo_name))
        self.remove_logo.setEnabled(self.logo is not None and (
            self.has_logo or isinstance(self.logo, Path)))

    # -- choosing ------------------------------------------------------------------------

    def choose_colour(self) -> None:
        dialog = QColorDialog(QColor(self.accent.text().strip() or "#0A3D91"), self)
        dialog.colorSelected.connect(lambda colour: self.accent.setText(colour.name().upper()))
        dialog.open()

    def choose_logo(self) -> None:
        ask_open(self, _("Choose the programme's logo"), _("Images (*.png *.svg)"),
                 self.logo_chosen)

    def logo_chosen(self, path: Path) -> None:
        self.logo = path
        self._show_logo()

    def take_logo_away(self) -> None:
        self.logo = None
        self._show_logo()
        self.logo_button.setFocus()

    # -- saving --------------------------------------------------------------------------

    def edits(self) -> dict:
        edits = {"kind": self.kind.currentData(), "name_fi": self.names["fi"].text(),
                 "name_sv": self.names["sv"].text(), "name_en": self.names["en"].text(),
                 "organiser": self.organiser.text(), "accent": self.accent.text(),
                 "sections": [s for s, box in self.sections.items() if box.isChecked()],
                 "gap_threshold": round(self.gap_threshold.value(), 1)}
        return edits

    def accept(self) -> None:
        edits, logo = self.edits(), self.logo

        drawn = svg_as_png(logo) if isinstance(logo, Path) else None

        def work(session):
            if drawn is not None:
                edits["logo"] = drawn
            elif logo is not _UNCHANGED:
                edits["logo"] = programme_service.read_logo(logo) if logo else None
            return programme_service.set_programme(session, **edits)

        def refused(exc: BaseException) -> None:
            from ilmava_desktop.ui.feedback import message_for

            self.error.setText(message_for(exc))
            self.error.show()

        run_op(self.ctx, work, say=lambda sentence, is_error: None,
               done=lambda _changes: QDialog.accept(self), failed=refused)


# An SVG's longer side in pixels when it is drawn: 45 mm printed at about 600 dpi.
SVG_PIXELS = 1000


def svg_as_png(path: Path) -> bytes | None:
    """An SVG file drawn into PNG bytes, its shape kept and its background transparent;
    None when the file is not an SVG that Qt can draw (it is then read as it is, and a PNG
    is checked by the service)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    try:
        data = path.read_bytes()
    except OSError:
        return None
    if core.logo_type(data) != "svg":
        return None
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(SVG_PIXELS, SVG_PIXELS)
    size = size.scaled(SVG_PIXELS, SVG_PIXELS, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def edit_programme(ctx: AppContext, parent: QWidget) -> ProgrammeDialog:
    dialog = ProgrammeDialog(ctx, parent)
    dialog.open()
    return dialog
