"""The debrief board's rules and cards: quick entry, filters, votes, clusters, undo."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilmava_desktop.cli import main
from ilmava_desktop.core import board as core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import board
from ilmava_desktop.services.municipalities import add_municipality, find_municipality


@pytest.mark.parametrize(("line", "entry"), [
    ("+ Hyvä johtoryhmä", core.Entry("Hyvä johtoryhmä", "strength")),
    ("-Seuranta puuttuu", core.Entry("Seuranta puuttuu", "development")),
    ("@Lahti ? Miksi budjetti?", core.Entry("Miksi budjetti?", "question", "Lahti")),
    ("! @Porvoo Yhteishankinta", core.Entry("Yhteishankinta", "idea", "Porvoo")),
    ("-40 % päästöistä vuoteen 2030", core.Entry("-40 % päästöistä vuoteen 2030")),
    ("@Pedersören_kunta * Opittiin", core.Entry("Opittiin", "lesson", "Pedersören kunta")),
    ("Tavallinen kortti", core.Entry("Tavallinen kortti")),
])
def test_quick_entry_signs(line, entry):
    assert core.parse_entry(line) == entry


@given(st.text(max_size=60))
def test_quick_entry_never_fails_and_keeps_the_words(line):
    entry = core.parse_entry(line)
    assert entry.kind in (None, *core.KINDS)
    assert entry.text in line or not entry.text


def card(n, **fields):
    defaults = {"id": f"c{n}", "municipality_id": "m1", "kind": "strength", "theme_id": None,
                "group": "", "text": f"kortti {n}", "author": "", "confidential": True,
                "votes": 0, "position": float(n), "cluster_id": None}
    return core.Card(**{**defaults, **fields})


def test_filters_and_order():
    cards = [card(1), card(2, kind="idea", votes=3), card(3, municipality_id=None, text="Koko"),
             card(4, cluster_id="k", votes=1), card(5, confidential=False), card(6, cluster_id="k")]
    assert [c.id for c in core.filter_cards(cards, core.CardFilter(kind="idea"))] == ["c2"]
    assert [c.id for c in core.filter_cards(cards, core.CardFilter(municipality_id=""))] == ["c3"]
    assert [c.id for c in core.filter_cards(cards, core.CardFilter(text="KOKO"))] == ["c3"]
    assert [c.id for c in core.filter_cards(cards, core.CardFilter(hide_confidential=True))] \
        == ["c5"]
    # A cluster stays together where its first card is; by votes, the most voted first.
    assert [c.id for c in core.ordered(cards)] == ["c1", "c2", "c3", "c4", "c6", "c5"]
    assert [c.id for c in core.ordered(cards, by_votes=True)][:2] == ["c2", "c4"]
    assert core.top_voted(cards, "strength", 2) == ["kortti 4", "kortti 1"]


def test_the_same_words_on_several_cards_are_one_line_with_their_votes_added():
    cards = [card(1, text="Pienikin mittari riittää", votes=1),
             card(2, text="Toinen asia", votes=2, municipality_id="m2"),
             card(3, text="pienikin  mittari riittää ", votes=2, municipality_id="m3")]
    assert core.top_voted(cards, "strength", 5) == ["Pienikin mittari riittää", "Toinen asia"]


def test_cards_added_moved_voted_clustered_and_deleted_through_undo(session):
    add_municipality(session, "398")
    lahti = find_municipality(session.db, "lahti")
    assert find_municipality(session.db, "Lahtis") == lahti  # the Swedish name
    first = board.add_card(session, municipality_id=lahti, kind="strength",
                           text="Hyvä johtoryhmä").result
    second = board.add_card(session, municipality_id=None, kind="idea", text="Yhteinen hankinta",
                            confidential=False).result
    shown = {c.id: c for c in board.cards(session.db)}
    assert shown[first].confidential and not shown[second].confidential  # confidential by default
    board.move_cards(session, [first], kind="development", theme_id="finance")
    assert {c.id: c for c in board.cards(session.db)}[first].kind == "development"
    with pytest.raises(RuleViolation, match="not a kind"):
        board.move_cards(session, [first], kind="wish")
    board.vote(session, first)
    board.vote(session, first)
    board.vote(session, second, -1)  # never below zero
    votes = {c.id: c.votes for c in board.cards(session.db)}
    assert votes == {first: 2, second: 0}
    cluster = board.cluster_cards(session, [first, second]).result
    assert board.clusters(session.db)[cluster] == "Cluster 1"
    board.rename_cluster(session, cluster, "Hankinnat")
    board.delete_cards(session, [first])
    assert [c.id for c in board.cards(session.db)] == [second]
    tombstone = session.db.execute("SELECT deleted FROM card WHERE id = ?", [first]).fetchone()
    assert tombstone == (1,)  # kept as a tombstone, so a merge knows it was deleted
    session.undo()
    assert {c.id for c in board.cards(session.db)} == {first, second}


def run(capsys, *args):
    code = main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_board_on_the_command_line(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    code, out, _err = run(capsys, "board", "add", path, "--municipality", "638", "--kind",
                          "question", "--text", "Miten seurataan?", "--theme", "monitoring",
                          "--json")
    assert code == 0
    new_id = json.loads(out)["id"]
    code, out, _err = run(capsys, "board", "list", path, "--municipality", "Borgå", "--json")
    cards = json.loads(out)
    added = next(c for c in cards if c["id"] == new_id)
    assert added == {"id": new_id, "municipality": "638", "kind": "question",
                     "theme": "monitoring", "group": "", "text": "Miten seurataan?",
                     "author": "", "confidential": True, "votes": 0, "cluster": None}
    assert all(c["municipality"] == "638" for c in cards)
    before = path.read_bytes()
    code, _out, err = run(capsys, "board", "add", path, "--municipality", "Atlantis", "--kind",
                          "idea", "--text", "x")
    assert code == 2 and "Atlantis" in err and len(err.splitlines()) == 1
    code, _out, err = run(capsys, "board", "add", path, "--kind", "wish", "--text", "x")
    assert code == 2 and "strength, development" in err
    assert path.read_bytes() == before
    out_file = tmp_path / "taulu.csv"
    assert run(capsys, "board", "export", path, "--out", out_file)[0] == 0
    text = out_file.read_text("utf-8-sig")
    assert "Miten seurataan?" in text and text.splitlines()[0].startswith("id;Code;")
    xlsx = tmp_path / "taulu.xlsx"
    assert run(capsys, "board", "export", path, "--out", xlsx)[0] == 0
    assert xlsx.read_bytes()[:2] == b"PK"


def test_the_demo_board(demo):
    from collections import Counter

    from ilmava_desktop.storage import queries

    cards = board.cards(demo.db)
    kinds = Counter((c.municipality_id, c.kind) for c in cards)
    for m in queries.municipalities(demo.db, taking_part=True):
        assert kinds[(m.id, "strength")] >= 2 and kinds[(m.id, "development")] >= 2
    assert 0 < sum(c.confidential for c in cards) < len(cards)
    assert len(board.clusters(demo.db)) >= 3
    assert any(c.municipality_id is None for c in cards)
