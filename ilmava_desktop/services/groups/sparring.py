"""Sparring sessions: each municipality's meetings with its sparrer in the sparring period.

A session has its date, length, on site or online, who took part, the topic (the
development task's theme unless another is given), notes (confidential until marked
publishable) and the next step agreed. The log prints per municipality and for the
cohort (PDF, XLSX); the sparrers' load (sessions and hours) is for the programme's accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.model import Municipality
from ilmava_desktop.core.municipality_names import MUNICIPALITY_SOURCE
from ilmava_desktop.core.programme import SPARRING_PERIOD
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import _, decimal, gettext_for
from ilmava_desktop.reports.table_document import Section, TableDocument, TableDocumentRenderer
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.services.groups import sparrers as sparrer_service
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.services.output_files import AUTHOR, write_pdf
from ilmava_desktop.services.table_files import write_tables
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, new_id

MAX_MINUTES = 24 * 60
DEFAULT_MINUTES = 90


@dataclass(frozen=True)
class SparringSession:
    id: str
    municipality_id: str
    sparrer_id: str | None
    date: date
    minutes: int
    online: bool
    participants: str
    topic: str          # as written; empty: the development task's theme
    notes: str
    publishable: bool   # the notes may go into the report
    next_step: str


def _session(row: dict) -> SparringSession:
    return SparringSession(row["id"], row["municipality_id"], row["sparrer_id"],
                           date.fromisoformat(row["date"]), row["minutes"], bool(row["online"]),
                           row["participants"], row["topic"], row["notes"],
                           bool(row["publishable"]), row["next_step"])


def sessions(db, municipality_id: str | None = None) -> list[SparringSession]:
    """The sessions held, in date order (of one municipality, when given)."""
    sql = ("SELECT sparring_session.* FROM sparring_session JOIN municipality"
           " ON municipality.id = sparring_session.municipality_id"
           " WHERE sparring_session.deleted = 0 AND municipality.deleted = 0")
    params: list = []
    if municipality_id is not None:
        sql += " AND sparring_session.municipality_id = ?"
        params.append(municipality_id)
    return [_session(row) for row in db.query(sql + " ORDER BY date, sparring_session.id",
                                              params)]


def topic_of(s: SparringSession, municipality: Municipality | None, language: str) -> str:
    """The topic as written, else the development task's theme in `language`."""
    if s.topic:
        return s.topic
    theme = municipality.theme if municipality else None
    return wicked_problem_themes().get(theme or "", {}).get(language, "")


def _checked(*, minutes: int, participants: str, topic: str, notes: str,
             next_step: str) -> dict:
    if not 1 <= minutes <= MAX_MINUTES:
        raise RuleViolation(_("A session lasts from 1 to {most} minutes.")
                            .format(most=MAX_MINUTES))
    return {"minutes": minutes, "participants": clean_text(participants),
            "topic": clean_text(topic), "notes": (notes or "").strip(),
            "next_step": clean_text(next_step)}


def add_session(session: CohortSession, municipality_id: str, *, when: date,
                minutes: int = DEFAULT_MINUTES, online: bool = False, participants: str = "",
                topic: str = "", notes: str = "", publishable: bool = False,
                next_step: str = "") -> Changes:
    """Record a session of the municipality with its sparrer (as matched now)."""
    m = queries.municipality(session.db, municipality_id)
    if m is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))
    if not m.taking_part:
        raise RuleViolation(_("{name} was not selected for the programme, so it has no "
                              "sparring.").format(name=m.name()))
    fields = _checked(minutes=minutes, participants=participants, topic=topic, notes=notes,
                      next_step=next_step)
    match = sparrer_service.saved_matches(session.db).get(municipality_id)

    def work(tx: Transaction) -> str:
        row_id = new_id()
        tx.put("sparring_session", {
            "id": row_id, "municipality_id": municipality_id,
            "sparrer_id": match[0] if match else None, "date": when.isoformat(),
            "online": int(online), "publishable": int(publishable), **fields})
        return row_id

    return session.write(_("Sparring of {name} on {date}").format(
        name=m.name(), date=format_date(when)), work)


def update_session(session: CohortSession, session_id: str, *, when: date | Keep = KEEP,
                   minutes: int | Keep = KEEP, online: bool | Keep = KEEP,
                   participants: str | Keep = KEEP, topic: str | Keep = KEEP,
                   notes: str | Keep = KEEP, publishable: bool | Keep = KEEP,
                   next_step: str | Keep = KEEP) -> Changes:
    current = next((s for s in sessions(session.db) if s.id == session_id), None)
    if current is None:
        raise RuleViolation(_("The sparring session is no longer in the cohort."))
    fields = _checked(
        minutes=current.minutes if minutes is KEEP else minutes,
        participants=current.participants if participants is KEEP else participants,
        topic=current.topic if topic is KEEP else topic,
        notes=current.notes if notes is KEEP else notes,
        next_step=current.next_step if next_step is KEEP else next_step)
    fields["date"] = (current.date if when is KEEP else when).isoformat()
    fields["online"] = int(current.online if online is KEEP else online)
    fields["publishable"] = int(current.publishable if publishable is KEEP else publishable)
    return session.write(_("Edit a sparring session"),
                         lambda tx: tx.update("sparring_session", session_id, fields))


