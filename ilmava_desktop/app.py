"""The one start-up and shut-down path of the window: `ilmava-desktop`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from ilmava_desktop.i18n import LANGUAGES, _, arguments, current_language, set_language


def _arguments(argv: list[str]) -> argparse.Namespace:
    # The language is known before the arguments are parsed, so that help and errors are
    # in it too: --lang, else ILMAVA_LANG, else the language chosen in the window.
    from ilmava_desktop.services import preferences

    set_language(arguments.language_option(argv) or preferences.language() or "fi")
    arguments.install()
    parser = arguments.Parser(prog="ilmava-desktop")
    parser.add_argument("cohort", nargs="?", type=Path, help=_("an .ilmava cohort file to open"))
    parser.add_argument("--demo", nargs="?", const="ilmava", choices=("ilmava", "motiva"),
                        help=_("open a fresh copy of the demo cohort (motiva: the "
                               "peer-review visits demo)"))
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of the window (default fi)"))
    parser.add_argument("--screenshots", type=Path, metavar=_("DIR"),
                        help=_("save every main view as DIR/NN-name.png and exit"))
    parser.add_argument("--audit", action="store_true",
                        help=_("with --screenshots: also write DIR/audit.json, every text that "
                               "is cut or too faint to read on each view"))
    parser.add_argument("--size", type=arguments.window_size, metavar=_("WIDTHxHEIGHT"),
                        help=_("with --screenshots: the window's size (default 1280x800)"))
    parser.add_argument("--startup-check", action="store_true",
                        help=_("print “first frame” once the window is drawn and “painted” "
                               "once the opened cohort is on screen, then close"))
    args = parser.parse_args(argv)
    if (args.audit or args.size) and not args.screenshots:
        parser.error(_("--audit and --size go with --screenshots DIR"))
    return args



def install_qt_translations(app, language: str) -> list:
    """Qt's own catalogue, so stock buttons read "Tallenna" and "Peruuta"."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale({"fi": QLocale.Language.Finnish, "sv": QLocale.Language.Swedish,
                                "en": QLocale.Language.English}[language]))
    translators = []
    if language != "en":
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def main(argv: list[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    language = current_language()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ILMAVA Desktop")
    app.setOrganizationName("ILMAVA")
    install_qt_translations(app, language)

    if args.screenshots:
        return _screenshots(args)

    import qasync
    from PySide6.QtCore import QTimer

    from ilmava_desktop.ui.main_window import MainWindow

    async def run() -> int:
        closing = asyncio.Event()
        app.aboutToQuit.connect(closing.set)
        window = MainWindow()
        window.fit_to_screen()
        code = 0
        if args.startup_check:
            _close_after_first_paint(app, window)

            def cannot_open(reason: str) -> None:
                nonlocal code
                code = 2
                _say(reason)
                QTimer.singleShot(0, window.close)

            window.lifecycle.unattended = cannot_open
        window.show()
        if args.demo or args.cohort:
            # The first frame is the window itself, its tool area saying "Opening…"; the
            # cohort is read right after it is drawn, so the window appears at once.
            window.show_opening()
            _after_first_frame(window, lambda: _open_initial(window, args))
        await closing.wait()
        # The one shutdown path: the window has saved and closed the cohort in its
        # closeEvent; stop the database worker before the loop ends.
        window.ctx.door.shutdown()
        return code

    try:
        if sys.version_info >= (3, 12):
            return asyncio.run(run(), loop_factory=qasync.QEventLoop)
        return qasync.run(run())
    except asyncio.CancelledError:
        return 0


def _after_first_frame(window, then) -> None:
    """Run `then` once the window has drawn its first frame (back in the event loop, so
    the frame is on screen before `then` starts)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstFrame(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    window.first_frame_watcher = FirstFrame(window)
    window.installEventFilter(window.first_frame_watcher)


def _close_after_first_paint(app, window) -> None:
    """For measuring and checking a start (a bundle, a slow laptop): say when the window's
    first frame is drawn, and the moment the cohort is on screen, say so and close through
    the normal path, saving as ever."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        first_frame = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() != QEvent.Type.Paint:
                return False
            if not self.first_frame:
                self.first_frame = True
                print("first frame", flush=True)
            if window.ctx.session is not None:
                for target in watching:
                    target.removeEventFilter(self)
                print("painted", flush=True)
                QTimer.singleShot(0, window.close)
            return False

    # Only the window and its central widget are watched: both are repainted whenever the
    # screen changes, and a filter on the whole application would itself slow the start
    # it measures (every event of every widget would pass through Python).
    watching = [window, window.centralWidget()]
    app._first_paint = FirstPaint(app)
    for target in watching:
        target.installEventFilter(app._first_paint)


def _open_initial(window, args) -> None:
    if args.demo == "motiva":
        from ilmava_desktop.services.demo.motiva import fresh_motiva_demo

        try:
            window.open_cohort(fresh_motiva_demo())
        except OSError as exc:
            _say(str(exc))
    elif args.demo:
        window.lifecycle.open_demo()
    elif args.cohort:
        window.open_cohort(args.cohort)


def _screenshots(args) -> int:
    """Render offscreen, synchronously (an inline door), then exit 0; 2 if nothing opened."""
    from ilmava_desktop.ui.audit import Audit
    from ilmava_desktop.ui.door import DbDoor, InlineExecutor
    from ilmava_desktop.ui.main_window import MainWindow
    from ilmava_desktop.ui.screenshots import take_screenshots

    window = MainWindow(DbDoor(InlineExecutor()))
    reasons: list[str] = []
    window.lifecycle.unattended = reasons.append
    _open_initial(window, args)
    if (args.demo or args.cohort) and window.ctx.session is None:
        _say(reasons[0] if reasons else _("The cohort could not be opened."))
        window.close()
        return 2
    size = args.size or (1280, 800)
    audit = Audit(size, current_language()) if args.audit else None
    try:
        written = take_screenshots(window, args.screenshots, audit=audit, size=size)
    except OSError as exc:  # a folder that cannot be made or written to: said, not traced
        _say(_("The screenshots could not be written to {folder}: {reason}").format(
            folder=args.screenshots, reason=exc.strerror or exc))
        window.close()
        return 2
    except Exception as exc:  # noqa: BLE001 (logged whole; one sentence for the user)
        from ilmava_desktop.ui.feedback import message_for

        _say(message_for(exc))
        window.close()
        return 1
    for path in written:
        print(path)
    window.close()
    if audit:
        import json

        report = args.screenshots / "audit.json"
        report.write_text(json.dumps(audit.as_json(), ensure_ascii=False, indent=1),
                          encoding="utf-8")
        print(report)
    return 0


def _say(reason: str) -> None:
    print(f"ilmava-desktop: {reason}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
