"""Telling the user what happened: one sentence, never a traceback."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ilmava_desktop.i18n import _
from ilmava_desktop.services.preferences import error_log
from ilmava_desktop.ui.widgets import say_ok


def expected_errors() -> tuple[type[BaseException], ...]:
    """The faults whose own sentence is told to the user as it is."""
    # Imported here: the window's first frame does not need the cohort's modules.
    from ilmava_desktop.core.import_rows import UnusableFile
    from ilmava_desktop.core.rules import RuleViolation
    from ilmava_desktop.services.cohort.opening import CohortFileError, SaveError

    return (RuleViolation, CohortFileError, SaveError, UnusableFile)


def message_for(exc: BaseException) -> str:
    if isinstance(exc, expected_errors()):
        return str(exc)
    _log_unexpected(exc)
    return _("Something went wrong, and it was not saved. Everything saved before is safe; "
             "the details are in the app's log file.")


def _log_unexpected(exc: BaseException) -> None:
    try:
        handler = logging.FileHandler(error_log(), encoding="utf-8")
        logger = logging.getLogger("ilmava_desktop.errors")
        logger.addHandler(handler)
        logger.error("".join(traceback.format_exception(exc)))
        logger.removeHandler(handler)
        handler.close()
    except OSError:
        pass


def show_error(parent: QWidget | None, exc_or_text: BaseException | str) -> QMessageBox:
    text = exc_or_text if isinstance(exc_or_text, str) else message_for(exc_or_text)
    box = QMessageBox(QMessageBox.Icon.Warning, _("ILMAVA Desktop"), text,
                      QMessageBox.StandardButton.Ok, parent)
    say_ok(box.button(QMessageBox.StandardButton.Ok))
    box.setAccessibleName(_("Error message"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def ask(parent: QWidget | None, text: str, buttons: list[tuple[str, QMessageBox.ButtonRole]],
        on_answer: Callable[[int], None], icon=QMessageBox.Icon.Question) -> QMessageBox:
    """A non-blocking question (open(), not exec()): calls back with the chosen button's index.

    Closing the box without choosing (Esc) counts as the reject button, the safe answer.
    """
    box = QMessageBox(icon, _("ILMAVA Desktop"), text, QMessageBox.StandardButton.NoButton, parent)
    made = [box.addButton(label, role) for label, role in buttons]
    box.setDefaultButton(made[0])
    roles = [role for _label, role in buttons]
    dismissed = (roles.index(QMessageBox.ButtonRole.RejectRole)
                 if QMessageBox.ButtonRole.RejectRole in roles else len(made) - 1)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        on_answer(made.index(clicked) if clicked in made else dismissed)

    box.finished.connect(answered)
    box.open()
    return box
