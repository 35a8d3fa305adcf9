"""`ilmava teams | team set | interviewees | interviewee | visits` as a user runs them."""

import json

from ilmava_desktop.cli import main

ROOT_FILE = "resources/demo/haastateltavat-esimerkki.csv"


def run(capsys, *args):
    code = main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def _people(capsys, cohort, code):
    return [p for p in json.loads(run(capsys, "people", cohort, "--json")[1])
            if p["municipality"] == code]


def test_teams_and_team_set(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    code, out, _ = run(capsys, "teams", cohort, "--json")
    teams = {t["municipality"]: t for t in json.loads(out)["teams"]}
    assert code == 0 and len(teams["638"]["reviews"]) == 2
    people = _people(capsys, cohort, "638")
    code, out, err = run(capsys, "team", "set", cohort, "--municipality", "Porvoo",
                         "--person", people[0]["id"])
    assert code == 0 and "fewer than 2" in err
    teams = {t["municipality"]: t for t in json.loads(run(capsys, "teams", cohort,
                                                          "--json")[1])["teams"]}
    assert [m["id"] for m in teams["638"]["members"]] == [people[0]["id"]]
    assert teams["638"]["warning"] == "1 person in the review team, fewer than 2"
    code, _, err = run(capsys, "team", "set", cohort, "--municipality", "638",
                       "--person", "nobody")
    assert code == 1 and err.count("\n") == 1 and "nobody" in err


def test_interviewees_import_list_export_delete_and_visits_json(capsys, tmp_path):
    from pathlib import Path

    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    listing = tmp_path / "list.csv"
    listing.write_text("Nimi;Ryhmä\nUusi Haastateltava;paikallistoimija\n;asiantuntija\n",
                       "utf-8")
    code, out, err = run(capsys, "interviewees", "import", cohort, listing, "--host", "398",
                         "--json")
    assert code == 1 and json.loads(out)["added"] == 1
    assert json.loads(out)["warning"] == "1 interviewee, fewer than 6"
    example = Path(__file__).resolve().parents[2] / ROOT_FILE
    code, out, _ = run(capsys, "interviewees", "import", cohort, example, "--host", "638",
                       "--dry-run", "--json")
    assert code == 0 and json.loads(out)["unchanged"] == 7
    code, out, _ = run(capsys, "visits", cohort, "--json")
    lahti = next(v for v in json.loads(out)["visits"] if v["host"] == "398")
    assert set(lahti) >= {"host", "date", "place", "reviewers", "teams", "interviewees",
                          "schedule", "status"}
    assert [i["name"] for i in lahti["interviewees"]] == ["Uusi Haastateltava"]
    assert set(lahti["teams"]) == set(lahti["reviewers"])
    person = lahti["interviewees"][0]["id"]
    code, out, _ = run(capsys, "interviewee", "export", cohort, "--id", person)
    assert code == 0 and json.loads(out)["group"] == "local"
    code, out, _ = run(capsys, "interviewee", "delete", cohort, "--id", person)
    assert code == 0 and "Deleted Uusi Haastateltava" in out
    code, _, err = run(capsys, "interviewee", "delete", cohort, "--id", person)
    assert code == 1 and "No interviewee" in err
    code, out, _ = run(capsys, "interviewees", "list", cohort, "--host", "398", "--json")
    assert json.loads(out) == {"interviewees": []}


def test_an_unusable_list_exits_2_in_one_line(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    bad = tmp_path / "bad.csv"
    bad.write_text("Kunta;Arvo\nLahti;3\n", "utf-8")
    code, _, err = run(capsys, "interviewees", "import", cohort, bad, "--host", "398")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_visit_plan_prints_the_day_or_exits_1_naming_the_rule(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    code, out, _ = run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                       "2026-10-21", "--start", "8:30", "--rooms", "2", "--json")
    day = json.loads(out)
    assert code == 0 and day["date"] == "2026-10-21" and day["conflicts"] == []
    assert [s["kind"] for s in day["schedule"]][:2] == ["opening", "interview"]
    assert day["schedule"][0]["start"] == "08:30"
    code, out, _ = run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                       "2026-10-21")
    assert code == 0 and "Joint opening" in out and "Eeva Esimerkki" in out
    code, out, err = run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                         "2026-10-21", "--start", "13:00")
    assert code == 1 and "The day would end at" in err and err.count("\n") == 1
    code, _, err = run(capsys, "visit", "plan", cohort, "--host", "638", "--date", "21.10.")
    assert code == 1 and "not a date" in err
    code, _, err = run(capsys, "visit", "move", cohort, "--host", "638", "--slot", "2",
                       "--start", "09:00")
    assert code == 1 and "two places" in err


