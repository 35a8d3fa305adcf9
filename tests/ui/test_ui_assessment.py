"""Entering a sheet with the keyboard: 30 key presses, and the results change as they go."""

import json

import pytest
from PySide6.QtCore import Qt

from ilmava_desktop.services import assessment
from ilmava_desktop.ui.ops import run_op


@pytest.fixture
def page(demo_window_at):
    return demo_window_at(2).tool_stack.currentWidget()


def own_scores(page):
    rows = page.panel.results_model.rows()
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
    for row in page.panel.results_model.rows():
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
    rows = page.panel.gaps_model.rows()
    assert [r.id for r in rows][:2] == ["strategy", "organisation"]
    marked = [r for r in rows if r.largest]
    assert 1 <= len(marked) <= 3
    # Only gaps that matter are marked: half a step or more, never a tenth.
    assert all(round(abs(r.gap), 1) >= 0.5 for r in marked)
    assert "0.5 or more" in page.panel.gaps_note.text()
    assert all(abs(m.gap) >= abs(r.gap) for m in marked for r in rows
               if not r.largest and r.gap is not None)
    assert "notable" in page.panel.gaps_model.index(rows.index(marked[0]), 3).data()
    # The rounds by their English names: the window speaks English in the tests.
    assert "Officials" in page.panel.gaps_note.text() and "Politicians" in page.panel.gaps_note.text()


def choose(combo, text):
    combo.setCurrentIndex(combo.findText(text))
    combo.activated.emit(combo.currentIndex())


def test_the_chart_beside_the_table_shows_the_same_scores(page):
    choose(page.municipality, "Lahti")
    shown = page.panel.profile.texts()
    assert "Lahti" in shown  # the legend names the series
    for row in page.panel.results_model.rows():
        assert f"{row.own:.1f}" in shown and f"{row.cohort:.1f}" in shown


def test_the_cohort_distribution_waits_for_three_sheets(page, qtbot):
    run_op(page.ctx, lambda s: assessment.add_round(s, name="Testikierros"), parent=page)
    choose(page.round, "Testikierros")
    page.panel.setCurrentIndex(1)
    page.grid.setFocus()
    for sheet in (1, 2, 3):
        page.sheet.setValue(sheet)
        page.grid.selectRow(0)
        page.grid.setFocus()
        qtbot.keyClick(page.grid, Qt.Key.Key_4)
        qtbot.keyClick(page.grid, Qt.Key.Key_2)
        if sheet < 3:
            assert "3 sheets" in page.panel.distribution_note.text()
            assert page.panel.counts_model.rows() == []
            assert page.panel.distribution.texts() == []
    strategy = page.panel.counts_model.rows()[0]
    assert strategy.counts[4] == 3 and strategy.counts[2] == 3
    assert "3 sheets from 1 municipalities" in page.panel.distribution_note.text()
    assert "3" in page.panel.distribution.texts()  # the count written in its bar


def test_the_projector_follows_the_typing_and_names_no_other_municipality(page, qtbot):
    choose(page.municipality, "Lahti")
    qtbot.keyClick(page.grid, Qt.Key.Key_F5)
    projector = page.projector
    assert projector.isVisible() and "Lahti" in projector.title.text()
    before = projector.profile.texts()
    page.sheet.setValue(7)
    page.grid.setFocus()
    for _key in range(5):
        qtbot.keyClick(page.grid, Qt.Key.Key_5)
    after = projector.profile.texts()
    assert after != before
    others = [page.municipality.itemText(i) for i in range(page.municipality.count())
              if page.municipality.itemText(i) != "Lahti"]
    shown = " ".join([projector.title.text(), projector.subtitle.text(), *after,
                      *projector.distribution.texts()])
    assert not [name for name in others if name in shown]
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isVisible()