def delete_session(session: CohortSession, session_id: str) -> Changes:
    return session.write(_("Delete a sparring session"),
                         lambda tx: tx.tombstone("sparring_session", session_id))


# -- where the sessions sit in the year, the sparrers' load ---------------------------------

def outside_period(db, s: SparringSession) -> bool:
    """A session dated outside the programme's sparring period (when it has dates)."""
    period = programme_service.programme(db).period(SPARRING_PERIOD)
    return bool(period and period.start and period.end and not period.holds(s.date))


@dataclass(frozen=True)
class Load:
    sparrer_id: str
    name: str
    organisation: str
    municipalities: int
    sessions: int
    minutes: int

    @property
    def hours(self) -> float:
        return self.minutes / 60

    def as_json(self) -> dict:
        return {"sparrer": self.name, "organisation": self.organisation,
                "municipalities": self.municipalities, "sessions": self.sessions,
                "hours": round(self.hours, 2)}


def load(db) -> list[Load]:
    """Sessions and hours per sparrer (the sparrer who held each session)."""
    bank = sparrer_service.sparrers(db)
    matched: dict[str, int] = {}
    part = {m.id for m in taking_part(db)}
    for municipality_id, (sparrer_id, _locked) in sparrer_service.saved_matches(db).items():
        if municipality_id in part:
            matched[sparrer_id] = matched.get(sparrer_id, 0) + 1
    held: dict[str, list[SparringSession]] = {}
    for s in sessions(db):
        if s.sparrer_id:
            held.setdefault(s.sparrer_id, []).append(s)
    return [Load(b.id, b.name, b.organisation, matched.get(b.id, 0), len(held.get(b.id, [])),
                 sum(s.minutes for s in held.get(b.id, []))) for b in bank]


# -- the log ---------------------------------------------------------------------------------

def log_rows(db, language: str, municipality_id: str | None = None,
             with_notes: bool = True) -> list[list]:
    """The sessions as a table with a header row, in `language`."""
    _ = gettext_for(language)
    municipalities = {m.id: m for m in queries.municipalities(db)}
    names = {s.id: s.name for s in sparrer_service.sparrers(db)}
    header = [_("Date"), _("Municipality"), _("Sparrer"), _("Minutes"), _("Where"),
              _("Who took part"), _("Topic"), _("Next step")]
    if with_notes:
        header.append(_("Notes"))
    rows = [header]
    for s in sessions(db, municipality_id):
        m = municipalities.get(s.municipality_id)
        row = [format_date(s.date, language),
               m.name(language) if m else "", names.get(s.sparrer_id or "", ""), s.minutes,
               _("online") if s.online else _("on site"), s.participants,
               topic_of(s, m, language), s.next_step]
        if with_notes:
            row.append(s.notes if s.publishable or not s.notes else
                       _("(confidential) {notes}").format(notes=s.notes))
        rows.append(row)
    return rows


def load_rows(db, language: str) -> list[list]:
    _ = gettext_for(language)
    rows = [[_("Sparrer"), _("Organisation"), _("Municipalities"), _("Sessions"), _("Hours")]]
    for item in load(db):
        rows.append([item.name, item.organisation, item.municipalities, item.sessions,
                     round(item.hours, 2)])
    return rows


def log_document(db, language: str, municipality_id: str | None = None) -> TableDocument:
    _ = gettext_for(language)
    cohort = queries.cohort(db)
    body = log_rows(db, language, municipality_id)
    load_table = load_rows(db, language)
    sections = [Section(_("Sessions"), "", body[0], [[str(v) for v in row] for row in body[1:]],
                        [1.1, 1.15, 1.0, 0.9, 0.8, 1.7, 1.6, 1.5, 1.45])]
    if municipality_id is None:
        sections.append(Section(
            _("The sparrers' load"), "", load_table[0],
            [[str(v) if not isinstance(v, float) else decimal(v, language) for v in row]
             for row in load_table[1:]], [1.4, 1.8, 1.0, 0.8, 0.8]))
    m = queries.municipality(db, municipality_id) if municipality_id else None
    subtitle = m.name(language) if m else cohort.name
    return TableDocument(_("Sparring log"), subtitle, sections, cohort.name,
                         _("Page {page} of {pages}"), AUTHOR, language, landscape=True,
                         source=MUNICIPALITY_SOURCE[language])


def export_log(db, target: Path, language: str, municipality_id: str | None = None) -> Path:
    """The sparring log as PDF or XLSX (by the file's suffix), written atomically."""
    _ = gettext_for(language)
    if Path(target).suffix.lower() == ".xlsx":
        sheets = [(_("Sessions"), log_rows(db, language, municipality_id))]
        if municipality_id is None:
            sheets.append((_("The sparrers' load"), load_rows(db, language)))
        return write_tables(target, sheets)
    if Path(target).suffix.lower() != ".pdf":
        raise RuleViolation(_("The sparring log is written as .pdf or .xlsx."))
    return write_pdf(TableDocumentRenderer().render(log_document(db, language, municipality_id)),
                     Path(target))