def test_visit_set_and_prepare(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    porvoo = next(v for v in json.loads(run(capsys, "visits", cohort, "--json")[1])["visits"]
                  if v["host"] == "638")
    reviewer = porvoo["reviewers"][0]
    code, _, _ = run(capsys, "visit", "set", cohort, "--host", "638", "--status", "held",
                     "--place", "Kaupungintalo")
    assert code == 0
    code, _, _ = run(capsys, "visit", "prepare", cohort, "--host", "638", "--reviewer",
                     reviewer, "--date", "2026-10-01", "--place", "https://meet.example/x")
    assert code == 0
    porvoo = next(v for v in json.loads(run(capsys, "visits", cohort, "--json")[1])["visits"]
                  if v["host"] == "638")
    assert (porvoo["status"], porvoo["place"]) == ("held", "Kaupungintalo")
    assert porvoo["preparations"] == [{"reviewer": reviewer, "date": "2026-10-01",
                                       "place": "https://meet.example/x"}]
    code, _, err = run(capsys, "visit", "prepare", cohort, "--host", "638", "--reviewer", "398")
    assert code == 1 and "does not visit" in err
    code, _, _ = run(capsys, "visit", "prepare", cohort, "--host", "638", "--reviewer",
                     reviewer, "--delete")
    assert code == 0
    porvoo = next(v for v in json.loads(run(capsys, "visits", cohort, "--json")[1])["visits"]
                  if v["host"] == "638")
    assert porvoo["preparations"] == []
    code, _, err = run(capsys, "visit", "prepare", cohort, "--host", "638", "--reviewer",
                       reviewer, "--delete")
    assert code == 1 and "No preparation meeting is set" in err
    code, _, err = run(capsys, "visit", "set", cohort, "--host", "638", "--status", "gone")
    assert code == 1 and "Unknown status" in err


def test_visit_swap_and_plan_with_group_interviews(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    day = json.loads(run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                         "2026-10-21", "--json")[1])["schedule"]
    first, second = [n for n, s in enumerate(day, start=1) if s["kind"] == "interview"][:2]
    code, out, err = run(capsys, "visit", "swap", cohort, "--host", "638", "--slot", first,
                         "--with", second)
    assert code == 0 and err == ""
    swapped = json.loads(run(capsys, "visits", cohort, "--json")[1])
    porvoo = next(v for v in swapped["visits"] if v["host"] == "638")
    assert porvoo["schedule"][first - 1]["interviewees"] == day[second - 1]["interviewees"]
    assert porvoo["schedule"][first - 1]["start"] == day[first - 1]["start"]
    code, _, err = run(capsys, "visit", "swap", cohort, "--host", "638", "--slot", "1",
                       "--with", second)
    assert code == 1 and "Only interviews change places" in err
    # Seven interviewees in one room do not fit, and the refusal says what would help.
    code, _, err = run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                       "2026-10-21", "--rooms", "1")
    assert code == 1 and "of one group together" in err
    code, out, _ = run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                       "2026-10-21", "--group-size", "3", "--json")
    planned = json.loads(out)
    interviews = [s for s in planned["schedule"] if s["kind"] == "interview"]
    groups = {i["id"]: i["group"] for i in planned["interviewees"]}
    assert code == 0 and planned["conflicts"] == [] and len(interviews) == len(set(
        groups.values())) < len(groups)
    assert all(len({groups[p] for p in s["interviewees"]}) == 1 for s in interviews)
    code, _, err = run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                       "2026-10-21", "--group-size", "6")
    assert code == 1 and "1–5 people" in err


