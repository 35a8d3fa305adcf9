"""The user's file: refused when unusable, never written then; saved back atomically."""

import hashlib
import sqlite3

import pytest

from ilmava_desktop.services.cohort.create import create_cohort
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality, municipality_id
from ilmava_desktop.services.municipalities.people import add_person
from ilmava_desktop.storage import backups, locks
from ilmava_desktop.storage.cohort_file import CohortFile, inspect, recoverable
from ilmava_desktop.storage.errors import CohortFileError, OriginalChanged, SaveError
from ilmava_desktop.storage.schema import APPLICATION_ID, SCHEMA_VERSION


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sqlite_file(path, app_id=0, user_version=0):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return path


def test_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.ilmava"
    path.write_text("not a database")
    before = digest(path)
    with pytest.raises(CohortFileError, match="is not an ILMAVA cohort file"):
        CohortSession.open(path)
    assert digest(path) == before


def test_other_applications_database_is_refused(tmp_path):
    path = sqlite_file(tmp_path / "other.sqlite")
    before = digest(path)
    with pytest.raises(CohortFileError, match="database of another application"):
        CohortSession.open(path)
    assert digest(path) == before


def test_file_from_a_newer_version_is_refused(tmp_path):
    path = sqlite_file(tmp_path / "new.ilmava", APPLICATION_ID, SCHEMA_VERSION + 1)
    before = digest(path)
    with pytest.raises(CohortFileError, match="newer version"):
        CohortSession.open(path)
    assert digest(path) == before


def test_damaged_file_is_refused(session, cohort_path):
    session.close()
    data = bytearray(cohort_path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # wreck the second page
    cohort_path.write_bytes(bytes(data))
    before = digest(cohort_path)
    with pytest.raises(CohortFileError, match="damaged"):
        inspect(cohort_path)
    assert digest(cohort_path) == before


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(CohortFileError, match="does not exist"):
        CohortSession.open(tmp_path / "nothing.ilmava")


def test_changes_reach_the_users_file_only_when_saved(session, cohort_path):
    before = digest(cohort_path)
    add_municipality(session, "398")
    assert digest(cohort_path) == before  # still only in the working copy
    session.save()
    assert digest(cohort_path) != before
    session.close()
    reopened = CohortSession.open(cohort_path)
    assert [m.code for m in reopened_municipalities(reopened)] == ["398"]
    reopened.close()


def reopened_municipalities(session):
    from ilmava_desktop.storage import queries
    return queries.municipalities(session.db)


def test_saved_file_is_a_single_self_contained_file(session, cohort_path):
    add_municipality(session, "398")
    session.save()
    assert not cohort_path.with_name(cohort_path.name + "-wal").exists()
    header = cohort_path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL
    assert sorted(p.name for p in cohort_path.parent.iterdir()) == [
        cohort_path.name, cohort_path.name + ".lock"]


def test_save_refuses_to_overwrite_a_file_changed_by_someone_else(session, cohort_path):
    add_municipality(session, "398")
    other = digest(cohort_path)
    with cohort_path.open("ab") as f:  # a sync client replaced it meanwhile
        f.write(b"\0" * 4096)
    changed = digest(cohort_path)
    assert changed != other
    with pytest.raises(OriginalChanged):
        session.save()
    assert digest(cohort_path) == changed
    copy = cohort_path.with_name("copy.ilmava")
    session.file.save_copy(copy)
    inspect(copy)


def test_failed_save_keeps_the_work_for_recovery(session, cohort_path, monkeypatch):
    add_municipality(session, "398")

    def pulled_stick(*args):
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as fault:  # undoing it must not undo the test's data folder
        fault.setattr("os.replace", pulled_stick)
        with pytest.raises(SaveError, match="could not be saved"):
            session.save()
    assert not any(p.name.endswith(".tmp") for p in cohort_path.parent.iterdir())
    session.save()  # the stick is back
    assert session.file.dirty is False


def test_crash_leaves_a_working_copy_that_can_be_recovered(session, cohort_path):
    add_municipality(session, "398")
    session.db.close()  # the app dies: nothing saved back, nothing cleaned up
    locks.release(cohort_path)
    found = recoverable(cohort_path)
    assert found is not None
    with pytest.raises(CohortFileError, match="unsaved changes"):
        CohortSession.open(cohort_path)
    recovered = CohortSession.open(cohort_path, recover=True)
    assert [m.code for m in reopened_municipalities(recovered)] == ["398"]
    recovered.close()
    assert recoverable(cohort_path) is None
    again = CohortSession.open(cohort_path)
    assert [m.code for m in reopened_municipalities(again)] == ["398"]
    again.close()


def test_discarding_recovered_work_opens_the_file_as_saved(session, cohort_path):
    add_municipality(session, "398")
    session.db.close()
    opened = CohortSession.open(cohort_path, recover=False)
    assert reopened_municipalities(opened) == []
    opened.close()


def test_lock_of_another_machine_is_reported(session, cohort_path, monkeypatch):
    assert locks.held_by_other(cohort_path) is None
    monkeypatch.setattr("socket.gethostname", lambda: "other-laptop")
    info = locks.held_by_other(cohort_path)
    assert info is not None and info.host != "other-laptop"


def test_backups_are_made_on_open_and_rotated(session, cohort_path, tmp_path):
    assert backups.list_backups(cohort_path) == []  # a brand-new file needs none
    session.close()
    CohortSession.open(cohort_path).close()
    assert len(backups.list_backups(cohort_path)) == 1
    folder = backups.list_backups(cohort_path)[0].parent
    for day in range(1, 30):
        (folder / f"202601{day:02d}-120000-000000.ilmava").write_bytes(b"x")
    from datetime import datetime
    backups.rotate(folder, now=datetime(2026, 1, 29, 13))
    kept = sorted(p.name[:8] for p in folder.glob("*.ilmava"))
    assert len(kept) <= backups.KEEP_RECENT + backups.KEEP_DAILY_FOR + 1
    assert "20260101" not in kept and "20260129" in kept


def test_new_cohort_refuses_to_overwrite_an_existing_file(session, cohort_path):
    with pytest.raises(CohortFileError, match="already exists"):
        create_cohort(cohort_path, "Another")


def test_second_app_cannot_open_a_cohort_in_use(session, cohort_path, monkeypatch):
    import os
    monkeypatch.setattr(os, "getpid", lambda: 1)  # a different process, as far as it knows
    with pytest.raises(CohortFileError, match="already open"):
        CohortFile.open(cohort_path)


def test_people_survive_save_and_reopen(session, cohort_path):
    add_municipality(session, "638")
    add_person(session, municipality_id("638"), "Åsa Öberg", title="stadsdirektör",
               email="asa@borga.example", language="sv")
    session.close()
    from ilmava_desktop.services.cohort.reading import people_rows
    assert people_rows(cohort_path)[0]["name"] == "Åsa Öberg"


def test_a_fresh_demo_copy_makes_no_backup_but_reopening_it_does(tmp_path):
    from ilmava_desktop.services.demo import create_demo

    path = tmp_path / "demo.ilmava"
    create_demo(path).close()
    assert backups.list_backups(path) == []  # the bundled file is its backup
    CohortSession.open(path).close()
    assert len(backups.list_backups(path)) == 1
