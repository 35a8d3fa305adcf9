"""The debrief board's cards: added, moved, voted on, clustered, deleted through undo."""

from __future__ import annotations

import json

from ilmava_desktop.core.board import KINDS, Card
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.services import assessment
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep, given
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, new_id

_COLUMNS = ("id, municipality_id, kind, theme_id, group_name, text, author, confidential,"
            " votes, position, cluster_id")


def cards(db) -> list[Card]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM card WHERE deleted = 0 ORDER BY position"
                      ).fetchall()
    return [Card(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10])
            for r in rows]


def changed_since(db, stamp: str) -> tuple[list[Card], set[str], str]:
    """Cards written after `stamp` (every write stamps its rows, later stamps sort later):
    those on the board, the ids deleted, and the newest stamp. The window keeps its cards
    up to date with this instead of reading a thousand cards after every key press."""
    rows = db.execute(f"SELECT {_COLUMNS}, deleted, stamp FROM card WHERE stamp > ?",
                      [stamp]).fetchall()
    live = [Card(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10])
            for r in rows if not r[11]]
    deleted = {r[0] for r in rows if r[11]}
    return live, deleted, max((r[12] for r in rows), default=stamp)


def clusters(db) -> dict[str, str]:
    return dict(db.execute("SELECT id, name FROM card_cluster WHERE deleted = 0").fetchall())


def theme_ids(db) -> list[str]:
    body = json.loads(assessment.cohort_template_body(db))
    return [theme["id"] for theme in body["themes"]]


def _check(db, kind: str, municipality_id: str | None, theme_id: str | None) -> None:
    if kind not in KINDS:
        raise RuleViolation(_("“{kind}” is not a kind of card; the kinds are {kinds}.").format(
            kind=kind, kinds=", ".join(KINDS)))
    if municipality_id is not None and queries.municipality(db, municipality_id) is None:
        raise RuleViolation(_("That municipality is not in the cohort."))
    if theme_id is not None and theme_id not in theme_ids(db):
        raise RuleViolation(_("“{theme}” is not a theme of the self-assessment; the themes are "
                              "{themes}.").format(theme=theme_id,
                                                  themes=", ".join(theme_ids(db))))


def put_card(tx: Transaction, *, municipality_id: str | None, kind: str, text: str,
             theme_id: str | None = None, group: str = "", author: str = "",
             confidential: bool = True, votes: int = 0, cluster_id: str | None = None,
             card_id: str | None = None, position: float | None = None) -> str:
    text = clean_text(text)
    if not text:
        raise RuleViolation(_("A card needs some text."))
    _check(tx.db, kind, municipality_id, theme_id)
    if position is None:
        last = tx.db.execute("SELECT MAX(position) FROM card").fetchone()[0]
        position = (last or 0) + 1
    card_id = card_id or new_id()
    tx.put("card", {"id": card_id, "municipality_id": municipality_id, "kind": kind,
                    "theme_id": theme_id, "group_name": clean_text(group), "text": text,
                    "author": clean_text(author)[:12], "confidential": int(confidential),
                    "votes": max(0, votes), "position": position, "cluster_id": cluster_id,
                    "deleted": 0})
    return card_id


def add_card(session: CohortSession, *, municipality_id: str | None, kind: str, text: str,
             theme_id: str | None = None, group: str = "", author: str = "",
             confidential: bool = True) -> Changes:
    """A card typed into the board; confidential until marked publishable."""
    return session.write(_("Add a card"), lambda tx: put_card(
        tx, municipality_id=municipality_id, kind=kind, text=text, theme_id=theme_id,
        group=group, author=author, confidential=confidential))


def _card_row(tx: Transaction, card_id: str) -> dict:
    row = tx.get("card", card_id)
    if row is None or row["deleted"]:
        raise RuleViolation(_("The card is no longer on the board."))
    return row


def move_cards(session: CohortSession, card_ids: list[str], *, kind: str | Keep = KEEP,
               municipality_id: str | None | Keep = KEEP, theme_id: str | None | Keep = KEEP,
               group_name: str | Keep = KEEP) -> Changes:
    """Cards dropped on another column: their kind, municipality, theme or group changes."""
    fields = given(kind=kind, municipality_id=municipality_id, theme_id=theme_id,
                   group_name=group_name)

    def work(tx: Transaction) -> str:
        for card_id in card_ids:
            merged = {**_card_row(tx, card_id), **fields}
            _check(tx.db, merged["kind"], merged["municipality_id"], merged["theme_id"])
            tx.update("card", card_id, fields)
        return card_ids[0]

    return session.write(_("Move a card") if len(card_ids) == 1 else _("Move {n} cards").format(
        n=len(card_ids)), work)