def test_visit_roles_sets_who_leads_and_who_takes_notes(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    day = json.loads(run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                         "2026-10-21", "--json")[1])["schedule"]
    number, slot = next((n, s) for n, s in enumerate(day, start=1) if s["kind"] == "interview")
    assert slot["lead"] == slot["interviewers"][0] and slot["notes"] == slot["interviewers"][1]
    first, second = slot["interviewers"][:2]
    code, out, _ = run(capsys, "visit", "roles", cohort, "--host", "638", "--slot", number,
                       "--lead", second, "--notes", first)
    assert code == 0
    porvoo = next(v for v in json.loads(run(capsys, "visits", cohort, "--json")[1])["visits"]
                  if v["host"] == "638")
    assert (porvoo["schedule"][number - 1]["lead"],
            porvoo["schedule"][number - 1]["notes"]) == (second, first)
    code, _, err = run(capsys, "visit", "roles", cohort, "--host", "638", "--slot", number,
                       "--lead", first, "--notes", first)
    assert code == 1 and "cannot both lead and take the notes" in err
    code, _, err = run(capsys, "visit", "roles", cohort, "--host", "638", "--slot", "1",
                       "--lead", first)
    assert code == 1 and "Only an interview" in err


def test_visit_timeline_and_tick(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    code, out, _ = run(capsys, "visit", "timeline", cohort, "--host", "638", "--json")
    steps = {s["step"]: s for s in json.loads(out)["timeline"]}
    assert code == 0 and steps["agreement"]["due"] == "2026-07-16"
    assert steps["interviewees"]["done"] and not steps["agreement"]["done"]
    assert steps["agreement"]["ticked"] and not steps["held"]["ticked"]
    code, out, _ = run(capsys, "visit", "tick", cohort, "--host", "638", "--step", "agreement")
    assert code == 0 and "✓ 16 Jul 2026 Agreement on themes" in " ".join(out.split())
    porvoo = next(v for v in json.loads(run(capsys, "visits", cohort, "--json")[1])["visits"]
                  if v["host"] == "638")
    assert next(s for s in porvoo["timeline"] if s["step"] == "agreement")["done"]
    code, out, _ = run(capsys, "visit", "tick", cohort, "--host", "638", "--step", "agreement",
                       "--undone")
    # Undone again: "·", or "▲" when its date has passed.
    assert code == 0 and "✓ 16 Jul 2026 Agreement" not in " ".join(out.split())
    assert "16 Jul 2026 Agreement" in " ".join(out.split())
    code, _, err = run(capsys, "visit", "tick", cohort, "--host", "638", "--step", "held")
    assert code == 1 and "not a step to tick" in err


def test_visit_brief_ticks_an_interviews_briefing(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    code, out, _ = run(capsys, "visit", "brief", cohort, "--host", "638", "--slot", "2")
    assert code == 0 and "· briefed ✓" in out
    porvoo = next(v for v in json.loads(run(capsys, "visits", cohort, "--json")[1])["visits"]
                  if v["host"] == "638")
    assert porvoo["schedule"][1]["briefed"] is True and porvoo["schedule"][2]["briefed"] is False
    code, out, _ = run(capsys, "visit", "brief", cohort, "--host", "638", "--slot", "2",
                       "--undone")
    assert code == 0 and "briefed" not in out
    code, _, err = run(capsys, "visit", "brief", cohort, "--host", "638", "--slot", "1")
    assert code == 1 and "Only an interview begins with the briefing" in err


def test_visit_roles_with_both_teams_together_checks_the_rules(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    run(capsys, "demo", cohort)
    planned = json.loads(run(capsys, "visit", "plan", cohort, "--host", "638", "--date",
                             "2026-10-21", "--json")[1])
    day, teams = planned["schedule"], planned["teams"]
    first, second = sorted(teams)
    # The last interview is alone in its hour: both teams can interview together there.
    last = max(n for n, s in enumerate(day, start=1) if s["kind"] == "interview")
    lead = teams[second][0]
    code, _, err = run(capsys, "visit", "roles", cohort, "--host", "638", "--slot", last,
                       "--team", first, "--team", second, "--lead", lead)
    assert code == 0, err
    porvoo = next(v for v in json.loads(run(capsys, "visits", cohort, "--json")[1])["visits"]
                  if v["host"] == "638")
    slot = porvoo["schedule"][last - 1]
    assert set(slot["interviewers"]) == set(teams[first] + teams[second])
    assert slot["lead"] == lead and porvoo["conflicts"] == []
    # In the first hour the other team interviews in the other room: refused, named.
    code, _, err = run(capsys, "visit", "roles", cohort, "--host", "638", "--slot", "2",
                       "--team", first, "--team", second)
    assert code == 1 and "would be in two places at 9:45" in err
    code, _, err = run(capsys, "visit", "roles", cohort, "--host", "638", "--slot", "2",
                       "--team", "398")
    assert code == 1 and "does not visit" in err
