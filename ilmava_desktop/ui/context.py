"""What every screen shares: the open cohort, the door to it, and what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.ui.door import DbDoor


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
