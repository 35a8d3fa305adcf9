"""The programme's rules checked over the whole cohort: after a merge (two laptops may each
have kept a rule, and together break it) and by `ilmava check`.

Each violation says what is wrong and what to do about it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlite_utils

from ilmava_desktop.core.rules import ABSOLUTE_MAX_ATTENDANCE
from ilmava_desktop.i18n import _


@dataclass(frozen=True)
class Violation:
    rule: str
    message: str
    what_to_do: str

    def as_dict(self) -> dict:
        return {"rule": self.rule, "message": self.message, "what_to_do": self.what_to_do}

    def __str__(self) -> str:
        return f"{self.message} {self.what_to_do}"


def _names(db: sqlite_utils.Database) -> dict[str, str]:
    return dict(db.execute("SELECT id, name_fi FROM municipality").fetchall())


def violations(db: sqlite_utils.Database) -> list[Violation]:
    return (_too_many_present(db) + _uneven_pairs(db) + _two_groups(db)
            + _sparrers_over_capacity(db))


def _too_many_present(db) -> list[Violation]:
    names = _names(db)
    rows = db.execute(
        "SELECT day.title, day.date, person.municipality_id, count(*) FROM attendance"
        " JOIN person ON person.id = attendance.person_id JOIN day ON day.id = attendance.day_id"
        " WHERE attendance.deleted = 0 AND person.deleted = 0 AND day.deleted = 0"
        " GROUP BY attendance.day_id, person.municipality_id HAVING count(*) > ?"
        " ORDER BY day.date, day.title", [ABSOLUTE_MAX_ATTENDANCE]).fetchall()
    return [Violation(
        "attendance",
        _("{municipality} has {n} people checked in on {day}; at most {most} may attend.")
        .format(municipality=names.get(m_id, m_id), n=n, day=date or title,
                most=ABSOLUTE_MAX_ATTENDANCE),
        _("Undo the extra check-ins in Attendance."))
        for title, date, m_id, n in rows]


def _uneven_pairs(db) -> list[Violation]:
    names = _names(db)
    pairs = db.execute(
        "SELECT reviewer_id, reviewee_id FROM review_pair WHERE deleted = 0"
        " AND reviewer_id IN (SELECT id FROM municipality WHERE deleted = 0)"
        " AND reviewee_id IN (SELECT id FROM municipality WHERE deleted = 0)").fetchall()
    if not pairs:
        return []
    reviews = Counter(reviewer for reviewer, _reviewee in pairs)
    reviewed = Counter(reviewee for _reviewer, reviewee in pairs)
    members = sorted(set(reviews) | set(reviewed), key=lambda m: names.get(m, m))
    k = Counter(reviews[m] for m in members).most_common(1)[0][0]
    found = []
    for m in members:
        if reviews[m] != k or reviewed[m] != k:
            found.append(Violation(
                "pairs",
                _("{municipality} reviews {out} and is reviewed by {into}; the others review "
                  "and are reviewed by {k}.").format(
                    municipality=names.get(m, m), out=reviews[m], into=reviewed[m], k=k),
                _("Remove or add pairs in Groups → Peer-review pairs (or propose them again)."))
            )
    return found


def _two_groups(db) -> list[Violation]:
    names = _names(db)
    rows = db.execute(
        "SELECT grouping.name, member.municipality_id, count(DISTINCT member.group_number)"
        " FROM grouping_member AS member JOIN grouping ON grouping.id = member.grouping_id"
        " WHERE member.deleted = 0 AND grouping.deleted = 0"
        " GROUP BY member.grouping_id, member.municipality_id"
        " HAVING count(DISTINCT member.group_number) > 1").fetchall()
    return [Violation(
        "groups",
        _("{municipality} is in {n} groups of the grouping “{grouping}”.").format(
            municipality=names.get(m_id, m_id), n=n, grouping=grouping),
        _("Move it into one group in Groups and save the grouping."))
        for grouping, m_id, n in rows]


def _sparrers_over_capacity(db) -> list[Violation]:
    rows = db.execute(
        "SELECT sparrer.name, sparrer.capacity, count(*) FROM sparrer_match AS match"
        " JOIN sparrer ON sparrer.id = match.sparrer_id"
        " JOIN municipality ON municipality.id = match.municipality_id"
        " WHERE match.deleted = 0 AND sparrer.deleted = 0 AND municipality.deleted = 0"
        " GROUP BY sparrer.id HAVING count(*) > sparrer.capacity ORDER BY sparrer.name"
    ).fetchall()
    return [Violation(
        "sparrers",
        _("{sparrer} is matched to {n} municipalities; their capacity is {capacity}.").format(
            sparrer=name, n=n, capacity=capacity),
        _("Match one of them to another sparrer in Groups → Sparrers, or raise the capacity."))
        for name, capacity, n in rows]
