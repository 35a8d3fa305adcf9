"""`ilmava import | answers import | sparrers import | interviewees import`: every column of
the file accounted for, `--column "HEADER=field"`, and `"columns"` in --json."""

import json
from pathlib import Path

from ilmava_desktop.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def run(capsys, *args):
    code = main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_unknown_columns_are_named_and_json_accounts_for_every_column(capsys, tmp_path):
    cohort = tmp_path / "k.ilmava"
    run(capsys, "new", cohort, "--name", "K")
    code, out, err = run(capsys, "import", cohort, FIXTURES / "google_hakemukset.csv",
                         "--dry-run")
    assert code == 0 and "3 to add" in out
    assert "column “Kuvaile viheliäinen ongelma lyhyesti” → wicked_problem" in out
    assert ("column “Yhteyshenkilön puhelinnumero” is not used (--column "
            "\"Yhteyshenkilön puhelinnumero=FIELD\" uses it)") in err
    assert "line 4: “Ilmasto” fits several themes" in out
    code, out, _err = run(capsys, "import", cohort, FIXTURES / "google_hakemukset.csv",
                          "--json")
    summary = json.loads(out)
    assert summary["columns"]["used"]["Onko valtuusto asettanut ilmastotavoitteen?"] == (
        "council_target")
    assert summary["columns"]["ignored"] == ["Aikaleima", "Sähköpostiosoite",
                                             "Yhteyshenkilön puhelinnumero"]
    assert summary["notes"][0]["line"] == 4


def test_column_choices_on_the_command_line(capsys, tmp_path):
    cohort = tmp_path / "k.ilmava"
    run(capsys, "new", cohort, "--name", "K")
    path = tmp_path / "lista.csv"
    path.write_text("Paikkakunta;Henkilö;Muistiinpano\nLahti;Liisa Listalla;kasvis\n",
                    "utf-8-sig")
    code, _out, err = run(capsys, "import", cohort, path)
    assert code == 2 and "no municipality column" in err
    code, out, _err = run(capsys, "import", cohort, path, "--json",
                          "--column", "Paikkakunta=municipality", "--column", "henkilö=name",
                          "--column", "Muistiinpano=ignore")
    summary = json.loads(out)
    assert code == 0 and summary["added"] == 1
    assert summary["columns"] == {"used": {"Paikkakunta": "municipality", "Henkilö": "name"},
                                  "ignored": ["Muistiinpano"]}
    code, _out, err = run(capsys, "import", cohort, path, "--column", "Kotikunta=municipality")
    assert code == 2 and err == "ilmava: The file has no column “Kotikunta”.\n"
    code, _out, err = run(capsys, "import", cohort, path, "--column", "Henkilö=henkilö")
    assert code == 2 and "“henkilö” is not a field of this import; the fields are: " in err
    code, _out, err = run(capsys, "import", cohort, path, "--column", "Henkilö")
    assert code == 2 and "--column takes HEADER=field" in err


