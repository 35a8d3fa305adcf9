"""One open cohort: the file, its clock and the undo history of what was done live."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from ilmava_desktop.core.stamps import HybridClock
from ilmava_desktop.i18n import _
from ilmava_desktop.services.cohort.device import device_id
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.cohort_file import CohortFile
from ilmava_desktop.storage.transaction import RowChange, Transaction


@dataclass(frozen=True)
class Changes:
    """What a write changed, row by row, so each screen can refresh just what it shows."""

    rows: Mapping[str, frozenset[str]]  # table -> ids of the rows written
    description: str = ""
    result: Any = None

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def only(self, table: str) -> frozenset[str]:
        """The ids written in `table` when the write changed nothing else; else none."""
        return self.rows[table] if self.tables == {table} else frozenset()

    @classmethod
    def of(cls, changed: list[RowChange], description: str = "", result: Any = None) -> Changes:
        rows: dict[str, set[str]] = {}
        for change in changed:
            rows.setdefault(change.table, set()).add(change.id)
        return cls({table: frozenset(ids) for table, ids in rows.items()}, description, result)


NO_CHANGES = Changes({})


class Keep:
    """A keyword left out of an edit, where None is itself a value (no theme, no
    municipality): `update(..., theme=None)` clears it, leaving `theme` out keeps it."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = Keep()


def given(**fields) -> dict:
    """The fields an edit was given, those left out (KEEP) dropped."""
    return {name: value for name, value in fields.items() if value is not KEEP}


@dataclass
class _UndoEntry:
    description: str
    rows: list[RowChange]


@dataclass
class CohortSession:
    file: CohortFile
    clock: HybridClock
    _undo: list[_UndoEntry] = field(default_factory=list)
    _redo: list[_UndoEntry] = field(default_factory=list)
    closed: bool = False

    UNDO_LIMIT = 200

    @classmethod
    def open(cls, path: Path, recover: bool | None = None, backup: bool = True) -> CohortSession:
        cohort_file = CohortFile.open(Path(path), recover=recover, backup=backup)
        return cls._around(cohort_file)

    @classmethod
    def create(cls, path: Path, fill: Callable[[Transaction], None]) -> CohortSession:
        clock = HybridClock(device_id())

        def fill_db(db: sqlite_utils.Database) -> None:
            with db.atomic():
                tx = Transaction(db, clock.now)
                fill(tx)
                tx.record_clock()

        return cls._around(CohortFile.create(Path(path), fill_db))

    @classmethod
    def _around(cls, cohort_file: CohortFile) -> CohortSession:
        clock = HybridClock(device_id())
        if stamp := queries.latest_stamp(cohort_file.db):
            clock.observe(stamp)
        return cls(cohort_file, clock)

    @property
    def db(self) -> sqlite_utils.Database:
        return self.file.db

    @property
    def path(self) -> Path:
        return self.file.path

    def write(self, description: str, work: Callable[[Transaction], Any]) -> Changes:
        """Run one use case's writes in one transaction; all or nothing, then undoable."""
        tx = Transaction(self.db, self.clock.now)
        with self.db.atomic():
            result = work(tx)
            tx.record_clock()
        if tx.changes:
            self.file.mark_dirty()
            self._undo.append(_UndoEntry(description, tx.changes))
            del self._undo[: -self.UNDO_LIMIT]
            self._redo.clear()
        return Changes.of(tx.changes, description, result)

    # -- undo ----------------------------------------------------------------------

    def undo_description(self) -> str | None:
        return self._undo[-1].description if self._undo else None

    def redo_description(self) -> str | None:
        return self._redo[-1].description if self._redo else None

    def undo(self) -> Changes:
        if not self._undo:
            return NO_CHANGES
        entry = self._undo.pop()
        changes = self._replay(entry, backwards=True)
        self._redo.append(entry)
        return changes

    def redo(self) -> Changes:
        if not self._redo:
            return NO_CHANGES
        entry = self._redo.pop()
        changes = self._replay(entry, backwards=False)
        self._undo.append(entry)
        return changes

    def _replay(self, entry: _UndoEntry, backwards: bool) -> Changes:
        tx = Transaction(self.db, self.clock.now)
        with self.db.atomic():
            rows = reversed(entry.rows) if backwards else entry.rows
            for change in rows:
                tx.restore(change.table, change.before if backwards else change.after, change.id)
            tx.record_clock()
        self.file.mark_dirty()
        label = _("Undone: {what}") if backwards else _("Redone: {what}")
        return Changes.of(tx.changes, label.format(what=entry.description))

    # -- saving --------------------------------------------------------------------

    def save(self) -> None:
        """Save what is not yet in the user's file; may run beside the work, on a thread of
        its own (the working copy is read through a connection of the save's own)."""
        self.file.save_if_dirty()

    def close(self, save: bool = True) -> None:
        try:
            self.file.close(save=save)
        finally:
            self.closed = True

    def continue_as(self, target: Path) -> CohortSession:
        """Write this version to `target` and go on working there, with the undo history.

        For a file changed elsewhere: the other version stays as it is, and this one is not
        left behind as unsaved work, since all of it is in `target`.
        """
        self.file.save_copy(Path(target))
        self.file.dirty = False
        self.close(save=False)
        moved = CohortSession.open(Path(target))
        moved._undo, moved._redo = self._undo, self._redo
        return moved
