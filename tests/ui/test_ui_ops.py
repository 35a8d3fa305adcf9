"""The one way an action reaches the cohort: announced, said, refused in one sentence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import board
from ilmava_desktop.ui.ops import run_op


def test_a_write_is_announced_said_and_then_done(demo_window_at, qtbot):
    window = demo_window_at(0)
    label, announced, done = QLabel(), [], []
    qtbot.addWidget(label)
    window.ctx.changed.connect(announced.append)
    run_op(window.ctx, lambda s: board.add_card(s, municipality_id=None, kind="idea",
                                                text="Yhteinen hankintakalenteri"),
           say=label, done=done.append)
    assert announced and announced[0].touches("card")
    assert label.text() == "Add a card — Ctrl+Z undoes it."
    assert done == announced


def test_an_export_says_the_file_and_a_quiet_write_says_nothing(demo_window_at, qtbot, tmp_path):
    window = demo_window_at(0)
    said: list[tuple[str, bool]] = []
    run_op(window.ctx, lambda s: tmp_path / "x.pdf", say=lambda text, error: said.append(
        (text, error)))
    assert said == [(f"Wrote {Path(tmp_path / 'x.pdf')}", False)]
    run_op(window.ctx, lambda s: board.add_card(s, municipality_id=None, kind="idea",
                                                text="Hiljaa"), say=lambda *a: said.append(a),
           quiet=True)
    assert len(said) == 1


def test_a_refusal_is_one_sentence_in_the_tool_and_then_failed(demo_window_at, qtbot):
    window = demo_window_at(0)
    said, failures = [], []

    def refuse(_session):
        raise RuleViolation("A card needs some text.")

    run_op(window.ctx, refuse, say=lambda text, error: said.append((text, error)),
           failed=failures.append)
    assert said == [("A card needs some text.", True)]
    assert isinstance(failures[0], RuleViolation)
