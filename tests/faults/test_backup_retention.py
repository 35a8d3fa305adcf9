"""Backups of earlier versions are kept two weeks at most, whichever cohort is opened.

A deleted person's data lives on in every backup made before the deletion, so the
promise "gone within two weeks" has to hold for the backups too: the newest few are
not kept past it, and a cohort that is never opened again is pruned all the same.
"""

import os
from datetime import datetime, timedelta

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.storage import backups
from ilmava_desktop.storage.locations import backup_dir


def backups_of(session, count):
    for _ in range(count):
        backups.make_backup(session.db, session.path)
    return backups.list_backups(session.path)


def age(backup, days):
    """Pretend a backup was made `days` ago (its name and its time, as a real one would be)."""
    when = datetime.now() - timedelta(days=days)
    aged = backup.with_name(f"{when:%Y%m%d-%H%M%S-%f}.ilmava")
    backup.rename(aged)
    os.utime(aged, (when.timestamp(), when.timestamp()))
    return aged


def test_even_the_newest_backups_go_once_they_are_two_weeks_old(session):
    made = backups_of(session, 4)
    assert len(made) == 4
    backups.prune_all(now=datetime.now() + timedelta(days=365))
    assert backups.list_backups(session.path) == []


def test_recent_backups_are_kept(session):
    made = backups_of(session, 3)
    backups.prune_all(now=datetime.now() + timedelta(days=13))
    assert backups.list_backups(session.path) == made


def test_opening_another_cohort_prunes_a_cohort_that_is_never_opened_again(session, tmp_path):
    old = [age(path, 30) for path in backups_of(session, 4)]
    session.close()
    other_path = tmp_path / "toinen.ilmava"
    from ilmava_desktop.services.cohort.create import create_cohort

    create_cohort(other_path, "Another cohort").close()
    other = CohortSession.open(other_path)  # opening makes a backup of this one, and prunes
    try:
        assert not any(path.exists() for path in old)
        assert not backup_dir(session.path).exists()  # no empty folder left behind
        assert len(backups.list_backups(other_path)) == 1
    finally:
        other.close()


def test_files_that_are_not_backups_are_left_alone(session):
    folder = backup_dir(session.path)
    backups_of(session, 1)
    stranger = folder / "muistiinpanot.txt"
    stranger.write_text("not ours")
    backups.prune_all(now=datetime.now() + timedelta(days=365))
    assert stranger.exists()
