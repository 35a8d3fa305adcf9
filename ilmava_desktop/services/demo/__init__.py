"""Writing the demo cohort: the first thing every user sees."""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from pathlib import Path

from ilmava_desktop.resources import resource_path
from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.storage import errors
from ilmava_desktop.storage.locations import data_dir
from ilmava_desktop.storage.transaction import Transaction, new_id, stable_id

DEMO_LABEL_FI = "Esimerkkiaineisto – kuvitteellinen"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def fill_demo(tx: Transaction) -> None:
    # Imported here: opening the demo copies the bundled file; only a rebuild fills one.
    from ilmava_desktop.core.roles import role_from_title
    from ilmava_desktop.services.attendance.days import put_day
    from ilmava_desktop.services.demo import content as demo_content
    from ilmava_desktop.services.demo.assessment import fill_demo_assessment
    from ilmava_desktop.services.demo.attendance import fill_demo_attendance
    from ilmava_desktop.services.demo.board import fill_demo_board
    from ilmava_desktop.services.municipalities import put_municipality
    from ilmava_desktop.services.municipalities.people import put_new_person

    tx.put("cohort", {"id": new_id(), "name": demo_content.COHORT_NAME, "programme": "ILMAVA",
                      "year": 2026, "language": "fi", "is_demo": 1})
    for code, (theme, target, problem, state, challenges, people) in (
        demo_content.MUNICIPALITIES.items()
    ):
        paid = code not in demo_content.NOT_PAID
        m_id = put_municipality(tx, code, theme=theme, council_target=target,
                                wicked_problem=problem, current_state=state,
                                challenges=challenges, own_funding_paid=paid,
                                status="selected", funding_committed=True)
        tx.update("municipality", m_id, {
            "funding_invoiced": demo_content.FUNDING_INVOICED.isoformat(),
            "funding_paid": demo_content.FUNDING_PAID.isoformat() if paid else None})
        domain = _ascii(tx.get("municipality", m_id)["name_fi"]).replace(" ", "")
        for first, last, title, language in people:
            put_new_person(tx, m_id, {
                "name": f"{first} {last}", "role": role_from_title(title), "title": title,
                "email": f"{_ascii(first)}.{_ascii(last)}@{domain}.example",
                "language": language,
            })
    for period, title, day_date, venue, audience, low, high, invitees in demo_content.DAYS:
        title_sv, title_en = demo_content.DAY_TITLES[title]
        put_day(tx, period, title, day_date, venue, audience, low, high, invitees=invitees,
                title_sv=title_sv, title_en=title_en)
    fill_demo_attendance(tx)
    fill_demo_assessment(tx)
    fill_demo_board(tx)
    fill_demo_groups(tx)
    fill_demo_sparring(tx)
    for code, (theme, target, problem, state, challenges, funding) in (
        demo_content.NOT_SELECTED.items()
    ):
        put_municipality(tx, code, theme=theme, council_target=target, wicked_problem=problem,
                         current_state=state, challenges=challenges, funding_committed=funding,
                         status="not_selected")


def fill_demo_sparring(tx: Transaction) -> None:
    """Sessions of period 4 with each municipality's sparrer."""
    from datetime import date

    from ilmava_desktop.services.demo import content as demo_content
    from ilmava_desktop.services.groups import sparrers
    from ilmava_desktop.storage import queries

    matches = sparrers.saved_matches(tx.db)
    for index, m in enumerate(queries.municipalities(tx.db, taking_part=True)):
        people = queries.people(tx.db, m.id)
        held = demo_content.SPARRING if index % 3 == 0 else demo_content.SPARRING[:2]
        for number, (month, day, minutes, online, topic, step, notes, publishable) in (
            enumerate(held)
        ):
            tx.put("sparring_session", {
                "id": stable_id("demo-sparring", m.code, str(number)),
                "municipality_id": m.id, "sparrer_id": matches.get(m.id, (None,))[0],
                "date": date(2026, month, min(28, day + index % 5)).isoformat(),
                "minutes": minutes, "online": int(online),
                "participants": ", ".join(p.title for p in people[:2]), "topic": topic,
                "notes": notes, "publishable": int(publishable), "next_step": step})


def fill_demo_groups(tx: Transaction) -> None:
    """The Helsinki day's thematic groups, as the solver proposes them from the demo's data."""
    from ilmava_desktop.core import grouping as grouping_core
    from ilmava_desktop.services.groups import grouping
    from ilmava_desktop.storage import queries

    helsinki = next((d for d in queries.days(tx.db) if d.venue.startswith("Helsinki")), None)
    problem = grouping.problem(tx.db)
    grouping_id = grouping.put_grouping(tx, "Helsingin teemaryhmät",
                                        grouping_core.solve(problem), problem,
                                        helsinki.id if helsinki else None,
                                        grouping_id=stable_id("demo-grouping", "helsinki"))
    fill_demo_peer_work(tx, grouping_id)


def fill_demo_peer_work(tx: Transaction, grouping_id: str) -> None:
    """Peer-review pairs outside the thematic groups, and the sparrer bank matched."""
    from ilmava_desktop.services.groups import pairs, sparrers

    pairs.put_pairs(tx, pairs.propose(tx.db, grouping_id=grouping_id))
    for sparrer in sparrers.read_sparrer_file(resource_path(SPARRERS)).planned:
        sparrers.put_sparrer(tx, *sparrer)
    sparrers.put_matches(tx, sparrers.propose(tx.db))
    from ilmava_desktop.services.demo.visits import fill_demo_visits

    fill_demo_visits(tx)


BUNDLED = "demo/esimerkkikohortti.ilmava"
SPARRERS = "demo/sparraajat-esimerkki.csv"


def create_demo(path: Path, replace: bool = False) -> CohortSession:
    """A fresh copy of the bundled demo cohort at `path`, opened; `replace` only for the
    app's own demo copy. Copying the prebuilt file keeps `--demo` fast."""
    path = Path(path)
    if path.exists() and not replace:
        raise errors.already_exists(path)
    # A name of its own for the copy on its way: two windows opening the demo at once each
    # wrote the same temporary file, and the second found it gone.
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        shutil.copyfile(resource_path(BUNDLED), tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    # No backup: the bundled file it was copied from is the backup.
    return CohortSession.open(path, recover=False, backup=False)


def build_demo(path: Path) -> CohortSession:
    """Generate the demo cohort from demo/content.py (how the bundled file is made)."""
    return CohortSession.create(Path(path), fill_demo)


def rebuild_bundled(target: Path) -> None:
    """`python -m ilmava_desktop.services.demo resources/demo/esimerkkikohortti.ilmava`."""
    target = Path(target)
    built = target.with_name(target.stem + ".new.ilmava")
    built.unlink(missing_ok=True)
    build_demo(built).close()
    os.replace(built, target)


def fresh_demo_path() -> Path:
    """Where --demo puts its copy: the user's data folder, never inside the package."""
    folder = data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "ILMAVA-esimerkki.ilmava"