def test_answers_import_reads_a_wide_survey_export(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    code, out, err = run(capsys, "answers", "import", cohort,
                         FIXTURES / "webropol_itsearviointi.csv", "--round", "Kevät 2027",
                         "--json")
    summary = json.loads(out)
    assert code == 0, err
    assert (summary["shape"], summary["added"], summary["round_created"]) == ("wide", 148, True)
    assert summary["columns"]["used"]["Kunta"] == "municipality"
    assert summary["columns"]["ignored"] == ["Vastaajan numero", "Vastausaika"]
    code, out, _err = run(capsys, "answers", "import", cohort,
                          FIXTURES / "webropol_itsearviointi.csv", "--round", "Kevät 2027")
    assert code == 0 and out.startswith("0 to add, 0 to update, 148 unchanged")


def test_a_failed_answers_import_makes_no_round(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    path = tmp_path / "x.csv"
    path.write_text("Kunta;Väittämä;Arvo\nAtlantis;strategy.1;3\n", "utf-8")
    code, _out, _err = run(capsys, "answers", "import", cohort, path, "--round", "Tyhjä")
    assert code == 1
    _code, out, _err = run(capsys, "rounds", cohort, "--json")
    assert "Tyhjä" not in [r["name"] for r in json.loads(out)]


def test_sparrers_import_with_a_column_chosen(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    code, out, err = run(capsys, "sparrers", "import", cohort,
                         FIXTURES / "kobo_sparraajat.xlsx", "--json",
                         "--column", "Organisaatio=ignore")
    summary = json.loads(out)
    assert code == 0, err
    assert "Organisaatio" in summary["columns"]["ignored"]
    assert summary["columns"]["used"]["Osaamisalueet"] == "themes"


def test_a_theme_that_fits_several_is_picked_with_theme(capsys, tmp_path):
    cohort = tmp_path / "k.ilmava"
    run(capsys, "new", cohort, "--name", "K")
    applications = FIXTURES / "google_hakemukset.csv"
    code, out, err = run(capsys, "import", cohort, applications, "--dry-run", "--json")
    assert json.loads(out)["themes_to_choose"] == [{
        "line": 4, "label": "Ilmasto", "chosen": None,
        "candidates": ["budget", "procurement", "communication", "climate_plan"]}]
    code, out, err = run(capsys, "import", cohort, applications, "--dry-run")
    assert ('line 4: --theme "4=THEME" picks the theme “Ilmasto” means: budget, procurement, '
            'communication, climate_plan') in err
    # Only a theme the label fits; only a line that has one to choose.
    code, _out, err = run(capsys, "import", cohort, applications, "--theme", "4=land_use")
    assert code == 2 and "“Ilmasto” on line 4 fits only: budget (" in err
    code, _out, err = run(capsys, "import", cohort, applications, "--theme", "3=budget")
    assert code == 2 and err == "ilmava: Line 3 of the file has no theme to choose.\n"
    code, _out, err = run(capsys, "import", cohort, applications, "--theme", "four=budget")
    assert code == 2 and "--theme takes LINE=theme" in err
    code, out, _err = run(capsys, "import", cohort, applications, "--json",
                          "--theme", "4=Ilmastosuunnitelma")  # by a label, too
    summary = json.loads(out)
    assert code == 0 and summary["notes"] == []
    assert summary["themes_to_choose"][0]["chosen"] == "climate_plan"
    code, out, _err = run(capsys, "municipalities", cohort, "--json")
    kuhmo = next(m for m in json.loads(out) if m["code"] == "290")
    assert kuhmo["theme"] == "climate_plan"


def test_a_sparrers_unclear_themes_are_picked_in_their_order(capsys, tmp_path):
    cohort = tmp_path / "k.ilmava"
    run(capsys, "new", cohort, "--name", "K")
    path = tmp_path / "sparraajat.csv"
    path.write_text("Nimi;Teemat\nSanna Sparraaja;Ilmasto, Avaruusmatkailu, Hankinnat\n",
                    "utf-8")
    code, out, _err = run(capsys, "sparrers", "import", cohort, path, "--json", "--dry-run")
    summary = json.loads(out)
    assert [(q["line"], q["label"], q["sparrer"]) for q in summary["themes_to_choose"]] == [
        (2, "Ilmasto", "Sanna Sparraaja"), (2, "Avaruusmatkailu", "Sanna Sparraaja")]
    assert summary["themes_to_choose"][1]["candidates"] == []  # none fits: any theme
    assert summary["sparrers"] == [{"line": 2, "action": "added", "name": "Sanna Sparraaja",
                                    "organisation": "", "themes": ["procurement"]}]
    code, out, _err = run(capsys, "sparrers", "import", cohort, path, "--theme", "2=budget",
                          "--theme", "2=business")
    assert code == 0 and "line 2: “Avaruusmatkailu” → business" in out
    code, out, _err = run(capsys, "sparrers", "list", cohort, "--json")
    (sparrer,) = json.loads(out)
    assert sparrer["themes"] == ["budget", "business", "procurement"]
