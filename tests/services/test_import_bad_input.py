"""Hostile or odd input files: each is refused or its rows rejected with one sentence, never a
traceback, and the cohort is left as it was."""

import io
import json
import os
import warnings
import zipfile

import openpyxl
import pytest

from ilmava_desktop.cli import main
from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import assessment
from ilmava_desktop.services.assessment.answer_import import import_answers
from ilmava_desktop.services.groups import sparrers
from ilmava_desktop.services.municipalities.importing import import_file
from ilmava_desktop.storage import queries

BOMB = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
                   for n in range(1, 10))
        + b']>\n')


def registrations_xlsx(path):
    book = openpyxl.Workbook()
    book.active.append(["Kunta", "Nimi", "Sähköposti"])
    book.active.append(["Lahti", "Laura Kokeilu", "laura@lahti.example"])
    book.save(path)
    return path


def with_entity_bomb(path, member):
    """The same workbook, but `member` declares nested entities (a "billion laughs")."""
    source = zipfile.ZipFile(path)
    parts = {name: source.read(name) for name in source.namelist()}
    source.close()
    xml = parts[member]
    body = xml.split(b"?>", 1)[1].lstrip() if xml.startswith(b"<?xml") else xml
    parts[member] = BOMB + body.replace(b"Laura Kokeilu", b"&lol9;", 1)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def run(capsys, *args):
    code = main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def cohort(tmp_path, capsys):
    path = tmp_path / "demo.ilmava"
    assert run(capsys, "demo", path)[0] == 0
    return path


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_an_entity_bomb_in_a_workbook_is_refused_with_a_sentence(session, tmp_path, member):
    path = with_entity_bomb(registrations_xlsx(tmp_path / "pommi.xlsx"), member)
    before = [p.id for p in queries.people(session.db)]
    with pytest.raises(UnusableFile, match=r"^pommi\.xlsx .*\.$"):
        import_file(session, path)
    assert [p.id for p in queries.people(session.db)] == before


