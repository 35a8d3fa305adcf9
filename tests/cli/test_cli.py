"""The `ilmava` command's contract: outputs, exit codes, one-line errors."""

import json

import pytest

from ilmava_desktop.cli import main


def run(capsys, *args):
    code = main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_then_info(capsys, tmp_path):
    path = tmp_path / "syksy.ilmava"
    assert run(capsys, "new", path, "--name", "Syksy 2026")[0] == 0
    code, out, _err = run(capsys, "info", path, "--json")
    assert code == 0
    assert json.loads(out) == {"name": "Syksy 2026", "programme": "ILMAVA", "year": None,
                               "language": "fi", "demo": False, "municipalities": 0, "selected": 0,
                               "people": 0, "days": 0}


def test_demo_municipalities_and_people(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    assert run(capsys, "demo", path)[0] == 0
    code, out, _ = run(capsys, "municipalities", path, "--json")
    municipalities = json.loads(out)
    assert code == 0 and len(municipalities) == 18  # 18 applied
    assert sum(m["status"] == "selected" for m in municipalities) == 15
    porvoo = next(m for m in municipalities if m["code"] == "638")
    assert (porvoo["name_fi"], porvoo["name_sv"], porvoo["theme"]) == ("Porvoo", "Borgå", "budget")
    code, out, _ = run(capsys, "people", path, "--json")
    people = json.loads(out)
    assert {"id", "name", "municipality", "role", "email"} <= people[0].keys()
    assert all(3 <= sum(p["municipality"] == m["code"] for p in people) <= 5
               for m in municipalities if m["code"] != "576" and m["status"] == "selected")


def test_check_good_problem_and_unusable(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    assert run(capsys, "check", path)[0] == 0
    import sqlite3
    conn = sqlite3.connect(path)
    conn.execute("UPDATE cohort SET deleted = 1")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "check", path)
    assert code == 1 and "exactly one cohort" in out
    junk = tmp_path / "junk.ilmava"
    junk.write_text("hello")
    code, out, err = run(capsys, "check", junk)
    assert code == 2 and err.count("\n") == 1 and "not an ILMAVA cohort file" in err


def test_import_json_and_exit_codes(capsys, tmp_path):
    path = tmp_path / "c.ilmava"
    run(capsys, "new", path, "--name", "C")
    good = tmp_path / "good.csv"
    good.write_text("Kunta;Nimi\nLahti;Laura Kokeilu\n", "utf-8")
    code, out, _ = run(capsys, "import", path, good, "--json")
    assert code == 0 and json.loads(out)["added"] == 1
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("Kunta;Nimi\nAtlantis;X Y\nLahti;Markus Luonnos\n", "utf-8")
    code, out, _ = run(capsys, "import", path, mixed, "--dry-run", "--json")
    assert code == 1
    assert json.loads(out)["rejected"] == [{"line": 2, "reason": "unknown municipality “Atlantis”"}]
    code, out, _ = run(capsys, "info", path, "--json")
    assert json.loads(out)["people"] == 1  # the dry run wrote nothing
    bad = tmp_path / "bad.csv"
    bad.write_text("Nimi\nX\n", "utf-8")
    code, _out, err = run(capsys, "import", path, bad)
    assert code == 2 and "no municipality column" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [[], ["info"], ["frobnicate", "x"], ["info", "--bogus", "x"]])
def test_usage_errors_are_one_line_and_exit_2(capsys, args):
    code, _out, err = run(capsys, *args)
    assert code == 2 and err.count("\n") == 1


def test_messages_are_finnish_by_default(capsys, tmp_path):
    junk = tmp_path / "junk.ilmava"
    junk.write_text("hello")
    code = main(["info", str(junk)])
    err = capsys.readouterr().err
    assert code == 2 and "ei ole ILMAVA-kohorttitiedosto" in err


