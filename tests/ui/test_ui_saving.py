"""Saving back as the facilitator meets it: steady work, a pulled stick, a file changed
elsewhere, a person erased. Time is a fake clock the test moves on; nothing sleeps."""

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui_helpers import FakeClock, click_button, open_dialog

from ilmava_desktop.core.attendance import badge_code
from ilmava_desktop.services.demo import create_demo
from ilmava_desktop.storage import backups, locks, queries
from ilmava_desktop.storage.cohort_file import read_only, recoverable
from ilmava_desktop.ui import lifecycle
from ilmava_desktop.ui.door import DbDoor, InlineExecutor
from ilmava_desktop.ui.main_window import MainWindow
from tests.conftest import clear_attendance


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


@pytest.fixture
def stick(tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def open_demo(window, path, empty_door=False):
    session = create_demo(path)
    if empty_door:
        clear_attendance(session)
    session.close()
    window.open_cohort(path)


def any_open(kind=QMessageBox):
    try:
        return open_dialog(kind) is not None
    except AssertionError:
        return False


def on_disk(path, sql):
    db = read_only(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.conn.close()


def type_wicked_problem(window, qtbot, row, text):
    """The facilitator types a municipality's wicked problem and moves on (which saves it)."""
    page = window.tools[0][1]
    page.select(page.model.rows()[row].id)
    field = page.details.problem
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    page.table.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def problems_on_disk(path):
    return {row[0] for row in on_disk(path, "SELECT wicked_problem FROM municipality")}


# -- item 2: steady work --------------------------------------------------------------


def test_steady_check_ins_are_written_back_and_backed_up_while_they_go_on(window, qtbot,
                                                                          clock, stick):
    path = stick / "kevät.ilmava"
    open_demo(window, path, empty_door=True)
    window.show_tool(1)
    page = window.tool_stack.currentWidget()
    page.day.setCurrentIndex(0)
    page.day.activated.emit(0)
    newest = backups.list_backups(path)[-1]
    long_ago = newest.stat().st_mtime - 20 * 60  # the last backup is 20 minutes old
    os.utime(newest, (long_ago, long_ago))
    made_before = len(backups.list_backups(path))
    db = window.ctx.session.db
    cohort = queries.cohort(db)
    first_of_each = {}
    for person in queries.people(db):
        first_of_each.setdefault(person.municipality_id, person)
    page.search.setFocus()
    for person in first_of_each.values():  # a badge scanned every second, for 15 seconds
        qtbot.keyClicks(page.search, badge_code(cohort.id, person.token))
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        clock.advance(1)
    checked_in = len(first_of_each)
    assert len(queries.attendance(db)) == checked_in
    # Whatever follows, a check-in is on the stick within five seconds of being made.
    saved = on_disk(path, "SELECT count(*) FROM attendance WHERE deleted = 0")[0][0]
    assert saved >= checked_in - 5
    assert len(backups.list_backups(path)) > made_before  # the timed backup was made too


# -- item 11: a failed close, then "Keep it open" -------------------------------------


def test_keeping_the_cohort_open_after_a_failed_close_keeps_a_working_session(
        window, qtbot, stick, tmp_path):
    path = stick / "kevät.ilmava"
    open_demo(window, path)
    type_wicked_problem(window, qtbot, 0, "Ennen irrotusta")
    stick.rename(tmp_path / "irti")  # the stick is pulled
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    box = open_dialog(QMessageBox)
    assert "Close anyway?" in box.text()
    click_button(qtbot, box, "Keep it open")
    assert window.ctx.session is not None
    assert window.screens.currentWidget() is not window.start_page
    (tmp_path / "irti").rename(stick)  # and put back
    type_wicked_problem(window, qtbot, 1, "Takaisin kiinni")
    assert not any_open()  # the edit went in like any other
    assert locks.read(path).pid == os.getpid()  # the lock is still this window's
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.ctx.session is None and not any_open()
    assert {"Ennen irrotusta", "Takaisin kiinni"} <= problems_on_disk(path)
    assert not locks.lock_path(path).exists()


# -- item 12: a file changed elsewhere ------------------------------------------------


def test_a_file_changed_elsewhere_is_asked_about_once_and_stays_on_the_status_line(
        window, qtbot, clock, stick):
    path = stick / "kevät.ilmava"
    open_demo(window, path)
    type_wicked_problem(window, qtbot, 0, "Ensin")
    with path.open("ab") as f:  # another laptop's sync client rewrote the file meanwhile
        f.write(b"\0" * 4096)
    theirs = path.read_bytes()
    clock.advance(5)
    box = open_dialog(QMessageBox)
    assert "changed by someone else" in box.text()
    click_button(qtbot, box, "Later")
    for row, text in enumerate(("Toinen", "Kolmas", "Sitten"), start=1):
        type_wicked_problem(window, qtbot, row, text)
        clock.advance(5)
        assert not any_open(), "asked again"
        assert "changed elsewhere" in window.status.text()
        assert "Ctrl+Shift+S" in window.status.text()
    assert path.read_bytes() == theirs  # never overwritten

    # Saving a copy resolves it: the work goes on in the copy, saved there from now on.
    press(qtbot, Qt.Key.Key_S,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = open_dialog(QFileDialog)
    copy = stick / "kevät (minun).ilmava"
    dialog.fileSelected.emit(str(copy))
    dialog.reject()
    assert "working in it" in window.status.text()
    assert window.ctx.session.path == copy
    type_wicked_problem(window, qtbot, 4, "Viides")
    clock.advance(5)
    assert not any_open()
    assert "Saved at" in window.status.text()
    assert {"Ensin", "Toinen", "Kolmas", "Sitten", "Viides"} <= problems_on_disk(copy)
    assert path.read_bytes() == theirs
    assert recoverable(path) is None  # nothing is left behind as unsaved work


def test_a_copy_over_the_cohorts_own_file_is_refused(window, qtbot, clock, stick):
    path = stick / "kevät.ilmava"
    open_demo(window, path)
    type_wicked_problem(window, qtbot, 0, "Ensin")
    with path.open("ab") as f:
        f.write(b"\0" * 4096)
    theirs = path.read_bytes()
    clock.advance(5)
    click_button(qtbot, open_dialog(QMessageBox), "Save as a copy…")
    dialog = open_dialog(QFileDialog)
    dialog.fileSelected.emit(str(path))
    dialog.reject()
    box = open_dialog(QMessageBox)
    assert "another name" in box.text()
    box.accept()
    assert path.read_bytes() == theirs and window.ctx.session.path == path
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    click_button(qtbot, open_dialog(QMessageBox), "Close anyway")
    assert window.ctx.session is None and recoverable(path) is not None


# -- item 14: a deleted person in the backups -----------------------------------------


def test_deleting_a_person_offers_to_erase_them_from_the_backups(window, qtbot, stick):
    path = stick / "kevät.ilmava"
    open_demo(window, path)  # opening made a backup holding everyone
    page = window.tools[0][1]
    page.people.table.setFocus()
    page.people.table.selectRow(0)
    person = queries.person(window.ctx.session.db, page.people.selected_id())
    assert any(person.email.encode() in b.read_bytes() for b in backups.list_backups(path))
    press(qtbot, Qt.Key.Key_Delete)
    click_button(qtbot, open_dialog(QMessageBox), "Delete")
    box = open_dialog(QMessageBox)
    assert "1 backup of this cohort" in box.text() and person.name in box.text()
    click_button(qtbot, box, "Erase from the backups")
    assert not any(person.email.encode() in b.read_bytes() or person.name.encode()
                   in b.read_bytes() for b in backups.list_backups(path))
    assert "erased from 1 backup" in window.status.text()


def test_keeping_the_backups_leaves_them_to_age_out(window, qtbot, stick):
    path = stick / "kevät.ilmava"
    open_demo(window, path)
    page = window.tools[0][1]
    page.people.table.setFocus()
    page.people.table.selectRow(0)
    person = queries.person(window.ctx.session.db, page.people.selected_id())
    press(qtbot, Qt.Key.Key_Delete)
    click_button(qtbot, open_dialog(QMessageBox), "Delete")
    click_button(qtbot, open_dialog(QMessageBox), "Keep the backups")
    assert any(person.email.encode() in b.read_bytes() for b in backups.list_backups(path))




def test_removing_a_municipality_offers_to_erase_its_people_from_the_backups(window, qtbot,
                                                                            stick):
    path = stick / "kevät.ilmava"
    open_demo(window, path)
    page = window.tools[0][1]
    page.select(next(r.id for r in page.model.rows() if r.people))
    emails = [p.email for p in queries.people(window.ctx.session.db, page.current_id())]
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    click_button(qtbot, open_dialog(QMessageBox), "Remove")
    box = open_dialog(QMessageBox)
    assert "1 backup of this cohort" in box.text() and "people" in box.text()
    click_button(qtbot, box, "Erase from the backups")
    assert not any(email.encode() in b.read_bytes()
                   for email in emails for b in backups.list_backups(path))
    assert "erased from 1 backup" in window.status.text()
