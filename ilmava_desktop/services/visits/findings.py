"""Findings of a visit: the host's strengths and development areas by theme, written at the
joint debrief. They are board cards (the host, the theme, the kind, "visit" as their source,
confidential until marked publishable), so the board and the projector show them too."""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import N_, _
from ilmava_desktop.services.board import put_card
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.visits import _host, put_visit, visit
from ilmava_desktop.storage.transaction import Transaction

KINDS = {"strength": N_("Strength"), "development": N_("Development area")}
SOURCE = "visit"


@dataclass(frozen=True)
class Finding:
    id: str
    municipality_id: str
    kind: str
    theme_id: str | None
    text: str
    confidential: bool


def add_finding(session: CohortSession, *, host_id: str, kind: str, theme_id: str | None,
                text: str, confidential: bool = True) -> Changes:
    host = _host(session.db, host_id)
    if kind not in KINDS:
        raise RuleViolation(_("A finding is a strength or a development area, not "
                              "“{kind}”.").format(kind=kind))
    found = visit(session.db, host_id)
    if found is None:
        raise RuleViolation(_("Nobody reviews {municipality}: save the peer-review pairs "
                              "first.").format(municipality=host.name()))

    def work(tx: Transaction) -> str:
        card_id = put_card(tx, municipality_id=host_id, kind=kind, text=text,
                           theme_id=theme_id, confidential=confidential)
        tx.update("card", card_id, {"source": SOURCE})
        if found.status != "findings_written":
            put_visit(tx, host_id, status="findings_written")
        return card_id

    return session.write(_("Finding for {municipality}").format(
        municipality=host.name()), work)


def findings(db, host_id: str | None = None) -> list[Finding]:
    """The visits' findings still on the board (of one host, if given), in board order."""
    rows = db.execute(
        "SELECT id, municipality_id, kind, theme_id, text, confidential FROM card"
        " WHERE deleted = 0 AND source = ? AND (? IS NULL OR municipality_id = ?)"
        " ORDER BY position", [SOURCE, host_id, host_id]).fetchall()
    return [Finding(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]
