"""The demo cohort's self-assessment: officials in January, politicians in September.

Seeded, so the demo is the same every time; profiles follow each municipality's situation
(Tornio has no council target yet; Lahti is strong in procurement; Kuhmo is small).
"""

from __future__ import annotations

import random

from ilmava_desktop.services import assessment
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, stable_id

OFFICIALS, POLITICIANS = "Virkajohto, tammikuu 2026", "Poliittinen johto, syyskuu 2026"
# The same rounds in Swedish and English, so every report names them in its own language.
ROUND_NAMES = {OFFICIALS: ("Tjänstemannaledning, januari 2026", "Officials, January 2026"),
               POLITICIANS: ("Politisk ledning, september 2026", "Politicians, September 2026")}
NO_POLITICIANS = {"290", "576", "153"}  # their politicians' sheets never came back

# code: (base maturity, {theme: offset}, {statement: fixed value})
PROFILES = {
    "016": (2.8, {"partnerships": 0.4, "monitoring": -0.6}, {}),
    "061": (2.3, {"organisation": -0.7}, {}),
    "111": (2.6, {"partnerships": 0.3}, {}),
    "098": (2.7, {"monitoring": -0.5, "strategy": 0.3}, {}),
    "109": (3.3, {"organisation": -0.3, "strategy": 0.5}, {}),
    "108": (2.4, {"implementation": -0.4}, {}),
    "153": (2.5, {"strategy": -0.6, "implementation": 0.4}, {}),
    "398": (3.7, {"finance": 0.6, "monitoring": 0.3}, {}),
    "837": (3.6, {"implementation": 0.3, "strategy": 0.4}, {}),
    "851": (2.2, {"strategy": -0.8}, {"strategy.1": 1}),
    "853": (3.5, {"partnerships": 0.5}, {}),
    "576": (2.0, {"organisation": -0.5, "partnerships": 0.3}, {}),
    "638": (3.1, {"finance": -0.6, "strategy": 0.3}, {}),
    "710": (2.9, {"strategy": -0.4}, {}),
    "290": (1.8, {"organisation": -0.6, "monitoring": -0.4}, {}),
}
# Politicians see strategy brighter and monitoring and finance dimmer than officials do.
POLITICAL_SHIFT = {"strategy": 0.6, "monitoring": -0.7, "finance": -0.4, "partnerships": 0.3}

COMMENTS = {
    ("398", "finance", "strengths"): "Hankintojen ilmastokriteerit ovat käytössä kaikissa "
                                     "suurissa kilpailutuksissa.",
    ("398", "monitoring", "development_areas"): "Kriteerien vaikutusten todentaminen puuttuu.",
    ("851", "strategy", "development_areas"): "Valtuuston hyväksymä ilmastotavoite puuttuu; "
                                              "teollisuuden osuus tekee rajauksesta vaikean.",
    ("638", "finance", "development_areas"): "Investointien ilmastovaikutuksia ei vielä arvioida "
                                             "ennen päätöksiä.",
    ("710", "strategy", "strengths"): "Klimatmålet från 2019 är välkänt i förvaltningen.",
    ("290", "organisation", "development_areas"): "Ilmastotyölle ei ole nimettyä vastuuhenkilöä.",
    ("109", "strategy", "strengths"): "Hiilineutraaliustavoite näkyy kaupunkistrategiassa.",
}


def _value(rng: random.Random, base: float, offset: float, dont_know: float) -> int | None:
    if rng.random() < dont_know:
        return None
    return max(1, min(5, round(rng.gauss(base + offset, 0.7))))


def fill_demo_assessment(tx: Transaction) -> None:
    rng = random.Random(2021)
    db = tx.db
    template_id = assessment.put_template(tx, assessment.default_template_body())
    template = assessment.template(db, template_id)
    officials, politicians = (
        assessment.put_round(tx, name, template_id, name_sv=ROUND_NAMES[name][0],
                             name_en=ROUND_NAMES[name][1]) for name in (OFFICIALS, POLITICIANS))
    for m in queries.municipalities(db):
        base, offsets, fixed = PROFILES[m.code]
        for round_id, sheets, shift, dont_know in (
            (officials, rng.randint(1, 3), {}, 0.05),
            (politicians, 0 if m.code in NO_POLITICIANS else rng.randint(1, 2),
             POLITICAL_SHIFT, 0.12),
        ):
            for sheet in range(1, sheets + 1):
                for theme in template.themes:
                    offset = offsets.get(theme.id, 0) + shift.get(theme.id, 0)
                    for statement in theme.statements:
                        value = fixed.get(statement.id) or _value(rng, base, offset, dont_know)
                        assessment.put_answer(tx, round_id, m.id, sheet, statement.id, value)
    for (code, theme, kind), text in COMMENTS.items():
        m = queries.municipality_by_code(db, code)
        tx.put("theme_comment", {
            "id": stable_id("theme_comment", officials, m.id, theme, kind),
            "round_id": officials, "municipality_id": m.id, "theme_id": theme, "kind": kind,
            "text": text})

