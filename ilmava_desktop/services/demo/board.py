"""The demo cohort's debrief board: what the room said about each development task.

Two strengths and two development areas per municipality drawn from its task's theme, ideas,
lessons and questions for some, a few cards about the whole cohort, clusters, votes. Seeded,
so the demo is the same every time.
"""

from __future__ import annotations

import random

from ilmava_desktop.services.board import put_card
from ilmava_desktop.storage import queries
from ilmava_desktop.storage.transaction import Transaction, stable_id

# Development-task theme: (assessment theme, strengths, development areas, idea, question)
BY_TASK: dict[str, tuple] = {
    "communication": ("partnerships", [
        "Ilmastoviestinnälle on nimetty vastuuhenkilö",
        "Asukastilaisuuksiin on saatu myös nuoria mukaan",
        "Kunnan some-kanavilla on säännöllinen ilmastosarja"], [
        "Luottamushenkilöille ei ole omaa ilmastoinfoa",
        "Viestintä on hankekohtaista eikä jatku hankkeen jälkeen",
        "Päätösten ilmastovaikutuksia ei kerrota asukkaille"],
        "Ilmastokatsaus valtuuston kokousten alkuun kahdesti vuodessa",
        "Miten tavoitetaan asukkaat, joita ilmastoasiat eivät kiinnosta?"),
    "coordination": ("organisation", [
        "Johtoryhmä käsittelee ilmastoasiat neljännesvuosittain",
        "Ilmastokoordinaattorin tehtävä on vakinaistettu",
        "Toimialojen yhdyshenkilöverkosto kokoontuu säännöllisesti"], [
        "Toimialojen vastuut ilmasto-ohjelmassa ovat epäselviä",
        "Koordinaattorilla ei ole mandaattia ohjata muita toimialoja",
        "Ilmastotyö jää ympäristöyksikön harteille"],
        "Jokaisen toimialan tulostavoitteisiin yksi ilmastotavoite",
        "Kenen tehtävä on sanoa ei, jos hanke on ristiriidassa tavoitteen kanssa?"),
    "business": ("partnerships", [
        "Elinkeinoyhtiö on sitoutunut ilmastotavoitteeseen",
        "Yritysten ilmastoverkosto on perustettu",
        "Paikalliset yritykset ovat mukana energiakatselmuksissa"], [
        "Pk-yrityksille ei ole tarjolla käytännön tukea",
        "Kaupungin rooli yritysyhteistyössä on epäselvä",
        "Alueen päästöistä suurin osa on yritysten, mutta ne puuttuvat ohjelmasta"],
        "Ilmastokumppanuussopimus kymmenen suurimman työnantajan kanssa",
        "Millä mittarilla yritysyhteistyön tuloksia seurataan?"),
    "monitoring": ("monitoring", [
        "Päästölaskenta tehdään säännöllisesti",
        "Seurantaan on valittu muutama selkeä mittari",
        "Tilinpäätöksessä on ilmasto-osio"], [
        "Seurantatieto ei kulje johtoryhmään",
        "Toimenpiteiden etenemistä ei seurata lainkaan",
        "Mittarit vaihtuvat hankkeesta toiseen"],
        "Ilmastomittarit osaksi kuukausiraportointia",
        "Riittääkö kahden vuoden välein tehty päästölaskenta johtamiseen?"),
    "land_use": ("implementation", [
        "Yleiskaavassa on ilmastotavoitteet",
        "Joukkoliikenteen runkolinjat on suunniteltu kaavoituksen kanssa",
        "Kaavoittajat ovat käyneet ilmastokoulutuksen"], [
        "Hajarakentamisen ilmastovaikutuksia ei arvioida",
        "Liikenteen päästöt kasvavat eikä keinoja ole sovittu",
        "Asemakaavoissa ilmastotavoitteet jäävät yleiselle tasolle"],
        "Kaavojen ilmastovaikutusten arviointi kevyellä laskurilla",
        "Miten kasvu ja päästövähennys sovitetaan yhteen?"),
    "industry_targets": ("strategy", [
        "Teollisuuslaitokset ovat mukana tavoitekeskustelussa",
        "Kunnan omille päästöille on asetettu erillinen tavoite",
        "Energiayhtiön investointiohjelma tukee tavoitetta"], [
        "Tavoite puuttuu, koska teollisuuden osuus päästöistä on suuri",
        "Valtuusto ei ole käsitellyt ilmastotavoitetta",
        "Teollisuuden päästövähennykset eivät näy kunnan tavoitteessa"],
        "Kaksiosainen tavoite: kunnan oma toiminta ja koko alue",
        "Voiko kunta asettaa tavoitteen, jonka toteutus on yritysten käsissä?"),
    "procurement": ("finance", [
        "Hankintojen ilmastokriteerit ovat käytössä",
        "Hankintayksikössä on nimetty ilmastoasiantuntija",
        "Markkinavuoropuhelu on vakiintunut tapa"], [
        "Kriteerien vaikutusta päästöihin ei seurata",
        "Pienhankinnoissa kriteerejä ei käytetä",
        "Hankintojen hiilijalanjälki on laskematta"],
        "Hankintojen hiilijalanjälki vuosittain tilinpäätökseen",
        "Miten kriteerit saadaan myös konserniyhtiöiden hankintoihin?"),
    "company_steering": ("implementation", [
        "Omistajapolitiikassa on ilmastotavoite",
        "Energiayhtiö raportoi päästönsä omistajalle",
        "Konserniyhtiöiden johdon kanssa on säännöllinen ilmastokeskustelu"], [
        "Konserniyhtiöiden tavoitteet eivät ole linjassa kaupungin tavoitteen kanssa",
        "Omistajaohjauksen ilmastotavoitteita ei seurata",
        "Hallitusjäsenille ei ole ilmasto-ohjeistusta"],
        "Ilmastotavoite jokaisen konserniyhtiön omistajaohjauskirjeeseen",
        "Kuka vastaa konsernin yhteisestä päästötavoitteesta?"),
    "budget": ("finance", [
        "Talousarviossa on ilmasto-osio",
        "Investointien ilmastovaikutukset on arvioitu kokeiluna",
        "Talousjohtaja on sitoutunut ilmastobudjetointiin"], [
        "Ilmastotavoite ja talousarvio eivät kohtaa",
        "Ilmastotoimille ei ole omaa määrärahaa",
        "Investointien ilmastovaikutuksia ei arvioida järjestelmällisesti"],
        "Ilmastobudjetointi yhdellä toimialalla kokeiluna ensi vuonna",
        "Miten ilmastovaikutus näytetään talousarviossa ymmärrettävästi?"),
    "political_commitment": ("strategy", [
        "Valtuusto on hyväksynyt ilmastotavoitteen yksimielisesti",
        "Puolueiden ilmastoryhmä kokoontuu säännöllisesti",
        "Kuntastrategiassa on ilmasto mukana"], [
        "Sitoutuminen heikkenee valtuustokauden vaihtuessa",
        "Uudet valtuutetut eivät tunne ilmastotavoitetta",
        "Ilmastotavoite ei näy lautakuntien päätöksissä"],
        "Ilmastoperehdytys jokaisen uuden valtuustokauden alkuun",
        "Miten tavoite pidetään yli vaalikausien?"),
    "capacity": ("organisation", [
        "Naapurikuntien kanssa on yhteinen ilmastoasiantuntija",
        "Kunnanjohtaja on henkilökohtaisesti sitoutunut",
        "Pieni organisaatio tekee päätökset nopeasti"], [
        "Ilmastotyöhön ei ole omaa henkilöresurssia",
        "Osaaminen on yhden ihmisen varassa",
        "Hankerahoitusta ei ehditä hakea"],
        "Seudullinen ilmastoasiantuntija jaetulla rahoituksella",
        "Mikä on pienen kunnan realistinen ilmastotyön taso?"),
}

