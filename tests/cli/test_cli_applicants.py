"""`ilmava applicants | select | funding | sparring | export sparring-log | programme`."""

import json

import openpyxl
import pytest

from ilmava_desktop.cli import main


def run(capsys, *args, lang="en"):
    code = main(["--lang", lang, *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    assert run(capsys, "demo", path)[0] == 0
    return path


def test_applicants_json_and_words(capsys, demo_file):
    code, out, _err = run(capsys, "applicants", demo_file, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 18
    tornio = next(row for row in rows if row["code"] == "851")
    assert tornio == {"code": "851", "name": "Tornio", "status": "selected",
                      "criteria": {"council_target": False, "current_state": True,
                                   "challenges": True, "own_funding": True},
                      "missing": ["no council climate target — the programme asks applicants "
                                  "to have one"]}
    assert {row["status"] for row in rows} == {"selected", "not_selected"}
    code, out, _err = run(capsys, "applicants", demo_file, lang="fi")
    assert "ei valtuuston ilmastotavoitetta — ohjelma edellyttää sitä hakijalta" in out
    assert "Valittu 15; ohjelmaan otetaan 10–15" in out


def test_select_decline_and_withdraw(capsys, demo_file):
    code, out, _err = run(capsys, "select", demo_file, "743", "Rauma")
    assert code == 0 and "17 selected; the programme takes 10–15: 2 too many" in out
    code, out, _err = run(capsys, "select", demo_file, "743", "684", "--decline")
    assert code == 0 and "15 selected" in out
    code, out, _err = run(capsys, "select", demo_file, "Tampere", "--withdraw")
    assert code == 0 and "14 selected" in out
    code, _out, err = run(capsys, "select", demo_file, "005", "--withdraw")
    assert code == 1 and "cannot withdraw" in err
    code, _out, err = run(capsys, "select", demo_file, "999")
    assert code == 2 and err.startswith("ilmava: ")
    rows = json.loads(run(capsys, "applicants", demo_file, "--json")[1])
    assert next(r for r in rows if r["code"] == "837")["status"] == "withdrawn"
    # A withdrawn municipality has no report made for it.
    code, _out, _err = run(capsys, "export", "pdf", demo_file, "--out",
                           demo_file.parent / "pdf")
    made = sorted(p.name for p in (demo_file.parent / "pdf").iterdir())
    assert code == 0 and len(made) == 14 and not any(n.startswith("837") for n in made)


def test_funding_list_set_and_not_paid(capsys, demo_file):
    code, out, _err = run(capsys, "funding", demo_file, "--json")
    data = json.loads(out)
    assert code == 0 and len(data["funding"]) == 15 and data["not_paid"] == ["290"]
    kuhmo = next(row for row in data["funding"] if row["code"] == "290")
    assert kuhmo == {"code": "290", "name": "Kuhmo", "amount": 2000, "invoiced": "2026-02-06",
                     "paid": None, "is_paid": False}
    code, out, _err = run(capsys, "funding", demo_file, "--municipality", "290", "--paid",
                          "2026-11-20", "--amount", "1800", "--json")
    data = json.loads(out)
    assert code == 0 and data["not_paid"] == []
    assert data["funding"] == [{"code": "290", "name": "Kuhmo", "amount": 1800,
                                "invoiced": "2026-02-06", "paid": "2026-11-20",
                                "is_paid": True}]
    code, out, _err = run(capsys, "funding", demo_file, "--municipality", "290", "--paid", "-")
    assert code == 0 and "Not paid: Kuhmo" in out
    code, _out, err = run(capsys, "funding", demo_file, "--paid", "2026-11-20")
    assert code == 1 and "--municipality" in err
    code, _out, err = run(capsys, "funding", demo_file, "--municipality", "290", "--paid", "eilen")
    assert code == 2


def test_sparring_add_list_and_log(capsys, demo_file, tmp_path):
    code, out, _err = run(capsys, "sparring", "add", demo_file, "--municipality", "851",
                          "--date", "2026-06-15", "--minutes", "60", "--online",
                          "--notes", "Luottamuksellista", "--next-step", "Tavoiteluonnos",
                          "--json")
    added = json.loads(out)
    assert code == 0 and added["municipality"] == "851" and added["minutes"] == 60
    assert added["online"] is True and added["publishable"] is False
    assert added["topic"] == "Target-setting in an industry-dominated municipality"
    assert added["next_step"] == "Tavoiteluonnos" and added["sparrer"]
    code, out, _err = run(capsys, "sparring", demo_file, "--municipality", "Tornio", "--json")
    data = json.loads(out)
    assert code == 0 and added["id"] in {s["id"] for s in data["sessions"]}
    assert all(s["municipality"] == "851" for s in data["sessions"])
    assert sum(item["sessions"] for item in data["load"]) >= len(data["sessions"])
    code, out, _err = run(capsys, "sparring", demo_file)
    assert code == 0 and "Tavoiteluonnos" in out and "sessions," in out
    # Outside period 4: recorded, with a warning.
    code, _out, err = run(capsys, "sparring", "add", demo_file, "--municipality", "851",
                          "--date", "2026-12-01")
    assert code == 0 and "outside the programme's sparring period" in err
    code, _out, err = run(capsys, "sparring", "add", demo_file, "--municipality", "005",
                          "--date", "2026-06-01")
    assert code == 1 and "not selected" in err
    for name in ("loki.pdf", "loki.xlsx"):
        code, out, _err = run(capsys, "export", "sparring-log", demo_file, "--out",
                              tmp_path / name)
        assert code == 0 and (tmp_path / name).stat().st_size > 0
    book = openpyxl.load_workbook(tmp_path / "loki.xlsx")
    assert book.sheetnames == ["Sessions", "The sparrers' load"]
    code, _out, err = run(capsys, "export", "sparring-log", demo_file, "--out",
                          tmp_path / "loki.txt")
    assert code == 2 and ".pdf or .xlsx" in err


def test_programme_periods_selection_and_funding(capsys, demo_file):
    code, out, _err = run(capsys, "programme", demo_file, "--json")
    data = json.loads(out)
    assert code == 0 and data["selection"] == [10, 15] and data["own_funding"] == 2000
    assert [p["number"] for p in data["periods"]] == [1, 2, 3, 4, 5]
    assert data["periods"][3]["start"] == "2026-05-01" and data["periods"][3]["end"] == (
        "2026-08-31")
    code, out, _err = run(capsys, "programme", demo_file, "--selection", "12-14",
                          "--own-funding", "2500", "--period", "4:2026-05-15:2026-08-20",
                          "--json")
    data = json.loads(out)
    assert data["selection"] == [12, 14] and data["own_funding"] == 2500
    assert data["periods"][3]["start"] == "2026-05-15"
    code, _out, err = run(capsys, "programme", demo_file, "--period", "4:toukokuu")
    assert code == 2 and "--period" in err


def test_a_new_day_sits_in_the_period_its_date_falls_in(capsys, demo_file):
    assert run(capsys, "day", "add", demo_file, "--date", "2026-06-10", "--min", "1",
               "--max", "3", "--title", "Sparrausten välipäivä")[0] == 0
    from ilmava_desktop.services.cohort.reading import read_only
    from ilmava_desktop.storage import queries

    added = next(d for d in queries.days(read_only(demo_file))
                 if d.title == "Sparrausten välipäivä")
    assert added.period == 4
