"""The audit of cut and faint text (`--screenshots DIR --audit`)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QVBoxLayout, QWidget

from ilmava_desktop.ui.audit import Audit, contrast_ratio
from ilmava_desktop.ui.style import apply_palette

ROOT = Path(__file__).resolve().parents[2]
LONG = "Poikkihallinnollinen koordinointi ja mandaatti"


def shown(qtbot, *widgets, width=600, height=300) -> QWidget:
    root = QWidget()
    root.setStyleSheet("QWidget { background: white; color: black; }")
    column = QVBoxLayout(root)
    for widget in widgets:
        column.addWidget(widget)
    root.resize(width, height)
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    return root


def audited(root: QWidget) -> Audit:
    audit = Audit((root.width(), root.height()), "fi")
    audit.look_at(root, "test")
    return audit


def test_a_label_too_narrow_for_its_text_is_listed_and_a_wide_one_is_not(qtbot):
    narrow, wide = QLabel(LONG), QLabel(LONG)
    narrow.setFixedWidth(80)
    narrow.setAccessibleName("narrow")
    wide.setAccessibleName("wide")
    audit = audited(shown(qtbot, narrow, wide))
    assert [(c.widget, c.text) for c in audit.clipped] == [("narrow", LONG)]


def test_a_wrapping_label_fits_when_it_has_the_lines_it_needs(qtbot):
    label = QLabel(LONG * 3)
    label.setWordWrap(True)
    assert audited(shown(qtbot, label, width=200, height=400)).clipped == []


def test_faint_text_is_listed_with_its_ratio_and_dark_text_is_not(qtbot):
    faint, dark = QLabel("Kohortteja ei ole vielä avattu"), QLabel("Avattu")
    faint.setStyleSheet("color: #bbbbbb;")
    faint.setAccessibleName("faint")
    audit = audited(shown(qtbot, faint, dark))
    assert [(c.widget, c.text) for c in audit.contrast] == [
        ("faint", "Kohortteja ei ole vielä avattu")]
    assert 1.5 < audit.contrast[0].ratio < 2.2  # #bbb on white is 1.9:1


def test_table_cells_cut_by_their_column_are_listed_and_a_small_mark_reads(qtbot):
    model = QStandardItemModel(2, 2)
    model.setItem(0, 0, QStandardItem(LONG))
    model.setItem(1, 0, QStandardItem("Lahti"))
    model.setItem(0, 1, QStandardItem("✓"))
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName("kunnat")
    view.setColumnWidth(0, 90)
    view.setColumnWidth(1, 40)
    root = shown(qtbot, view)
    audit = audited(root)
    assert [(c.widget, c.text) for c in audit.clipped] == [("kunnat", LONG)]
    assert audit.contrast == []  # the check mark is black on white, though a few pixels
    view.setColumnWidth(0, 420)
    assert audited(root).clipped == []


def test_the_palette_makes_chosen_rows_and_hints_readable(qapp):
    apply_palette(QApplication.instance())
    palette = QApplication.instance().palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        assert contrast_ratio(palette.color(group, QPalette.ColorRole.Highlight),
                              palette.color(group, QPalette.ColorRole.HighlightedText)) >= 4.5
        assert contrast_ratio(palette.color(group, QPalette.ColorRole.PlaceholderText),
                              QColor("white")) >= 4.5


def run_window(tmp_path, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILMAVA_DATA_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "ilmava_desktop.app", *map(str, args)],
                          env=env, capture_output=True, text=True, timeout=240, cwd=ROOT)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_at_a_laptops_1366_pixels_every_view_and_dialog_reads_whole(tmp_path, language):
    """Every page, tab and dialog of the demo at 1366×768: no text cut, none faint."""
    shots = tmp_path / "shots"
    result = run_window(tmp_path, "--demo", "--screenshots", shots, "--audit",
                        "--size", "1366x768", "--lang", language)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads((shots / "audit.json").read_text(encoding="utf-8"))
    assert report["size"] == [1366, 768] and report["language"] == language
    assert set(report) == {"size", "language", "clipped", "contrast"}
    assert report["clipped"] == [] and report["contrast"] == []
    saved = {path.stem.split("-", 1)[1] for path in shots.glob("*.png")}
    # The dialogs behind the tools' buttons are read as well as the pages.
    assert {"merge", "sparring-session", "review-team", "sparrer", "new-round", "card",
            "interview-roles", "programme-profile", "day"} <= saved


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_at_a_projectors_1024_pixels_only_tooltipped_text_is_shortened(tmp_path, language):
    """At 1024×700 a text may end in "…" only when its tooltip holds it whole; no list
    scrolls sideways and no page widens the window (Swedish's longer buttons once made the
    sparring tab's municipalities scroll)."""
    shots = tmp_path / "shots"
    result = run_window(tmp_path, "--demo", "--screenshots", shots, "--audit",
                        "--size", "1024x700", "--lang", language)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads((shots / "audit.json").read_text(encoding="utf-8"))
    assert [entry for entry in report["clipped"] if not entry["tooltip"]] == []
    assert report["contrast"] == []


def test_a_cohort_of_its_own_with_no_visits_or_cards_is_drawn_whole(tmp_path):
    """A real cohort early in its year (no visit, no card, one day): every view is drawn,
    the dialogs it has nothing to open on are passed by in a sentence (the timeline's
    once ended the run in a traceback)."""
    from ilmava_desktop.cli import main as cli

    path = tmp_path / "kevat.ilmava"
    assert cli(["new", str(path), "--name", "ILMAVA 2027", "--year", "2027"]) == 0
    assert cli(["day", "add", str(path), "--date", "2027-01-27", "--min", "1", "--max",
                "3", "--venue", "Vaasa"]) == 0
    shots = tmp_path / "shots"
    result = run_window(tmp_path, path, "--screenshots", shots, "--audit", "--lang", "en")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "this cohort has nothing to open the visits-timeline dialog on" in result.stdout
    saved = {p.stem.split("-", 1)[1] for p in shots.glob("*.png")}
    assert {"municipalities", "visits", "day", "merge", "start"} <= saved
    assert "card" not in saved


def test_a_screenshots_folder_that_cannot_be_made_is_said_in_a_sentence(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would go", encoding="utf-8")
    result = run_window(tmp_path, "--demo", "--screenshots", blocker / "shots", "--lang", "en")
    assert result.returncode == 2
    assert "The screenshots could not be written to" in result.stderr
    assert "Traceback" not in result.stderr


def test_audit_and_size_without_screenshots_are_refused_in_a_sentence(tmp_path):
    result = run_window(tmp_path, "--audit", "--lang", "en")
    assert result.returncode == 2
    assert "--audit and --size go with --screenshots DIR" in result.stderr
    result = run_window(tmp_path, "--screenshots", tmp_path, "--size", "iso", "--lang", "en")
    assert result.returncode == 2
    assert "“iso” is not a window size such as 1366x768" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def demo_audit(qapp, tmp_path_factory):
    """The demo's every view, saved and audited at a 1366×768 laptop's size, in English."""
    from ilmava_desktop.i18n import set_language
    from ilmava_desktop.services.demo import create_demo
    from ilmava_desktop.ui.door import DbDoor, InlineExecutor
    from ilmava_desktop.ui.main_window import MainWindow
    from ilmava_desktop.ui.screenshots import take_screenshots

    set_language("en")
    tmp_path = tmp_path_factory.mktemp("audit")
    window = MainWindow(DbDoor(InlineExecutor()))
    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    window.open_cohort(path)
    audit = Audit((1366, 768), "en")
    take_screenshots(window, tmp_path / "shots", audit=audit, size=(1366, 768))
    window.close()
    return audit


def clipped_on(audit: Audit, *prefixes: str) -> list[tuple[str, str]]:
    return [(c.screen, c.text) for c in audit.clipped if c.screen.startswith(prefixes)]


def test_the_self_assessment_and_its_template_show_every_text_whole(demo_audit):
    """Statements wrap in the answer grid and the template editor, themes in the results,
    a round's name has its room; nothing is cut to "…"."""
    assert clipped_on(demo_audit, "self-assessment", "assessment-template", "projector") == []


def test_every_board_card_is_shown_whole(demo_audit):
    assert clipped_on(demo_audit, "board") == []


def test_no_view_has_faint_text(demo_audit):
    assert demo_audit.contrast == []


def test_a_window_that_had_to_grow_past_the_size_asked_is_said(qtbot):
    """A page whose rows need more than the screen gives makes the window wider than asked:
    the audit says so (it would otherwise read every text as fitting)."""
    from PySide6.QtWidgets import QMainWindow

    def grown(width: int, height: int):
        window = QMainWindow()
        qtbot.addWidget(window)
        page = QLabel("a page")
        page.setMinimumSize(width, height)
        window.setCentralWidget(page)
        window.resize(1024, 700)
        window.show()
        audit = Audit((1024, 700), "en")
        audit.look_at(window, "page")
        return window, [(c.screen, c.text) for c in audit.clipped]

    window, said = grown(1200, 0)  # a row of buttons too wide
    assert said == [("page", f"(the window had to be {window.width()} pixels wide)")]
    assert window.width() >= 1200
    window, said = grown(0, 760)  # a column of lists too tall for a 700-pixel projector
    assert said == [("page", f"(the window had to be {window.height()} pixels tall)")]
    assert window.height() >= 760


def test_a_panel_wider_than_a_scroll_area_that_never_scrolls_sideways_is_listed(qtbot):
    """Its right part is cut with nothing to say so: the municipality's details were, at a
    projector's 1024 pixels, until the pane kept to its room."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    def area_with(width: int) -> QScrollArea:
        panel = QLabel("details")
        panel.setMinimumWidth(width)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(panel)
        return area

    root = shown(qtbot, area_with(900), width=400)
    assert [c.text for c in audited(root).clipped if c.text.startswith("(cut")] == [
        f"(cut at its right edge: 900 pixels in {root.findChild(QScrollArea).viewport().width()})"]
    assert audited(shown(qtbot, area_with(100), width=400)).clipped == []
