"""What the demo cohort holds: real municipalities and themes, invented everything else.

Municipalities and the published development tasks are from the ILMAVA 2021
cohort; the people, their titles and the application texts are fictional, and
the app labels the cohort "Esimerkkiaineisto – kuvitteellinen".
"""

from __future__ import annotations

from datetime import date

COHORT_NAME = "ILMAVA 2026 – esimerkkikohortti"

# code: (theme, council target, wicked problem, current state, challenges, people)
# people: (first name, last name, title, language or None)
MUNICIPALITIES: dict[str, tuple] = {
    "016": ("communication", True,
            "Ilmastoviestintä luottamushenkilöille ja asukkaille: miten ilmastotyö näkyy ja "
            "ymmärretään kunnan päätöksissä?",
            "Ilmastotavoite hyväksytty 2020; viestintä hajanaista ja hankekohtaista.",
            "Luottamushenkilöt kokevat ilmastoasiat erillisiksi muusta päätöksenteosta.",
            [("Aino", "Esimerkki", "kunnanjohtaja", None),
             ("Pekka", "Kuvitelma", "viestintäpäällikkö", None),
             ("Liisa", "Mallikas", "valtuuston puheenjohtaja", None)]),
    "061": ("coordination", True,
            "Ilmastotyön vastuut ovat hajallaan toimialoilla: kenellä on mandaatti ohjata "
            "kokonaisuutta?",
            "Ilmasto-ohjelma laadittu, mutta toteutus jää yksittäisten viranhaltijoiden varaan.",
            "Toimialojen välinen yhteistyö ja resurssit ilmastotyön koordinointiin.",
            [("Jari", "Testinen", "kaupunginjohtaja", None),
             ("Hanna", "Keksitty", "ympäristöpäällikkö", None),
             ("Mikko", "Luonnos", "tekninen johtaja", None)]),
    "111": ("business", True,
            "Paikallisten yritysten saaminen mukaan päästövähennyksiin ja kiertotalouteen.",
            "Kaupungin omat päästöt laskussa; yritysyhteistyö satunnaista.",
            "Pk-yrityksillä vähän aikaa ja osaamista; kaupungin rooli epäselvä.",
            [("Sari", "Harjoitus", "kaupunginjohtaja", None),
             ("Timo", "Kokeilu", "elinkeinojohtaja", None),
             ("Eeva", "Satunen", "ilmastokoordinaattori", None),
             ("Kalle", "Fiktiivinen", "kaupunginhallituksen puheenjohtaja", None)]),
    "098": ("monitoring", True,
            "Päästöjen ja toimenpiteiden seuranta niin, että tieto ohjaa talousarviota ja "
            "päätöksiä vuosittain.",
            "Päästölaskenta tehdään kahden vuoden välein ulkopuolisena työnä.",
            "Seurantatieto ei kulje johtoryhmään eikä valtuustoon.",
            [("Marja", "Mallinen", "kunnanjohtaja", None),
             ("Ville", "Esimerkki", "kehitysjohtaja", None),
             ("Noora", "Kuvitelma", "ympäristöasiantuntija", None)]),
    "109": ("coordination", True,
            "Koko kaupungin ilmastoviisas toimintakulttuuri: ilmastotyö osaksi jokaisen "
            "palvelualueen arkea.",
            "Hiilineutraaliustavoite 2030; ilmastotyö keskittynyt ympäristöyksikköön.",
            "Palvelualueiden johdon sitoutuminen ja yhteinen tilannekuva.",
            [("Anna", "Testilä", "kaupunginjohtaja", None),
             ("Juha", "Keksitty", "strategiajohtaja", None),
             ("Minna", "Luonnos", "ilmastoasiantuntija", None),
             ("Olli", "Harjoitus", "palvelualuejohtaja", None),
             ("Tuula", "Kokeilu", "kaupunginvaltuuston puheenjohtaja", None)]),
    "108": ("land_use", True,
            "Maankäytön ja kaavoituksen ratkaisut ilmastotavoitteiden mukaisiksi kasvavassa "
            "kunnassa.",
            "Uusia asuinalueita kaavoitetaan; ilmastovaikutuksia ei arvioida järjestelmällisesti.",
            "Kasvupaine ja henkilöautoriippuvuus.",
            [("Petri", "Satunen", "kunnanjohtaja", None),
             ("Kirsi", "Fiktiivinen", "maankäyttöpäällikkö", None),
             ("Antti", "Mallikas", "kunnanhallituksen puheenjohtaja", None)]),
    "153": ("industry_targets", True,
            "Teollisuuden suuret päästöt ja kaupungin oma tavoite: mihin kaupunki voi itse "
            "vaikuttaa?",
            "Tavoite koskee kaupungin omaa toimintaa; teollisuus rajattu ulos.",
            "Tavoitteen uskottavuus, kun valtaosa päästöistä on teollisuuden.",
            [("Heikki", "Esimerkki", "kaupunginjohtaja", None),
             ("Riikka", "Testinen", "ympäristöjohtaja", None),
             ("Sami", "Kuvitelma", "energia-asiantuntija", None)]),
    "398": ("procurement", True,
            "Hankinnat ilmastotyön välineenä: hiilijalanjälki osaksi hankintakriteerejä ja "
            "sopimusseurantaa.",
            "Hiilineutraaliustavoite 2025; hankintaohjeessa ilmastokriteerit suosituksina.",
            "Kriteerien vaikutusten todentaminen ja hankkijoiden osaaminen.",
            [("Laura", "Kokeilu", "kaupunginjohtaja", None),
             ("Markus", "Luonnos", "hankintajohtaja", None),
             ("Satu", "Harjoitus", "ilmastoasiantuntija", None),
             ("Jukka", "Satunen", "talousjohtaja", None)]),
    "837": ("company_steering", True,
            "Konserniyhtiöiden omistajaohjaus kaupungin hiilineutraaliustavoitteen tueksi.",
            "Omistajapoliittiset linjaukset päivitetty; ilmastotavoitteet yhtiökohtaisesti "
            "vaihtelevia.",
            "Yhtiöiden raportoinnin yhtenäistäminen ja ohjauksen mittarit.",
            [("Kaisa", "Mallinen", "pormestari", None),
             ("Tapio", "Fiktiivinen", "konsernijohtaja", None),
             ("Elina", "Testilä", "ilmastojohtaja", None),
             ("Risto", "Keksitty", "kaupunginhallituksen puheenjohtaja", None)]),
    "851": ("industry_targets", False,
            "Valtuustolla ei vielä ole ilmastotavoitetta: teollisuuskaupunkiin sopivien "
            "tavoitteiden asettaminen yhdessä keskeisten toimijoiden kanssa.",
            "Ei valtuuston asettamaa ilmastotavoitetta; energiatehokkuussopimus voimassa.",
            "Teollisuuden osuus päästöistä suuri; tavoitteen rajaus ja yhteinen näkemys.",
            [("Arto", "Kuvitelma", "kaupunginjohtaja", None),
             ("Pirjo", "Esimerkki", "ympäristöpäällikkö", None),
             ("Lauri", "Kokeilu", "tekninen johtaja", None)]),
    "853": ("business", True,
            "Kaupungin ja elinkeinoelämän ilmastoyhteistyö: yritysten sitouttaminen kaupungin "
            "tavoitteisiin.",
            "Ilmastokumppanuusverkosto toiminnassa; aktiivisia yrityksiä vähän.",
            "Verkoston vaikuttavuuden osoittaminen ja uusien yritysten tavoittaminen.",
            [("Johanna", "Satunen", "kaupunginjohtaja", None),
             ("Matti", "Harjoitus", "elinkeinojohtaja", None),
             ("Katja", "Luonnos", "kestävän kehityksen päällikkö", None)]),
    "576": ("communication", True,
            "Verkostot ja ilmasto kunnan viestinnässä: pienen kunnan ilmastotyö näkyväksi.",
            "Mukana seudullisessa ilmastoverkostossa; oma viestintä vähäistä.",
            "Viestinnän resurssit pienessä kunnassa.",
            [("Raili", "Testinen", "kunnanjohtaja", None),
             ("Esa", "Mallikas", "hallintojohtaja", None)]),
    "638": ("budget", True,
            "Investointien ilmastobudjetointi: ilmastovaikutukset osaksi talousarviota ja "
            "investointiohjelmaa.",
            "Ilmastotavoite 2030; ilmastobudjetoinnista pilotti yhdellä toimialalla.",
            "Vaikutusten arviointimenetelmä ja talousjohdon omistajuus.",
            [("Helena", "Fiktiivinen", "kaupunginjohtaja", None),
             ("Erik", "Exempelsson", "talousjohtaja", "sv"),
             ("Sanna", "Kuvitelma", "ilmastoasiantuntija", None),
             ("Tomas", "Påhittad", "stadsstyrelsens ordförande", "sv")]),
    "710": ("political_commitment", True,
            "Politiskt engagemang för klimatmålen över fullmäktigeperioderna.",
            "Klimatmål antaget 2019; målen omförhandlas vid varje ny fullmäktigeperiod.",
            "Att hålla fast vid målen när sammansättningen i fullmäktige ändras.",
            [("Annika", "Modellgren", "stadsdirektör", "sv"),
             ("Mikael", "Fiktivberg", "miljöchef", "sv"),
             ("Sofia", "Testström", "fullmäktiges ordförande", "sv")]),
    "290": ("capacity", True,
            "Pienen kunnan resurssit ja osaaminen: ilmastotyö ilman omaa ilmastoasiantuntijaa.",
            "Ilmastotavoite kirjattu strategiaan; ei nimettyä vastuuhenkilöä.",
            "Työ jää muiden tehtävien ohelle; seudullisen tuen hyödyntäminen.",
            [("Seppo", "Harjoitus", "kaupunginjohtaja", None),
             ("Maija", "Keksitty", "tekninen johtaja", None),
             ("Ilkka", "Luonnos", "valtuutettu", None)]),
}

