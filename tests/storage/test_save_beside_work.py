"""Saving back runs beside the work: its own connection, and what was changed meanwhile
is saved next time, never lost. A save-back is held mid-way by an event the test sets;
nothing sleeps."""

import threading

import pytest

from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.storage import cohort_file
from ilmava_desktop.storage.cohort_file import read_only, recoverable

HOLD_LIMIT = 10  # seconds: a hold the test forgot to release fails instead of hanging


class HeldSave:
    """Holds each save-back after its snapshot is written, before it swaps the file in."""

    def __init__(self, monkeypatch):
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0
        original = cohort_file.replace_atomically

        def held(db, target, before_swap, name=None):
            self.calls += 1

            def wait_then_swap(new):
                self.started.set()
                assert self.release.wait(HOLD_LIMIT), "the held save was never released"
                before_swap(new)

            return original(db, target, wait_then_swap, name=name)

        monkeypatch.setattr(cohort_file, "replace_atomically", held)


def in_background(work):
    failures = []

    def run():
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 (reported to the test's thread)
            failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, failures


def on_disk(path, sql):
    db = read_only(path)
    try:
        return {row[0] for row in db.execute(sql).fetchall()}
    finally:
        db.close()


def codes_on_disk(path):
    return on_disk(path, "SELECT code FROM municipality WHERE deleted = 0")


def test_a_save_back_reads_the_working_copy_through_its_own_connection(session, cohort_path):
    # The worker is in the middle of a write: its connection holds an open transaction.
    add_municipality(session, "091")
    session.db.execute("BEGIN IMMEDIATE")
    session.db.execute("UPDATE municipality SET wicked_problem = 'kesken'")
    session.file.save_back()
    session.db.execute("COMMIT")
    assert codes_on_disk(cohort_path) == {"091"}
    # Not committed when the save read the working copy, so not in the file.
    assert "kesken" not in on_disk(cohort_path, "SELECT wicked_problem FROM municipality")


def test_an_edit_made_during_a_save_back_is_saved_by_the_next_one(session, cohort_path,
                                                                   monkeypatch):
    add_municipality(session, "091")
    hold = HeldSave(monkeypatch)
    saving, failures = in_background(session.save)
    assert hold.started.wait(HOLD_LIMIT)
    add_municipality(session, "398")  # typed while the file is being written
    hold.release.set()
    saving.join(HOLD_LIMIT)
    assert not failures
    assert codes_on_disk(cohort_path) == {"091"}  # the snapshot was taken before it
    assert session.file.dirty, "the edit made during the save would be lost"
    assert recoverable(cohort_path) is not None  # and a crash now would offer it
    session.save()
    assert codes_on_disk(cohort_path) == {"091", "398"}
    assert not session.file.dirty


def test_closing_during_a_save_back_waits_for_it_and_saves_the_rest(session, cohort_path,
                                                                    monkeypatch):
    add_municipality(session, "091")
    hold = HeldSave(monkeypatch)
    saving, save_failures = in_background(session.save)
    assert hold.started.wait(HOLD_LIMIT)
    add_municipality(session, "398")
    closing, close_failures = in_background(session.close)
    closing.join(0.5)
    assert closing.is_alive(), "closed while a save-back was still writing"
    assert hold.calls == 1, "a second save-back started beside the running one"
    hold.release.set()
    saving.join(HOLD_LIMIT)
    closing.join(HOLD_LIMIT)
    assert not save_failures and not close_failures
    assert codes_on_disk(cohort_path) == {"091", "398"}
    assert recoverable(cohort_path) is None
    assert not [p for p in cohort_path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("copy", [False, True])
def test_only_one_save_back_writes_at_a_time(session, cohort_path, monkeypatch, copy):
    add_municipality(session, "091")
    hold = HeldSave(monkeypatch)
    first, first_failures = in_background(session.save)
    assert hold.started.wait(HOLD_LIMIT)
    add_municipality(session, "398")
    other = (lambda: session.file.save_copy(cohort_path.with_name("kopio.ilmava"))) if copy \
        else session.file.save_back
    second, second_failures = in_background(other)
    second.join(0.5)
    assert hold.calls == 1
    hold.release.set()
    first.join(HOLD_LIMIT)
    second.join(HOLD_LIMIT)
    assert not first_failures and not second_failures
    assert codes_on_disk(cohort_path) == ({"091"} if copy else {"091", "398"})