def test_any_two_rounds_can_be_compared(page):
    choose(page.municipality, "Lahti")
    first = {r.id: r.gap for r in page.panel.gaps_model.rows()}
    officials, politicians = (page.panel.first_round.currentText(),
                              page.panel.second_round.currentText())
    choose(page.panel.first_round, politicians)
    choose(page.panel.second_round, officials)
    swapped = {r.id: r.gap for r in page.panel.gaps_model.rows()}
    assert swapped == {theme: (-gap if gap is not None else None)
                       for theme, gap in first.items()}
    choose(page.panel.second_round, politicians)
    assert page.panel.gaps_model.rows() == []
    assert "two different rounds" in page.panel.gaps_note.text()


def test_paper_form_from_the_menu_in_swedish(page, tmp_path, qtbot):
    from PySide6.QtWidgets import QFileDialog
    from ui_helpers import open_dialog

    swedish = next(a for a in page.form_button.menu().actions() if a.text() == "På svenska")
    swedish.trigger()
    dialog = open_dialog(QFileDialog)
    target = tmp_path / "blankett.pdf"
    dialog.fileSelected.emit(str(target))
    dialog.reject()
    assert target.read_bytes().startswith(b"%PDF")
    assert "blankett.pdf" in page.message.text()


def test_template_edited_in_the_window_is_used_by_new_rounds_only(page, qtbot, tmp_path):
    from ilmava_desktop.core.assessment import parse_template

    dialog = page.open_template()
    statements = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())
                  if dialog.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "theme"]
    first = statements[0].child(0)
    dialog.tree.setCurrentItem(first, 1)
    dialog.tree.editItem(first, 1)
    editor = dialog.tree.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Valtuusto on sitoutunut hiilineutraaliuteen")
    dialog.tree.setCurrentItem(statements[0])  # moving on keeps what was typed
    dialog.add_statement()
    qtbot.keyClicks(dialog.tree.focusWidget(), "Uusi vaite")
    dialog.tree.setCurrentItem(statements[1])
    dialog.export_file(tmp_path / "pohja")
    exported = parse_template(json.loads((tmp_path / "pohja.json").read_text("utf-8")))
    assert exported.statements[0].text["fi"] == "Valtuusto on sitoutunut hiilineutraaliuteen"
    assert exported.themes[0].statements[-1].id == "strategy.6"
    dialog.save()
    assert not dialog.isVisible()
    db = page.ctx.session.db
    old = assessment.template(db, assessment.rounds(db)[0].template_id)
    assert old.statements[0].text["fi"] != "Valtuusto on sitoutunut hiilineutraaliuteen"
    run_op(page.ctx, lambda s: assessment.add_round(s, name="Kolmas kierros"), parent=page)
    new_round = assessment.find_round(db, "Kolmas kierros")
    assert len(assessment.template(db, new_round.template_id).themes[0].statements) == 6
    choose(page.round, "Kolmas kierros")
    assert page.sheet_model.rowCount() == 31


def test_a_wrong_template_file_is_refused_and_nothing_changes(page, tmp_path):
    dialog = page.open_template()
    before = dialog.data()
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"themes": []}', "utf-8")
    dialog.import_file(wrong)
    assert "not a self-assessment template" in dialog.message.text()
    assert dialog.data() == before
    dialog.reject()


def cohort_scores(page):
    return {r.id: r.cohort for r in page.panel.results_model.rows()}


def show_municipality(page, name):
    page.municipality.setCurrentIndex(page.municipality.findText(name))
    page.municipality.activated.emit(page.municipality.currentIndex())


def test_undoing_an_answer_of_another_municipality_moves_the_cohort_average_back(page, qtbot):
    show_municipality(page, "Kuhmo")
    page.sheet.setValue(9)
    before = cohort_scores(page)
    page.grid.setFocus()
    for _ in range(5):
        qtbot.keyClick(page.grid, Qt.Key.Key_1)
    assert cohort_scores(page)["strategy"] < before["strategy"]
    show_municipality(page, "Lahti")
    page.grid.setFocus()
    for _ in range(5):  # each undo takes back one of Kuhmo's answers, while Lahti is shown
        qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_Z,
                       Qt.KeyboardModifier.ControlModifier)
    assert cohort_scores(page)["strategy"] == pytest.approx(before["strategy"])
    round_id = page.round.currentData()
    truth = assessment.results(page.ctx.session, round_id)["cohort"]
    assert cohort_scores(page)["strategy"] == pytest.approx(truth["strategy"])


