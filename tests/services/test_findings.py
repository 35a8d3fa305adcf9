"""A visit's findings: board cards with "visit" as their source, confidential by default."""

import json

import pytest

from ilmava_desktop.cli import main
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import board, visits
from ilmava_desktop.services.municipalities import find_municipality
from ilmava_desktop.services.visits import findings


def test_a_finding_is_a_confidential_board_card_from_the_visit(demo):
    porvoo = find_municipality(demo.db, "638")
    changes = findings.add_finding(demo, host_id=porvoo, kind="strength", theme_id="strategy",
                                   text="Ilmastobudjetointi on johtoryhmän yhteinen asia.")
    card = next(c for c in board.cards(demo.db) if c.id == changes.result)
    assert (card.municipality_id, card.kind, card.theme_id, card.confidential) == (
        porvoo, "strength", "strategy", True)
    assert [f.text for f in findings.findings(demo.db, porvoo)] == [card.text]
    assert visits.visit(demo.db, porvoo).status == "findings_written"
    demo.undo()
    assert findings.findings(demo.db, porvoo) == []
    assert visits.visit(demo.db, porvoo).status == "planned"


def test_a_finding_is_checked_as_a_card_is(demo):
    porvoo = find_municipality(demo.db, "638")
    with pytest.raises(RuleViolation, match="strength or a development area"):
        findings.add_finding(demo, host_id=porvoo, kind="idea", theme_id=None, text="x")
    with pytest.raises(RuleViolation, match="not a theme"):
        findings.add_finding(demo, host_id=porvoo, kind="strength", theme_id="space", text="x")
    with pytest.raises(RuleViolation, match="needs some text"):
        findings.add_finding(demo, host_id=porvoo, kind="strength", theme_id=None, text=" ")


def test_finding_add_and_list_commands(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    main(["demo", str(cohort)])
    assert main(["--lang", "en", "finding", "add", str(cohort), "--host", "638", "--kind",
                 "development", "--theme", "monitoring", "--text", "Seuranta puuttuu."]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "findings", str(cohort), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["findings"]
    assert listed == [{"id": listed[0]["id"], "host": "638", "kind": "development",
                       "theme": "monitoring", "text": "Seuranta puuttuu.",
                       "confidential": True}]
    assert main(["--lang", "en", "finding", "add", str(cohort), "--host", "638", "--kind",
                 "idea", "--theme", "monitoring", "--text", "x"]) == 1
