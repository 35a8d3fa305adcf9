"""Merging two copies of one cohort, row by row and field by field.

Each field of a row carries the stamp of its last change (a hybrid logical clock, see
stamps.py). Of two copies' values of a field, the one with the later stamp is kept; so a
field changed on one copy only is taken from it, and a field changed on both is decided
by the later change. Whether a change was made "on both" is told by what each copy has
seen: each copy knows every laptop's latest stamp it holds (its clock), and a stamp the
other copy has not seen was written beside it. A deletion is the field `deleted` like
any other: it wins over an edit made before it, and an edit made after it on the other
copy is listed, since that copy did not know the row was gone.

Taking the later stamp field by field is commutative, associative and idempotent: any
number of copies merged in any order reach the same content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

BOOKKEEPING = ("id", "stamp")


@dataclass(frozen=True)
class Conflict:
    """A field both copies changed without knowing of the other's change."""

    table: str
    id: str
    field: str
    ours: object
    theirs: object
    kept: object
    label: str = ""  # what the row is, as the facilitator knows it (a name, a title)

    def as_dict(self) -> dict:
        return {"table": self.table, "id": self.id, "field": self.field, "ours": self.ours,
                "theirs": self.theirs, "kept": self.kept}


@dataclass(frozen=True)
class MergedRow:
    table: str
    row: dict
    stamps: dict[str, str]  # fields whose stamp is older than the row's
    before: dict | None  # our row, if we had it
    conflicts: tuple[Conflict, ...]
    written: bool = True  # False: ours kept whole (only its conflicts are news)

    @property
    def kind(self) -> str:
        """added, changed, deleted, kept (ours, with a conflict), or hidden (a tombstone we
        did not have: nothing shows)."""
        if not self.written:
            return "kept"
        live = not self.row.get("deleted")
        was_live = self.before is not None and not self.before.get("deleted")
        if live and not was_live:
            return "added"
        if not live:
            return "deleted" if was_live else "hidden"
        return "changed"


# Fields whose values only make sense together (the lower must not exceed the upper).
TOGETHER = {"day": (("min_attendance", "max_attendance"),)}


def _out_of_order(row: Mapping, low: str, high: str) -> bool:
    a, b = row.get(low), row.get(high)
    return isinstance(a, int | float) and isinstance(b, int | float) and a > b


def label_of(*rows: Mapping) -> str:
    """What a row is called: a name, a title, the start of a text (the first copy's that
    has one; a deleted person's name is blank)."""
    for row in rows:
        for name in ("name", "name_fi", "title", "text", "date", "statement_id"):
            value = row.get(name)
            if isinstance(value, str) and value.strip():
                text = value.strip()
                return text if len(text) <= 40 else text[:39] + "…"
    return ""


def device_of(stamp: str) -> str:
    return stamp.split(".", 2)[2] if stamp.count(".") >= 2 else ""


def seen(stamp: str, clock: Mapping[str, str]) -> bool:
    """Whether a copy with this clock has seen the change stamped `stamp`."""
    return clock.get(device_of(stamp), "") >= stamp


def full_stamps(row: Mapping, stamps: Mapping[str, str]) -> dict[str, str]:
    """Every field's stamp: its own where recorded, else the row's."""
    return {name: stamps.get(name, row["stamp"]) for name in row if name not in BOOKKEEPING}


def sparse_stamps(row_stamp: str, stamps: Mapping[str, str]) -> dict[str, str]:
    return {name: stamp for name, stamp in stamps.items() if stamp != row_stamp}


def _order(value: object) -> tuple:
    # Two values with one stamp (never from two laptops; only a copy edited twice with one
    # clock) are still decided alike in either direction.
    return (value is not None, type(value).__name__, str(value))


def merge_row(table: str, ours: Mapping | None, our_stamps: Mapping[str, str],
              theirs: Mapping, their_stamps: Mapping[str, str],
              our_clock: Mapping[str, str], their_clock: Mapping[str, str]) -> MergedRow | None:
    """Our row with theirs merged in; None when ours already holds all of theirs and
    nothing conflicts."""
    if ours is None:
        stamps = sparse_stamps(theirs["stamp"], their_stamps)
        return MergedRow(table, dict(theirs), stamps, None, ())
    mine = full_stamps(ours, our_stamps)
    other = full_stamps(theirs, their_stamps)
    row: dict = {"id": ours["id"]}
    stamps: dict[str, str] = {}
    conflicts: list[Conflict] = []
    for name in mine.keys() | other.keys():
        ours_value, theirs_value = ours.get(name), theirs.get(name)
        ours_stamp, theirs_stamp = mine.get(name, ""), other.get(name, "")
        if ours_value == theirs_value:
            row[name], stamps[name] = ours_value, max(ours_stamp, theirs_stamp)
            continue
        take_theirs = (theirs_stamp, _order(theirs_value)) > (ours_stamp, _order(ours_value))
        row[name] = theirs_value if take_theirs else ours_value
        stamps[name] = theirs_stamp if take_theirs else ours_stamp
        if not seen(theirs_stamp, our_clock) and not seen(ours_stamp, their_clock):
            conflicts.append(Conflict(table, ours["id"], name, ours_value, theirs_value,
                                      row[name], label_of(ours, theirs)))
    for low, high in TOGETHER.get(table, ()):
        if _out_of_order(row, low, high):
            # Two laptops each kept a rule (min ≤ max) and the fields mixed would break it:
            # both are taken from the copy that changed either of them last.
            source, source_stamps = max(((ours, mine), (theirs, other)),
                                        key=lambda side: max(side[1][low], side[1][high]))
            for name in (low, high):
                row[name], stamps[name] = source[name], source_stamps[name]
    if row.get("deleted") and not any(c.field == "deleted" for c in conflicts):
        conflicts += _edited_after_deletion(table, ours, mine, theirs, other, row,
                                            our_clock, their_clock)
    row["stamp"] = max(stamps.values())
    ordered = {name: row[name] for name in (*ours.keys(), *(k for k in row if k not in ours))}
    sparse = sparse_stamps(row["stamp"], stamps)
    written = not (ordered == dict(ours)
                   and sparse == sparse_stamps(ours["stamp"], our_stamps))
    if not written and not conflicts:
        return None
    return MergedRow(table, ordered, sparse, dict(ours), tuple(sorted(
        conflicts, key=lambda c: c.field)), written)


def _edited_after_deletion(table, ours, mine, theirs, other, row, our_clock,
                           their_clock) -> list[Conflict]:
    """A deletion kept over an edit the other copy made after it, not knowing of it."""
    for deleter, deleter_stamps, editor_stamps, deleter_clock, editor_clock in (
            (ours, mine, other, our_clock, their_clock),
            (theirs, other, mine, their_clock, our_clock)):
        if not deleter.get("deleted"):
            continue
        deleted_at = deleter_stamps["deleted"]
        if seen(deleted_at, editor_clock):
            continue  # the editor knew of the deletion (a merge before this one)
        later = [stamp for name, stamp in editor_stamps.items()
                 if name != "deleted" and stamp > deleted_at and not seen(stamp, deleter_clock)]
        if later and deleted_at == max(mine["deleted"], other["deleted"]):
            return [Conflict(table, row["id"], "deleted", ours.get("deleted"),
                             theirs.get("deleted"), row["deleted"], label_of(ours, theirs))]
    return []