LESSONS = [
    "Vertaisarvioinnissa toisen kunnan kysymykset avasivat omia sokeita pisteitä",
    "Poliitikkojen ja viranhaltijoiden yhteinen aamupäivä toi esiin eri käsitykset",
    "Pienikin mittari riittää, kun sitä seurataan johtoryhmässä",
    "Ilmastotyö etenee, kun se on osa talousarviota eikä erillinen ohjelma",
]
COHORT_CARDS = [  # (kind, text, cluster)
    ("lesson", "Ilmastotyön mandaatti on monessa kunnassa epäselvä", "Johtaminen"),
    ("lesson", "Johtoryhmän sitoutuminen ratkaisee enemmän kuin ohjelma", "Johtaminen"),
    ("idea", "Yhteinen ilmastobudjetoinnin malli kohortin kunnille", "Talous"),
    ("idea", "Hankintakriteerien yhteinen kirjasto", "Talous"),
    ("question", "Miten ilmastotyön tulokset näytetään valtuustolle ymmärrettävästi?", None),
    ("lesson", "Vertaisparit toimivat parhaiten, kun kuntien haasteet ovat erilaisia", None),
]
AUTHORS = ["AV", "JK", "MS", "TL", ""]


def fill_demo_board(tx: Transaction) -> None:
    rng = random.Random(2026)
    position = 0.0

    def add(**fields) -> str:
        nonlocal position
        position += 1
        card_id = stable_id("demo-card", str(position))
        put_card(tx, card_id=card_id, position=position, author=rng.choice(AUTHORS),
                 votes=rng.choice([0, 0, 1, 1, 2, 3, 4, 6]), **fields)
        return card_id

    for m in queries.municipalities(tx.db):
        if m.theme not in BY_TASK:
            continue
        theme, strengths, developments, idea, question = BY_TASK[m.theme]
        for text in rng.sample(strengths, 2):
            add(municipality_id=m.id, kind="strength", text=text, theme_id=theme,
                confidential=rng.random() < 0.4)
        # Lahti's two development areas were found to be one matter: a cluster.
        cluster_id = stable_id("demo-cluster", m.code) if m.code == "398" else None
        if cluster_id:
            tx.put("card_cluster", {"id": cluster_id, "name": "Hankintojen seuranta"})
        for text in rng.sample(developments, 2):
            add(municipality_id=m.id, kind="development", text=text, theme_id=theme,
                confidential=rng.random() < 0.6, cluster_id=cluster_id)
        if rng.random() < 0.7:
            add(municipality_id=m.id, kind="idea", text=idea, theme_id=theme, confidential=False)
        if rng.random() < 0.5:
            add(municipality_id=m.id, kind="question", text=question, theme_id=theme)
        if rng.random() < 0.3:
            add(municipality_id=m.id, kind="lesson", text=rng.choice(LESSONS), confidential=False)
    clusters: dict[str, str] = {}
    for kind, text, cluster in COHORT_CARDS:
        cluster_id = None
        if cluster:
            cluster_id = clusters.get(cluster)
            if cluster_id is None:
                cluster_id = clusters[cluster] = stable_id("demo-cluster", cluster)
                tx.put("card_cluster", {"id": cluster_id, "name": cluster})
        add(municipality_id=None, kind=kind, text=text, confidential=False,
            cluster_id=cluster_id)