# (period, title, date, venue, audience, min, max)
# The programme's audiences: officials open the year and work in the peer groups, the new
# political leadership makes its self-assessment on the first day of period 5, and both
# debrief the tasks together on the second.
DAYS = [
    (1, "Avauspäivä: ilmastojohtamisen itsearviointi", date(2026, 1, 28), "Lahti",
     "Viranhaltijajohto", 1, 3, "officials"),
    (3, "Vertaisryhmäpäivä: kehittämistehtävät teemaryhmissä", date(2026, 4, 15), "Helsinki",
     "Viranhaltijajohto ja asiantuntijat", 1, 3, "officials"),
    (5, "Purkupäivä 1: poliittisen johdon itsearviointi", date(2026, 9, 29), "Lahti",
     "Poliittinen johto", 2, 5, "politicians"),
    (5, "Purkupäivä 2: kehittämistehtävien yhteinen purku", date(2026, 9, 30), "Lahti",
     "Poliittinen johto ja viranhaltijajohto", 2, 5, "all"),
]
# The days' titles in Swedish and English, by the Finnish one.
DAY_TITLES = {
    "Avauspäivä: ilmastojohtamisen itsearviointi": (
        "Öppningsdag: självvärdering av klimatledarskapet",
        "Opening day: self-assessment of climate leadership"),
    "Vertaisryhmäpäivä: kehittämistehtävät teemaryhmissä": (
        "Kamratgruppsdag: utvecklingsuppgifterna i temagrupper",
        "Peer group day: the development tasks in thematic groups"),
    "Purkupäivä 1: poliittisen johdon itsearviointi": (
        "Avrapporteringsdag 1: den politiska ledningens självvärdering",
        "Debrief day 1: the political leadership's self-assessment"),
    "Purkupäivä 2: kehittämistehtävien yhteinen purku": (
        "Avrapporteringsdag 2: gemensam avrapportering av utvecklingsuppgifterna",
        "Debrief day 2: the development tasks debriefed together"),
}