def edit_card(session: CohortSession, card_id: str, *, text: str, kind: str,
              municipality_id: str | None, theme_id: str | None, group: str, author: str,
              confidential: bool) -> Changes:
    """Everything about a card but its votes, place and cluster, checked as a new card is."""
    def work(tx: Transaction) -> str:
        row = _card_row(tx, card_id)
        return put_card(tx, card_id=card_id, position=row["position"], votes=row["votes"],
                        cluster_id=row["cluster_id"], text=text, kind=kind,
                        municipality_id=municipality_id, theme_id=theme_id, group=group,
                        author=author, confidential=confidential)

    return session.write(_("Edit a card"), work)


def set_confidential(session: CohortSession, card_ids: list[str], confidential: bool) -> Changes:
    def work(tx: Transaction) -> None:
        for card_id in card_ids:
            _card_row(tx, card_id)
            tx.update("card", card_id, {"confidential": int(confidential)})

    return session.write(_("Confidential") if confidential else _("Publishable"), work)


def vote(session: CohortSession, card_id: str, change: int = 1) -> Changes:
    """Dot votes called out in the room; never below zero."""
    def work(tx: Transaction) -> int:
        row = _card_row(tx, card_id)
        votes = max(0, row["votes"] + change)
        tx.update("card", card_id, {"votes": votes})
        return votes

    return session.write(_("Vote") if change > 0 else _("Take back a vote"), work)


def delete_cards(session: CohortSession, card_ids: list[str]) -> Changes:
    """Through undo and the tombstones: a deleted card is never silently lost."""
    def work(tx: Transaction) -> None:
        for card_id in card_ids:
            _card_row(tx, card_id)
            tx.tombstone("card", card_id)

    return session.write(_("Delete {n} cards").format(n=len(card_ids)) if len(card_ids) > 1
                         else _("Delete a card"), work)


def cluster_cards(session: CohortSession, card_ids: list[str], name: str = "") -> Changes:
    """Cards dragged together: into the cluster of the first that has one, else a new one."""
    if len(card_ids) < 2 and not name:
        raise RuleViolation(_("A cluster needs at least two cards."))

    def work(tx: Transaction) -> str:
        rows = [_card_row(tx, card_id) for card_id in card_ids]
        cluster_id = next((r["cluster_id"] for r in rows if r["cluster_id"]), None)
        if cluster_id is None:
            cluster_id = new_id()
            count = tx.db.execute("SELECT COUNT(*) FROM card_cluster").fetchone()[0]
            tx.put("card_cluster", {"id": cluster_id, "name": clean_text(name) or _(
                "Cluster {n}").format(n=count + 1)})
        elif name:
            tx.update("card_cluster", cluster_id, {"name": clean_text(name)})
        for row in rows:
            tx.update("card", row["id"], {"cluster_id": cluster_id})
        return cluster_id

    return session.write(_("Cluster cards"), work)


def rename_cluster(session: CohortSession, cluster_id: str, name: str) -> Changes:
    if not clean_text(name):
        raise RuleViolation(_("A cluster needs a name."))
    return session.write(_("Name a cluster"), lambda tx: tx.update(
        "card_cluster", cluster_id, {"name": clean_text(name)}))


def uncluster(session: CohortSession, card_ids: list[str]) -> Changes:
    def work(tx: Transaction) -> None:
        for card_id in card_ids:
            _card_row(tx, card_id)
            tx.update("card", card_id, {"cluster_id": None})

    return session.write(_("Take cards out of their cluster"), work)


def export_rows(session) -> list[list]:
    """Every card with every field, a header first: for the board's CSV or XLSX export."""
    db = session.db
    municipalities = {m.id: m for m in queries.municipalities(db)}
    names = clusters(db)
    rows = [["id", _("Code"), _("Municipality"), _("Kind"), _("Theme"), _("Group"), _("Text"),
             _("Author"), _("Confidential"), _("Votes"), _("Cluster"), _("Position")]]
    for card in cards(db):
        m = municipalities.get(card.municipality_id)
        rows.append([card.id, m.code if m else "", m.name() if m else _("Whole cohort"),
                     card.kind, card.theme_id or "", card.group, card.text, card.author,
                     _("yes") if card.confidential else _("no"), card.votes,
                     names.get(card.cluster_id, ""), card.position])
    return rows


def export_board(session, target) -> object:
    from ilmava_desktop.services.table_files import write_tables

    return write_tables(target, [(_("Board"), export_rows(session))])
