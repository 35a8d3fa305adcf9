"""Writes the tools start from a button or a key, said in the tool's message line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from ilmava_desktop.i18n import _
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import message_for


def write_and_say(ctx: AppContext, message: QLabel, work: Callable) -> None:
    """Run `work(session)` through the door; say what was done and that Ctrl+Z takes it
    back, or say in one sentence why nothing was written."""
    def written(changes) -> None:
        message.setText(_("{what} — Ctrl+Z undoes it.").format(what=changes.description))
        ctx.changed.emit(changes)

    ctx.door.run(lambda: work(ctx.session), written,
                 lambda exc: message.setText(message_for(exc)))
