"""What every screen shares: the open cohort, the door to it, and what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ilmava_desktop.services.session import Changes, CohortSession
from ilmava_desktop.ui.door import DbDoor
from ilmava_desktop.ui.feedback import show_error


class AppContext(QObject):
    cohort_opened = Signal()
    cohort_closed = Signal()
    # Every write's Changes; each screen refreshes itself if it shows those tables.
    changed = Signal(object)
    # A sentence for the status line about something done that changed no table.
    notice = Signal(str)

    def __init__(self, door: DbDoor, parent: QObject | None = None):
        super().__init__(parent)
        self.door = door
        self.session: CohortSession | None = None

    def read(self, query: Callable[[CohortSession], Any]) -> Any:
        session = self.session
        return self.door.call(lambda: query(session))

    def write(self, parent: QWidget | None, work: Callable[[CohortSession], Changes],
              on_done: Callable[[Changes], None] | None = None) -> None:
        """The op helper: run a service on the worker, one error path, then announce it."""
        session = self.session
        if session is None:
            return

        def succeeded(changes: Changes) -> None:
            if changes.tables:
                self.changed.emit(changes)
            if on_done:
                on_done(changes)

        self.door.run(lambda: work(session), succeeded, lambda exc: show_error(parent, exc))
