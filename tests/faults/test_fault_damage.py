"""Damaged and odd files: refused with one sentence, and opening agrees with `ilmava check`.

A file that opens has nothing for `check` to find and takes edits and saves; a file
`check` faults is refused on opening; neither the window's path nor the command
line ever lets an exception through.
"""

from __future__ import annotations

import os
import random
import sqlite3

import pytest
from fault_helpers import codes, digest, files_beside, small_cohort
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmava_desktop import cli
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.storage.errors import CohortFileError


def judge(path, capsys) -> bool:
    """Open, check and describe one file; assert they agree. Returns whether it opened."""
    try:
        session = CohortSession.open(path, recover=False, backup=False)
    except CohortFileError as exc:
        assert str(exc) and "\n" not in str(exc)
        session = None
    check = cli.main(["--lang", "en", "check", str(path)])
    info = cli.main(["--lang", "en", "info", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert check in (0, 1, 2) and info in (0, 2)
    if session is None:
        assert check != 0, "refused on opening, but check found nothing"
        return False
    assert check == 0, "opened, but check found problems"
    assert info == 0
    try:
        add_municipality(session, "398")
    except RuleViolation:
        pass  # a rule may refuse the edit, with its sentence; the session still works
    session.save()
    session.close()
    return True


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return small_cohort(tmp_path_factory.mktemp("pristine") / "kevät.ilmava").read_bytes()


def flipped(pristine: bytes, position: int, mask: int) -> bytes:
    data = bytearray(pristine)
    data[position] ^= mask
    return bytes(data)


def test_every_header_byte_flipped(tmp_path, pristine, capsys):
    path = tmp_path / "kevät.ilmava"
    for position in range(100):
        path.write_bytes(flipped(pristine, position, 0xFF))
        judge(path, capsys)


def test_byte_flips_over_the_whole_file(tmp_path, pristine, capsys):
    # Bounded: a flip in every 4 KB page (its header or its cells), plus a seeded sample;
    # `python -m bench faults` runs the longer version.
    path = tmp_path / "kevät.ilmava"
    rng = random.Random(14)
    # Most of a small cohort's pages are empty; the damage that matters is in the bytes
    # that hold something (records, the schema, b-tree pages), so most flips go there.
    positions = [page * 4096 + rng.randrange(0, 12) for page in range(len(pristine) // 4096)]
    content = [i for i, byte in enumerate(pristine) if byte]
    positions += rng.sample(content, 90)
    opened = 0
    for position in positions:
        path.write_bytes(flipped(pristine, position, rng.randrange(1, 256)))
        opened += judge(path, capsys)
    assert 0 < opened < len(positions)


@pytest.fixture(scope="module")
def pristine_holder(pristine):
    return [pristine]  # hypothesis then reports the flip, not the whole file


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_random_byte_flips(tmp_path_factory, pristine_holder, capsys, data):
    pristine = pristine_holder[0]
    position = data.draw(st.integers(0, len(pristine) - 1), label="position")
    mask = data.draw(st.integers(1, 255), label="mask")
    path = tmp_path_factory.mktemp("flip") / "kevät.ilmava"
    path.write_bytes(flipped(pristine, position, mask))
    judge(path, capsys)


def test_truncations(tmp_path, pristine, capsys):
    path = tmp_path / "kevät.ilmava"
    size = len(pristine)
    for length in sorted({0, 1, 15, 16, 99, 100, 101, 512, 4095, 4096, 4097, 8192,
                          size // 2, size - 4096, size - 1}):
        path.write_bytes(pristine[:length])
        assert not judge(path, capsys), length


def test_a_flip_at_byte_18_is_refused_not_opened_read_only(tmp_path, pristine, capsys):
    # The write-format byte: SQLite opens such a file read-only, so every edit failed.
    path = tmp_path / "kevät.ilmava"
    path.write_bytes(flipped(pristine, 18, 0x02))
    with pytest.raises(CohortFileError, match="damaged"):
        CohortSession.open(path)
    assert cli.main(["--lang", "en", "check", str(path)]) == 2


def test_damage_quick_check_misses_is_refused_with_the_way_to_the_backups(tmp_path, capsys):
    path = small_cohort(tmp_path / "kevät.ilmava")
    CohortSession.open(path).close()  # makes a backup
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema=ON")
    # An index that lost its rows: quick_check passes, integrity_check does not.
    conn.execute("DELETE FROM person WHERE rowid = 1")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE person SET municipality_id = 'missing' WHERE rowid = 2")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(CohortFileError, match="backups") as refused:
        CohortSession.open(path)
    assert "backups" in str(refused.value)
    assert cli.main(["--lang", "en", "check", str(path)]) == 1
    assert "points to a missing row" in capsys.readouterr().out
    assert digest(path) == before


@pytest.mark.parametrize("kind", ["folder", "fifo", "empty", "loop", "dangling"])
def test_things_that_are_not_files_are_refused(tmp_path, kind, capsys):
    path = tmp_path / "kevät.ilmava"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "loop":
        path.symlink_to(tmp_path / "other.ilmava")
        (tmp_path / "other.ilmava").symlink_to(path)
    else:
        path.symlink_to(tmp_path / "nowhere.ilmava")
    assert not judge(path, capsys)


# -- item 8: a -wal another tool left beside the cohort -----------------------------------

def leave_a_wal_beside(path) -> None:
    """Another SQLite tool changed the cohort in WAL mode and ended without a checkpoint."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("PRAGMA wal_autocheckpoint=0")
    other.execute("UPDATE cohort SET name = 'Toisen työkalun nimi'")
    main = path.read_bytes()
    wal = path.with_name(path.name + "-wal").read_bytes()
    other.close()  # checkpoints and removes the -wal; put back what was left behind
    path.write_bytes(main)
    path.with_name(path.name + "-wal").write_bytes(wal)
    path.with_name(path.name + "-shm").unlink(missing_ok=True)


def test_a_leftover_wal_is_read_through_the_copy_and_never_written_beside(tmp_path, capsys):
    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    leave_a_wal_beside(path)
    before = files_beside(path)
    session = CohortSession.open(path)
    assert files_beside(path) == sorted(before + [path.name + ".lock"])  # no -shm
    assert session.db.execute("SELECT name FROM cohort").fetchone()[0] == "Toisen työkalun nimi"
    add_municipality(session, "398")
    session.save()
    session.close()
    assert files_beside(path) == [path.name]
    assert cli.main(["--lang", "en", "check", str(path)]) == 0
    again = CohortSession.open(path)
    assert codes(again) == ["091", "398", "638"]
    assert again.db.execute("SELECT name FROM cohort").fetchone()[0] == "Toisen työkalun nimi"
    again.close()


def test_a_wal_that_appears_after_opening_is_a_change_elsewhere(tmp_path):
    from ilmava_desktop.storage.errors import OriginalChanged

    path = small_cohort(tmp_path / "kevät.ilmava")
    session = CohortSession.open(path)
    add_municipality(session, "398")
    leave_a_wal_beside(path)  # another tool wrote its change into a -wal only
    with pytest.raises(OriginalChanged):
        session.save()
    session.close(save=False)


def test_the_command_line_reads_a_cohort_with_a_wal_without_writing_beside(tmp_path, capsys):
    path = small_cohort(tmp_path / "kevät.ilmava")
    leave_a_wal_beside(path)
    before = {name: digest(path.with_name(name)) for name in files_beside(path)}
    assert cli.main(["--lang", "en", "info", str(path), "--json"]) == 0
    assert "Toisen työkalun nimi" in capsys.readouterr().out
    assert cli.main(["--lang", "en", "check", str(path)]) == 0
    assert {name: digest(path.with_name(name)) for name in files_beside(path)} == before


def leave_a_hot_journal_beside(path) -> None:
    """Another tool died in the middle of a transaction: pages of the cohort already
    overwritten, their old contents in a -journal beside it."""
    before = path.read_bytes()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=DELETE")
    other.execute("PRAGMA cache_size=1")  # spill changed pages into the file before commit
    other.execute("BEGIN")
    other.execute("UPDATE person SET name = name || ' muutettu'")
    other.execute("UPDATE cohort SET name = 'Kesken jäänyt'")
    main = path.read_bytes()
    journal = path.with_name(path.name + "-journal").read_bytes()
    other.execute("ROLLBACK")
    other.close()
    assert main != before  # the half-done change is in the file itself
    path.write_bytes(main)
    path.with_name(path.name + "-journal").write_bytes(journal)


def test_a_hot_journal_is_rolled_back_in_our_copy_and_removed_after_the_save(tmp_path, capsys):
    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    leave_a_hot_journal_beside(path)
    assert cli.main(["--lang", "en", "check", str(path)]) == 0
    session = CohortSession.open(path)
    assert session.db.execute("SELECT name FROM cohort").fetchone()[0] == "Vikakoe"
    add_municipality(session, "398")
    session.close()
    assert files_beside(path) == [path.name]
    again = CohortSession.open(path)
    assert codes(again) == ["091", "398", "638"]
    again.close()


@pytest.fixture(scope="module")
def demo_bytes():
    from ilmava_desktop.resources import resource_path
    from ilmava_desktop.services.demo import BUNDLED

    return resource_path(BUNDLED).read_bytes()


@pytest.mark.parametrize("damage", [
    "UPDATE day SET date = '2026-01-2X' WHERE rowid = 1",
    "UPDATE attendance SET checked_in_at = '2026-01-28T08:47:' || char(65533) WHERE rowid = 3",
    "UPDATE person SET name = x'00ff' WHERE rowid = 2",
    "UPDATE answer SET value = 'kolme' WHERE rowid = 5",
    "UPDATE template SET body = '{\"themes\": ' WHERE rowid = 1",
    "UPDATE person SET stamp = '179H853786176.0000.x' WHERE rowid = 4",
])
def test_values_the_app_reads_back_are_checked_on_opening(tmp_path, demo_bytes, damage, capsys):
    # Values integrity_check cannot judge: a date, a time, a name turned into bytes by a
    # damaged record header. Opened, each failed later (a traceback in `ilmava attendance`).
    path = tmp_path / "demo.ilmava"
    path.write_bytes(demo_bytes)
    conn = sqlite3.connect(path)
    conn.execute(damage)
    conn.commit()
    conn.close()
    assert not judge(path, capsys)
    assert cli.main(["--lang", "en", "check", str(path)]) == 1
    assert "damaged" in capsys.readouterr().out
    assert cli.main(["--lang", "en", "attendance", str(path), "--day", "1"]) == 2


def test_a_wal_that_makes_it_another_applications_database_is_refused(tmp_path, capsys):
    path = small_cohort(tmp_path / "kevät.ilmava")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("PRAGMA wal_autocheckpoint=0")
    other.execute("PRAGMA application_id = 7")
    main = path.read_bytes()
    wal = path.with_name(path.name + "-wal").read_bytes()
    other.close()
    path.write_bytes(main)
    path.with_name(path.name + "-wal").write_bytes(wal)
    with pytest.raises(CohortFileError, match="another application"):
        CohortSession.open(path)
    assert cli.main(["--lang", "en", "info", str(path)]) == 2
    assert "another application" in capsys.readouterr().err
