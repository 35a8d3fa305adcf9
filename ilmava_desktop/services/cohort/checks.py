"""`ilmava check`: is a cohort file whole, and does it follow the programme's rules?"""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.services.cohort.rule_checks import violations
from ilmava_desktop.storage import integrity
from ilmava_desktop.storage.cohort_file import read_only
from ilmava_desktop.storage.schema import migrate


def check_file(path: Path) -> list[str]:
    """Problems found, one sentence each; raises CohortFileError for an unusable file.

    The same check refuses a damaged file on opening (storage/integrity.py), so a file
    that opens has nothing for this to find. A whole file is then checked against the
    programme's rules (which a merge of two copies may break), each with what to do.
    """
    db = read_only(Path(path), verify=False, upgrade=False)
    try:
        found = integrity.problems(db.conn)
        if found:
            return found
        migrate(db)  # the copy in memory only: an older file's rules read as today's
        return [str(violation) for violation in violations(db)]
    finally:
        db.close()
