"""The one way rows are written: stamped, tombstoned, and remembered for undo.

Every write of a use case runs inside one `Transaction`. It stamps each row it
touches, never deletes (a delete is a tombstone, so a later merge knows of it),
and records each row before and after, which is all undo and redo need.

A row's `stamp` is its latest change. A field changed before that keeps the stamp of
its own last change in `_field_stamps` (only those fields, so a row written once has
none), which lets a merge take a field changed on one laptop and another field of the
same row changed on another. `_clock` remembers the latest stamp each laptop has
written into the file (or into a copy merged in), so a merge tells an edit the other
copy has already seen from one made beside it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache

import sqlite_utils

# Deterministic ids for rows that mean the same thing on two laptops.
ID_NAMESPACE = uuid.UUID("6f1c1d1e-8a57-4d7e-9a0c-1f2d3c4b5a69")


def new_id() -> str:
    return str(uuid.uuid4())


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def derived_id(db: sqlite_utils.Database, table: str, *parts: str,
               taken: Collection[str] = ()) -> str:
    """The id of a new row derived from the cohort and what the row is (a day's date and
    title, a round's name), so the same thing made on two laptops is one row when their
    copies are merged. An id a live row already has is passed over, alike on every laptop."""
    cohort = db.execute("SELECT id FROM cohort WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    base = (table, cohort[0] if cohort else "", *parts)
    attempt = 0
    while True:
        row_id = stable_id(*base, *([str(attempt)] if attempt else []))
        if row_id not in taken and not db.execute(
                f"SELECT 1 FROM [{table}] WHERE id = ? AND deleted = 0", [row_id]).fetchone():
            return row_id
        attempt += 1


TOKEN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def stable_token(row_id: str, attempt: int = 0) -> str:
    """A badge token derived from a person's id: the same badge on every laptop."""
    digest = int.from_bytes(hashlib.sha256(f"{row_id}/{attempt}".encode()).digest()[:8], "big")
    letters = []
    for _ in range(8):
        digest, index = divmod(digest, len(TOKEN_ALPHABET))
        letters.append(TOKEN_ALPHABET[index])
    return "".join(letters)


# Bookkeeping tables of the file itself, never merged as rows.
FIELD_STAMPS = "_field_stamps"
CLOCK = "_clock"


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

    last_stamp: str | None = None

    def put(self, table: str, row: dict) -> dict:
        """Insert or update a row (revives a tombstone); returns the row as stored."""
        before = self.get(table, row["id"])
        merged = {**(before or {}), **row, "stamp": self.next_stamp()}
        merged.setdefault("deleted", 0)
        if before is not None and _same(before, merged):
            return before
        columns = tuple(merged)
        self.db.execute(_upsert_sql(table, columns), [merged[c] for c in columns])
        if before is not None:
            older = field_stamps(self.db, table, row["id"])
            kept = {name: older.get(name, before["stamp"]) for name in merged
                    if name not in ("id", "stamp") and before.get(name) == merged[name]}
            write_field_stamps(self.db, table, row["id"], kept)
        self.last_stamp = merged["stamp"]
        self.changes.append(RowChange(table, row["id"], before, merged))
        return merged

    def adopt(self, table: str, row: dict, stamps: dict[str, str]) -> None:
        """Write a row as another copy of the cohort has it, its stamps kept (a merge)."""
        before = self.get(table, row["id"])
        columns = tuple(row)
        self.db.execute(_upsert_sql(table, columns), [row[c] for c in columns])
        write_field_stamps(self.db, table, row["id"], stamps)
        self.changes.append(RowChange(table, row["id"], before, row))

    def record_clock(self) -> None:
        """Remember this laptop's latest stamp in the file (called once a write is done)."""
        if self.last_stamp is not None:
            note_clock(self.db, {self.last_stamp.split(".", 2)[2]: self.last_stamp})

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


def field_stamps(db: sqlite_utils.Database, table: str, row_id: str) -> dict[str, str]:
    """The stamps of a row's fields changed before its latest change (the rest have the
    row's own stamp)."""
    found = db.execute(f"SELECT stamps FROM {FIELD_STAMPS} WHERE tbl = ? AND row_id = ?",
                       [table, row_id]).fetchone()
    return json.loads(found[0]) if found else {}


def write_field_stamps(db: sqlite_utils.Database, table: str, row_id: str,
                       stamps: dict[str, str]) -> None:
    if stamps:
        db.execute(f"INSERT INTO {FIELD_STAMPS} (tbl, row_id, stamps) VALUES (?, ?, ?)"
                   " ON CONFLICT(tbl, row_id) DO UPDATE SET stamps = excluded.stamps",
                   [table, row_id, json.dumps(stamps, sort_keys=True)])
    else:
        db.execute(f"DELETE FROM {FIELD_STAMPS} WHERE tbl = ? AND row_id = ?", [table, row_id])


def note_clock(db: sqlite_utils.Database, latest: dict[str, str]) -> None:
    """Raise each laptop's latest stamp the file knows of to at least `latest`."""
    db.conn.executemany(
        f"INSERT INTO {CLOCK} (device, stamp) VALUES (?, ?) ON CONFLICT(device)"
        " DO UPDATE SET stamp = max(stamp, excluded.stamp)", list(latest.items()))


def clock(db: sqlite_utils.Database) -> dict[str, str]:
    return dict(db.execute(f"SELECT device, stamp FROM {CLOCK}").fetchall())


def _same(before: dict, after: dict) -> bool:
    return all(before.get(k) == v for k, v in after.items() if k != "stamp")
