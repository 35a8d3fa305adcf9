"""Windows and dialogs open as the user left them, and never larger than the screen."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog

from ilmava_desktop.services import preferences
from ilmava_desktop.ui import geometry
from ilmava_desktop.ui.door import DbDoor, InlineExecutor
from ilmava_desktop.ui.main_window import MainWindow


def test_a_window_larger_than_the_screen_is_fitted_to_it(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry()
    geometry.fit(dialog, QSize(room.width() + 500, room.height() + 300))
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    geometry.fit(dialog, QSize(400, 300))
    assert (dialog.width(), dialog.height()) == (400, 300)


def test_a_dialog_opens_at_the_size_it_was_closed_at(qtbot):
    first = QDialog()
    qtbot.addWidget(first)
    first.resize(420, 310)
    geometry.keep_dialog_geometry(first, "test-dialog")
    first.show()
    first.resize(520, 360)
    first.reject()
    assert preferences.geometry("test-dialog")
    again = QDialog()
    qtbot.addWidget(again)
    again.resize(420, 310)
    geometry.keep_dialog_geometry(again, "test-dialog")
    assert (again.width(), again.height()) == (520, 360)


def test_the_main_window_is_remembered_when_it_closes(qtbot):
    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    window.fit_to_screen()
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    window.show()
    window.resize(700, 520)
    window.close()
    again = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(again)
    again.fit_to_screen()
    assert (again.width(), again.height()) == (700, 520)
