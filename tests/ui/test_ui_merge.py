"""Merging in the window: File → Merge a copy…, and merging first when the cohort's file was
changed elsewhere. Time is a fake clock the test moves on; nothing sleeps."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui_helpers import FakeClock, click_button, open_dialog

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.demo import create_demo
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.cohort_file import read_only
from ilmava_desktop.ui import lifecycle
from ilmava_desktop.ui.door import DbDoor, InlineExecutor
from ilmava_desktop.ui.main_window import MainWindow
from ilmava_desktop.ui.merge_dialog import MergeDialog


@pytest.fixture
def clock(monkeypatch):
    return FakeClock().install(monkeypatch, lifecycle)


@pytest.fixture
def window(qtbot, clock):
    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def edit_elsewhere(path, code: str, text: str) -> None:
    """Another laptop writes a municipality's wicked problem into its copy."""
    session = CohortSession.open(path)
    m_id = queries.municipality_by_code(session.db, code).id
    session.write("x", lambda tx: tx.update("municipality", m_id, {"wicked_problem": text}))
    session.close()


def type_wicked_problem(window, qtbot, row, text):
    page = window.tools[0][1]
    page.select(page.model.rows()[row].id)
    field = page.details.problem
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    page.table.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())


def problems(path):
    db = read_only(path)
    try:
        return dict(db.execute("SELECT code, wicked_problem FROM municipality").fetchall())
    finally:
        db.conn.close()


def test_merging_a_copy_shows_the_result_first_then_writes_it_as_one_undo_step(
        window, qtbot, tmp_path):
    path, copy = tmp_path / "kevät.ilmava", tmp_path / "kevät (ovi).ilmava"
    create_demo(path).close()
    shutil.copy(path, copy)
    edit_elsewhere(copy, "638", "Ovella kirjoitettu")
    window.open_cohort(path)
    before = problems(path)["638"]

    window.actions["merge"].trigger()
    chooser = open_dialog(QFileDialog)
    chooser.fileSelected.emit(str(copy))
    chooser.reject()
    dialog = open_dialog(MergeDialog)
    assert "0 added, 1 changed, 0 deleted, 0 in conflict" in dialog.heading.text()
    table = dialog.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(5)] == [
        "Municipalities & people", "0", "1", "0", "0"]
    # And what it is that changes, in words.
    assert [dialog.changes.item(i).text() for i in range(dialog.changes.count())] == [
        "Municipality “Porvoo”: wicked problem changed"]
    m_id = window.ctx.read(lambda s: queries.municipality_by_code(s.db, "638").id)
    assert window.ctx.read(lambda s: queries.municipality(s.db, m_id).wicked_problem) == before

    click_button(qtbot, dialog, "Merge")
    assert window.ctx.read(lambda s: queries.municipality(s.db, m_id).wicked_problem) == (
        "Ovella kirjoitettu")
    assert "Merged kevät (ovi).ilmava" in window.status.text()
    assert window.actions["undo"].text() == "&Undo: Merge kevät (ovi).ilmava"
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.ctx.read(lambda s: queries.municipality(s.db, m_id).wicked_problem) == before


def test_merging_another_cohort_is_refused_with_the_reason(window, qtbot, tmp_path):
    path, other = tmp_path / "kevät.ilmava", tmp_path / "syksy.ilmava"
    create_demo(path).close()
    from ilmava_desktop.services.cohort.create import create_cohort

    create_cohort(other, "Syksy 2026").close()
    window.open_cohort(path)
    window.actions["merge"].trigger()
    chooser = open_dialog(QFileDialog)
    chooser.fileSelected.emit(str(other))
    chooser.reject()
    box = open_dialog(QMessageBox)
    assert "another cohort" in box.text() and "Syksy 2026" in box.text()
    box.accept()


def test_a_file_changed_elsewhere_is_merged_in_first_then_saved_over(window, qtbot, clock,
                                                                     tmp_path):
    path, elsewhere = tmp_path / "kevät.ilmava", tmp_path / "toinen kone.ilmava"
    create_demo(path).close()
    shutil.copy(path, elsewhere)
    window.open_cohort(path)
    type_wicked_problem(window, qtbot, 0, "Tassa kirjoitettu")
    mine = window.ctx.read(lambda s: queries.municipalities(s.db)[0].code)
    # Another laptop saved its version over the file meanwhile (a sync client, a stick).
    edit_elsewhere(elsewhere, "638", "Toisella koneella")
    shutil.copy(elsewhere, path)
    clock.advance(5)

    box = open_dialog(QMessageBox)
    assert "changed by someone else" in box.text()
    buttons = [b.text().replace("&", "") for b in box.buttons()]
    assert buttons.index("Merge it in…") < buttons.index("Save as a copy…")
    assert box.defaultButton().text().replace("&", "") == "Merge it in…"
    click_button(qtbot, box, "Merge it in…")
    dialog = open_dialog(MergeDialog)
    assert "saved elsewhere meanwhile" in dialog.heading.text()
    click_button(qtbot, dialog, "Merge")
    clock.advance(5)
    assert "Saved at" in window.status.text()
    on_disk = problems(path)
    assert on_disk[mine].endswith("Tassa kirjoitettu") and on_disk["638"] == "Toisella koneella"
