"""A language named as a noun in the reader's language: never "suomi" in an English or
Swedish window (the sparrers' languages, a person's, a cohort's, the template's columns)."""

import pytest

from ilmava_desktop.i18n import _, current_language, language_name, set_language


@pytest.fixture
def language():
    before = current_language()
    yield set_language
    set_language(before)


@pytest.mark.parametrize(("code", "names"), [
    ("fi", ["suomi", "ruotsi", "englanti"]),
    ("sv", ["finska", "svenska", "engelska"]),
    ("en", ["Finnish", "Swedish", "English"]),
])
def test_each_language_names_the_three_in_its_own_words(language, code, names):
    language(code)
    assert [language_name(c) for c in ("fi", "sv", "en")] == names


def test_the_name_is_apart_from_the_way_of_writing(language):
    """"Finnish" as a report's language reads "suomeksi"; as a language's name, "suomi"."""
    language("fi")
    assert (language_name("fi"), _("Finnish")) == ("suomi", "suomeksi")


def test_a_persons_default_language_is_named_in_the_window_language(language, demo):
    from ilmava_desktop.services.municipalities.listing import person_rows
    from ilmava_desktop.storage import queries

    language("en")
    shown = {row.language for m in queries.municipalities(demo.db)
             for row in person_rows(demo, m.id)}
    assert "Swedish" in shown and shown <= {"Finnish", "Swedish", "English", "(Finnish)",
                                            "(Swedish)"}


COUNTS = ["{added} to add, {updated} to update, {unchanged} unchanged, {rejected} rejected",
          "{added} added, {changed} changed, {deleted} deleted, {conflicts} in conflict",
          "{added} added, {updated} updated, {unchanged} unchanged.",
          "Merged {name}: {added} added, {changed} changed, {deleted} deleted — Ctrl+Z undoes "
          "it."]
WRONG_WITH_ONE = ["1 conflicts", "1 ristiriitaa", "1 konflikter", "1 lisättävää",
                  "1 päivitettävää", "1 hylättyä", "1 tillagda", "1 ändrade", "1 raderade",
                  "1 uppdaterade", "1 avvisade"]


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_a_summary_of_counts_reads_right_when_each_count_is_one(language, code):
    """Four counts in one sentence cannot each take ngettext's form: they are written so
    that no word agrees with its number ("päivitetään 1", "i konflikt 1", "1 in conflict")."""
    language(code)
    ones = {key: 1 for key in ("added", "updated", "unchanged", "rejected", "changed",
                               "deleted", "conflicts")}
    for message in COUNTS:
        text = _(message).format(name="kopio.ilmava", **ones)
        assert not [wrong for wrong in WRONG_WITH_ONE if wrong in text], text


def test_euros_are_written_as_each_language_writes_them():
    from ilmava_desktop.i18n import euros

    assert euros(2000, "fi") == "2\u00a0000 €" and euros(2000, "sv") == "2\u00a0000 €"
    assert euros(2000, "en") == "€2,000" and euros(None, "en") == "–"
    assert euros(1234567, "fi") == "1\u00a0234\u00a0567 €"


def test_a_whole_number_is_read_as_each_language_writes_it():
    """"1,5" is one and a half in Finnish, never 15 euros; "1,500" is 1 500 in English."""
    from ilmava_desktop.i18n import parse_whole

    assert parse_whole("2\u00a0000", "fi") == 2000 == parse_whole("2 000", "sv")
    assert parse_whole("1,500", "en") == 1500 and parse_whole(" ", "fi") is None
    for text, language in (("1,5", "fi"), ("1,500", "sv"), ("1.5", "en"), ("kaksi", "fi")):
        with pytest.raises(ValueError):
            parse_whole(text, language)
