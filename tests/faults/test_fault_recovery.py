"""Unsaved work is found by the cohort's id, not the path it was opened from: the same
stick under another drive letter or mount point gets its recovery offer."""

from __future__ import annotations

import os

import pytest
from fault_helpers import codes, crash, small_cohort

from ilmava_desktop.services.cohort.create import create_cohort
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.storage.cohort_file import recoverable
from ilmava_desktop.storage.errors import CohortFileError
from ilmava_desktop.storage.locations import working_dir


@pytest.fixture
def moved(tmp_path):
    """Work left unsaved on stick E:, which now shows up as F:."""
    on_e = small_cohort(tmp_path / "E" / "kevät.ilmava")
    session = CohortSession.open(on_e)
    add_municipality(session, "398")
    crash(session)
    os.replace(tmp_path / "E", tmp_path / "F")
    return on_e, tmp_path / "F" / "kevät.ilmava"


def test_the_same_stick_under_another_drive_letter_is_offered_its_work(moved):
    on_e, on_f = moved
    found = recoverable(on_f)
    assert found is not None
    assert found.original == on_e and found.changed_at
    with pytest.raises(CohortFileError, match="unsaved changes"):
        CohortSession.open(on_f)
    recovered = CohortSession.open(on_f, recover=True)
    assert codes(recovered) == ["091", "398", "638"]
    recovered.close()
    assert not working_dir(on_e).exists()  # nothing left orphaned
    assert recoverable(on_f) is None
    again = CohortSession.open(on_f)
    assert codes(again) == ["091", "398", "638"]
    again.close()


def test_work_found_under_another_path_can_be_discarded(moved):
    on_e, on_f = moved
    opened = CohortSession.open(on_f, recover=False)
    assert codes(opened) == ["091", "638"]
    opened.close()
    assert not working_dir(on_e).exists()
    assert recoverable(on_f) is None


def test_a_copy_that_is_still_in_its_place_keeps_its_own_work(tmp_path):
    original = small_cohort(tmp_path / "E" / "kevät.ilmava")
    copy = tmp_path / "G" / "kevät (kopio).ilmava"
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())  # the same cohort id
    session = CohortSession.open(original)
    add_municipality(session, "398")
    crash(session)
    assert recoverable(copy) is None
    opened = CohortSession.open(copy)
    assert codes(opened) == ["091", "638"]
    opened.close()
    assert recoverable(original) is not None


def test_a_drive_letter_now_holding_another_cohort_is_not_offered_its_work(tmp_path):
    on_e = small_cohort(tmp_path / "E" / "kevät.ilmava")
    session = CohortSession.open(on_e)
    add_municipality(session, "398")
    crash(session)
    os.replace(tmp_path / "E", tmp_path / "stick-one")
    on_e.parent.mkdir()
    create_cohort(on_e, "Toinen kohortti").close()  # another stick, the same letter
    assert recoverable(on_e) is None
    other = CohortSession.open(on_e)
    assert codes(other) == []
    other.close()
    # The first stick's work is still there for it, wherever it shows up.
    back = tmp_path / "stick-one" / "kevät.ilmava"
    assert recoverable(back) is not None
    recovered = CohortSession.open(back, recover=True)
    assert codes(recovered) == ["091", "398", "638"]
    recovered.close()


def test_damaged_unsaved_work_is_refused_and_can_be_discarded(tmp_path):
    path = small_cohort(tmp_path / "kevät.ilmava")
    session = CohortSession.open(path)
    add_municipality(session, "398")
    crash(session)
    working = working_dir(path) / "cohort.sqlite"
    for suffix in ("-wal", "-shm"):
        working.with_name(working.name + suffix).unlink(missing_ok=True)
    data = bytearray(working.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    working.write_bytes(bytes(data))
    with pytest.raises(CohortFileError, match="kept on this laptop are damaged"):
        CohortSession.open(path, recover=True)
    opened = CohortSession.open(path, recover=False)
    assert codes(opened) == ["091", "638"]
    opened.close()
