"""The window never waits for the stick: while a save-back is held mid-way (an event the
test sets; nothing sleeps), the window reads, checks people in and takes answers, and
nothing typed meanwhile is lost, whether the save ends well, fails or is closed over.

The window runs as it does for a user: a database worker thread and a save-back thread.
"""

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import FakeClock, open_dialog

from ilmava_desktop.core.attendance import badge_code
from ilmava_desktop.services.demo import create_demo
from ilmava_desktop.storage import cohort_file, queries
from ilmava_desktop.storage.cohort_file import read_only, recoverable
from ilmava_desktop.ui import lifecycle
from ilmava_desktop.ui.door import DbDoor
from ilmava_desktop.ui.main_window import MainWindow
from tests.conftest import clear_attendance

HOLD_LIMIT = 10  # seconds: a hold never released fails the test instead of hanging it
WAIT_MS = 5000


class HeldSave:
    """Once armed, holds each save-back after its snapshot is written, before the swap; may
    fail it."""

    def __init__(self, monkeypatch):
        self.armed = False
        self.started = threading.Event()
        self.release = threading.Event()
        self.ended = threading.Event()
        self.fail = False
        original = cohort_file.replace_atomically

        def held(db, target, before_swap, name=None):
            if not self.armed:
                return original(db, target, before_swap, name=name)

            def wait_then_swap(new):
                self.started.set()
                assert self.release.wait(HOLD_LIMIT), "the held save was never released"
                if self.fail:
                    raise OSError(5, "Input/output error")  # the stick pulled mid-save
                before_swap(new)

            try:
                return original(db, target, wait_then_swap, name=name)
            finally:
                self.ended.set()

        monkeypatch.setattr(cohort_file, "replace_atomically", held)

    def running(self) -> bool:
        return self.started.is_set() and not self.ended.is_set()


@pytest.fixture
def hold(window, monkeypatch):
    held = HeldSave(monkeypatch)
    yield held
    held.release.set()  # a failing test never leaves the save-back thread waiting


@pytest.fixture
def clock(monkeypatch):
    return FakeClock().install(monkeypatch, lifecycle)


@pytest.fixture
def window(qtbot, clock):
    window = MainWindow(DbDoor())  # a worker thread and a save-back thread, as for a user
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    window.ctx.door.shutdown()


@pytest.fixture
def path(tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder / "kevät.ilmava"


def open_demo(window, qtbot, path):
    session = create_demo(path)
    clear_attendance(session)
    session.close()
    window.open_cohort(path)
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=WAIT_MS)


def attendance_page(window):
    window.show_tool(1)
    page = window.tool_stack.currentWidget()
    page.day.setCurrentIndex(0)
    page.day.activated.emit(0)
    return page


def badges(window):
    db = window.ctx.session.db
    cohort = queries.cohort(db)
    return [badge_code(cohort.id, person.token) for person in queries.people(db)]


def scan(qtbot, page, badge):
    qtbot.keyClicks(page.search, badge)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)


def check_in(window, qtbot, page, badge, count: int) -> None:
    """Scan a badge and wait until the window has checked them in and cleared the field."""
    scan(qtbot, page, badge)
    qtbot.waitUntil(lambda: checked_in_in_window(window) == count and not page.search.text(),
                    timeout=WAIT_MS)


def checked_in_in_window(window) -> int:
    return window.ctx.read(lambda s: len(queries.attendance(s.db)))


def checked_in_on_disk(path) -> int:
    db = read_only(path)
    try:
        return db.execute("SELECT count(*) FROM attendance WHERE deleted = 0").fetchone()[0]
    finally:
        db.close()


def start_held_save(window, qtbot, hold) -> None:
    hold.armed = True
    window.lifecycle.save_now()
    assert hold.started.wait(HOLD_LIMIT)


def saved(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.lifecycle.saving, timeout=WAIT_MS)


