"""After people are deleted: offer to erase them from this laptop's backups of the cohort too."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.services.municipalities import people
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import ask
from ilmava_desktop.ui.ops import run_op


def offer_backup_erasure(parent: QWidget, ctx: AppContext, person_ids: list[str],
                         question: Callable[[int], str], done: Callable[[int], str]) -> None:
    """Ask (only if a backup still holds them); `question` and `done` word it for n backups.

    The deletion itself can be undone until the cohort is closed; erasing from the backups
    cannot, so it is asked apart, and "keep" leaves the backups to age out in two weeks.
    """
    if not person_ids:
        return
    held = ctx.read(lambda s: people.backups_holding(s, *person_ids))
    if not held:
        return
    ask(parent, question(held),
        [(_("Erase from the backups"), QMessageBox.ButtonRole.AcceptRole),
         (_("Keep the backups"), QMessageBox.ButtonRole.RejectRole)],
        lambda answer: answer == 0 and run_op(
            ctx, lambda s: people.erase_from_backups(s, *person_ids), parent=parent,
            done=lambda count: ctx.notice.emit(done(count))))