def test_every_sheet_an_import_accepts_can_be_opened_in_the_window(page, qtbot):
    page.sheet.setFocus()
    page.sheet.selectAll()
    qtbot.keyClicks(page.window().focusWidget(), "120")
    qtbot.keyClick(page.window().focusWidget(), Qt.Key.Key_Tab)
    assert page.sheet.value() == 120


def test_a_refused_answer_is_shown_at_once_then_taken_back(page, qtbot, monkeypatch):
    from ilmava_desktop.core.rules import RuleViolation

    page.sheet.setValue(4)  # a new, empty sheet
    page.grid.setFocus()
    page.grid.selectRow(0)
    statement = page.sheet_model.statement_at(0).id
    shown = []
    page.sheet_model.dataChanged.connect(
        lambda *_a: shown.append(page.sheet_model.values.get(statement)))

    def refuse(*_args, **_kwargs):
        raise RuleViolation("The round is closed.")

    monkeypatch.setattr(assessment, "record_answer", refuse)
    qtbot.keyClick(page.grid, Qt.Key.Key_3)
    assert shown[0] == 3  # echoed before the worker wrote anything
    assert statement not in page.sheet_model.values  # and taken back when refused
    assert "The round is closed." in page.message.text()


def test_a_new_round_is_named_in_three_languages(page):
    dialog = page.ask_round_name()
    assert not dialog.ok.isEnabled()  # the Finnish name is needed
    dialog.name_fi.setText("Valtuusto, lokakuu 2026")
    dialog.name_sv.setText("Fullmäktige, oktober 2026")
    dialog.name_en.setText("Council, October 2026")
    dialog.ok.click()
    found = assessment.find_round(page.ctx.session.db, "Fullmäktige, oktober 2026")
    assert found.name_in("en") == "Council, October 2026"
    # The window speaks English in the tests: its round list uses the English names.
    assert page.round.findText("Council, October 2026") >= 0


def test_the_scale_hint_names_a_key_of_the_windows_language(page):
    """The E of "En osaa sanoa" is a Finnish key: the English and Swedish hints say 0."""
    hint = page.scale.text()
    assert "0\u00a0Don't\u00a0know" in hint and "0/E" not in hint  # one key, one line


def test_on_a_laptop_the_comparison_chart_is_whole_and_scrolls_above_its_table(page):
    """At 1366×768 the chart was squeezed and cut at its fifth theme, the table a row and a
    half: now the chart keeps its height in a scroll area, the table shows several rows."""
    from PySide6.QtWidgets import QApplication

    window = page.window()
    window.resize(1366, 768)
    page.panel.setCurrentIndex(2)
    QApplication.processEvents()
    chart, table = page.panel.comparison, page.panel.gaps
    assert chart.height() >= int(chart.drawing().height)
    assert table.viewport().height() >= 3 * table.rowHeight(0)


def test_on_a_small_slide_the_projectors_charts_are_drawn_whole(page, qtbot):
    """A 1024×600 slide is lower than the six themes' bars and their axis: the charts are
    drawn smaller to fit, never cut at the bottom (the Finnish one lost its last theme)."""
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(page.grid, Qt.Key.Key_F5)
    projector = page.projector
    projector.showNormal()
    projector.resize(1024, 600)
    QApplication.processEvents()
    for chart in (projector.profile, projector.distribution):
        drawing = chart.drawing()
        assert drawing.height * chart.fit_scale() <= chart.height() + 0.5
    projector.close()


def test_the_finnish_scale_hint_keeps_0_slash_e_together(page):
    """In Finnish the hint is "0/E En osaa sanoa": never broken after the slash."""
    from ilmava_desktop.i18n import set_language

    set_language("fi")
    try:
        page.show_municipality([], keep_row=False)
        assert "0\u2060/\u2060E\u00a0" in page.scale.text()
    finally:
        set_language("en")
