"""The sparrer bank: imported with reasons for bad rows, matched within capacities."""

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilmava_desktop.cli import main
from ilmava_desktop.core import sparring as core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.groups import sparrers


def test_import_rejects_bad_rows_and_is_idempotent(demo, tmp_path):
    path = tmp_path / "pankki.csv"
    path.write_text(
        "Nimi;Organisaatio;Teemat;Kielet;Kapasiteetti\n"
        "Uusi Sparraaja;Testi Oy;Hankinnat ilmastotyön välineenä; suomi;2\n"
        "Väärä Teema;X;Avaruusmatkailu;suomi;1\n"
        "Väärä Kieli;X;budget;klingon;1\n"
        "Ei Lukua;X;budget;suomi;paljon\n"
        "Svensk Sparrare;Y;Maankäyttö, liikenne ja hajautunut rakenne;svenska;1\n",
        "utf-8")
    result = sparrers.import_sparrers(demo, path)
    # An unknown theme leaves that theme out and says so; the sparrer is added.
    assert (result.added, [r.line for r in result.rejected]) == (3, [4, 5])
    assert [n.line for n in result.notes] == [3] and "Avaruusmatkailu" in result.notes[0].reason
    swedish = next(s for s in sparrers.sparrers(demo.db) if s.name == "Svensk Sparrare")
    assert swedish.themes == {"land_use"} and swedish.languages == {"sv"}
    again = sparrers.import_sparrers(demo, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_themes_by_a_short_label_and_an_ambiguous_one_named(demo, tmp_path):
    path = tmp_path / "pankki.csv"
    path.write_text(
        "Sparraajan nimi;Työnantaja;Osaamisalueet;Kielet;Kuinka monta kuntaa voit sparrata?\n"
        "Kaisa Kestävä;Kuntaliitto;Hankinnat, maankäyttö;suomi;2\n"
        "Olle Osäker;Y;Ilmasto;svenska;1\n", "utf-8")
    result = sparrers.import_sparrers(demo, path)
    assert result.columns.used() == {
        "Sparraajan nimi": "name", "Työnantaja": "organisation", "Osaamisalueet": "themes",
        "Kielet": "languages", "Kuinka monta kuntaa voit sparrata?": "capacity"}
    bank = {s.name: s for s in sparrers.sparrers(demo.db)}
    assert bank["Kaisa Kestävä"].themes == {"procurement", "land_use"}
    assert bank["Kaisa Kestävä"].capacity == 2
    (note,) = result.notes
    assert note.line == 3 and "fits several themes" in note.reason
    assert "Procurement as a climate tool" in note.reason and bank["Olle Osäker"].themes == set()


@st.composite
def banks(draw):
    themes = ["a", "b", "c"]
    bank = [core.Sparrer(f"s{i}", f"S{i}", "", frozenset(draw(st.sets(st.sampled_from(themes)))),
                         frozenset(draw(st.sets(st.sampled_from(["fi", "sv"]), min_size=1))),
                         draw(st.integers(0, 4))) for i in range(draw(st.integers(1, 6)))]
    seekers = [core.Seeker(f"m{i}", draw(st.sampled_from(themes + [None])),
                           frozenset([draw(st.sampled_from(["fi", "sv"]))]))
               for i in range(draw(st.integers(1, 12)))]
    return bank, seekers


@settings(max_examples=80, deadline=None)
@given(banks())
def test_every_municipality_gets_one_sparrer_within_capacity(case):
    bank, seekers = case
    try:
        matches = core.match(bank, seekers)
    except RuleViolation as exc:
        assert sum(s.capacity for s in bank) < len(seekers) and "capacities" in str(exc)
        return
    assert sorted(m.municipality for m in matches) == sorted(s.id for s in seekers)
    load = Counter(m.sparrer for m in matches)
    assert all(load[s.id] <= s.capacity for s in bank)
    assert matches == core.match(bank, seekers)  # deterministic


def test_a_locked_match_stays():
    bank = [core.Sparrer("s1", "A", "", frozenset({"a"}), frozenset({"fi"}), 2),
            core.Sparrer("s2", "B", "", frozenset(), frozenset({"fi"}), 2)]
    seekers = [core.Seeker("m1", "a", frozenset({"fi"}))]
    assert core.match(bank, seekers)[0].sparrer == "s1"
    assert core.match(bank, seekers, locked={"m1": "s2"})[0].sparrer == "s2"


def test_sparrers_on_the_command_line(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    main(["demo", str(path)])
    capsys.readouterr()
    assert main(["--lang", "en", "sparrers", str(path), "--json"]) == 0
    bank = json.loads(capsys.readouterr().out)
    assert len(bank) == 7 and sum(len(s["municipalities"]) for s in bank) == 15
    assert all(len(s["municipalities"]) <= s["capacity"] for s in bank)
    assert main(["--lang", "en", "match-sparrers", str(path), "--json"]) == 0
    matches = json.loads(capsys.readouterr().out)["matches"]
    raseborg = next(m for m in matches if m["municipality"] == "710")
    assert "speaks its language" in raseborg["reasons"]
    wrong = tmp_path / "x.csv"
    wrong.write_text("Foo;Bar\n1;2\n", "utf-8")
    assert main(["--lang", "en", "sparrers", "import", str(path), str(wrong)]) == 2
    assert "name and themes" in capsys.readouterr().err


def test_too_little_capacity_is_said():
    with pytest.raises(RuleViolation, match="can take 1 municipalities"):
        core.match([core.Sparrer("s", "S", "", frozenset(), frozenset({"fi"}), 1)],
                   [core.Seeker("a", None, frozenset({"fi"})),
                    core.Seeker("b", None, frozenset({"fi"}))])
