from ilmava_desktop.core.municipality_names import MunicipalityFinder, normalise_code
from ilmava_desktop.resources import official_municipalities


def test_official_list_has_all_308_with_string_codes():
    municipalities = official_municipalities()
    assert len(municipalities) == 308
    assert {m.code for m in municipalities} >= {"005", "091", "478", "638"}
    assert all(len(m.code) == 3 for m in municipalities)


def test_spreadsheet_codes_regain_their_leading_zero():
    assert normalise_code("91") == "091"
    assert normalise_code(" 91.0 ") == "091"
    assert normalise_code("Helsinki") is None


def test_finder_matches_names_in_either_language_ignoring_case_and_space():
    finder = MunicipalityFinder(official_municipalities())
    assert finder.find("  borgå ").code == "638"
    assert finder.find("PORVOO").code == "638"
    assert finder.find("91").name_fi == "Helsinki"
    assert finder.find("Mariehamn").code == "478"
    assert finder.find("Maarianhamina").code == "478"
    assert finder.find("Atlantis") is None


def test_bilingual_municipalities_show_both_names_majority_first():
    by_code = {m.code: m for m in official_municipalities()}
    from ilmava_desktop.core.municipality_names import display_name

    def shown(code):
        m = by_code[code]
        return display_name(m.name_fi, m.name_sv, m.language_status)

    assert shown("638") == "Porvoo – Borgå"
    assert shown("710") == "Raseborg – Raasepori"
    assert shown("398") == "Lahti"
    assert shown("478") == "Mariehamn"  # unilingual Swedish: its own name only
