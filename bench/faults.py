"""The fault suite's longer run: sessions killed while they edit and save, I/O errors at each
file operation of a save, and damaged files, counted.

    python -m bench faults

kills: a child process opens the cohort, adds people one at a time and saves after each
(as autosave does), writing each committed addition to a log; it is killed (SIGKILL) at a
random moment. The next session recovers and checks that every logged person is there
(lost_edits), that the saved file passes `ilmava check` (damaged_files) and that nothing
is left beside the file after it closes (leftover_temp_files).
io_faults: EIO, ENOSPC and EROFS at the n-th call of each file operation during a save;
the original must stay as it was or be the complete new version (originals_intact), and
the error must be a SaveError, never another exception (tracebacks).
bad_files: single-byte flips and truncations of the demo cohort; each is opened and run
through `ilmava check` and `ilmava info`: refused with one sentence (refused_cleanly) or
opened with nothing for `check` to find (else a disagreement); any other exception is a
traceback.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import pathlib
import random
import signal
import tempfile
import time
from pathlib import Path

LEFTOVER_ENDINGS = (".tmp", "-journal", "-wal", "-shm")


def faults(kills: int = 500, bad_files: int = 1000, seed: int = 14) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ILMAVA_DATA_DIR"] = str(Path(folder) / "data")
        figures = {"kills": 0, "damaged_files": 0, "lost_edits": 0, "io_faults": 0,
                   "originals_intact": 0, "bad_files": 0, "refused_cleanly": 0,
                   "tracebacks": 0, "leftover_temp_files": 0, "disagreements": 0}
        started = time.perf_counter()
        _kills(Path(folder) / "kills", kills, rng, figures)
        _io_faults(Path(folder) / "io", figures)
        _bad_files(Path(folder) / "bad", bad_files, rng, figures)
        figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


def _cohort(path: Path) -> Path:
    from ilmava_desktop.services.cohort.create import create_cohort
    from ilmava_desktop.services.municipalities import add_municipality

    path.parent.mkdir(parents=True, exist_ok=True)
    session = create_cohort(path, "Vikakoe", year=2027)
    add_municipality(session, "091")
    session.close()
    return path


def _leftovers(path: Path) -> int:
    return sum(1 for p in path.parent.iterdir()
               if p.name != path.name and p.name.endswith(LEFTOVER_ENDINGS))


# -- kills -----------------------------------------------------------------------------

def _kills(folder: Path, count: int, rng: random.Random, figures: dict) -> None:
    if not hasattr(os, "fork"):
        raise SystemExit("bench faults: the kill trials need a POSIX system (fork)")
    from ilmava_desktop.services.cohort.checks import check_file
    from ilmava_desktop.services.cohort.session import CohortSession
    from ilmava_desktop.storage import queries
    from ilmava_desktop.storage.cohort_file import recoverable

    path = _cohort(folder / "kevät.ilmava")
    log = folder / "committed.log"
    log.touch()
    for round_ in range(count):
        ready_read, ready_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: edit and save until killed
            os.close(ready_read)
            _edit_until_killed(path, log, round_, ready_write)
        os.close(ready_write)
        os.read(ready_read, 1)  # opened
        os.close(ready_read)
        time.sleep(rng.uniform(0, 0.25))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        figures["kills"] += 1
        try:
            session = CohortSession.open(path, recover=recoverable(path) is not None or None)
            names = {p.name for p in queries.people(session.db)}
            logged = set(filter(None, log.read_text("utf-8").splitlines()))
            figures["lost_edits"] += len(logged - names)
            session.close()
            if check_file(path):
                figures["damaged_files"] += 1
        except Exception:
            figures["tracebacks"] += 1
        figures["leftover_temp_files"] += _leftovers(path)


def _edit_until_killed(path: Path, log: Path, round_: int, ready: int) -> None:
    from ilmava_desktop.services.cohort.session import CohortSession
    from ilmava_desktop.services.municipalities import municipality_id
    from ilmava_desktop.services.municipalities.people import add_person

    try:
        session = CohortSession.open(path, recover=True)
        os.write(ready, b"x")
        with log.open("a", encoding="utf-8") as written:
            for n in range(10_000):
                name = f"Henkilö {round_}-{n}"
                add_person(session, municipality_id("091"), name)
                written.write(name + "\n")  # committed to the working copy: must never be lost
                written.flush()
                os.fsync(written.fileno())
                session.save()
    finally:
        os._exit(0)


# -- I/O faults during a save ------------------------------------------------------------

OPERATIONS = ("stat", "lstat", "open", "unlink", "replace", "fsync", "os.open")
ERRNOS = (errno.EIO, errno.ENOSPC, errno.EROFS)


def _io_faults(folder: Path, figures: dict) -> None:
    from ilmava_desktop.services.cohort.session import CohortSession
    from ilmava_desktop.services.municipalities import add_municipality
    from ilmava_desktop.storage import queries
    from ilmava_desktop.storage.errors import SaveError

    for index, (operation, code, nth) in enumerate(
            (o, c, n) for o in OPERATIONS for c in ERRNOS for n in (1, 2, 3, 5)):
        path = _cohort(folder / str(index) / "kevät.ilmava")
        before = hashlib.sha256(path.read_bytes()).digest()
        session = CohortSession.open(path)
        add_municipality(session, "398")
        figures["io_faults"] += 1
        try:
            with _failing(operation, code, nth, path.parent):
                try:
                    session.save()
                except SaveError:
                    pass
            session.close()  # the stick works again: the work reaches the file
            reopened = CohortSession.open(path)
            codes = sorted(m.code for m in queries.municipalities(reopened.db))
            reopened.close()
            if codes == ["091", "398"] or hashlib.sha256(path.read_bytes()).digest() == before:
                figures["originals_intact"] += 1
        except Exception:
            figures["tracebacks"] += 1
        figures["leftover_temp_files"] += _leftovers(path)


@contextlib.contextmanager
def _failing(operation: str, code: int, nth: int, folder: Path):
    """The n-th call of one file operation on anything in `folder` fails with `code`."""
    calls = [0]

    def wrap(real, path_of=lambda args: args[0]):
        def call(*args, **kwargs):
            target = path_of(args)
            try:
                inside = Path(os.fspath(target)).is_relative_to(folder)
            except TypeError:
                inside = operation == "fsync"
            if inside:
                calls[0] += 1
                if calls[0] == nth:
                    raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)
        return call

    if operation in ("stat", "lstat", "open", "unlink"):
        owner, name, replacement = pathlib.Path, operation, wrap(getattr(pathlib.Path, operation))
    elif operation == "replace":
        owner, name, replacement = os, "replace", wrap(os.replace, lambda args: args[1])
    elif operation == "os.open":
        owner, name, replacement = os, "open", wrap(os.open)
    else:
        owner, name, replacement = os, "fsync", wrap(os.fsync)
    original = getattr(owner, name)
    setattr(owner, name, replacement)
    try:
        yield
    finally:
        setattr(owner, name, original)


# -- damaged files -------------------------------------------------------------------------

def _bad_files(folder: Path, count: int, rng: random.Random, figures: dict) -> None:
    from ilmava_desktop import cli
    from ilmava_desktop.resources import resource_path
    from ilmava_desktop.services.cohort.session import CohortSession
    from ilmava_desktop.services.demo import BUNDLED
    from ilmava_desktop.storage.errors import CohortFileError

    pristine = resource_path(BUNDLED).read_bytes()
    content = [i for i, byte in enumerate(pristine) if byte]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "esimerkki.ilmava"
    for n in range(count):
        if n % 10 == 9:
            data = pristine[:rng.randrange(len(pristine))]
        else:
            flipped = bytearray(pristine)
            flipped[rng.choice(content)] ^= rng.randrange(1, 256)
            data = bytes(flipped)
        path.write_bytes(data)
        figures["bad_files"] += 1
        try:
            try:
                CohortSession.open(path, recover=False, backup=False).close(save=False)
                opened = True
            except CohortFileError:
                opened = False
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                check = cli.main(["--lang", "en", "check", str(path)])
                info = cli.main(["--lang", "en", "info", str(path)])
            if opened and (check, info) != (0, 0) or not opened and check == 0:
                figures["disagreements"] += 1  # opening and `check` must agree
            elif not opened:
                figures["refused_cleanly"] += 1
        except Exception:
            figures["tracebacks"] += 1
