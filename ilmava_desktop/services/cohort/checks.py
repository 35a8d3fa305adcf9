"""`ilmava check`: is a cohort file whole, and does it follow the programme's rules?"""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core.rules import ABSOLUTE_MAX_ATTENDANCE
from ilmava_desktop.i18n import _
from ilmava_desktop.storage.cohort_file import read_only
from ilmava_desktop.storage.schema import MIGRATIONS, schema_version


def check_file(path: Path) -> list[str]:
    """Problems found, one sentence each; raises CohortFileError for an unusable file."""
    db = read_only(Path(path))  # header, application id, version and quick_check
    problems: list[str] = []
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        problems += [_("Integrity: {detail}").format(detail=detail) for detail in integrity]
    for table, _rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(_("A row of {table} points to a missing row of {parent}.").format(
            table=table, parent=parent))
    recorded = [row[0] for row in db.execute("SELECT name FROM _migrations ORDER BY name")]
    expected = [name for name, _step in MIGRATIONS[: schema_version(db)]]
    if recorded != expected:
        problems.append(_("The schema's migration record does not match its version."))
    if db.execute("SELECT count(*) FROM cohort WHERE deleted = 0").fetchone()[0] != 1:
        problems.append(_("The file should describe exactly one cohort."))
    for title, low, high in db.execute(
        "SELECT title, min_attendance, max_attendance FROM day WHERE deleted = 0"
    ):
        if not (0 <= low <= high <= ABSOLUTE_MAX_ATTENDANCE):
            problems.append(_("Day “{title}” has attendance limits {low}–{high}.").format(
                title=title, low=low, high=high))
    orphans = db.execute(
        "SELECT count(*) FROM person JOIN municipality ON municipality.id = person.municipality_id"
        " WHERE person.deleted = 0 AND municipality.deleted = 1"
    ).fetchone()[0]
    if orphans:
        problems.append(_("{n} people belong to a removed municipality.").format(n=orphans))
    return problems
