"""The one way a user's action reaches the cohort: every write and every export.

`run_op(ctx, work, ...)` runs `work(session)` on the database worker and, back on the
window's thread, does what every action needs in one place:

- a write's `Changes` are announced (`ctx.changed`), so each screen refreshes what it shows;
- what was done is said where the tool speaks ("Card added — Ctrl+Z undoes it.", "Wrote
  …/badges.pdf"), unless the action is as small as a key press (`quiet`);
- a failure is one sentence, in the tool's message line or in a box over `parent`,
  never a traceback;
- then `done(result)` or `failed(exc)`, for what only this action needs (select the new
  row, close a dialog, offer an override).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import message_for, show_error

T = TypeVar("T")
Say = Callable[[str, bool], None]  # (sentence, is_error)


def run_op(ctx: AppContext, work: Callable[[CohortSession], T], *,
           parent: QWidget | None = None, say: QLabel | Say | None = None,
           quiet: bool = False, done: Callable[[T], None] | None = None,
           failed: Callable[[BaseException], None] | None = None) -> None:
    session = ctx.session
    if session is None:
        return
    tell = _sayer(say)

    def succeeded(result: Any) -> None:
        if isinstance(result, Changes) and result.tables:
            ctx.changed.emit(result)
        if tell and not quiet and (sentence := done_sentence(result)):
            tell(sentence, False)
        if done:
            done(result)

    def refused(exc: BaseException) -> None:
        if tell:
            tell(message_for(exc), True)
        else:
            show_error(parent, exc)
        if failed:
            failed(exc)

    ctx.door.run(lambda: work(session), succeeded, refused)


def done_sentence(result: Any) -> str:
    """What the user is told once an action is done: the file it wrote, or the write and
    that it can be taken back."""
    if isinstance(result, Path):
        return _("Wrote {path}").format(path=result)
    if isinstance(result, Changes) and result.tables and result.description:
        return _("{what} — Ctrl+Z undoes it.").format(what=result.description)
    return ""


def _sayer(say: QLabel | Say | None) -> Say | None:
    if isinstance(say, QLabel):
        return lambda text, _is_error: say.setText(text)
    return say
