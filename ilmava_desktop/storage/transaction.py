"""The one way rows are written: stamped, tombstoned, and remembered for undo.

Every write of a use case runs inside one `Transaction`. It stamps each row it
touches, never deletes (a delete is a tombstone, so a later merge knows of it),
and records each row before and after, which is all undo and redo need.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import sqlite_utils

# Deterministic ids for rows that mean the same thing on two laptops.
ID_NAMESPACE = uuid.UUID("6f1c1d1e-8a57-4d7e-9a0c-1f2d3c4b5a69")


def new_id() -> str:
    return str(uuid.uuid4())


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


@dataclass(frozen=True)
class RowChange:
    table: str
    id: str
    before: dict | None
    after: dict


@dataclass
class Transaction:
    db: sqlite_utils.Database
    next_stamp: Callable[[], str]
    changes: list[RowChange] = field(default_factory=list)

    def get(self, table: str, row_id: str) -> dict | None:
        rows = list(self.db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
        return rows[0] if rows else None

    def put(self, table: str, row: dict) -> dict:
        """Insert or update a row (revives a tombstone); returns the row as stored."""
        before = self.get(table, row["id"])
        merged = {**(before or {}), **row, "stamp": self.next_stamp()}
        merged.setdefault("deleted", 0)
        if before is not None and _same(before, merged):
            return before
        columns = tuple(merged)
        self.db.execute(_upsert_sql(table, columns), [merged[c] for c in columns])
        self.changes.append(RowChange(table, row["id"], before, merged))
        return merged

    def update(self, table: str, row_id: str, fields: dict) -> dict:
        return self.put(table, {"id": row_id, **fields})

    def tombstone(self, table: str, row_id: str, wipe: dict | None = None) -> None:
        """Mark a row deleted; `wipe` blanks personal data that must not stay in the file."""
        self.put(table, {"id": row_id, "deleted": 1, **(wipe or {})})

    def restore(self, table: str, row: dict | None, row_id: str) -> None:
        """Put a row back as it was (undo/redo); a row that did not exist becomes a tombstone."""
        if row is None:
            self.tombstone(table, row_id)
        else:
            self.put(table, {k: v for k, v in row.items() if k != "stamp"})

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(change.table for change in self.changes)


@lru_cache(maxsize=256)
def _upsert_sql(table: str, columns: tuple[str, ...]) -> str:
    """One prepared upsert per table and column set.

    sqlite-utils' Table.upsert re-reads the table's schema on every call (about
    0.6 ms a row); this path writes every row of an import, so it keeps the SQL.
    """
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != "id")
    return (f"INSERT INTO [{table}] ({names}) VALUES ({marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}")


def _same(before: dict, after: dict) -> bool:
    return all(before.get(k) == v for k, v in after.items() if k != "stamp")
