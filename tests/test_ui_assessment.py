"""Entering a sheet with the keyboard: 30 key presses, and the results change as they go."""

import pytest
from PySide6.QtCore import Qt

from ilmava_desktop.services import assessment


@pytest.fixture
def page(demo_window_at):
    return demo_window_at(2).tool_stack.currentWidget()


def own_scores(page):
    rows = page.results_model.rows()
    return {r.id: r.own for r in rows}


def test_a_whole_sheet_in_thirty_key_presses(page, qtbot):
    page.municipality.setCurrentIndex(page.municipality.findText("Kuhmo"))
    page.municipality.activated.emit(page.municipality.currentIndex())
    page.sheet.setValue(4)  # a new, empty sheet
    assert page.sheets_label.text().startswith(("1 ", "2 ", "3 "))
    before = own_scores(page)
    page.grid.setFocus()
    keys = [Qt.Key.Key_5] * 5 + [Qt.Key.Key_4] * 5 + [Qt.Key.Key_E] * 5 + [
        Qt.Key.Key_1] * 15
    for key in keys:
        qtbot.keyClick(page.grid, key)
    round_id = page.round.currentData()
    kuhmo = page.municipality.currentData()
    sheet = [a for a in assessment.answers(page.ctx.session.db, round_id)
             if a.municipality_id == kuhmo and a.sheet == 4]
    assert len(sheet) == 30
    assert {a.statement_id: a.value for a in sheet}["finance.1"] is None  # E: don't know
    after = own_scores(page)
    assert after["strategy"] > before["strategy"]      # five 5s pulled it up
    assert after["monitoring"] < before["monitoring"]  # 1s pulled it down
    assert after["finance"] == pytest.approx(before["finance"])  # don't know changes nothing
    assert page.sheet_model.answer_text("strategy.1").startswith("5 –")
    # What the page shows, updated one municipality at a time, is what the round says.
    truth = assessment.results(page.ctx.session, round_id)
    kuhmo_truth = next(m for m in truth["municipalities"] if m["code"] == "290")["themes"]
    for row in page.results_model.rows():
        assert row.own == pytest.approx(kuhmo_truth[row.id])
        assert row.cohort == pytest.approx(truth["cohort"][row.id])


def test_backspace_clears_and_undo_restores(page, qtbot):
    page.sheet.setValue(9)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_3)
    assert page.sheet_model.answer_text("strategy.1").startswith("3 –")
    page.grid.selectRow(0)
    qtbot.keyClick(page.grid, Qt.Key.Key_Backspace)
    assert page.sheet_model.answer_text("strategy.1") == ""
    qtbot.keyClick(page.window(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.sheet_model.answer_text("strategy.1").startswith("3 –")


def test_results_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.sheet_model)


def test_comments_follow_the_theme_and_are_saved(page, qtbot):
    page.municipality.setCurrentIndex(page.municipality.findText("Lahti"))
    page.municipality.activated.emit(page.municipality.currentIndex())
    page.grid.selectRow(10)  # finance.1: the demo has a strength for Lahti's finance
    assert "Talous" in page.comment_heading.text() or "Finance" in page.comment_heading.text()
    assert "ilmastokriteerit" in page.strengths.toPlainText()
    page.grid.selectRow(0)  # strategy: nothing written yet
    assert page.development.toPlainText() == ""
    page.development.setFocus()
    qtbot.keyClicks(page.development, "Tavoite puuttuu talousarviosta")
    page.grid.setFocus()  # leaving the field saves it
    round_id, lahti = page.round.currentData(), page.municipality.currentData()
    saved = assessment.comments(page.ctx.session.db, round_id, lahti)
    assert saved[("strategy", "development_areas")] == "Tavoite puuttuu talousarviosta"


def test_officials_against_politicians_names_the_largest_gaps(page):
    page.municipality.setCurrentIndex(page.municipality.findText("Lahti"))
    page.municipality.activated.emit(page.municipality.currentIndex())
    rows = page.gaps_model.rows()
    assert [r.id for r in rows][:2] == ["strategy", "organisation"]
    marked = [r for r in rows if r.largest]
    assert 1 <= len(marked) <= 3
    assert all(abs(m.gap) >= abs(r.gap) for m in marked for r in rows
               if not r.largest and r.gap is not None)
    assert "largest" in page.gaps_model.index(rows.index(marked[0]), 3).data()
    assert "Virkajohto" in page.gaps_heading.text() and "Poliittinen" in page.gaps_heading.text()
