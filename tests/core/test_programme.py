"""A cohort's programme profile: presets, overrides and a custom programme's own names."""

from ilmava_desktop.core.programme import PRESETS, resolve


def test_a_preset_fills_what_the_cohort_left_empty():
    motiva = resolve("motiva", {"fi": "", "sv": "", "en": ""}, "", "", "")
    assert motiva == PRESETS["motiva"] and not motiva.has("sparrer")


def test_a_custom_programmes_names_never_borrow_ilmavas():
    custom = resolve("custom", {"fi": "Oma ohjelma", "sv": "", "en": ""}, "Kunta", "", "none")
    assert custom.name("sv") == "Oma ohjelma" and custom.sections == ()
