"""The people of a municipality: the minimum the programme needs, exportable and erasable."""

from __future__ import annotations

from collections.abc import Collection

from ilmava_desktop.core.model import Person
from ilmava_desktop.core.municipality_names import name_key
from ilmava_desktop.core.roles import ROLES_BY_KEY, role_from_title
from ilmava_desktop.core.rules import RuleViolation, check_email, check_person_name, clean_text
from ilmava_desktop.i18n import LANGUAGES, _
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.storage import backups, queries
from ilmava_desktop.storage.transaction import Transaction, derived_id, stable_token

# Blanked in the file when a person is deleted: the tombstone keeps no personal data.
PERSONAL_FIELDS = {"name": "", "title": "", "email": "", "language": None}


def new_person_id(db, municipality_id: str, name: str, email: str = "",
                  taken: Collection[str] = ()) -> str:
    """The id a new person gets: derived from the cohort and their e-mail address (or their
    municipality and name, without one), so the same person added or imported on two
    laptops is one person when the copies are merged. An id another person already has
    (one whose address has changed since) is passed over, the same way on every laptop."""
    email = (email or "").strip().lower()
    parts = [email] if email else [municipality_id, name_key(name)]
    return derived_id(db, "person", *parts, taken=taken)


def badge_token(db, person_id: str) -> str:
    """A person's badge token, derived from their id (the same badge on every laptop)."""
    attempt = 0
    while True:
        token = stable_token(person_id, attempt)
        holder = db.execute("SELECT id FROM person WHERE token = ?", [token]).fetchone()
        if holder is None or holder[0] == person_id:
            return token
        attempt += 1


def put_new_person(tx: Transaction, municipality_id: str, fields: dict,
                   person_id: str | None = None) -> str:
    """Write a person who is new to the cohort, with the badge token every person has."""
    person_id = person_id or new_person_id(tx.db, municipality_id, fields.get("name", ""),
                                           fields.get("email", ""))
    tx.put("person", {"id": person_id, "municipality_id": municipality_id,
                      "token": badge_token(tx.db, person_id), "deleted": 0, **fields})
    return person_id


def _person_fields(name: str, role: str | None, title: str, email: str,
                   language: str | None) -> dict:
    name = clean_text(name)
    email = clean_text(email).lower()
    title = clean_text(title)
    check_person_name(name)
    check_email(email)
    role = role or role_from_title(title)
    if role not in ROLES_BY_KEY:
        raise RuleViolation(_("Unknown role “{role}”.").format(role=role))
    if language not in (None, "", *LANGUAGES):
        raise RuleViolation(_("Unknown language “{language}”.").format(language=language))
    return {"name": name, "role": role, "title": title, "email": email,
            "language": language or None}


def add_person(session: CohortSession, municipality_id: str, name: str, role: str | None = None,
               title: str = "", email: str = "", language: str | None = None) -> Changes:
    if queries.municipality(session.db, municipality_id) is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))
    fields = _person_fields(name, role, title, email, language)
    return session.write(_("Add {name}").format(name=fields["name"]),
                         lambda tx: put_new_person(tx, municipality_id, fields))


def update_person(session: CohortSession, person_id: str, name: str, role: str | None,
                  title: str, email: str, language: str | None,
                  municipality_id: str | None = None) -> Changes:
    current = queries.person(session.db, person_id)
    if current is None:
        raise RuleViolation(_("The person is no longer in the cohort."))
    fields = _person_fields(name, role, title, email, language)
    if municipality_id:
        if queries.municipality(session.db, municipality_id) is None:
            raise RuleViolation(_("The municipality is no longer in the cohort."))
        fields["municipality_id"] = municipality_id
    return session.write(_("Edit {name}").format(name=fields["name"]),
                         lambda tx: tx.update("person", person_id, fields))


def delete_person(session: CohortSession, person_id: str) -> Changes:
    """Erase a person (GDPR): the row becomes a tombstone with its personal data blanked."""
    current = queries.person(session.db, person_id)
    if current is None:
        raise RuleViolation(_("The person is no longer in the cohort."))
    def work(tx: Transaction) -> None:
        tx.tombstone("person", person_id, PERSONAL_FIELDS)
        # Which days they were invited to and came on is about them too.
        for table in ("invitation", "attendance"):
            for (row_id,) in tx.db.execute(
                    f"SELECT id FROM [{table}] WHERE person_id = ? AND deleted = 0",
                    [person_id]).fetchall():
                tx.tombstone(table, row_id)

    return session.write(_("Delete {name}").format(name=current.name), work)


def export_person(session: CohortSession, person_id: str) -> dict:
    """Everything the cohort file holds about one person (GDPR right of access)."""
    current = queries.person(session.db, person_id)
    if current is None:
        raise RuleViolation(_("The person is no longer in the cohort."))
    municipality = queries.municipality(session.db, current.municipality_id)
    cohort = queries.cohort(session.db)
    days = {day.id: day for day in queries.days(session.db)}
    return {
        "cohort": cohort.name,
        "id": current.id,
        "name": current.name,
        "municipality": {"code": municipality.code, "name": municipality.name()}
        if municipality else None,
        "role": current.role,
        "title": current.title,
        "email": current.email,
        "language": current.language,
        "invitations": [_day_of(day) for day in days.values()
                        if day.id in set(queries.invitations_of(session.db, person_id))],
        "attendance": [
            {**_day_of(days[row["day_id"]]), "checked_in_at": row["checked_in_at"],
             "kind": row["kind"]}
            for row in queries.attendance(session.db) if row["person_id"] == person_id
            and row["day_id"] in days],
    }


def _day_of(day) -> dict:
    return {"day": day.id, "date": day.date.isoformat() if day.date else None,
            "title": day.title, "venue": day.venue}


def _erased_row(session: CohortSession, person_id: str) -> dict:
    row = next(iter(session.db.query("SELECT * FROM person WHERE id = ?", [person_id])), None)
    if row is None:
        raise RuleViolation(_("The person is no longer in the cohort."))
    if not row["deleted"]:
        raise RuleViolation(_("{name} is still in the cohort; delete them first.")
                            .format(name=row["name"]))
    return row


def backups_holding(session: CohortSession, *person_ids: str) -> int:
    """How many of this laptop's backups of the cohort still hold deleted people's data."""
    rows = [_erased_row(session, person_id) for person_id in person_ids]
    return len(backups.holding_rows(session.path, "person", rows))


def erase_from_backups(session: CohortSession, *person_ids: str) -> int:
    """Erase deleted people from the cohort's backups too (GDPR); how many were rewritten.

    Each backup gets the people's tombstones, as the cohort file has them; the backups keep
    everything else. It cannot be undone.
    """
    rows = [_erased_row(session, person_id) for person_id in person_ids]
    try:
        # A save-back may be making a backup beside the work from a snapshot taken before
        # the deletion: it finishes first, so its backup is erased too.
        with session.file.no_save_running():
            return backups.overwrite_rows(session.path, "person", rows)
    except OSError as exc:
        raise RuleViolation(_("The backups could not all be rewritten: {reason}").format(
            reason=exc.strerror or str(exc))) from exc


# -- reading -------------------------------------------------------------------------------

def people(db, municipality_id: str | None = None) -> list[Person]:
    """The cohort's people (of one municipality, if given)."""
    return queries.people(db, municipality_id)


def person(db, person_id: str) -> Person | None:
    return queries.person(db, person_id)
