"""Exporting many reports while the window stays responsive.

The plain data of every report is read first, through the one door to the cohort; each PDF
is then rendered and written on a worker thread, one after the other, so a cancel takes
effect between two reports and the window keeps painting while reportlab works.
"""

from __future__ import annotations

import sys
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ilmava_desktop.services.reports import export as report_export

RENDERING_SWITCH_INTERVAL = 0.001  # seconds


class ReportBatch(QObject):
    progress = Signal(int, int, str)    # done, total, the file just written
    finished = Signal(list, bool)       # the files written, cancelled or not
    failed = Signal(str)
    _rendered = Signal(object)          # a worker's future, queued to the UI thread

    def __init__(self, jobs: list[report_export.ReportJob], executor: Executor | None = None,
                 parent: QObject | None = None):
        """`jobs`: the reports' data, already read, and their files."""
        super().__init__(parent)
        self.jobs = jobs
        self.own_executor = executor is None
        self.executor = executor or ThreadPoolExecutor(max_workers=1,
                                                       thread_name_prefix="reports")
        self.written: list[Path] = []
        self.cancelled = False
        self.running = False
        self._rendered.connect(self._on_rendered)

    def start(self) -> None:
        self.running = True
        # reportlab is Python through and through, so the worker holds the interpreter lock
        # for Python's whole switch interval (5 ms) at a time, and painting one frame needs
        # the lock back many times: frames came 35 ms apart. A 1 ms interval while reports
        # render keeps them under 10 ms; the default returns with the last report.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, RENDERING_SWITCH_INTERVAL))
        self._next()

    def cancel(self) -> None:
        self.cancelled = True

    def _next(self) -> None:
        index = len(self.written)
        if self.cancelled or index >= len(self.jobs):
            self._stop_running()
            if self.own_executor:
                self.executor.shutdown(wait=False)
            self.finished.emit(list(self.written), self.cancelled)
            return
        future = self.executor.submit(_render_and_write, self.jobs[index])
        future.add_done_callback(self._rendered.emit)

    def _stop_running(self) -> None:
        self.running = False
        sys.setswitchinterval(self._switch_interval)

    def _on_rendered(self, future: Future) -> None:
        exc = future.exception()
        if exc is not None:
            self._stop_running()
            from ilmava_desktop.ui.feedback import message_for

            self.failed.emit(message_for(exc))
            return
        self.written.append(future.result())
        self.progress.emit(len(self.written), len(self.jobs), str(future.result()))
        self._next()


def _render_and_write(job: report_export.ReportJob) -> Path:
    return report_export.write_job(job)
