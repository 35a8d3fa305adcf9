"""Shared test set-up.

Qt renders offscreen: tests run on machines with no display (CI, a laptop over
SSH), and offscreen rendering draws the same pixels without opening windows.
It must be set before any Qt module is imported, hence here at the top.
"""

from __future__ import annotations

import os
import socket
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ilmava_desktop.i18n import current_language, set_language  # noqa: E402


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """The app never opens a network connection; any attempt fails the test."""

    def refuse(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"network connection attempted to {address!r}")
        return original_connect(self, address, *args, **kwargs)

    original_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: (_ for _ in ()).throw(
        NetworkUsed(f"name lookup attempted: {a!r}")))


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test gets its own app-data folder: working copies, backups, device id."""
    folder = tmp_path / "appdata"
    monkeypatch.setenv("ILMAVA_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; tests of the catalogues choose their language."""
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def _close_top_level_windows() -> None:
    if "PySide6.QtWidgets" not in sys.modules:
        return  # a Qt-free test: keep it that way
    from PySide6.QtWidgets import QApplication, QMessageBox

    for _round in range(3):  # closing a box may let its window close, and so on
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                if isinstance(widget, QMessageBox):
                    # "Close anyway" where a closing window asks (its save failed on purpose
                    # in the test): keeping it open would only ask again.
                    leave = [b for b in widget.buttons()
                             if widget.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
                    leave[0].click() if leave else widget.reject()
                widget.close()


@pytest.fixture(autouse=True)
def close_leftover_windows():
    """A dialog left open by one window test must not answer for the next one.

    Closed before the test too: some pytest-qt versions close a test's widgets after every
    fixture has been torn down, and a window that asks something as it closes (a save that
    failed) leaves its question for the next test.
    """
    _close_top_level_windows()
    yield
    _close_top_level_windows()


@pytest.fixture
def cohort_path(tmp_path):
    return tmp_path / "cohort" / "kevät.ilmava"


@pytest.fixture
def session(cohort_path):
    from ilmava_desktop.services.cohort.create import create_cohort

    cohort_path.parent.mkdir(parents=True, exist_ok=True)
    session = create_cohort(cohort_path, "Test cohort", year=2026)
    yield session
    try:
        session.close(save=False)
    except Exception:
        pass


@pytest.fixture
def demo(tmp_path):
    from ilmava_desktop.services.demo import create_demo

    session = create_demo(tmp_path / "demo.ilmava")
    yield session
    try:
        session.close(save=False)
    except Exception:
        pass


def clear_attendance(session) -> None:
    """Undo the demo's check-ins, for tests that start from an empty door."""
    from ilmava_desktop.storage import queries

    session.write("clear", lambda tx: [tx.tombstone("attendance", row["id"])
                                        for row in queries.attendance(session.db)])


@pytest.fixture
def empty_demo(demo):
    clear_attendance(demo)
    return demo


@pytest.fixture
def demo_window_at(qtbot, tmp_path):
    """Opens a window on a fresh copy of the demo, showing tool N (with an empty door if asked)."""
    windows = []

    def open_at(tool: int, empty_door: bool = False):
        from ilmava_desktop.services.demo import create_demo
        from ilmava_desktop.ui.door import DbDoor, InlineExecutor
        from ilmava_desktop.ui.main_window import MainWindow

        window = MainWindow(DbDoor(InlineExecutor()))
        qtbot.addWidget(window)
        window.show()
        path = tmp_path / f"demo-window-{len(windows)}.ilmava"
        session = create_demo(path)
        if empty_door:
            clear_attendance(session)
        session.close()
        window.open_cohort(path)
        window.show_tool(tool)
        windows.append(window)
        return window

    yield open_at
    for window in windows:
        window.close()