def test_attendance_and_checkin_commands(capsys, tmp_path):
    from ilmava_desktop.services.cohort.session import CohortSession
    from tests.conftest import clear_attendance

    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    session = CohortSession.open(path)
    clear_attendance(session)
    session.close()
    code, out, _ = run(capsys, "people", path, "--json")
    people = json.loads(out)
    lahti = [p for p in people if p["municipality"] == "398"]
    assert all(p["token"] for p in people)

    assert run(capsys, "checkin", path, "--day", "1", "--token", lahti[0]["token"])[0] == 0
    assert run(capsys, "checkin", path, "--day", "1", "--person", lahti[1]["id"])[0] == 0
    code, _out, err = run(capsys, "checkin", path, "--day", "1", "--person", lahti[1]["id"])
    assert code == 1 and "already checked in" in err
    assert run(capsys, "checkin", path, "--day", "1", "--find", lahti[2]["name"])[0] == 0
    code, _out, err = run(capsys, "checkin", path, "--day", "1", "--find", lahti[3]["name"])
    assert code == 1 and "3 of its 3 places" in err
    assert run(capsys, "checkin", path, "--day", "1", "--find", lahti[3]["name"],
               "--override-limit")[0] == 0
    code, out, err = run(capsys, "checkin", path, "--day", "1", "--find", "toimialajohtaja")
    assert code == 1 and "8 people match" in err and "nobody was checked in" in err
    assert len(out.splitlines()) == 8 and "Olli Harjoitus (Hämeenlinna)" in out
    code, out, err = run(capsys, "checkin", path, "--day", "1", "--find", "k")
    assert code == 1 and "40 people match" in err
    assert len(out.splitlines()) == 21 and out.splitlines()[-1] == "and 20 more"
    code, _out, err = run(capsys, "checkin", path, "--day", "1", "--find", "erkki")
    assert code == 1 and "No one matches" in err
    code, _out, err = run(capsys, "checkin", path, "--day", "1", "--token", "EIKENKAAN")
    assert code == 1 and "No one in this cohort" in err

    code, out, _ = run(capsys, "attendance", path, "--day", "1", "--json")
    data = json.loads(out)
    assert data["day"]["number"] == 1 and data["day"]["max"] == 3
    row = next(m for m in data["municipalities"] if m["code"] == "398")
    assert row == {"code": "398", "name": "Lahti", "present": 4, "invited": 4, "min": 1,
                   "max": 3, "state": "over"}
    code, _out, err = run(capsys, "attendance", path, "--day", "7")
    assert code == 2 and "no day 7" in err


def test_export_attendance_command(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    assert run(capsys, "export", "attendance", path, "--out", tmp_path / "a.xlsx")[0] == 0
    assert run(capsys, "export", "attendance", path, "--out", tmp_path / "a.csv", "--day", "2")[0] == 0
    lines = (tmp_path / "a.csv").read_text("utf-8-sig").splitlines()
    assert all(line.startswith("2;") for line in lines[1:])
    code, _out, err = run(capsys, "export", "attendance", path, "--out", tmp_path / "a.txt")
    assert code == 1 and ".csv or .xlsx" in err


def test_badges_and_signin_sheet_commands(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    assert run(capsys, "badges", path, "--day", "1", "--out", tmp_path / "b.pdf")[0] == 0
    assert run(capsys, "signin-sheet", path, "--day", "3", "--out", tmp_path / "s.pdf")[0] == 0
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")


def test_days_of_a_new_cohort_from_the_command_line(capsys, tmp_path):
    path = tmp_path / "uusi.ilmava"
    run(capsys, "new", path, "--name", "ILMAVA 2027")
    code, out, _err = run(capsys, "day", "add", path, "--date", "2027-01-27", "--venue",
                          "Lahti", "--title", "Avauspäivä", "--min", "1", "--max", "3")
    assert code == 0 and out.strip() == "Added the day 27 Jan 2027."  # as English writes it
    code, _out, err = run(capsys, "day", "add", path, "--date", "2027-04-14", "--min", "1",
                          "--max", "6")
    assert code == 1 and "between 1 and 5" in err
    code, _out, err = run(capsys, "day", "add", path, "--date", "14.4.2027", "--min", "1",
                          "--max", "3")
    assert code == 2 and "is not a date" in err
    code, out, _ = run(capsys, "days", path, "--json")
    assert [(d["number"], d["date"], d["venue"], d["max"], d["invitees"], d["invited"])
            for d in json.loads(out)] == [(1, "2027-01-27", "Lahti", 3, "all", 0)]
    code, _out, err = run(capsys, "day", "add", path, "--date", "2027-01-27", "--venue",
                          "lahti", "--title", "Avauspäivä ", "--min", "1", "--max", "2")
    assert code == 1 and "already has this day" in err


def test_day_numbers_follow_the_date_order_of_the_days_that_exist(capsys, tmp_path):
    from ilmava_desktop.services.attendance.days import remove_day
    from ilmava_desktop.services.cohort.session import CohortSession

    path = tmp_path / "uusi.ilmava"
    run(capsys, "new", path, "--name", "ILMAVA 2027")
    for when in ("2027-09-29", "2027-01-27", "2027-04-14"):  # added out of order
        run(capsys, "day", "add", path, "--date", when, "--min", "1", "--max", "3")
    code, out, _ = run(capsys, "days", path)
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["1", "2027-01-27"], ["2", "2027-04-14"], ["3", "2027-09-29"]]
    session = CohortSession.open(path)
    remove_day(session, queries_day_on(session, "2027-04-14"))
    session.close()
    code, out, _ = run(capsys, "days", path)
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["1", "2027-01-27"], ["2", "2027-09-29"]]
    code, out, _ = run(capsys, "attendance", path, "--day", "2", "--json")
    assert json.loads(out)["day"]["date"] == "2027-09-29"


