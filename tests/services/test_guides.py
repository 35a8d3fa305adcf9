"""Interview guides: the bundled one, imported and exported as JSON, and each visit's themes."""

import json

import pytest

from ilmava_desktop.cli import main
from ilmava_desktop.core import guides as core
from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import visits
from ilmava_desktop.services.municipalities import find_municipality
from ilmava_desktop.services.visits import guides


def test_the_bundled_guide_has_the_seeds_four_themes_in_three_languages():
    guide = guides.bundled_guide()
    assert [t.id for t in guide.themes] == ["leadership", "organisation", "implementation",
                                            "partnerships"]
    assert guide.themes[0].title["fi"] == "Johtajuus ja strateginen sitoutuminen"
    assert guide.themes[0].questions[0]["fi"] == (
        "Mitkä ovat kunnan energiatehokkuustyön visio ja tavoitteet?")
    assert all(set(q) == {"fi", "sv", "en"} for t in guide.themes for q in t.questions)
    assert sum(len(t.questions) for t in guide.themes) == 9
    assert guide.closing_question["en"] == "What works well, and what should be developed?"


def test_a_visit_covers_its_hosts_task_theme_and_weakest_themes_until_chosen(demo):
    porvoo = find_municipality(demo.db, "638")  # its development task: the budget
    found = visits.visit(demo.db, porvoo)
    themes = guides.visit_themes(demo.db, found)
    assert "implementation" in themes and 1 <= len(themes) <= 3
    guides.set_themes(demo, host_id=porvoo, theme_ids=["partnerships", "leadership"])
    assert guides.themes_of(demo.db, porvoo) == ["leadership", "partnerships"]
    with pytest.raises(RuleViolation, match="no theme “space”"):
        guides.set_themes(demo, host_id=porvoo, theme_ids=["space"])


def test_default_themes_follow_the_task_and_the_weakest_scores():
    guide = guides.bundled_guide()
    assert core.default_themes(guide, "business", ["strategy"]) == ["leadership",
                                                                   "partnerships"]
    assert core.default_themes(guide, None, []) == ["leadership"]


def test_export_then_import_round_trips_and_drops_themes_no_longer_there(demo, tmp_path):
    porvoo = find_municipality(demo.db, "638")
    guides.set_themes(demo, host_id=porvoo, theme_ids=["partnerships", "organisation"])
    path = guides.export_guide(demo.db, path=tmp_path / "opas.json")
    data = json.loads(path.read_text("utf-8"))
    data["themes"] = [t for t in data["themes"] if t["id"] != "partnerships"]
    data["themes"][0]["questions"].append({"fi": "Uusi kysymys?"})
    path.write_text(json.dumps(data), "utf-8")
    guides.import_guide(demo, path=path)
    assert guides.guide(demo.db).themes[0].questions[-1] == {"fi": "Uusi kysymys?"}
    assert guides.themes_of(demo.db, porvoo) == ["organisation"]
    demo.undo()
    assert len(guides.guide(demo.db).themes) == 4


@pytest.mark.parametrize("content, reason", [
    ("not json", "not a JSON file"),
    ('{"format": "something"}', "not an interview guide"),
    ('{"format": "ilmava-interview-guide", "themes": []}', "has no themes"),
    ('{"format": "ilmava-interview-guide", "themes": [{"id": "a", "title": "A"}]}',
     "has no questions"),
])
def test_a_wrong_guide_is_refused_with_one_sentence(demo, tmp_path, content, reason):
    path = tmp_path / "opas.json"
    path.write_text(content, "utf-8")
    with pytest.raises(UnusableFile, match=reason):
        guides.import_guide(demo, path=path)


def test_guide_commands(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    main(["demo", str(cohort)])
    out_file = tmp_path / "opas.json"
    assert main(["--lang", "en", "guide", "export", str(cohort), str(out_file)]) == 0
    assert main(["--lang", "en", "guide", "import", str(cohort), str(out_file)]) == 0
    assert "Leadership and strategic commitment" in capsys.readouterr().out
    out_file.write_text("{}", "utf-8")
    assert main(["--lang", "en", "guide", "import", str(cohort), str(out_file)]) == 2
    assert main(["--lang", "en", "visit", "themes", str(cohort), "--host", "638", "--theme",
                 "leadership"]) == 0
    capsys.readouterr()
    main(["--lang", "en", "visits", str(cohort), "--json"])
    porvoo = next(v for v in json.loads(capsys.readouterr().out)["visits"]
                  if v["host"] == "638")
    assert porvoo["themes"] == ["leadership"]


def test_the_guide_edited_in_the_window_is_checked_saved_and_undone(demo):
    porvoo = find_municipality(demo.db, "638")
    guides.set_themes(demo, host_id=porvoo, theme_ids=["leadership", "partnerships"])
    data = guides.guide_data(demo.db)
    data["themes"][0]["questions"][0]["sv"] = "Vilken vision har kommunen?"
    data["themes"] = data["themes"][:3]
    guides.save_guide(demo, data=data)
    edited = guides.guide(demo.db)
    assert edited.themes[0].questions[0]["sv"] == "Vilken vision har kommunen?"
    assert edited.themes[0].assessment_themes == ("strategy",)
    # A theme no longer in the guide is no longer covered by the visit that chose it.
    assert guides.themes_of(demo.db, porvoo) == ["leadership"]
    emptied = guides.guide_data(demo.db)
    emptied["themes"][1]["questions"] = []
    with pytest.raises(RuleViolation, match="has no questions"):
        guides.save_guide(demo, data=emptied)
    blank = guides.guide_data(demo.db)
    blank["themes"][1]["title"] = {"fi": " ", "sv": "", "en": ""}
    with pytest.raises(RuleViolation, match="no text in Finnish, Swedish or English"):
        guides.check_guide(blank)
    demo.undo()
    assert len(guides.guide(demo.db).themes) == 4
