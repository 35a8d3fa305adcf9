"""A child process that exits at the first paint that shows what is measured.

`python -m bench.first_paint app`: the real `ilmava-desktop --demo` start-up path
(ilmava_desktop.app.main), until its main window paints with the demo cohort open.
`python -m bench.first_paint bare`: a bare PySide6 QMainWindow until its first paint.
The parent times the whole process, so interpreter start and imports count.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _watch_paints(app, shown) -> None:
    """Exit at the first paint event after which `shown()` is true."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and shown(watched):
                print("painted", flush=True)
                if profile := os.environ.get("BENCH_PROFILE"):
                    import cProfile
                    cProfile._bench_profiler.dump_stats(profile)  # type: ignore[attr-defined]
                os._exit(0)
            return False

    app._paint_watcher = PaintWatcher()
    app.installEventFilter(app._paint_watcher)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    _watch_paints(app, lambda widget: widget is window)
    window.show()
    app.exec()


def app() -> None:
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication(sys.argv[:1])

    def demo_shown(widget) -> bool:
        window = widget.window()
        ctx = getattr(window, "ctx", None)
        return ctx is not None and ctx.session is not None and window.isVisible()

    _watch_paints(qt_app, demo_shown)
    from ilmava_desktop.app import main

    main(["--demo"])


if __name__ == "__main__":
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        cProfile._bench_profiler = cProfile.Profile()  # type: ignore[attr-defined]
        cProfile._bench_profiler.enable()  # type: ignore[attr-defined]
    {"app": app, "bare": bare}[sys.argv[1]]()
