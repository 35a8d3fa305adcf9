"""Alphabetical order in each language: å, ä and ö after z in Finnish and Swedish."""

from ilmava_desktop.core.sorting import alphabet_key


def test_nordic_letters_come_after_z_in_finnish_and_swedish():
    names = ["Ähtäri", "Åland", "Vöyri", "Zebra", "Öja", "Alavus"]
    assert sorted(names, key=lambda n: alphabet_key(n, "fi")) == [
        "Alavus", "Vöyri", "Zebra", "Åland", "Ähtäri", "Öja"]
    assert sorted(names, key=lambda n: alphabet_key(n, "en"))[:2] == ["Ähtäri", "Åland"]
