"""CSV and XLSX files: rows read as text with the line each came from, and rows written."""

from __future__ import annotations

import csv
import io
import stat
import warnings
import zipfile
from pathlib import Path

from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, os_errors

Rows = list[tuple[int, list[str]]]
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")

# An organiser's list is a few megabytes at most, as a CSV or unpacked from a workbook; a file
# larger than this (or a workbook unpacking to more: a zip bomb) is refused before it is read.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


def read_table(path: Path) -> tuple[list[str], Rows]:
    """The header and the numbered rows of the first sheet; UnusableFile if it has none."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A folder, or a pipe: reading a pipe would wait for a writer forever.
            raise UnusableFile(_("{name} is not a file.").format(name=path.name))
        if info.st_size > MAX_UNPACKED_BYTES:
            raise UnusableFile(_("{name} is too large to be a list to import.").format(
                name=path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableFile(os_errors.read_failed(path, exc)) from exc
    if data.startswith(b"PK\x03\x04"):
        table = _read_xlsx(data, path)
    elif path.suffix.lower() in EXCEL_SUFFIXES:
        # Named as a workbook but not one (a download cut short, a renamed file): reading
        # it as CSV would report missing columns, which points the user the wrong way.
        raise UnusableFile(_("{name} is not an Excel file.").format(name=path.name))
    else:
        table = _read_csv(data, path)
    table = [(line, row) for line, row in table if any(cell.strip() for cell in row)]
    if not table:
        raise UnusableFile(_("{name} is empty.").format(name=path.name))
    (_line, header), *rows = table
    return header, rows


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page, which in Finland is 1252.
        return data.decode("cp1252")


def _read_csv(data: bytes, path: Path) -> Rows:
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        raise UnusableFile(_("{name} is not a CSV or XLSX file.").format(name=path.name)) from None
    if "\x00" in text:
        raise UnusableFile(_("{name} is not a CSV or XLSX file.").format(name=path.name))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Rows = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UnusableFile(_("{name} cannot be read as CSV at line {line}.").format(
            name=path.name, line=reader.line_num)) from exc
    return rows


def _read_xlsx(data: bytes, path: Path) -> Rows:
    import openpyxl  # imported here: it costs start-up time and only import needs it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception as exc:
        # A damaged zip directory fails in many ways: BadZipFile, NotImplementedError for a
        # "zip version 8.4", struct.error, a name that is not UTF-8…
        raise UnusableFile(_("{name} is not a CSV or XLSX file.").format(name=path.name)) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnusableFile(_("{name} is too large to be a list to import.").format(name=path.name))
    try:
        with warnings.catch_warnings():
            # openpyxl warns of what it skips (styles, data validation); only the values
            # matter here, and a warning would be noise under the command's one-line errors.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = book.worksheets[0]
                return [
                    (index, [_xlsx_text(value) for value in row])
                    for index, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                ]
            finally:
                book.close()
    except Exception as exc:
        # openpyxl reads a zip of XML parts from anyone: a damaged part, a missing one, a
        # declared entity (refused by defusedxml: entity bombs), a value of the wrong type
        # each surface as a different exception. Whichever it is, the file cannot be read.
        raise UnusableFile(_("{name} cannot be read as an Excel workbook: it is damaged or "
                             "holds something a workbook does not.").format(name=path.name)
                           ) from exc


def _xlsx_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as a number: 91.0 -> "91"
    return str(value)


def write_tables(target: Path, sheets: list[tuple[str, list[list]]]) -> Path:
    """Write rows atomically as .csv (the first sheet) or .xlsx (every sheet, one per tab).

    Each sheet's first row is its header. The format follows the file's suffix.
    """
    from ilmava_desktop.services.output_files import write_atomically

    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise RuleViolation(_("Export to a .csv or .xlsx file."))

    def write(tmp: Path) -> None:
        if suffix == ".csv":
            # Semicolons and a BOM: what Excel expects of a CSV file in Finland and Sweden.
            with tmp.open("w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f, delimiter=";").writerows(
                    [[csv_cell(value) for value in row] for row in sheets[0][1]])
        else:
            _write_xlsx(tmp, sheets)

    return write_atomically(target, write)


def _write_xlsx(path: Path, sheets: list[tuple[str, list[list]]]) -> None:
    import openpyxl  # only exports need it
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    for index, (title, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title[:31]
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                _put_cell(sheet.cell(row=row_number, column=column), value)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 6), 50)
    book.save(path)


# What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A cell as a CSV export writes it: text that a spreadsheet would run as a formula
    gets a leading apostrophe, so a card reading "=HYPERLINK(…)" stays the words typed.
    Numbers are left alone: a negative count is still a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _put_cell(cell, value) -> None:
    if not isinstance(value, str):
        cell.value = value
        return
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters pasted into a card cannot be stored in a workbook at all.
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    # openpyxl turns text starting with "=" into a live formula (and "#N/A" into an error
    # value); everything typed or imported is text, so it is written as text.
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # and stays text when someone edits it in Excel
