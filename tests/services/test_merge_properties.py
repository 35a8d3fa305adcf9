"""Merging copies of a cohort, proven over random edits on two and three laptops:
commutative in content, associative, idempotent, and never losing an edit."""

from __future__ import annotations

import itertools
import json
import sqlite3

import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmava_desktop.core.merge import full_stamps
from ilmava_desktop.core.stamps import HybridClock
from ilmava_desktop.services.cohort.merge import apply_plan, plan_merge
from ilmava_desktop.storage.schema import migrate, synchronised_tables
from ilmava_desktop.storage.transaction import Transaction, field_stamps, stable_id

COHORT = stable_id("test-cohort")
# A few rows each laptop may edit, delete, bring back or add (by an id every laptop
# derives alike, as a day's is from its date and title).
ROWS = {"day": [stable_id("day", str(n)) for n in range(3)],
        "card": [stable_id("card", str(n)) for n in range(3)],
        "municipality": [stable_id("municipality", str(n)) for n in range(2)]}
FIELDS = {"day": ("title", "venue", "audience"), "card": ("text", "group_name", "votes"),
          "municipality": ("current_state", "challenges")}
VALUES = st.sampled_from(["", "a", "b", "c", "Lahti", "Porvoo"])


class Laptop:
    """One copy of the cohort on one laptop, with a clock that reads the shared time."""

    def __init__(self, db: sqlite_utils.Database, device: str, time: list[int]):
        self.db = db
        self.clock = HybridClock(device, wall_millis=lambda: time[0])
        self.edits: list[tuple[str, str, str, object, str]] = []

    def write(self, work) -> None:
        tx = Transaction(self.db, self.clock.now)
        with self.db.atomic():
            work(tx)
            tx.record_clock()
        for change in tx.changes:
            for name, value in change.after.items():
                before = change.before or {}
                if name not in ("id", "stamp") and (not change.before or before.get(name) != value):
                    self.edits.append((change.table, change.id, name, value, change.after["stamp"]))

    def merge(self, other: Laptop) -> object:
        plan = plan_merge(self.db, other.db)
        if plan.written:
            self.clock.observe(max(row.row["stamp"] for row in plan.written))
        tx = Transaction(self.db, self.clock.now)
        with self.db.atomic():
            apply_plan(tx, plan)
        return plan


def _base() -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    migrate(db)
    clock = HybridClock("base", wall_millis=lambda: 1)
    tx = Transaction(db, clock.now)
    with db.atomic():
        tx.put("cohort", {"id": COHORT, "name": "Kevät", "programme": "ILMAVA"})
        for n, row_id in enumerate(ROWS["municipality"]):
            tx.put("municipality", {"id": row_id, "code": f"00{n}", "name_fi": f"Kunta {n}",
                                    "name_sv": f"Kommun {n}"})
        tx.put("day", {"id": ROWS["day"][0], "title": "Avaus", "date": "2026-01-28"})
        tx.put("card", {"id": ROWS["card"][0], "kind": "idea", "text": "Aloite"})
        tx.record_clock()
    return db


def _copy(db: sqlite_utils.Database) -> sqlite_utils.Database:
    target = sqlite3.connect(":memory:", isolation_level=None)
    db.conn.backup(target)
    return sqlite_utils.Database(target)


def content(db: sqlite_utils.Database) -> dict:
    """Every row's fields (tombstones too), without the stamps: what a merge must agree on."""
    return {table: sorted(json.dumps({k: v for k, v in row.items() if k != "stamp"},
                                     sort_keys=True)
                          for row in db.query(f"SELECT * FROM [{table}]"))
            for table in synchronised_tables(db)}


edit = st.tuples(st.sampled_from(["edit", "edit", "edit", "delete", "restore", "add"]),
                 st.sampled_from(sorted(ROWS)), st.integers(0, 2), st.integers(0, 2), VALUES,
                 st.integers(0, 3))


