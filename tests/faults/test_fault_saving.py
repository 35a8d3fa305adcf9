"""Saving back to the user's file under faults: it is never lost, never written where it
is not, never taken for someone else's, and every failure is one sentence."""

from __future__ import annotations

import errno
import os
import pathlib
import sqlite3

import pytest
from fault_helpers import codes, crash, digest, files_beside, small_cohort

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.storage import snapshot
from ilmava_desktop.storage.cohort_file import recoverable
from ilmava_desktop.storage.errors import OriginalChanged, OriginalMissing, SaveError


@pytest.fixture
def stick(tmp_path):
    """A cohort on a 'stick' (its mount folder), open, with one unsaved change."""
    path = small_cohort(tmp_path / "media" / "TIKKU" / "kevät.ilmava")
    session = CohortSession.open(path)
    add_municipality(session, "398")
    yield path, session
    try:
        session.close(save=False)
    except Exception:
        pass


def reopened_codes(path):
    session = CohortSession.open(path)
    try:
        return codes(session)
    finally:
        session.close(save=False)


# -- item 3: a vanished file is never written anew at its path ------------------------------

def test_a_pulled_stick_whose_mount_folder_stays_is_not_written_to(stick):
    path, session = stick
    path.unlink()  # the stick is gone; its empty mount folder is the laptop's own disk
    with pytest.raises(OriginalMissing, match="is not there any more"):
        session.save()
    assert not path.exists()
    assert not any(name.endswith(".tmp") for name in files_beside(path))
    with pytest.raises(SaveError):
        session.close()
    assert not path.exists()
    found = recoverable(path)  # the work stays on the laptop
    assert found is not None


def test_a_stick_pulled_during_the_save_is_not_written_to(stick, monkeypatch):
    path, session = stick
    calls = []
    real = snapshot.fingerprints

    def pulled_on_second_look(target):
        calls.append(target)
        if len(calls) == 2:
            path.unlink()
        return real(target)

    monkeypatch.setattr(snapshot, "fingerprints", pulled_on_second_look)
    with pytest.raises(OriginalMissing):
        session.save()
    assert not path.exists() and session.file.dirty
    assert not any(name.endswith(".tmp") for name in files_beside(path))


def test_the_reconnected_stick_gets_the_work(stick, tmp_path):
    path, session = stick
    kept = tmp_path / "kept.ilmava"
    os.replace(path, kept)
    with pytest.raises(OriginalMissing):
        session.save()
    os.replace(kept, path)
    session.save()
    session.close()
    assert reopened_codes(path) == ["091", "398", "638"]


# -- item 5: a save the app completed is recognised by its content -------------------------

class Killed(BaseException):
    """The process ends here: nothing after this line runs."""