def queries_day_on(session, iso):
    from ilmava_desktop.storage import queries

    return next(d.id for d in queries.days(session.db) if d.date.isoformat() == iso)


def test_rounds_results_compare_and_answers_import(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    code, out, _ = run(capsys, "rounds", path, "--json")
    rounds = json.loads(out)
    assert [r["name"] for r in rounds] == ["Virkajohto, tammikuu 2026",
                                          "Poliittinen johto, syyskuu 2026"]
    code, out, _ = run(capsys, "results", path, "--round", rounds[0]["name"], "--json")
    data = json.loads(out)
    assert len(data["municipalities"]) == 15 and set(data["cohort"]) >= {"strategy", "finance"}
    assert {"code", "themes", "sheets"} == set(data["municipalities"][0])
    code, out, _ = run(capsys, "compare", path, "--json")
    compared = json.loads(out)
    assert compared["rounds"] == [r["name"] for r in rounds]
    assert {"first", "second", "gap"} == set(compared["municipalities"][0]["themes"]["strategy"])
    answers = tmp_path / "a.csv"
    answers.write_text("Kunta;Väittämä;Arvo\nLahti;strategy.1;5\nLahti;nope;3\n", "utf-8")
    code, out, _ = run(capsys, "answers", "import", path, answers, "--round", "Uusi kierros",
                       "--json")
    assert code == 1 and json.loads(out)["added"] == 1 and json.loads(out)["round_created"]
    code, _out, err = run(capsys, "results", path, "--round", "Ei ole")
    assert code == 2 and "There is no round" in err


def test_template_export_import_and_the_paper_form(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    exported = tmp_path / "pohja.json"
    assert run(capsys, "template", "export", path, "--out", exported)[0] == 0
    data = json.loads(exported.read_text("utf-8"))
    assert [t["id"] for t in data["themes"]][0] == "strategy"
    data["themes"][0]["statements"][0]["fi"] = "Valtuusto on hyväksynyt hiilineutraaliustavoitteen."
    edited = tmp_path / "muokattu.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = path.read_bytes()
    broken = tmp_path / "rikki.json"
    broken.write_text('{"id": "x", "themes": []', "utf-8")
    code, _out, err = run(capsys, "template", "import", path, broken)
    assert code == 2 and "not a template in JSON" in err and len(err.splitlines()) == 1
    assert path.read_bytes() == before
    assert run(capsys, "template", "import", path, edited)[0] == 0
    again = tmp_path / "taas.json"
    run(capsys, "template", "export", path, "--out", again)
    assert "hiilineutraaliustavoitteen" in again.read_text("utf-8")
    # The rounds answered with the old template keep it.
    run(capsys, "template", "export", path, "--out", again, "--round", "Virkajohto, tammikuu 2026")
    assert "hiilineutraaliustavoitteen" not in again.read_text("utf-8")
    form = tmp_path / "lomake"
    code, out, _err = run(capsys, "paper-form", path, "--out", form, "--lang", "sv")
    assert code == 0 and (tmp_path / "lomake.pdf").read_bytes().startswith(b"%PDF")
    code, _out, err = run(capsys, "paper-form", path, "--out", form, "--round", "Ei ole")
    assert code == 2 and "no round" in err


def test_rounds_are_named_in_each_language_from_the_command_line(tmp_path, capsys):
    cohort = tmp_path / "c.ilmava"
    assert main(["new", str(cohort), "--name", "Testi"]) == 0
    assert main(["round", "add", str(cohort), "--name", "Virkajohto",
                 "--name-sv", "Tjänstemannaledning"]) == 0
    assert main(["round", "names", str(cohort), "--round", "Tjänstemannaledning",
                 "--name-en", "Officials"]) == 0
    capsys.readouterr()
    assert main(["rounds", str(cohort), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["name"], row["name_sv"], row["name_en"]) == (
        "Virkajohto", "Tjänstemannaledning", "Officials")
    assert main(["results", str(cohort), "--round", "Officials", "--json"]) == 0


def test_invite_and_the_days_figures_from_the_command_line(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    run(capsys, "demo", path)
    code, out, _ = run(capsys, "attendance", path, "--day", "3", "--json")
    politicians = json.loads(out)
    hameenlinna = next(m for m in politicians["municipalities"] if m["code"] == "109")
    assert hameenlinna["invited"] == 1  # its political leadership, not its four officials
    assert politicians["not_invited_present"] == 0
    assert politicians["invited"] >= politicians["present"] > 0
    people = len([p for p in people_of(capsys, path) if p["municipality"] == "109"])
    code, out, _ = run(capsys, "invite", path, "--day", "3", "--municipality", "Hämeenlinna",
                       "--json")
    assert code == 0 and json.loads(out) == {
        "day": 3, "changed": people - 1, "invited": politicians["invited"] + people - 1}
    code, out, _ = run(capsys, "invite", path, "--day", "3", "--municipality", "109", "--remove")
    assert code == 0 and f"Took back {people} invitations" in out
    code, out, _ = run(capsys, "invite", path, "--day", "3", "--audience", "politicians")
    assert code == 0 and "Invited 1 person" in out
    code, _out, err = run(capsys, "invite", path, "--day", "3", "--person", "tuntematon")
    assert code == 1 and "No one in this cohort" in err
    code, _out, err = run(capsys, "invite", path, "--day", "3", "--municipality", "Atlantis")
    assert code == 2 and "Atlantis" in err


def people_of(capsys, path):
    return json.loads(run(capsys, "people", path, "--json")[1])


def test_the_report_text_is_drafted_set_and_shown_from_the_command_line(tmp_path, capsys):
    cohort = tmp_path / "demo.ilmava"
    assert main(["demo", str(cohort)]) == 0
    assert main(["report-text", str(cohort), "--municipality", "Lahti", "--draft"]) == 0
    assert main(["report-text", str(cohort), "--municipality", "398", "--summary",
                 "Oma yhteenveto.", "--next-step", "Yksi", "--next-step", "Kaksi"]) == 0
    capsys.readouterr()
    assert main(["report-text", str(cohort), "--municipality", "398", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"summary": "Oma yhteenveto.",
                                                    "next_steps": ["Yksi", "Kaksi"]}


def test_a_cohort_is_created_for_a_programme_and_its_profile_edited(tmp_path, capsys):
    cohort = tmp_path / "motiva.ilmava"
    assert main(["new", str(cohort), "--name", "Vertaisoppiminen 2027",
                 "--programme", "motiva"]) == 0
    capsys.readouterr()
    assert main(["programme", str(cohort), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "motiva" and shown["organiser"] == "Motiva"
    assert "sparrer" not in shown["sections"] and "peer_review" in shown["sections"]
    assert main(["programme", str(cohort), "--name-sv", "Kamratlärande 2027",
                 "--accent", "#123456", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["names"]["sv"] == "Kamratlärande 2027" and shown["accent"] == "#123456"
    assert main(["programme", str(cohort), "--accent", "blue"]) != 0


def tiny_png(path, width=40, height=16):
    from PIL import Image

    Image.new("RGBA", (width, height), (0, 102, 94, 255)).save(path)
    return path


def test_the_programmes_logo_is_imported_printed_and_taken_away(tmp_path, capsys):
    cohort = tmp_path / "motiva.ilmava"
    assert main(["demo", "--programme", "motiva", str(cohort)]) == 0
    logo = tiny_png(tmp_path / "logo.png")
    capsys.readouterr()
    assert main(["programme", str(cohort), "--logo", str(logo), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["logo"] == "png"
    # The file goes to another laptop without the PNG beside it: the reports still show it.
    logo.unlink()
    out = tmp_path / "pdf"
    assert main(["export", "pdf", str(cohort), "--out", str(out), "--municipality", "545"]) == 0
    summary = tmp_path / "summary.pdf"
    assert main(["export", "summary", str(cohort), "--out", str(summary)]) == 0
    for pdf in (next(out.iterdir()), summary):
        assert b"/Subtype /Image" in pdf.read_bytes(), pdf.name
    capsys.readouterr()
    assert main(["programme", str(cohort), "--no-logo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["logo"] is None
    assert main(["export", "pdf", str(cohort), "--out", str(out), "--municipality", "545"]) == 0
    assert b"/Subtype /Image" not in next(out.iterdir()).read_bytes()


def test_a_logo_that_is_no_png_is_refused_with_a_sentence(tmp_path, capsys):
    cohort = tmp_path / "c.ilmava"
    assert main(["new", str(cohort), "--name", "C"]) == 0
    svg = tmp_path / "logo.svg"
    svg.write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')
    text = tmp_path / "logo.png"
    text.write_text("not an image")
    capsys.readouterr()
    assert main(["--lang", "en", "programme", str(cohort), "--logo", str(svg)]) != 0
    assert "Programme profile" in capsys.readouterr().err  # the window draws an SVG
    assert main(["--lang", "en", "programme", str(cohort), "--logo", str(text)]) != 0
    assert "is not a PNG image" in capsys.readouterr().err
    assert main(["programme", str(cohort), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["logo"] is None
