"""The one door to the database: a single worker thread, and the op helper around it.

All cohort access runs on one worker so the UI thread never waits on a USB stick,
and the SQLite connection is only ever used from one thread at a time. Tests use
an inline executor so every op completes before the next line runs.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class InlineExecutor(Executor):
    """Runs work at once on the calling thread (tests, screenshots)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # delivered to the op's failure path
            future.set_exception(exc)
        return future


class DbDoor(QObject):
    # Emitted from the worker; Qt queues it to the UI thread's event loop.
    _finished = Signal(object, object, object)

    def __init__(self, executor: Executor | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="cohort")
        self.pending = 0
        self._finished.connect(self._deliver)

    def run(self, work: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None) -> None:
        """Run `work` on the worker; call back on the UI thread with its result or error."""
        self.pending += 1
        future = self.executor.submit(work)
        future.add_done_callback(lambda f: self._finished.emit(f, on_success, on_failure))

    def call(self, work: Callable[[], Any]) -> Any:
        """Run quick work (a read of the local working copy) and wait for its result."""
        return self.executor.submit(work).result()

    def _deliver(self, future: Future, on_success, on_failure) -> None:
        self.pending -= 1
        exc = future.exception()
        if exc is None:
            if on_success:
                on_success(future.result())
            return
        if on_failure:
            on_failure(exc)
        else:
            log.error("unhandled op failure: %s", "".join(traceback.format_exception(exc)))

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True)
