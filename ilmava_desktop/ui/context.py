"""What every screen shares: the open cohort, the door to it, and what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ilmava_desktop.ui.door import DbDoor

if TYPE_CHECKING:  # the sessions' modules load while the first frame is already on screen
    from ilmava_desktop.services.cohort.session import CohortSession

log = logging.getLogger(__name__)


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
        """A quick read of the working copy, waited for: only where nothing long (an
        export, an import) can be holding the worker, or where the answer is needed now."""
        session = self.session
        return self.door.call(lambda: query(session))

    def read_then(self, query: Callable[[CohortSession], Any],
                  then: Callable[[Any], None]) -> None:
        """Read on the worker without waiting for it; `then(result)` on the window's
        thread, unless the cohort was closed or replaced meanwhile."""
        session = self.session
        if session is None:
            return

        def arrived(result: Any) -> None:
            if self.session is session:
                then(result)

        def failed(exc: BaseException) -> None:
            if self.session is session:  # a closed cohort's read failing is expected
                log.warning("a read of the cohort failed: %s", exc)

        self.door.run(lambda: query(session), arrived, failed)
