"""The window offers a crashed session's work, and says where it was when the stick came
back under another drive letter."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox
from ui_helpers import click_button, message_text, open_dialog

from ilmava_desktop.core.dates import format_moment
from ilmava_desktop.services.cohort.create import create_cohort
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.ui.door import DbDoor, InlineExecutor
from ilmava_desktop.ui.main_window import MainWindow


def test_work_left_on_another_drive_letter_is_offered_with_where_it_was(qtbot, tmp_path):
    on_e = tmp_path / "E" / "kevät.ilmava"
    on_e.parent.mkdir()
    create_cohort(on_e, "Kevät").close()
    session = CohortSession.open(on_e)
    add_municipality(session, "398")
    session.db.close()  # the laptop crashed: nothing saved back
    os.replace(tmp_path / "E", tmp_path / "F")
    on_f = tmp_path / "F" / "kevät.ilmava"

    window = MainWindow(DbDoor(InlineExecutor()))
    qtbot.addWidget(window)
    window.show()
    window.open_cohort(on_f)
    question = message_text()
    assert question.startswith("kevät.ilmava has changes that were not saved")
    assert f"It was last opened from {on_e}" in question
    click_button(qtbot, open_dialog(QMessageBox), "Recover the changes")
    assert window.ctx.session is not None and window.ctx.session.path == on_f
    assert [m.code for m in window.ctx.read(
        lambda s: __import__("ilmava_desktop.services.municipalities",
                             fromlist=["x"]).municipalities(s.db))] == ["398"]
    window.close()


def test_moments_read_as_day_and_time():
    assert format_moment("2026-11-28T08:05:00") == "28 Nov 2026 8:05"
    assert format_moment("") == "" and format_moment("eilen") == ""
