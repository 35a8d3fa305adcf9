"""Opening, creating, saving and closing the cohort: the window's one path for each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ilmava_desktop.core.dates import format_moment
from ilmava_desktop.i18n import _
from ilmava_desktop.services import preferences
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.feedback import ask, message_for, show_error

# The cohort's services and its dialogs are imported where they are first
# used, not here: the window's first frame is drawn before any of them is needed, and then
# a cohort given on the command line is opened behind it (ilmava-desktop --demo).
if TYPE_CHECKING:
    from ilmava_desktop.services.cohort.session import CohortSession

# An unsaved change is written back to the user's file at most this long after it was made.
AUTOSAVE_DELAY_MS = 3000
RETRY_DELAY_MS = 30_000


class CohortLifecycle(QObject):
    status_changed = Signal(str)
    open_started = Signal()  # a cohort is being read on the worker
    open_failed = Signal()  # ... and could not be opened

    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.timeout.connect(self.save_now)
        ctx.changed.connect(lambda _c: self.schedule_save())
        self._warned_save_failure = False
        self._not_saved = ""  # the status line while saving fails and is retried
        # The file was changed elsewhere: asked once, then on the status line until resolved.
        self.conflict = False
        self._conflict_status = ""
        self.opening = False  # a cohort is being opened on the worker
        # A save-back is running on its own thread (the worker goes on meanwhile); a save
        # asked for then runs as soon as it ends.
        self.saving = False
        self._save_again = False
        self._closing: CohortSession | None = None  # being saved and closed
        # Set when nobody is at the window (--startup-check, --screenshots): a cohort that
        # cannot be opened is reported through it instead of a box that would wait for OK.
        self.unattended: Callable[[str], None] | None = None

    # -- opening ---------------------------------------------------------------------

    def open_path(self, path: Path) -> None:
        """Open a cohort, asking first about unsaved work left by a crash or a lock."""
        from ilmava_desktop.services.cohort.opening import unsaved_work_left, unsaved_work_sentence

        path = Path(path)
        if self.ctx.session and self.ctx.session.path.resolve() == path.resolve():
            return
        if (found := unsaved_work_left(path)) and self.unattended:
            self.unattended(unsaved_work_sentence(path))
            return
        if found:
            question = _("{name} has changes that were not saved when the app last closed "
                         "({time}).").format(name=path.name, time=format_moment(found.changed_at))
            if found.original.resolve() != path.resolve():
                # The same stick under another drive letter or mount point: say where the
                # work was last, so the user knows it is this cohort's.
                question += " " + _("It was last opened from {place} ({time}).").format(
                    place=found.original, time=format_moment(found.saved_at) or "–")
            ask(self.window, question + " " + _("Recover them?"),
                [(_("Recover the changes"), QMessageBox.ButtonRole.AcceptRole),
                 (_("Discard them"), QMessageBox.ButtonRole.DestructiveRole)],
                lambda answer: self._check_lock(path, recover=answer == 0))
            return
        self._check_lock(path, recover=None)

    def _check_lock(self, path: Path, recover: bool | None) -> None:
        from ilmava_desktop.services.cohort.opening import open_elsewhere
        from ilmava_desktop.services.cohort.session import CohortSession

        if (lock := open_elsewhere(path)) and self.unattended:
            self.unattended(_("{name} is open on {host} ({user}) since {time}.").format(
                name=path.name, host=lock.host, user=lock.user, time=lock.time))
            return
        if lock:
            ask(self.window,
                _("{name} is open on {host} ({user}) since {time}. If it is changed there too, "
                  "only one version can be saved over the file. Open anyway?").format(
                    name=path.name, host=lock.host, user=lock.user, time=lock.time),
                [(_("Open anyway"), QMessageBox.ButtonRole.AcceptRole),
                 (_("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                lambda answer: self._open(lambda: CohortSession.open(path, recover=recover))
                if answer == 0 else self.open_failed.emit(),
                icon=QMessageBox.Icon.Warning)
            return
        self._open(lambda: CohortSession.open(path, recover=recover))

    def open_demo(self) -> None:
        from ilmava_desktop.services.demo import create_demo, fresh_demo_path

        path = fresh_demo_path()
        if self.ctx.session and self.ctx.session.path.resolve() == path.resolve():
            self.close_cohort(then=self.open_demo)
            return
        self._open(lambda: create_demo(path, replace=True), remember=False)

    def new_cohort(self) -> None:
        from ilmava_desktop.services.cohort.create import create_cohort
        from ilmava_desktop.ui.cohort_dialogs import NewCohortDialog

        dialog = NewCohortDialog(Path.home() / "Documents" if (Path.home() / "Documents").is_dir()
                                 else Path.home(), self.window)

        def create() -> None:
            values = dialog.values()
            path = values.pop("path")
            path.parent.mkdir(parents=True, exist_ok=True)
            self._open(lambda: create_cohort(path, **values))

        dialog.accepted.connect(create)
        dialog.open()

    def choose_and_open(self) -> None:
        dialog = QFileDialog(self.window, _("Open cohort"), "",
                             _("ILMAVA cohorts (*.ilmava);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.open_path(Path(path)))
        dialog.open()

    def _open(self, opener, remember: bool = True) -> None:
        if self.opening:
            # One cohort opens at a time: a second click on the start page while a file on a
            # slow stick is still opening would leave the first open, locked, and unseen.
            return

        def opened(session: CohortSession) -> None:
            self.opening = False
            self._forget_failures()
            self.ctx.session = session
            if remember:
                self._remember(session)
            self.status_changed.emit(_("Opened {name}").format(name=session.path.name))
            self.ctx.cohort_opened.emit()

        def failed(exc: BaseException) -> None:
            self.opening = False
            self.status_changed.emit("")  # not "Opening…" under the error
            self.open_failed.emit()
            if self.unattended:
                self.unattended(message_for(exc))
            else:
                show_error(self.window, exc)

        def start() -> None:
            self.opening = True
            self.status_changed.emit(_("Opening…"))
            self.open_started.emit()
            self.ctx.door.run(opener, opened, failed)

        if self.ctx.session:
            self.close_cohort(then=start)
        else:
            start()

    def _remember(self, session: CohortSession) -> None:
        """Among the recent cohorts, with its name and programme for the start page (the
        programme in all three languages: the start page may next be read in another)."""
        from ilmava_desktop.services.cohort import programme, reading

        def read():
            profile = programme.programme(session.db)
            return (reading.cohort(session.db).name,
                    {language: profile.name(language) for language in ("fi", "sv", "en")})

        name, names = self.ctx.door.call(read)
        preferences.remember(session.path, name=name, programme=names)

    # -- saving ----------------------------------------------------------------------

    def schedule_save(self) -> None:
        if self.conflict:
            # Never tried again over the other version: the line keeps saying why.
            self.status_changed.emit(self._conflict_status)
            return
        self.status_changed.emit(self._not_saved or _("Saving…"))
        # Counted from the first unsaved change, not restarted by each: under steady work
        # (a check-in a second) a restarted timer never fired and nothing was written back.
        if not self.autosave.isActive():
            self.autosave.start(AUTOSAVE_DELAY_MS)

    def save_now(self) -> None:
        session = self.ctx.session
        if session is None or self.conflict:
            return
        if self.saving:
            self._save_again = True
            return
        self.saving = True
        self.ctx.door.run_save(session.save, lambda _r: self._save_ended(session, None),
                               lambda exc: self._save_ended(session, exc))

    def _save_ended(self, session: CohortSession, exc: BaseException | None) -> None:
        self.saving = False
        again, self._save_again = self._save_again, False
        if session is not self.ctx.session or session is self._closing:
            return  # being closed, or closed meanwhile: closing saves what is left
        if exc is not None:
            self._save_failed(exc)
        elif session.file.dirty:
            # Changed while it was being written: the rest goes in the next save.
            self._forget_failures()
            self.status_changed.emit(_("Saving…"))
            if again:
                self.save_now()
            elif not self.autosave.isActive():
                self.autosave.start(AUTOSAVE_DELAY_MS)
        else:
            self._saved()

    def _saved(self) -> None:
        self._forget_failures()
        self.status_changed.emit(_("Saved at {time}").format(time=f"{datetime.now():%H.%M}"))

    def _forget_failures(self) -> None:
        self._warned_save_failure = False
        self._not_saved = ""
        self.conflict = False
        self._conflict_status = ""

    def _note_failure(self, exc: BaseException) -> bool:
        """Put a failed save on the status line and plan the next try; whether it is news."""
        from ilmava_desktop.services.cohort.opening import OriginalChanged

        if isinstance(exc, OriginalChanged):
            news = not self.conflict
            self.conflict = True
            self.autosave.stop()
            name = self.ctx.session.path.name if self.ctx.session else ""
            self._conflict_status = _(
                "Not saved: {name} was changed elsewhere; File → Merge a copy… merges it in, "
                "Ctrl+Shift+S saves your version as a copy.").format(name=name)
            self.status_changed.emit(self._conflict_status)
            return news
        self._not_saved = _("Not saved yet; trying again shortly. Your work is safe on "
                            "this laptop.")
        self.status_changed.emit(self._not_saved)
        self.autosave.start(RETRY_DELAY_MS)
        news = not self._warned_save_failure
        self._warned_save_failure = True
        return news

    def _save_failed(self, exc: BaseException) -> None:
        from ilmava_desktop.services.cohort.opening import OriginalChanged

        if not self._note_failure(exc):
            return  # already said; the status line keeps saying it
        if isinstance(exc, OriginalChanged):
            # Merging the other version in keeps both laptops' work in one file; a copy
            # of this version leaves two files to reconcile later.
            ask(self.window, str(exc) + " " + _(
                "Merge the other version into yours, or save yours as a copy?"),
                [(_("Merge it in…"), QMessageBox.ButtonRole.AcceptRole),
                 (_("Save as a copy…"), QMessageBox.ButtonRole.ActionRole),
                 (_("Later"), QMessageBox.ButtonRole.RejectRole)],
                lambda answer: (self.merge_changed_file() if answer == 0
                                else answer == 1 and self.save_copy()))
            return
        show_error(self.window, exc)

    def merge_changed_file(self) -> None:
        """The cohort's file as saved elsewhere, merged into the work here (shown first);
        once merged, the work is saved over it."""
        session = self.ctx.session
        if session is None:
            return
        from ilmava_desktop.services.cohort import merge as merging
        from ilmava_desktop.ui.merge_dialog import show_merge

        def merged() -> None:
            self._forget_failures()
            self.save_now()

        self.ctx.door.run(
            lambda: merging.preview_changed_file(session),
            lambda plan: show_merge(self.ctx, self.window, plan, _(
                "{name} was saved elsewhere meanwhile. Merging that version into yours:")
                .format(name=session.path.name), merged=merged),
            lambda exc: show_error(self.window, exc))

    def save_copy(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        dialog = QFileDialog(self.window, _("Save a copy"), str(session.path.with_name(
            session.path.stem + " (kopio).ilmava")), _("ILMAVA cohorts (*.ilmava)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("ilmava")
        dialog.fileSelected.connect(lambda target: self._write_copy(session, Path(target)))
        dialog.open()

    def _write_copy(self, session: CohortSession, target: Path) -> None:
        if target.resolve() == session.path.resolve():
            show_error(self.window, _("A copy needs another name than the cohort's own file."))
            return
        if not self.conflict:
            # Written like a save-back, on its thread: a copy on a stick never holds the worker.
            self.ctx.door.run_save(
                lambda: session.file.save_copy(target),
                lambda _r: self.status_changed.emit(_("Saved a copy as {name}").format(
                    name=target.name)),
                lambda exc: show_error(self.window, exc))
            return

        # The file was changed elsewhere: the copy holds this version, and the work goes
        # on in it, saved there from now on; the other version stays as it is.
        def moved(moved_session: CohortSession) -> None:
            self._forget_failures()
            self.ctx.session = moved_session
            self._remember(moved_session)
            self.status_changed.emit(_("Saved your version as {name}; you are working in it "
                                       "now.").format(name=target.name))

        def failed(exc: BaseException) -> None:
            if session.closed:  # the copy was written but could not be opened
                self._closed()
            show_error(self.window, exc)

        self.ctx.door.run(lambda: session.continue_as(target), moved, failed)

    # -- closing ---------------------------------------------------------------------

    def _closed(self) -> None:
        self.autosave.stop()
        self._forget_failures()
        self.ctx.session = None
        self.ctx.cohort_closed.emit()
        self.status_changed.emit("")

    def close_cohort(self, then=None) -> None:
        from ilmava_desktop.services.cohort.opening import OriginalChanged

        session = self.ctx.session
        if session is None:
            if then:
                then()
            return
        self.autosave.stop()
        self._closing = session

        def closed(_result) -> None:
            self._closing = None
            self._closed()
            if then:
                then()

        def failed(exc: BaseException) -> None:
            # Nothing is closed yet: "Keep it open" goes on with a working session.
            self._closing = None
            self._note_failure(exc)
            if isinstance(exc, OriginalChanged):
                self._ask_merge_or_close(exc, lambda: self.ctx.door.run(
                    lambda: session.close(save=False), closed))
                return
            ask(self.window, message_for(exc) + " " + _(
                "Close anyway? The changes stay on this laptop and are offered the next time "
                "you open the cohort."),
                [(_("Keep it open"), QMessageBox.ButtonRole.RejectRole),
                 (_("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)],
                lambda answer: answer == 1 and self.ctx.door.run(
                    lambda: session.close(save=False), closed))

        # Saved on the save-back thread first (after a save-back already running there), so
        # the window's reads never wait behind the stick; then closed on the worker, which
        # saves what was changed meanwhile.
        self.ctx.door.run_save(
            session.save,
            lambda _r: self.ctx.door.run(lambda: _save_then_close(session), closed, failed),
            failed)

    def close_for_quit(self) -> bool:
        """Whether the window may close now: saved, or the user chose to leave the work here.

        If saving fails the window stays open and asks; nothing is ever dropped silently.
        """
        from ilmava_desktop.services.cohort.opening import OriginalChanged

        session = self.ctx.session
        if session is None:
            return True
        self.autosave.stop()
        try:
            # Waits for a save-back running on its own thread, then saves what is left.
            self.ctx.door.call(session.save)
        except Exception as exc:  # noqa: BLE001 (any failure keeps the window and asks)
            self._note_failure(exc)
            if isinstance(exc, OriginalChanged):
                self._ask_merge_or_close(exc, self._close_without_saving)
                return False
            ask(self.window, message_for(exc) + " " + _(
                "Close anyway? The changes stay on this laptop and are offered the next time "
                "you open the cohort."),
                [(_("Keep it open"), QMessageBox.ButtonRole.RejectRole),
                 (_("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)],
                lambda answer: answer == 1 and self._close_without_saving())
            return False
        self.ctx.door.call(lambda: session.close(save=False))
        self.ctx.session = None
        return True

    def _ask_merge_or_close(self, exc: BaseException, close: Callable[[], None]) -> None:
        """Closing when the file was changed elsewhere: merging it in comes first."""
        ask(self.window, message_for(exc) + " " + _(
            "Merging the other version into yours first keeps both.") + " " + _(
            "Close anyway? The changes stay on this laptop and are offered the next time "
            "you open the cohort."),
            [(_("Merge it in…"), QMessageBox.ButtonRole.AcceptRole),
             (_("Keep it open"), QMessageBox.ButtonRole.RejectRole),
             (_("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)],
            lambda answer: self.merge_changed_file() if answer == 0
            else answer == 2 and close())

    def _close_without_saving(self) -> None:
        session = self.ctx.session
        if session is not None:
            self.ctx.door.call(lambda: session.close(save=False))
            self.ctx.session = None
        self.autosave.stop()
        self._forget_failures()
        self.window.close()


def _save_then_close(session: CohortSession) -> None:
    # Saved first and closed only then: when saving fails, the connection and the lock
    # are still whole, so keeping the cohort open keeps a working session.
    session.save()
    session.close(save=False)
