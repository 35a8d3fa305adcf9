"""The demo's peer-review visits: each municipality's team, and Porvoo's visit planned."""

from __future__ import annotations

from ilmava_desktop.resources import resource_path
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction

INTERVIEWEES = "demo/haastateltavat-esimerkki.csv"


def fill_demo_visits(tx: Transaction) -> None:
    from ilmava_desktop.services.table_files import read_table
    from ilmava_desktop.services.visits import _team_member_id, put_visit
    from ilmava_desktop.services.visits.interviewees import _fields, interviewee_id

    for municipality in queries.municipalities(tx.db):
        # The people who should learn most: here simply the municipality's first three.
        for person in queries.people(tx.db, municipality.id)[:3]:
            tx.put("review_team_member", {"id": _team_member_id(person.id),
                                          "municipality_id": municipality.id,
                                          "person_id": person.id})
    porvoo = queries.municipality_by_code(tx.db, "638")
    if porvoo is None:
        return
    v_id = put_visit(tx, porvoo.id, date="2026-10-14", place="Borgå stadshus – Porvoon kaupungintalo")
    _header, rows = read_table(resource_path(INTERVIEWEES))
    from ilmava_desktop.core.visits import group_from_text

    for _line, (name, title, group, email) in rows:
        fields = _fields(name, title, group_from_text(group), email)
        tx.put("interviewee", {"id": interviewee_id(porvoo.id, name, email.lower()),
                               "visit_id": v_id, **fields})
    from ilmava_desktop.services.visits import visit
    from ilmava_desktop.services.visits.schedule import generated_json

    # Two rooms, one for each visiting team, as the day planner proposes it.
    put_visit(tx, porvoo.id, schedule=generated_json(tx.db, visit(tx.db, porvoo.id),
                                                     start="09:00", rooms=2))