# Applicants that were not selected: in the file with their application, in no tool's work.
# code: (theme, council target, wicked problem, current state, challenges, own funding)
NOT_SELECTED: dict[str, tuple] = {
    "005": ("capacity", False,
            "Ilmastotyölle ei ole nimettyä tekijää; miten pieni kunta saa työn käyntiin?",
            "", "Resurssit ja osaaminen.", False),
    "743": ("land_use", True,
            "Kasvavan kaupungin maankäyttö ja liikenne hiilineutraaliustavoitteen mukaisiksi.",
            "Ilmasto-ohjelma 2025–2030 hyväksytty.", "Kaavoituksen ja liikenteen ristiriidat.",
            True),
    "684": ("industry_targets", True,
            "Satamateollisuuden päästöt ja kaupungin tavoitteet samaan suuntaan.",
            "Päästöt laskettu 2024.", "", True),
}

# Own funding: invoiced after the opening day, paid within a month; Kuhmo has not paid.
FUNDING_INVOICED = date(2026, 2, 6)
FUNDING_PAID = date(2026, 3, 2)
NOT_PAID = ("290",)

# The sparring sessions of period 4 (May–August): (month, day, minutes, online, topic,
# next step, notes, publishable). Each municipality holds the first two; every third one
# the third as well.
SPARRING = [
    (5, 12, 90, False, "", "Kootaan johtoryhmälle nykytilan kuvaus ja kolme vaihtoehtoista "
     "etenemistapaa.", "Lähtötilanne ja odotukset käyty läpi; johtoryhmä sitoutunut.", True),
    (6, 9, 60, True, "", "Valmistellaan päätösesitys ja viestitään se valtuustoryhmille.",
     "Keskusteltu luottamuksellisesti henkilöstön jaksamisesta.", False),
    (8, 18, 120, False, "Tulosten purku ja syksyn jatko", "Esitellään tulokset purkupäivässä "
     "syyskuussa.", "", False),
]