def test_the_window_reads_checks_in_and_takes_answers_while_a_save_back_runs(
        window, qtbot, path, hold):
    open_demo(window, qtbot, path)
    page = attendance_page(window)
    check_in(window, qtbot, page, badges(window)[0], 1)
    start_held_save(window, qtbot, hold)

    assert checked_in_in_window(window) == 1  # a read of the working copy
    assert hold.running(), "the read waited for the save-back"
    check_in(window, qtbot, page, badges(window)[1], 2)  # a write
    assert hold.running(), "the check-in waited for the save-back"

    window.show_tool(2)  # an answer typed into the sheet grid
    sheet = window.tool_stack.currentWidget()
    sheet.grid.setFocus()
    sheet.grid.selectRow(0)
    statement = sheet.sheet_model.statement_at(0).id
    written = ("SELECT value FROM answer WHERE round_id = ? AND municipality_id = ? AND sheet = ? "
               "AND statement_id = ? AND deleted = 0")
    where = [sheet.round.currentData(), sheet.municipality.currentData(), sheet.sheet.value(),
             statement]
    assert window.ctx.read(lambda s: s.db.execute(written, where).fetchall()) != [(4,)]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)
    assert sheet.sheet_model.values.get(statement) == 4  # shown at once
    qtbot.waitUntil(lambda: window.ctx.read(
        lambda s: s.db.execute(written, where).fetchall()) == [(4,)], timeout=WAIT_MS)
    assert hold.running(), "the answer waited for the save-back"
    hold.release.set()
    saved(window, qtbot)


def test_a_check_in_made_during_a_save_back_is_in_the_file_after_the_next_save(
        window, qtbot, clock, path, hold):
    open_demo(window, qtbot, path)
    page = attendance_page(window)
    check_in(window, qtbot, page, badges(window)[0], 1)
    start_held_save(window, qtbot, hold)
    check_in(window, qtbot, page, badges(window)[1], 2)  # while the file is being written
    assert hold.running()
    hold.release.set()
    saved(window, qtbot)
    assert checked_in_on_disk(path) == 1  # written from the snapshot before the second
    assert window.ctx.session.file.dirty
    assert "Saved at" not in window.status.text()
    clock.advance(3)  # the autosave, at most three seconds on
    saved(window, qtbot)
    qtbot.waitUntil(lambda: "Saved at" in window.status.text(), timeout=WAIT_MS)
    assert checked_in_on_disk(path) == 2
    assert not window.ctx.session.file.dirty


def test_closing_during_a_save_back_waits_for_it_and_loses_nothing(
        window, qtbot, path, hold):
    open_demo(window, qtbot, path)
    page = attendance_page(window)
    check_in(window, qtbot, page, badges(window)[0], 1)
    start_held_save(window, qtbot, hold)
    check_in(window, qtbot, page, badges(window)[1], 2)  # while the file is being written
    assert hold.running()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.ctx.session is not None and hold.running()  # closing waits for it
    hold.release.set()
    qtbot.waitUntil(lambda: window.ctx.session is None, timeout=WAIT_MS)
    assert checked_in_on_disk(path) == 2
    assert recoverable(path) is None
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_failing_save_back_while_check_ins_go_on_keeps_every_one(
        window, qtbot, clock, path, hold):
    open_demo(window, qtbot, path)
    page = attendance_page(window)
    people = badges(window)
    check_in(window, qtbot, page, people[0], 1)
    hold.fail = True
    start_held_save(window, qtbot, hold)
    check_in(window, qtbot, page, people[1], 2)  # while the file is being written
    assert hold.running()
    hold.release.set()
    qtbot.waitUntil(lambda: "Not saved yet" in window.status.text(), timeout=WAIT_MS)
    open_dialog(QMessageBox).accept()  # said once, in a sentence
    page.search.setFocus()
    check_in(window, qtbot, page, people[2], 3)  # the work goes on
    assert recoverable(path) is not None  # a crash now would offer all three
    hold.fail = False  # the stick is back
    clock.advance(30)  # the retry
    qtbot.waitUntil(lambda: "Saved at" in window.status.text(), timeout=WAIT_MS)
    assert checked_in_on_disk(path) == 3
