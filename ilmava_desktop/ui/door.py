"""The one door to the database: a single worker thread, and the op helper around it.

All cohort access runs on one worker, so the SQLite connection is only ever used from
one thread at a time. Saving back to the user's file (a USB stick, a synced folder)
runs apart, on a thread of its own that reads the working copy through its own
connection: a slow stick never holds the worker, so the window's reads and writes
never wait behind it. Tests use an inline executor so every op completes before the
next line runs (and saves with it, unless a test gives saving a thread of its own).
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

    def __init__(self, executor: Executor | None = None, parent: QObject | None = None,
                 saver: Executor | None = None):
        super().__init__(parent)
        self.executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="cohort")
        if saver is None:
            saver = (InlineExecutor() if isinstance(self.executor, InlineExecutor)
                     else ThreadPoolExecutor(max_workers=1, thread_name_prefix="save-back"))
        # One thread: one save-back at a time, in the order asked.
        self.saver = saver
        self.pending = 0
        self._finished.connect(self._deliver)

    def run(self, work: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None) -> None:
        """Run `work` on the worker; call back on the UI thread with its result or error."""
        self._submit(self.executor, work, on_success, on_failure)

    def run_save(self, save: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None) -> None:
        """Run a save-back on its own thread, beside the worker; call back like `run`.

        `save` must not touch the worker's connection (CohortSession.save reads the
        working copy through a connection of its own)."""
        self._submit(self.saver, save, on_success, on_failure)

    def _submit(self, executor: Executor, work, on_success, on_failure) -> None:
        self.pending += 1
        future = executor.submit(work)
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
        self.saver.shutdown(wait=True)
        self.executor.shutdown(wait=True)