def _apply(laptop: Laptop, op, time: list[int]) -> None:
    kind, table, row, field, value, step = op
    time[0] += step  # 0: two laptops' edits in the same millisecond
    row_id = ROWS[table][row % len(ROWS[table])]
    exists = laptop.db.execute(f"SELECT deleted FROM [{table}] WHERE id = ?", [row_id]).fetchone()
    if kind == "add" or exists is None:
        fields = {"day": {"title": value or "Päivä", "date": None},
                  "card": {"kind": "idea", "text": value or "Kortti"},
                  "municipality": {"code": f"9{row}", "name_fi": "Uusi", "name_sv": "Ny"}}[table]
        if exists is None:
            laptop.write(lambda tx: tx.put(table, {"id": row_id, **fields}))
        return
    if kind == "delete":
        laptop.write(lambda tx: tx.tombstone(table, row_id))
    elif kind == "restore":
        laptop.write(lambda tx: tx.put(table, {"id": row_id, "deleted": 0}))
    else:
        name = FIELDS[table][field % len(FIELDS[table])]
        laptop.write(lambda tx: tx.put(table, {"id": row_id,
                                               name: len(value) if name == "votes" else value}))


def _laptops(n: int, edits: list[list], time: list[int]) -> list[Laptop]:
    base = _base()
    laptops = [Laptop(_copy(base), f"laptop{i}", time) for i in range(n)]
    # Edits interleave in time across the laptops, as on a workshop day.
    for round_ in itertools.zip_longest(*edits):
        for laptop, op in zip(laptops, round_, strict=True):
            if op is not None:
                _apply(laptop, op, time)
    return laptops


def _clone(laptop: Laptop, time: list[int], device: str | None = None) -> Laptop:
    twin = Laptop(_copy(laptop.db), device or laptop.clock.device, time)
    twin.clock._last = laptop.clock._last
    twin.edits = list(laptop.edits)
    return twin


def _kept_every_edit(db: sqlite_utils.Database, edits) -> None:
    """Each edit is in the result, or a later edit of the same field is."""
    for table, row_id, name, value, stamp in edits:
        row = next(iter(db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])))
        now = full_stamps(row, field_stamps(db, table, row_id))[name]
        assert now >= stamp, (table, name, value)
        if now == stamp:
            assert row[name] == value, (table, name, value, row[name])


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(edit, max_size=12), st.lists(edit, max_size=12))
def test_two_laptops_merge_alike_in_either_direction_and_lose_nothing(first, second):
    time = [10]
    a, b = _laptops(2, [first, second], time)
    a_then = _clone(a, time)
    b_then = _clone(b, time)
    a_then.merge(b)
    b_then.merge(a)
    assert content(a_then.db) == content(b_then.db)
    _kept_every_edit(a_then.db, a.edits + b.edits)
    # Merging the same copy again changes nothing and has nothing new to say.
    again = a_then.merge(b)
    assert not again.written and not again.conflicts


@SETTINGS
@given(st.lists(edit, max_size=10), st.lists(edit, max_size=10), st.lists(edit, max_size=10))
def test_three_laptops_merged_in_every_order_reach_one_result(first, second, third):
    time = [10]
    laptops = _laptops(3, [first, second, third], time)
    results = []
    for order in itertools.permutations(range(3)):
        into = _clone(laptops[order[0]], time)
        for index in order[1:]:
            into.merge(laptops[index])
        results.append(content(into.db))
        _kept_every_edit(into.db, [e for laptop in laptops for e in laptop.edits])
    assert all(result == results[0] for result in results)
    # Associative: (A ← B) ← C is A ← (B ← C).
    left = _clone(laptops[0], time)
    left.merge(laptops[1])
    left.merge(laptops[2])
    middle = _clone(laptops[1], time)
    middle.merge(laptops[2])
    right = _clone(laptops[0], time)
    right.merge(middle)
    assert content(left.db) == content(right.db)


@SETTINGS
@given(st.lists(edit, max_size=8), st.lists(edit, max_size=8), st.lists(edit, max_size=8),
       st.lists(edit, max_size=8))
def test_laptops_merging_back_and_forth_during_the_day_converge(first, second, later_a, later_b):
    time = [10]
    a, b = _laptops(2, [first, second], time)
    a.merge(b)  # at lunch, b's copy is merged into a's and a's handed back to b
    early = b.edits
    b = _clone(a, time, device="laptop1")
    b.edits += early
    for op_a, op_b in itertools.zip_longest(later_a, later_b):
        if op_a is not None:
            _apply(a, op_a, time)
        if op_b is not None:
            _apply(b, op_b, time)
    a_then, b_then = _clone(a, time), _clone(b, time)
    a_then.merge(b)
    b_then.merge(a)
    assert content(a_then.db) == content(b_then.db)
    _kept_every_edit(a_then.db, a.edits + b.edits)
