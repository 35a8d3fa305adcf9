"""Finding a person at the door: by the start of a word, accents and case aside."""

from ilmava_desktop.core.attendance import matches, search_key, search_words

AINO = search_key("Aino Esimerkki Porvoo Borgå hankintapäällikkö")


def found(query: str) -> bool:
    return matches(search_words(query), AINO)


def test_a_typed_word_matches_the_start_of_a_word_only():
    assert found("esim") and found("aino esim") and found("esimerkki aino")
    assert not found("erkki")  # inside "Esimerkki", not at its start
    assert not found("ino")


def test_case_and_accents_do_not_matter():
    assert found("BORGÅ") and found("borga") and found("hankintapaallikko")
    assert matches(search_words("hämeenlinna"), search_key("Hameenlinna"))


def test_dashes_and_punctuation_separate_words():
    key = search_key("Henkilö 091-1 Porvoo – Borgå")
    assert matches(search_words("091 1"), key) and matches(search_words("borgå"), key)
    assert search_words("  –  ") == []