def test_a_crash_just_after_the_swap_does_not_make_our_own_file_foreign(stick, monkeypatch):
    path, session = stick
    real_replace = os.replace

    def swap_then_die(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        if pathlib.Path(dst) == path:
            raise Killed

    with monkeypatch.context() as fault:  # only the fault is undone, not the data folder
        fault.setattr(os, "replace", swap_then_die)
        with pytest.raises(Killed):
            session.save()
    crash(session)
    recovered = CohortSession.open(path, recover=True)
    add_municipality(recovered, "734")
    recovered.save()  # before: "changed by someone else", for ever
    recovered.close()
    assert reopened_codes(path) == ["091", "398", "638", "734"]


# -- item 6: a change elsewhere with the same size and time is seen ------------------------

def test_a_change_elsewhere_with_the_same_size_and_time_is_not_overwritten(stick):
    path, session = stick
    before = path.stat()
    other = sqlite3.connect(path)  # another laptop renames the cohort: same length
    other.execute("UPDATE cohort SET name = 'Vikatesti'")
    other.commit()
    other.close()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # FAT's 2-second clock
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    changed = digest(path)
    with pytest.raises(OriginalChanged):
        session.save()
    assert digest(path) == changed
    copy = path.with_name("kevät (kopio).ilmava")
    session.file.save_copy(copy)
    assert reopened_codes(copy) == ["091", "398", "638"]


def test_our_own_saves_are_never_taken_for_someone_elses(stick):
    path, session = stick
    for code in ("734", "837", "853"):
        add_municipality(session, code)
        session.save()
    session.close()
    assert reopened_codes(path) == ["091", "398", "638", "734", "837", "853"]


# -- item 9: saving through a symbolic link saves its target --------------------------------

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_saving_through_a_link_writes_the_target_and_keeps_the_link(tmp_path):
    real = small_cohort(tmp_path / "sync" / "kevät.ilmava")
    link = tmp_path / "desktop" / "kevät.ilmava"
    link.parent.mkdir()
    link.symlink_to(real)
    session = CohortSession.open(link)
    add_municipality(session, "398")
    session.save()
    add_municipality(session, "734")
    session.close()
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert reopened_codes(real) == ["091", "398", "638", "734"]
    assert not any(name.endswith((".tmp", "-journal")) for name in files_beside(link))


def test_a_link_whose_target_is_gone_is_not_replaced_by_a_file(tmp_path):
    real = small_cohort(tmp_path / "stick" / "kevät.ilmava")
    link = tmp_path / "kevät.ilmava"
    link.symlink_to(real)
    session = CohortSession.open(link)
    add_municipality(session, "398")
    real.unlink()
    with pytest.raises(OriginalMissing):
        session.save()
    assert link.is_symlink() and not real.exists()
    session.close(save=False)


# -- item 17 and the I/O fault matrix: one sentence, the original intact, the work kept ----

ERRNOS = [errno.EIO, errno.ENOSPC, errno.EROFS]
OPERATIONS = ["stat", "lstat", "open", "replace", "fsync", "os.open", "unlink"]


def inject(monkeypatch, operation: str, code: int, folder: pathlib.Path) -> None:
    """Make one file operation fail with `code` for anything in `folder` (the stick)."""

    def on_stick(target) -> bool:
        try:
            return pathlib.Path(os.fspath(target)).is_relative_to(folder)
        except TypeError:
            return False

    def failing(real, path_of=lambda args: args[0]):
        def call(*args, **kwargs):
            if on_stick(path_of(args)):
                raise OSError(code, os.strerror(code), os.fspath(path_of(args)))
            return real(*args, **kwargs)
        return call

    if operation in ("stat", "lstat", "open", "unlink"):
        monkeypatch.setattr(pathlib.Path, operation,
                            failing(getattr(pathlib.Path, operation)))
    elif operation == "replace":
        monkeypatch.setattr(os, "replace", failing(os.replace, lambda args: args[1]))
    elif operation == "os.open":
        monkeypatch.setattr(os, "open", failing(os.open))
    elif operation == "fsync":
        def fsync(fd):
            raise OSError(code, os.strerror(code))
        monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("code", ERRNOS, ids=errno.errorcode.get)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_an_io_fault_during_the_save_is_one_sentence_and_loses_nothing(
        stick, monkeypatch, operation, code):
    path, session = stick
    before = digest(path)
    with monkeypatch.context() as fault:  # only the fault is undone, not the data folder
        inject(fault, operation, code, path.parent)
        try:
            session.save()
            saved = True
        except SaveError as exc:
            saved = False
            assert "\n" not in str(exc) and path.name in str(exc)
    leftovers = [n for n in files_beside(path) if n.endswith((".tmp", "-journal", "-wal"))]
    assert leftovers == []
    if not saved:
        assert digest(path) == before
        assert session.file.dirty
        session.save()  # the stick works again
    session.close()
    assert reopened_codes(path) == ["091", "398", "638"]


def test_eio_from_stat_during_the_save_is_a_save_error(stick, monkeypatch):
    path, session = stick
    real_stat = pathlib.Path.stat

    def stat(self, *args, **kwargs):
        if self == path:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: stat(self) and b"")
    with pytest.raises(SaveError, match="could not be saved"):
        session.save()


@pytest.mark.parametrize("code", ERRNOS, ids=errno.errorcode.get)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_an_io_fault_while_opening_is_one_sentence(tmp_path, monkeypatch, operation, code):
    from ilmava_desktop.storage.errors import CohortFileError

    path = small_cohort(tmp_path / "media" / "TIKKU" / "kevät.ilmava")
    before = digest(path)
    with monkeypatch.context() as fault:
        inject(fault, operation, code, path.parent)
        try:
            CohortSession.open(path).close()
        except (CohortFileError, SaveError) as exc:
            assert "\n" not in str(exc) and path.name in str(exc)
    assert digest(path) == before
    session = CohortSession.open(path)  # the stick works again
    assert codes(session) == ["091", "638"]
    session.close()
