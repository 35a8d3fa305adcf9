"""What the fault tests share: a small cohort, a crash, and a process that has ended."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from ilmava_desktop.services.cohort.create import create_cohort
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.services.municipalities import add_municipality, municipality_id
from ilmava_desktop.services.municipalities.people import add_person
from ilmava_desktop.storage import locks, queries
from ilmava_desktop.storage.locations import working_dir

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_template: list[bytes] = []


def small_cohort(path: Path) -> Path:
    """A saved cohort with two municipalities and a few people, closed.

    Built once and copied: the suite stays within its minute.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not _template:
        session = create_cohort(path, "Vikakoe", year=2027)
        for code in ("091", "638"):
            add_municipality(session, code)
            for n in range(3):
                add_person(session, municipality_id(code), f"Henkilö {code}-{n}",
                           email=f"h{code}{n}@kunta.example")
        session.close()
        _template.append(path.read_bytes())
    else:
        path.write_bytes(_template[0])
    # Saved a while ago: a save now must not match it by its time by chance (the
    # file system's clock may tick only every few milliseconds).
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    return path


def codes(session: CohortSession) -> list[str]:
    return sorted(m.code for m in queries.municipalities(session.db))


def crash(session: CohortSession) -> None:
    """The app dies: nothing saved back, nothing cleaned up, the lock left behind."""
    session.db.close()


def pretend_state_of(path: Path, **fields) -> None:
    """Rewrite the working copy's record as if another process had written it."""
    state_file = working_dir(path) / "state.json"
    state = json.loads(state_file.read_text("utf-8"))
    state.update(fields)
    state_file.write_text(json.dumps(state), "utf-8")


def ended_pid() -> int:
    """The id of a process that has run and ended (and was reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def files_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def lock_of(path: Path) -> locks.LockInfo | None:
    return locks.read(path)
