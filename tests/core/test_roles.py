import pytest

from ilmava_desktop.core.roles import ROLES_BY_KEY, role_from_title


@pytest.mark.parametrize(("title", "role"), [
    ("Kaupunginjohtaja", "municipal_manager"),
    ("stadsdirektör", "municipal_manager"),
    ("tekninen johtaja", "sector_director"),
    ("Kaupunginvaltuuston puheenjohtaja", "council_chair"),
    ("kommunstyrelsens ordförande", "board_chair"),
    ("Ilmastokoordinaattori", "climate_expert"),
    ("hankintapäällikkö", "procurement"),
    ("Pormestari", "mayor"),
    ("valtuutettu", "elected_official"),
    ("talousjohtaja", "finance_director"),
    ("kaupunkiympäristön toimialajohtaja", "sector_director"),
    ("tekniikan ja ympäristön toimialajohtaja", "sector_director"),
    ("palvelualueen johtaja", "sector_director"),
    ("kaupunginhallituksen jäsen / pj", "elected_official"),
    ("kaupunginhallituksen pj", "board_chair"),
    ("kunnanhallituksen jäsen", "elected_official"),
    ("hållbarhetschef", "climate_expert"),
    ("kestävän kehityksen päällikkö", "climate_expert"),
    ("ympäristöpäällikkö", "environment_manager"),
    ("Sihteeri", "other"),
    ("", "other"),
])
def test_free_text_titles_map_onto_the_programme_roles(title, role):
    assert role_from_title(title) == role


def test_every_role_key_maps_to_itself():
    for key in ROLES_BY_KEY:
        assert role_from_title(key) == key
