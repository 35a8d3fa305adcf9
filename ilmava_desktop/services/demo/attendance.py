"""Who came on the demo cohort's past days: plausible, fixed (seeded), and within the rules."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from ilmava_desktop.services.attendance import attendance_id
from ilmava_desktop.services.attendance.invitations import put_invitation
from ilmava_desktop.services.municipalities.people import put_new_person
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction

# Who sends no one on a day (a real cohort has a few such gaps) and who overrides.
ABSENT = {1: {"576"}, 3: {"290"}}           # day number -> municipality codes
OVER_LIMIT = {1: "109"}                      # Hämeenlinna brings a fourth on the opening day


def fill_demo_attendance(tx: Transaction) -> None:
    db = tx.db
    rng = random.Random(2026)
    days = queries.days(db)
    by_municipality: dict[str, list] = {}
    for person in queries.people(db):
        by_municipality.setdefault(person.municipality_id, []).append(person)
    for number, day in enumerate(days, start=1):
        if day.date is None:
            continue
        start = datetime.combine(day.date, time(8, 40))
        invited = queries.invited(db, day.id)
        for municipality in queries.municipalities(db):
            if municipality.code in ABSENT.get(number, ()):
                continue
            # Who came follows who was invited (officials, politicians or both).
            pool = [p for p in by_municipality.get(municipality.id, []) if p.id in invited]
            if OVER_LIMIT.get(number) == municipality.code:
                count = min(len(pool), day.max_attendance + 1)
            else:
                count = min(len(pool), max(day.min_attendance, rng.randint(1, day.max_attendance)))
            for person in rng.sample(pool, count):
                _attend(tx, day, person.id, start + timedelta(minutes=rng.randint(0, 35)),
                        over=count > day.max_attendance)
        if number == 3:  # a walk-in and a substitute at the first debrief day
            _extras(tx, day, by_municipality, start)


def _attend(tx, day, person_id, when, over=False, kind="registered", substitute_for=None):
    put_invitation(tx, day.id, person_id)  # a walk-in or substitute: invited to this day only
    tx.put("attendance", {
        "id": attendance_id(day.id, person_id), "day_id": day.id, "person_id": person_id,
        "checked_in_at": when.isoformat(timespec="seconds"), "kind": kind,
        "substitute_for": substitute_for, "over_limit": int(over),
    })


def _extras(tx, day, by_municipality, start) -> None:
    tampere = queries.municipality_by_code(tx.db, "837")
    walk_in = put_new_person(tx, tampere.id, {
        "name": "Ville Kävijä", "role": "elected_official", "title": "kaupunginvaltuutettu",
        "email": "", "language": None})
    _attend(tx, day, walk_in, start + timedelta(minutes=41), kind="walk_in")
    # Someone stayed away and sent a colleague: the first municipality where that can be.
    present = {r["person_id"] for r in queries.attendance(tx.db, day.id)}
    invited = queries.invited(tx.db, day.id)
    candidates = [
        (m, p) for m in queries.municipalities(tx.db)
        for p in by_municipality.get(m.id, []) if p.id not in present and p.id in invited
        and sum(q.id in present for q in by_municipality[m.id]) < day.max_attendance
    ]
    if not candidates:
        return
    municipality, absent = candidates[0]
    substitute = put_new_person(tx, municipality.id, {
        "name": "Tiina Tuuraaja", "role": absent.role, "title": absent.title, "email": "",
        "language": None})
    _attend(tx, day, substitute, start + timedelta(minutes=12), kind="substitute",
            substitute_for=absent.id)
