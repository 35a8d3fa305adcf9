"""The roles of the people a municipality sends, as the programme groups its audience."""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core.municipality_names import name_key
from ilmava_desktop.i18n import N_

EXECUTIVE, POLITICAL, SPECIALIST = "executive", "political", "specialist"


@dataclass(frozen=True)
class Role:
    key: str
    group: str
    label: str  # English source text; translated where shown


ROLES: tuple[Role, ...] = (
    Role("municipal_manager", EXECUTIVE, N_("municipal manager")),
    Role("mayor", EXECUTIVE, N_("mayor")),
    Role("management_team_member", EXECUTIVE, N_("management team member")),
    Role("sector_director", EXECUTIVE, N_("sector director")),
    Role("finance_director", EXECUTIVE, N_("finance director")),
    Role("council_chair", POLITICAL, N_("chair of the council")),
    Role("board_chair", POLITICAL, N_("chair of the executive board")),
    Role("elected_official", POLITICAL, N_("elected official")),
    Role("climate_expert", SPECIALIST, N_("climate specialist")),
    Role("environment_manager", SPECIALIST, N_("head of environmental services")),
    Role("energy_expert", SPECIALIST, N_("energy specialist")),
    Role("procurement", SPECIALIST, N_("procurement manager")),
    Role("communications", SPECIALIST, N_("head of communications")),
    Role("strategy_manager", SPECIALIST, N_("development director")),
    Role("other", SPECIALIST, N_("other")),
)
ROLES_BY_KEY = {role.key: role for role in ROLES}

# Official labels from the programme's role list, so an exact title maps at once.
_EXACT_TITLES = {
    "municipal_manager": ("kunnanjohtaja", "kommundirektör", "municipal manager"),
    "mayor": ("pormestari", "borgmästare", "mayor"),
    "management_team_member": ("johtoryhmän jäsen", "medlem av ledningsgruppen",
                               "management team member"),
    "sector_director": ("toimialajohtaja", "sektordirektör", "sector director"),
    "finance_director": ("talousjohtaja", "ekonomidirektör", "finance director"),
    "council_chair": ("valtuuston puheenjohtaja", "fullmäktiges ordförande", "chair of the council"),
    "board_chair": ("kunnanhallituksen puheenjohtaja", "kommunstyrelsens ordförande",
                    "chair of the executive board"),
    "elected_official": ("luottamushenkilö", "förtroendevald", "elected official"),
    "climate_expert": ("ilmastoasiantuntija", "klimatexpert", "climate specialist"),
    "environment_manager": ("ympäristöpäällikkö", "miljöchef", "head of environmental services"),
    "energy_expert": ("energia-asiantuntija", "energiexpert", "energy specialist"),
    "procurement": ("hankintapäällikkö", "upphandlingschef", "procurement manager"),
    "communications": ("viestintäpäällikkö", "kommunikationschef", "head of communications"),
    "strategy_manager": ("kehitysjohtaja", "utvecklingsdirektör", "development director"),
    "other": ("muu", "annan", "other"),
}

def exact_labels(key: str) -> tuple[str, str, str]:
    """A role's official label in Finnish, Swedish and English."""
    return _EXACT_TITLES[key][:3]


# Free-text titles, checked in order: the first fragment found decides. Specific
# political titles come before the generic "johtaja"/"director" words they contain.
_TITLE_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ("valtuuston puheenjohtaja", "council_chair"), ("fullmäktiges ordförande", "council_chair"),
    ("valtuuston pj", "council_chair"),
    ("council chair", "council_chair"), ("chair of the council", "council_chair"),
    ("hallituksen puheenjohtaja", "board_chair"), ("styrelsens ordförande", "board_chair"),
    ("hallituksen pj", "board_chair"),
    ("board chair", "board_chair"), ("chair of the executive board", "board_chair"),
    # A board's members are elected officials, whatever else the title says.
    ("hallituksen jäsen", "elected_official"), ("styrelsens medlem", "elected_official"),
    ("styrelseledamot", "elected_official"), ("board member", "elected_official"),
    ("executive board", "board_chair"),
    # A sector's or service area's director leads it, even when the sector's name holds a
    # specialist's word ("kaupunkiympäristön toimialajohtaja", "tekniikan ja ympäristön …").
    ("toimialajohtaja", "sector_director"), ("toimialan johtaja", "sector_director"),
    ("palvelualuejohtaja", "sector_director"), ("palvelualueen johtaja", "sector_director"),
    ("sektordirektör", "sector_director"), ("sektorchef", "sector_director"),
    ("head of department", "sector_director"),
    # Sustainability is the climate specialists' field in the programme's role list.
    ("kestävän kehityksen", "climate_expert"), ("kestävä kehitys", "climate_expert"),
    ("kestävyys", "climate_expert"), ("hållbarhet", "climate_expert"),
    ("sustainability", "climate_expert"),
    ("valtuutettu", "elected_official"), ("luottamus", "elected_official"),
    ("förtroendevald", "elected_official"), ("ledamot", "elected_official"),
    ("councillor", "elected_official"), ("elected", "elected_official"),
    ("lautakunnan", "elected_official"), ("nämndens", "elected_official"),
    ("apulaispormestari", "mayor"), ("pormestari", "mayor"), ("borgmästare", "mayor"),
    ("mayor", "mayor"),
    ("kunnanjohtaja", "municipal_manager"), ("kaupunginjohtaja", "municipal_manager"),
    ("kommundirektör", "municipal_manager"), ("stadsdirektör", "municipal_manager"),
    ("municipal manager", "municipal_manager"), ("city manager", "municipal_manager"),
    ("talousjohtaja", "finance_director"), ("rahoitusjohtaja", "finance_director"),
    ("ekonomidirektör", "finance_director"), ("ekonomichef", "finance_director"),
    ("finance", "finance_director"),
    ("hankinta", "procurement"), ("upphandling", "procurement"), ("procurement", "procurement"),
    ("viestintä", "communications"), ("kommunikation", "communications"),
    ("communication", "communications"),
    ("ilmasto", "climate_expert"), ("klimat", "climate_expert"), ("climate", "climate_expert"),
    ("energia", "energy_expert"), ("energi", "energy_expert"), ("energy", "energy_expert"),
    ("ympäristö", "environment_manager"), ("miljö", "environment_manager"),
    ("environment", "environment_manager"),
    ("kehitysjohtaja", "strategy_manager"), ("kehittämisjohtaja", "strategy_manager"),
    ("strategiajohtaja", "strategy_manager"), ("utvecklingsdirektör", "strategy_manager"),
    ("development director", "strategy_manager"), ("strategy", "strategy_manager"),
    ("johtoryhmä", "management_team_member"), ("ledningsgrupp", "management_team_member"),
    ("management team", "management_team_member"),
    ("tekninen johtaja", "sector_director"), ("sivistysjohtaja", "sector_director"),
    ("toimialajohtaja", "sector_director"), ("palvelualuejohtaja", "sector_director"),
    ("teknisk direktör", "sector_director"), ("bildningsdirektör", "sector_director"),
    ("sektordirektör", "sector_director"), ("director", "sector_director"),
    ("johtaja", "sector_director"), ("direktör", "sector_director"),
)


def role_from_title(title: str) -> str:
    """Map a free-text title (any of our three languages) onto a role key; 'other' if unsure."""
    key = name_key(title)
    if not key:
        return "other"
    if key in ROLES_BY_KEY:
        return key
    for role_key, labels in _EXACT_TITLES.items():
        if key in labels:
            return role_key
    for fragment, role_key in _TITLE_FRAGMENTS:
        if fragment in key:
            return role_key
    return "other"
