"""A session killed at each named step of a save: the next one recovers everything, saves
without calling its own file someone else's, and leaves nothing beside the cohort."""

from __future__ import annotations

import os
import pathlib

import pytest
from fault_helpers import codes, crash, files_beside, small_cohort

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.storage import backups
from ilmava_desktop.storage.cohort_file import recoverable


class Killed(BaseException):
    """The process ends here: nothing after this line runs."""


def kill_at(step: str, cohort: pathlib.Path, fault):
    real_replace = os.replace
    swapped = []

    def replace(src, dst, *args, **kwargs):
        dst = pathlib.Path(dst)
        if dst == cohort and step == "before the swap":
            raise Killed
        if dst.name == "state.json" and swapped and step == "during the state update":
            raise Killed
        if dst.name == "state.json" and not swapped and step == "recording the new content":
            raise Killed
        real_replace(src, dst, *args, **kwargs)
        if dst == cohort:
            swapped.append(dst)
            if step == "after the swap":
                raise Killed

    def backup(*args, **kwargs):
        raise Killed

    fault.setattr(os, "replace", replace)
    if step == "during the backup":
        fault.setattr(backups, "due", lambda *args, **kwargs: True)
        fault.setattr(backups, "make_backup", backup)


STEPS = ["recording the new content", "before the swap", "after the swap",
         "during the state update", "during the backup"]


@pytest.mark.parametrize("step", STEPS)
def test_a_session_killed_during_a_save_loses_nothing(tmp_path, monkeypatch, step):
    path = small_cohort(tmp_path / "tikku" / "kevät.ilmava")
    session = CohortSession.open(path)
    add_municipality(session, "398")
    with monkeypatch.context() as fault, pytest.raises(Killed):
        kill_at(step, path, fault)
        session.save()
    crash(session)
    found = recoverable(path)
    reopened = CohortSession.open(path, recover=True if found else None)
    assert codes(reopened) == ["091", "398", "638"]
    add_municipality(reopened, "734")
    reopened.save()  # never "changed by someone else"
    reopened.close()
    assert files_beside(path) == [path.name]
    again = CohortSession.open(path)
    assert codes(again) == ["091", "398", "638", "734"]
    again.close()
