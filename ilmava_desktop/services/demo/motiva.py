"""The Motiva demo: a peer-learning year from self-assessment to findings.

Six real municipalities (Närpes Swedish-speaking, Porvoo and Turku bilingual), everything
else invented: the people, their answers, the interviewees and the findings. Two visits
have been held and have findings; the others are planned. The visits use the bundled 2021
energy-efficiency guide.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from ilmava_desktop.services.cohort.session import CohortSession
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, new_id, stable_id

COHORT_NAME = "Motiva vertaisoppiminen 2026 – esimerkki"
ROUND = "Itsearviointi, helmikuu 2026"

# code: (development task theme, base maturity, people: (name, title, language or None))
MUNICIPALITIES: dict[str, tuple] = {
    "398": ("procurement", 3.5, [("Laura Kokeilu", "kaupunginjohtaja", None),
                                 ("Kaija Uusitalo-Esimerkki", "ympäristöjohtaja", None),
                                 ("Markus Luonnos", "hankintapäällikkö", None)]),
    "837": ("monitoring", 3.4, [("Elina Testilä", "kestävän kehityksen johtaja", None),
                                ("Risto Keksitty", "energia-asiantuntija", None),
                                ("Kaisa Mallinen", "tilapalvelujohtaja", None)]),
    "638": ("budget", 3.0, [("Helena Fiktiivinen", "kaupunginjohtaja", None),
                            ("Erik Exempelsson", "talousjohtaja", "sv"),
                            ("Sanna Kuvitelma", "ilmastoasiantuntija", None)]),
    "061": ("capacity", 2.4, [("Jari Testinen", "kaupunginjohtaja", None),
                              ("Hanna Keksitty", "energia-asiantuntija", None)]),
    "853": ("business", 3.2, [("Johanna Satunen", "kaupunginjohtaja", None),
                              ("Matti Harjoitus", "elinkeinojohtaja", None),
                              ("Katja Luonnos", "hållbarhetschef", "sv")]),
    "545": ("communication", 2.7, [("Anna Exempelsdotter", "stadsdirektör", "sv"),
                                   ("Kimmo Keksitty", "energirådgivare", "fi"),
                                   ("Linda Fiktivström", "miljöchef", "sv")]),
}
# The host's day: (date, place); visits held have findings.
VISITS = {
    "398": ("2026-04-14", "Lahden kaupungintalo"),
    "837": ("2026-04-16", "Tampereen keskustorni"),
    "638": ("2026-04-21", "Borgå stadshus – Porvoon kaupungintalo"),
    "061": ("2026-04-23", "Forssan kaupungintalo"),
    "853": ("2026-04-28", "Turun kaupungintalo – Åbo stadshus"),
    "545": ("2026-04-30", "Närpes stadshus"),
}
HELD = ("398", "837")
INTERVIEWEE_GROUPS = ("leadership", "sector", "sector", "expert", "expert", "elected", "local")
FIRST = ("Aino", "Eero", "Helmi", "Ilmari", "Kerttu", "Lauri", "Mervi", "Olli", "Saara")
LAST = ("Esimerkki", "Kokeilu", "Mallinen", "Luonnos", "Testilä", "Kuvitelma", "Harjoitus")
FINDINGS = {
    "398": [("strength", "implementation", "Hankintojen energiakriteerit ovat käytössä kaikissa "
                                            "suurissa kilpailutuksissa."),
            ("development", "monitoring", "Kulutusseurannan tiedot eivät vielä päädy "
                                          "johtoryhmän käsittelyyn.")],
    "837": [("strength", "monitoring", "Kiinteistöjen kulutusseuranta on reaaliaikaista ja "
                                       "avointa."),
            ("development", "organisation", "Energiatehokkuustyön vastuut toimialojen välillä "
                                            "ovat epäselvät.")],
}


def fill_motiva_demo(tx: Transaction) -> None:
    from ilmava_desktop.core.roles import role_from_title
    from ilmava_desktop.services import assessment
    from ilmava_desktop.services.board import put_card
    from ilmava_desktop.services.groups import pairs
    from ilmava_desktop.services.municipalities import put_municipality
    from ilmava_desktop.services.municipalities.people import put_new_person
    from ilmava_desktop.services.visits import _team_member_id, put_visit, visit
    from ilmava_desktop.services.visits.interviewees import _fields, interviewee_id
    from ilmava_desktop.services.visits.schedule import generated_json

    rng = random.Random(2021)
    tx.put("cohort", {"id": new_id(), "name": COHORT_NAME, "programme": "Motiva", "year": 2026,
                      "language": "fi", "is_demo": 1, "programme_kind": "motiva"})
    for code, (theme, _base, people) in MUNICIPALITIES.items():
        m_id = put_municipality(tx, code, theme=theme, council_target=True)
        for name, title, language in people:
            person_id = put_new_person(tx, m_id, {"name": name, "role": role_from_title(title),
                                                  "title": title, "language": language})
            tx.put("review_team_member", {"id": _team_member_id(person_id),
                                          "municipality_id": m_id, "person_id": person_id})
    template_id = assessment.put_template(tx, assessment.default_template_body())
    template = assessment.template(tx.db, template_id)
    round_id = assessment.put_round(tx, ROUND, template_id)
    for m in queries.municipalities(tx.db):
        base = MUNICIPALITIES[m.code][1]
        for theme in template.themes:
            offset = rng.uniform(-0.8, 0.6)
            for statement in theme.statements:
                value = max(1, min(5, round(rng.gauss(base + offset, 0.6))))
                assessment.put_answer(tx, round_id, m.id, 1, statement.id, value)
    pairs.put_pairs(tx, pairs.propose(tx.db, time_limit=0.5))
    for index, m in enumerate(queries.municipalities(tx.db)):
        day, place = VISITS[m.code]
        put_visit(tx, m.id, date=day, place=place,
                  status="held" if m.code in HELD else "planned")
        for number, group in enumerate(INTERVIEWEE_GROUPS[:6 + rng.randint(0, 1)]):
            name = f"{FIRST[number]} {LAST[(number + index) % len(LAST)]}"
            fields = _fields(name, "", group, "")
            tx.put("interviewee", {"id": interviewee_id(m.id, name, ""),
                                   "visit_id": visit(tx.db, m.id).id, **fields})
        put_visit(tx, m.id, schedule=generated_json(tx.db, visit(tx.db, m.id), start="09:00",
                                                    rooms=None))
        # Prepared as the timeline asks: agreed, the pack sent, each team's meeting held
        # online a week before.
        day_of = date.fromisoformat(day)
        put_visit(tx, m.id, checklist=json.dumps({
            "agreement": (day_of - timedelta(days=95)).isoformat(),
            "pack": (day_of - timedelta(days=22)).isoformat()}, sort_keys=True))
        found = visit(tx.db, m.id)
        for reviewer in found.reviewer_ids:
            tx.put("preparation_meeting", {
                "id": stable_id("preparation_meeting", found.id, reviewer), "visit_id": found.id,
                "reviewer_id": reviewer, "date": (day_of - timedelta(days=8)).isoformat(),
                "place": f"https://teams.example/{m.code}-{queries.municipality(tx.db, reviewer).code}"})
    for code, written in FINDINGS.items():
        m = queries.municipality_by_code(tx.db, code)
        for kind, theme, text in written:
            card_id = put_card(tx, municipality_id=m.id, kind=kind, text=text, theme_id=theme)
            tx.update("card", card_id, {"source": "visit"})
        put_visit(tx, m.id, status="findings_written", themes=json.dumps(
            ["leadership", "implementation"]))


def build_motiva_demo(path: Path) -> CohortSession:
    return CohortSession.create(Path(path), fill_motiva_demo)


def create_motiva_demo(path: Path) -> CohortSession:
    """The Motiva demo at `path`, opened; an existing file is never replaced."""
    from ilmava_desktop.storage import errors

    path = Path(path)
    if path.exists():
        raise errors.already_exists(path)
    return build_motiva_demo(path)


def fresh_motiva_demo() -> Path:
    """A fresh Motiva demo in the user's data folder (what `--demo motiva` opens)."""
    from ilmava_desktop.services.demo import fresh_demo_path

    path = fresh_demo_path().with_name("Motiva-esimerkki.ilmava")
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    build_motiva_demo(path).close()
    return path
