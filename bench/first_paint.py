"""Baselines for `startup`: child processes that print "painted" at their first paint.

`python -m bench.first_paint bare`: a bare PySide6 QMainWindow.
`python -m bench.first_paint floor`: the same window after loading what the app cannot start
without: qasync (with asyncio), sqlite-utils, and Qt's namespace of flags and roles (`Qt`,
which PySide6 builds on first use): the least any start of this app can cost here.
The app itself is measured with `ilmava-desktop --demo --startup-check`, which prints the
same line once the demo cohort is on screen. The parent times each from process start to
that line, so interpreter start and imports count.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare(imports: tuple[str, ...] = ()) -> None:
    import importlib

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    for name in imports:
        importlib.import_module(name)
    if imports:
        from PySide6.QtCore import Qt

        Qt.AlignmentFlag.AlignLeft  # noqa: B018 (building the namespace is what costs)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                os._exit(0)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    bare(("qasync", "sqlite_utils") if sys.argv[1] == "floor" else ())
