"""The uses the user chose for imported columns, kept in the cohort for the next file."""

from __future__ import annotations

from ilmava_desktop.core.columns import ColumnMap, header_name
from ilmava_desktop.storage.transaction import Transaction, stable_id

# The importers whose choices are kept apart: a "Nimi" column means a person in
# registrations and a sparrer in the sparrer bank.
MUNICIPALITIES, ANSWERS, SPARRERS, INTERVIEWEES = ("municipalities", "answers", "sparrers",
                                                   "interviewees")


def remembered(db, importer: str) -> dict[str, str | None]:
    """header -> field (None: not used), as chosen for earlier files."""
    if "column_choice" not in db.table_names():
        return {}
    return {row["header"]: row["field"] or None for row in db.query(
        "SELECT header, field FROM column_choice WHERE importer = ? AND deleted = 0",
        [importer])}


def with_remembered(db, importer: str, chosen: dict[str, str | None] | None
                    ) -> dict[str, str | None]:
    """The choices for a file: those remembered, and over them those given now."""
    given = {header_name(h): f for h, f in (chosen or {}).items()}
    kept = {h: f for h, f in remembered(db, importer).items() if h not in given}
    return {**kept, **given}


def remember(tx: Transaction, importer: str, columns: ColumnMap) -> None:
    """Keep the user's choices among a file's columns (not the guesses)."""
    for use in columns.uses:
        if use.chosen:
            key = header_name(use.header)
            tx.put("column_choice", {"id": stable_id("column_choice", importer, key),
                                     "importer": importer, "header": key,
                                     "field": use.field or "", "deleted": 0})
