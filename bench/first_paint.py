"""A child process that exits at its window's first paint: `python -m bench.first_paint app|bare`.

The parent times it from process start, so interpreter and import time count.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _exit_on_first_paint(app, window) -> None:
    from PySide6.QtCore import QEvent, QObject

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                os._exit(0)
            return False

    watcher = PaintWatcher()
    window.installEventFilter(watcher)
    app._paint_watcher = watcher


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    _exit_on_first_paint(app, window)
    window.show()
    app.exec()


def app() -> None:
    """The real start-up path of `ilmava-desktop --demo`, up to the first paint with the cohort."""
    from ilmava_desktop.i18n import set_language

    set_language("fi")
    from PySide6.QtWidgets import QApplication

    from ilmava_desktop.app import install_qt_translations
    from ilmava_desktop.ui.main_window import MainWindow

    qt_app = QApplication(sys.argv[:1])
    install_qt_translations(qt_app, "fi")
    window = MainWindow()
    window.ctx.cohort_opened.connect(lambda: (_exit_on_first_paint(qt_app, window), window.update()))
    window.show()
    window.lifecycle.open_demo()
    qt_app.exec()


if __name__ == "__main__":
    {"app": app, "bare": bare}[sys.argv[1]]()
