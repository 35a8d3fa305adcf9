"""Reading a cohort: functions that take the database first and return plain data."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from ilmava_desktop.core.model import Cohort, Day, Municipality, Person


def cohort(db: sqlite_utils.Database) -> Cohort:
    row = next(iter(db.query("SELECT * FROM cohort WHERE deleted = 0 ORDER BY stamp LIMIT 1")))
    return Cohort(row["id"], row["name"], row["programme"], row["year"], row["language"],
                  bool(row["is_demo"]))


# Who takes part in the days, groups, pairs, visits and reports: the selected municipalities
# (applicants, those not selected and those withdrawn stay in the file with their application).
TAKING_PART = "municipality.status = 'selected'"


def municipalities(db: sqlite_utils.Database, taking_part: bool = False) -> list[Municipality]:
    """The cohort's municipalities by name: all of them, or only those taking part."""
    where = f" AND {TAKING_PART}" if taking_part else ""
    rows = db.query(f"SELECT * FROM municipality WHERE deleted = 0{where} ORDER BY name_fi")
    return [_municipality(row) for row in rows]


def municipality(db: sqlite_utils.Database, municipality_id: str) -> Municipality | None:
    rows = list(db.query("SELECT * FROM municipality WHERE id = ? AND deleted = 0",
                         [municipality_id]))
    return _municipality(rows[0]) if rows else None


def municipality_by_code(db: sqlite_utils.Database, code: str) -> Municipality | None:
    rows = list(db.query("SELECT * FROM municipality WHERE code = ? AND deleted = 0", [code]))
    return _municipality(rows[0]) if rows else None


def _municipality(row: dict) -> Municipality:
    target = row["council_target"]
    return Municipality(
        id=row["id"], code=row["code"], name_fi=row["name_fi"], name_sv=row["name_sv"],
        region_code=row["region_code"], region_fi=row["region_fi"], region_sv=row["region_sv"],
        language_status=row["language_status"],
        council_target=None if target is None else bool(target),
        current_state=row["current_state"], challenges=row["challenges"], theme=row["theme"],
        wicked_problem=row["wicked_problem"], own_funding_paid=bool(row["own_funding_paid"]),
        status=row["status"],
        funding_committed=None if row["funding_committed"] is None else bool(
            row["funding_committed"]),
        funding_amount=row["funding_amount"],
        funding_invoiced=_date(row["funding_invoiced"]), funding_paid=_date(row["funding_paid"]),
    )


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def people(db: sqlite_utils.Database, municipality_id: str | None = None,
           taking_part: bool = False) -> list[Person]:
    sql = (
        "SELECT person.* FROM person JOIN municipality ON municipality.id = person.municipality_id"
        " WHERE person.deleted = 0 AND municipality.deleted = 0"
    )
    if taking_part:
        sql += f" AND {TAKING_PART}"
    params: list = []
    if municipality_id is not None:
        sql += " AND person.municipality_id = ?"
        params.append(municipality_id)
    rows = db.query(sql + " ORDER BY municipality.name_fi, person.name, person.id", params)
    return [_person(row) for row in rows]


def person(db: sqlite_utils.Database, person_id: str) -> Person | None:
    rows = list(db.query("SELECT * FROM person WHERE id = ? AND deleted = 0", [person_id]))
    return _person(rows[0]) if rows else None


def _person(row: dict) -> Person:
    return Person(row["id"], row["municipality_id"], row["name"], row["role"], row["title"],
                  row["email"], row["language"], row.get("token"))


def people_counts(db: sqlite_utils.Database) -> dict[str, int]:
    rows = db.query("SELECT municipality_id, count(*) AS n FROM person WHERE deleted = 0"
                    " GROUP BY municipality_id")
    return {row["municipality_id"]: row["n"] for row in rows}


def days(db: sqlite_utils.Database) -> list[Day]:
    # Days of one date keep one order on every laptop, so `--day N` names the same day.
    rows = db.query("SELECT * FROM day WHERE deleted = 0"
                    " ORDER BY date IS NULL, date, period, title, venue, id")
    return [
        Day(row["id"], row["period"], row["title"],
            date.fromisoformat(row["date"]) if row["date"] else None, row["venue"],
            row["audience"], row["min_attendance"], row["max_attendance"], row["invitees"],
            row["title_sv"], row["title_en"])
        for row in rows
    ]


def day(db: sqlite_utils.Database, day_id: str) -> Day | None:
    return next((d for d in days(db) if d.id == day_id), None)


def attendance(db: sqlite_utils.Database, day_id: str | None = None) -> list[dict]:
    """Check-ins that stand (not undone), with the person's municipality."""
    sql = ("SELECT attendance.*, person.municipality_id FROM attendance"
           " JOIN person ON person.id = attendance.person_id"
           " WHERE attendance.deleted = 0 AND person.deleted = 0")
    params = []
    if day_id is not None:
        sql += " AND attendance.day_id = ?"
        params.append(day_id)
    return list(db.query(sql + " ORDER BY attendance.checked_in_at", params))


def latest_stamp(db: sqlite_utils.Database) -> str | None:
    stamps = [
        db.execute(f"SELECT max(stamp) FROM [{table}]").fetchone()[0]
        for table in ("cohort", "municipality", "person", "day", "attendance", "invitation")
    ]
    present = [s for s in stamps if s]
    return max(present) if present else None


def invited(db: sqlite_utils.Database, day_id: str) -> set[str]:
    """The ids of the people invited to a day (and still in the cohort)."""
    return {row[0] for row in db.execute(
        "SELECT invitation.person_id FROM invitation JOIN person"
        " ON person.id = invitation.person_id"
        " WHERE invitation.deleted = 0 AND person.deleted = 0 AND invitation.day_id = ?",
        [day_id]).fetchall()}


def invitations_of(db: sqlite_utils.Database, person_id: str) -> list[str]:
    """The ids of the days a person is invited to."""
    return [row[0] for row in db.execute(
        "SELECT day_id FROM invitation WHERE deleted = 0 AND person_id = ?",
        [person_id]).fetchall()]


def people_present(db: sqlite_utils.Database, person_ids: list[str]) -> set[str]:
    """Which of these ids are people still in the cohort (without reading everyone)."""
    found: set[str] = set()
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start:start + 500]
        found.update(row[0] for row in db.execute(
            f"SELECT id FROM person WHERE deleted = 0 AND id IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def invited_count(db: sqlite_utils.Database, day_id: str) -> int:
    return db.execute(
        "SELECT count(*) FROM invitation JOIN person ON person.id = invitation.person_id"
        " WHERE invitation.deleted = 0 AND person.deleted = 0 AND invitation.day_id = ?",
        [day_id]).fetchone()[0]