def test_an_entity_bomb_on_the_command_line_exits_2(capsys, cohort, tmp_path):
    path = with_entity_bomb(registrations_xlsx(tmp_path / "pommi.xlsx"),
                            "xl/worksheets/sheet1.xml")
    before = cohort.read_bytes()
    code, _out, err = run(capsys, "import", cohort, path)
    assert code == 2 and len(err.splitlines()) == 1 and "pommi.xlsx" in err
    assert cohort.read_bytes() == before


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_unread(session, tmp_path):
    path = registrations_xlsx(tmp_path / "iso.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as book:
        with book.open("xl/media/padding.bin", "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(UnusableFile, match="iso.xlsx"):
        import_file(session, path)


def answers_file(tmp_path, *rows):
    path = tmp_path / "vastaukset.csv"
    lines = ["Kunta;Vastaaja;Väittämä;Arvo", *(";".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("sheet", ["²", "٣", "３", "99999999999999999999", "1" * 5000, "0", "-1"])
def test_an_odd_sheet_number_rejects_its_line(demo, tmp_path, sheet):
    path = answers_file(tmp_path, ["Lahti", "1", "strategy.1", "4"],
                        ["Lahti", sheet, "strategy.2", "4"])
    plan = import_answers(demo, path, "Uusi kierros")
    assert [r.line for r in plan.rejected] == [3] and "sheet" in plan.rejected[0].reason
    assert len(plan.rows) == 1


@pytest.mark.parametrize("value", ["Infinity", "-inf", "1e400", "NaN", "9" * 5000, "²",
                                   "1_0", "0x3", "3e0"])
@pytest.mark.parametrize("dry_run", [True, False])
def test_an_odd_answer_value_rejects_its_line(demo, tmp_path, value, dry_run):
    path = answers_file(tmp_path, ["Lahti", "1", "strategy.1", value],
                        ["Lahti", "1", "strategy.2", "4"])
    plan = import_answers(demo, path, "Uusi kierros", dry_run=dry_run)
    assert [r.line for r in plan.rejected] == [2]
    assert "scale 1–5" in plan.rejected[0].reason


def test_answer_values_on_the_command_line_name_the_line(capsys, cohort, tmp_path):
    path = answers_file(tmp_path, ["Lahti", "²", "strategy.1", "4"],
                        ["Lahti", "1", "strategy.2", "1e400"],
                        ["Lahti", "1", "strategy.3", "Infinity"])
    for extra in (["--dry-run"], []):
        code, _out, err = run(capsys, "answers", "import", cohort, path, "--round", "R",
                              *extra)
        assert code == 1
        assert [line.split(":")[0] for line in err.splitlines()] == ["line 2", "line 3",
                                                                      "line 4"]


def test_answer_values_that_mean_a_number(demo, tmp_path):
    path = answers_file(tmp_path, ["Lahti", "01", "strategy.1", "4,0"],
                        ["Lahti", "2", "strategy.1", "5.00"], ["Lahti", "3", "strategy.1", "+3"])
    plan = import_answers(demo, path, "Uusi kierros")
    assert plan.rejected == [] and [(r.sheet, r.value) for r in plan.rows] == [
        (1, 4), (2, 5), (3, 3)]


def sparrer_file(tmp_path, *rows):
    path = tmp_path / "pankki.csv"
    lines = ["Nimi;Organisaatio;Teemat;Kielet;Kapasiteetti", *(";".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("capacity", ["99999999999999999999", "²", "1" * 5000, "1000"])
def test_an_odd_capacity_rejects_its_line(demo, tmp_path, capacity):
    path = sparrer_file(tmp_path, ["Uusi Sparraaja", "Oy", "budget", "suomi", capacity],
                        ["Toinen Sparraaja", "Oy", "budget", "suomi", "2"])
    before = sparrers.sparrers(demo.db)
    result = sparrers.import_sparrers(demo, path)
    assert [r.line for r in result.rejected] == [2] and "capacity" in result.rejected[0].reason
    assert result.added == 1 and len(sparrers.sparrers(demo.db)) == len(before) + 1


def test_a_huge_capacity_on_the_command_line_names_the_line(capsys, cohort, tmp_path):
    path = sparrer_file(tmp_path, ["Uusi Sparraaja", "Oy", "budget", "suomi",
                                   "99999999999999999999"])
    code, _out, err = run(capsys, "sparrers", "import", cohort, path)
    assert code == 1 and err.startswith("line 2: capacity")


def test_a_sparrer_repeated_in_one_file_is_counted_once(demo, tmp_path):
    path = sparrer_file(tmp_path, ["Uusi Sparraaja", "Oy", "budget", "suomi", "2"],
                        ["uusi  sparraaja", "OY", "budget", "suomi", "2"],
                        ["Uusi Sparraaja", "Oy", "budget", "svenska", "3"])
    before = len(sparrers.sparrers(demo.db))
    result = sparrers.import_sparrers(demo, path, dry_run=True)
    assert (result.added, result.unchanged) == (1, 1)
    assert [r.line for r in result.rejected] == [4] and "line 2" in result.rejected[0].reason
    result = sparrers.import_sparrers(demo, path)
    assert result.added == 1 and len(sparrers.sparrers(demo.db)) == before + 1
    added = next(s for s in sparrers.sparrers(demo.db) if s.name == "Uusi Sparraaja")
    assert (added.languages, added.capacity) == ({"fi"}, 2)  # the first line wins


def test_the_day_number_on_the_command_line(capsys, cohort):
    for day in ("²", "1" * 5000, "0"):
        code, _out, err = run(capsys, "attendance", cohort, "--day", day)
        assert code == 2 and "There is no day" in err


@pytest.mark.parametrize("template", [
    {"scale": []},
    {"scale": [{"value": 1e400, "fi": "x"}]},
    {"scale": [{"value": 1, "fi": "x"}, {"value": 10 ** 12, "fi": "y"}],
     "themes": [{"id": "a", "title": {"fi": "A"}, "statements": [{"id": "a.1", "fi": "s"}]}],
     "id": "t", "title": {"fi": "T"}},
    {"scale": [{"value": 1, "fi": "x"}], "themes": [], "id": "t", "title": ["T"]},
    {"scale": [{"value": 1, "fi": "x"}], "id": "t", "title": {"fi": "T"},
     "themes": [{"id": "a", "title": "A", "statements": [{"id": "a.1", "fi": "s"}]}]},
    {"scale": "12345", "themes": "abc", "id": None, "title": 5},
    {"scale": [{"value": 1, "fi": 7}]},
    [1, 2],
])
def test_a_template_that_is_not_one_is_refused_with_a_sentence(tmp_path, template):
    path = tmp_path / "pohja.json"
    path.write_text(json.dumps(template), "utf-8")
    with pytest.raises(RuleViolation):
        assessment.read_template_file(path)


@pytest.mark.parametrize("text", ["[" * 100_000, '{"scale": [{"value": NaN}]}',
                                  '{"a": 1' + "9" * 5000 + "}"])
def test_a_template_file_that_is_not_json_exits_2(capsys, cohort, tmp_path, text):
    path = tmp_path / "pohja.json"
    path.write_text(text, "utf-8")
    before = cohort.read_bytes()
    code, _out, err = run(capsys, "template", "import", cohort, path)
    assert code == 2 and len(err.splitlines()) == 1
    assert cohort.read_bytes() == before


def test_csv_bytes_that_are_no_text_are_refused(session, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"Kunta;Nimi\n\x81\x8d\x8f\x90;x\n")
    with pytest.raises(UnusableFile, match="x.csv"):
        import_file(session, path)
    path.write_bytes(b"Kunta;Nimi\n" + io.BytesIO(b'"' + b"a" * 200_000 + b'"').read())
    with pytest.raises(UnusableFile, match="x.csv"):
        import_file(session, path)


def test_what_openpyxl_skips_in_a_workbook_is_not_printed(capsys, cohort, tmp_path):
    path = registrations_xlsx(tmp_path / "tyylit.xlsx")
    source = zipfile.ZipFile(path)
    parts = {name: source.read(name) for name in source.namelist()}
    source.close()
    parts["xl/styles.xml"] = b"<x/>"  # a stylesheet openpyxl does not know
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")  # outside pytest, each would be printed to stderr
        code, _out, err = run(capsys, "import", cohort, path)
    assert (code, err, [str(w.message) for w in warned]) == (0, "", [])


def test_a_runaway_cell_is_cut_short_in_its_rejection(session, tmp_path):
    path = tmp_path / "hakemukset.csv"
    path.write_text("Kunta;Teema\nLahti;" + "9" * 5000 + "\n", "utf-8")
    plan = import_file(session, path, dry_run=True)
    (note,) = plan.notes  # the row goes in without the theme, and says so
    assert note.line == 2 and note.reason.startswith("unknown theme “999")
    assert len(note.reason) < 100 and "…”" in note.reason


def finishes(call, seconds=10):
    """call() in a thread; whether it returned within the time (a pipe would block forever)."""
    import threading

    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", call()), daemon=True)
    thread.start()
    thread.join(seconds)
    return result.get("value", "still waiting")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(("words", "options"), [(["import"], []), (["sparrers", "import"], []),
                                               (["answers", "import"], ["--round", "R"]),
                                               (["template", "import"], [])])
def test_a_pipe_or_a_folder_given_as_the_file_is_refused(capsys, cohort, tmp_path, words,
                                                         options):
    pipe = tmp_path / "putki.csv"
    os.mkfifo(pipe)
    folder = tmp_path / "kansio.csv"
    folder.mkdir()
    for path in (pipe, folder):
        argv = ["--lang", "en", *words, str(cohort), str(path), *options]
        assert finishes(lambda argv=argv: main(argv)) == 2
        assert "is not a file" in capsys.readouterr().err


def test_a_file_too_large_to_be_a_list_is_refused_unread(session, tmp_path):
    path = tmp_path / "valtava.csv"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no disk space taken
    with pytest.raises(UnusableFile, match="too large"):
        import_file(session, path)


def test_a_zip_that_needs_an_unknown_zip_version_is_refused(session, tmp_path):
    path = registrations_xlsx(tmp_path / "versio.xlsx")
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:  # each central directory entry: "version needed to extract" is 8.4
        data[at + 6:at + 8] = (84).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    with pytest.raises(UnusableFile, match="versio.xlsx"):
        import_file(session, path)


def test_a_line_break_in_a_template_id_stays_on_the_messages_line(capsys, cohort, tmp_path):
    template = json.loads(assessment.default_template_body())
    template["themes"][0]["statements"][1]["id"] = "\r"
    path = tmp_path / "pohja.json"
    path.write_text(json.dumps(template), "utf-8")
    code, _out, err = run(capsys, "template", "import", cohort, path)
    assert code == 2 and len(err.splitlines()) == 1 and "“ ”" in err
