"""The programme profile edited in the window: reached from the menu, used with the keyboard."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from ui_helpers import click_button, open_dialog

from ilmava_desktop.services.cohort import programme
from ilmava_desktop.services.demo import create_demo
from ilmava_desktop.ui.door import DbDoor, InlineExecutor
from ilmava_desktop.ui.main_window import MainWindow
from ilmava_desktop.ui.programme_dialog import ProgrammeDialog

SVG = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
       '<rect width="80" height="80" fill="#00665E"/></svg>')


@pytest.fixture
def demo_window(qtbot, tmp_path):
    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    window.open_cohort(path)
    yield window
    window.close()


def profile(window):
    return window.ctx.read(lambda s: programme.programme(s.db))


def test_the_profile_is_edited_from_the_menu_with_the_keyboard(demo_window, qtbot, tmp_path):
    action = demo_window.actions["programme"]
    assert action.isEnabled() and action.text().replace("&", "") == "Programme profile…"
    action.trigger()
    dialog = open_dialog(ProgrammeDialog)
    assert dialog.names["fi"].text().startswith("ILMAVA")
    # Every field is reached by its label's Alt+letter, and no letter is used twice.
    labels = [w for w in dialog.findChildren(QLabel) if "&" in w.text()]
    assert labels and all(label.buddy() is not None for label in labels)
    keys = [re.search(r"&(\w)", w.text()).group(1).lower()
            for w in labels + dialog.findChildren(QPushButton) if re.search(r"&\w", w.text())]
    assert len(keys) == len(set(keys)), keys
    dialog.organiser.setFocus()
    dialog.organiser.selectAll()
    qtbot.keyClicks(dialog.organiser, "Kuntaliitto ja Motiva")
    dialog.accent.setText("#123456")
    dialog.sections["sparrer"].setChecked(False)
    svg = tmp_path / "logo.svg"
    svg.write_text(SVG)
    dialog.logo_chosen(svg)
    assert dialog.logo_label.text() == "logo.svg"
    click_button(qtbot, dialog, "OK")
    assert not dialog.isVisible()
    shown = profile(demo_window)
    assert shown.organiser == "Kuntaliitto ja Motiva" and shown.accent == "#123456"
    assert not shown.has("sparrer") and shown.has("task")
    # The SVG was drawn into a PNG the reports can print.
    assert shown.logo_type == "png" and shown.logo.startswith(b"\x89PNG")
    demo_window.undo()
    assert profile(demo_window).organiser == "Kuntaliitto" and not profile(demo_window).logo


def test_a_wrong_colour_is_said_in_the_dialog_which_stays_open(demo_window, qtbot):
    demo_window.actions["programme"].trigger()
    dialog = open_dialog(ProgrammeDialog)
    dialog.accent.setText("blue")
    click_button(qtbot, dialog, "OK")
    assert dialog.isVisible() and "#RRGGBB" in dialog.error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and profile(demo_window).accent == "#0A3D91"


def test_choosing_motiva_fills_its_preset_and_the_logo_can_be_taken_away(demo_window, qtbot,
                                                                         tmp_path):
    from PIL import Image

    png = tmp_path / "logo.png"
    Image.new("RGB", (30, 10), "teal").save(png)
    demo_window.actions["programme"].trigger()
    dialog = open_dialog(ProgrammeDialog)
    dialog.kind.setCurrentIndex(1)
    assert dialog.organiser.text() == "Motiva" and not dialog.sections["task"].isChecked()
    dialog.logo_chosen(png)
    click_button(qtbot, dialog, "OK")
    assert profile(demo_window).kind == "motiva" and profile(demo_window).logo_type == "png"
    demo_window.actions["programme"].trigger()
    dialog = open_dialog(ProgrammeDialog)
    assert dialog.logo_label.text() == "PNG logo in the cohort"
    click_button(qtbot, dialog, "Remove logo")
    assert dialog.logo_label.text() == "No logo"
    click_button(qtbot, dialog, "OK")
    assert profile(demo_window).logo == b""


def test_the_gap_threshold_chosen_in_the_dialog_changes_what_compare_marks(demo_window, qtbot):
    demo_window.show_tool(2)
    page = demo_window.tool_stack.currentWidget()
    page.municipality.setCurrentIndex(page.municipality.findText("Asikkala"))
    page.municipality.activated.emit(page.municipality.currentIndex())
    marked = [r.id for r in page.panel.gaps_model.rows() if r.largest]
    assert set(marked) == {"monitoring", "finance", "strategy"}  # −1,3, −0,8, +0,7
    demo_window.actions["programme"].trigger()
    dialog = open_dialog(ProgrammeDialog)
    assert dialog.gap_threshold.value() == 0.5
    assert dialog.gap_threshold.text() == "0.5 scale points"  # the figure with its unit
    assert [box.text() for box in dialog.sections.values()][-1] == "Sparring"
    dialog.gap_threshold.setFocus()
    dialog.gap_threshold.selectAll()
    qtbot.keyClicks(dialog.gap_threshold, "1.0")
    click_button(qtbot, dialog, "OK")
    assert not dialog.isVisible() and profile(demo_window).gap_threshold == 1.0
    # The compare tab shown follows at once.
    assert [r.id for r in page.panel.gaps_model.rows() if r.largest] == ["monitoring"]
    assert "1.0 or more" in page.panel.gaps_note.text()
    demo_window.undo()
    assert profile(demo_window).gap_threshold == 0.5
    assert [r.id for r in page.panel.gaps_model.rows() if r.largest] == marked
