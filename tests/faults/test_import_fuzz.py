"""Every importer over arbitrary files: rows go in or are rejected with a reason, or the file is
refused as unusable with a sentence and the cohort is left exactly as it was. Nothing else.

The files are CSV and XLSX made of odd cells (other scripts' digits, Infinity, formulas,
control characters, cells by the thousand digits), of headers mixing the importers' own
column names with noise, and damaged: truncated workbooks, flipped bytes, arbitrary bytes.
The same files go through the `ilmava` command, which must exit 0, 1 or 2 without a traceback.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import re
import warnings
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ilmava_desktop.cli import main
from ilmava_desktop.core.import_rows import HEADER_ALIASES, Rejection, UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.resources import resource_path, wicked_problem_themes
from ilmava_desktop.services import assessment
from ilmava_desktop.services.assessment.answer_import import ANSWER_ALIASES, import_answers
from ilmava_desktop.services.groups import sparrers
from ilmava_desktop.services.municipalities import add_municipality
from ilmava_desktop.services.municipalities.importing import import_file
from ilmava_desktop.services.table_files import read_table

# A minute's run in CI; ILMAVA_FUZZ_EXAMPLES=2000 for a longer hunt.
EXAMPLES = int(os.environ.get("ILMAVA_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])

IN_COHORT = ("398", "638", "091", "098")  # Lahti, Porvoo, Helsinki, Hollola

# Cells a facilitator's files hold, and cells that broke importers before.
WORDS = [
    "", " ", "Lahti", "lahti ", "398", "91", "091", "Borgå", "Porvoo – Borgå", "Hollola",
    "Atlantis", "strategy.1", "strategy.2", "finance.1", "space.1", "eos", "E", "vet inte",
    "0", "1", "3", "5", "6", "-1", "4,0", "2.5", "+3", "²", "٣", "３", "Infinity", "-inf",
    "1e400", "NaN", "1_0", "99999999999999999999", "9" * 5000, "=1+1",
    '=HYPERLINK("http://x.invalid")', "@x", "-", "kyllä", "nej", "yes", "maybe", "suomi",
    "svenska", "klingon", "budget", "land_use", "Hankinnat ilmastotyön välineenä",
    "Maankäyttö, liikenne ja hajautunut rakenne", "a@lahti.example", "x@", "Laura Kokeilu",
    "Åsa Öberg", "kunnanjohtaja", "\x00", "\x01", "\ufeff", "\r\n", '"', ";", ",", "\t",
    "+ vahvuus", "- kehitettävää",
]
ALIASES = sorted({alias for aliases in (*HEADER_ALIASES.values(), *ANSWER_ALIASES.values(),
                                        *sparrers.COLUMNS.values()) for alias in aliases})

cells = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.text(max_size=20),
                  st.integers().map(str), st.floats().map(repr))
headers = st.lists(st.one_of(st.sampled_from(ALIASES), st.sampled_from(ALIASES), cells),
                   max_size=8)
tables = st.tuples(headers, st.lists(st.lists(cells, max_size=9), max_size=12))


@st.composite
def shaped_tables(draw, fields: dict):
    """A table whose columns are some of an importer's fields under any of their names, in
    any order, with a noise column or two; each cell is a plausible value or noise."""
    chosen = [field for field, (_names, _values, required) in fields.items()
              if draw(st.integers(0, 9)) < (9 if required else 5)]
    chosen = draw(st.permutations(chosen))
    header = [draw(st.sampled_from(fields[field][0])) for field in chosen]
    values = [fields[field][1] for field in chosen]
    noise = draw(st.integers(0, 9)) == 0
    if noise:
        header.append(draw(cells))
        values.append(cells)
    rows = []
    for _ in range(draw(st.integers(0, 10))):
        row = [draw(cells if draw(st.integers(0, 5)) == 0 else strategy) for strategy in values]
        if draw(st.integers(0, 9)) == 0:
            row = row[:draw(st.integers(0, len(row)))]  # a short row
        rows.append(row)
    return header, rows


def names_of(field: str, table: dict = HEADER_ALIASES) -> list[str]:
    aliases = list(table[field])
    return [*aliases, *(a.upper() for a in aliases[:2]), *(f"{a}:" for a in aliases[:1])]


THEMES = [*wicked_problem_themes(), *(label for labels in wicked_problem_themes().values()
                                      for label in labels.values())]
municipalities = st.sampled_from([*IN_COHORT, "Lahti", "Porvoo", "Borgå", "Helsinki", " 91 ",
                                  "Tampere", "Atlantis", "", "Pedersören kunta", "Vaasa"])
person_names = st.sampled_from(["Laura Kokeilu", "laura  kokeilu", "Åsa Öberg", "Bo", "",
                                "Markus Luonnos", "=1+1"])
REGISTRATIONS = {
    "municipality": (names_of("municipality"), municipalities, True),
    "name": (names_of("name"), person_names, True),
    "first_name": (names_of("first_name"), st.sampled_from(["Laura", "Åsa", ""]), False),
    "last_name": (names_of("last_name"), st.sampled_from(["Kokeilu", "Öberg", ""]), False),
    "email": (names_of("email"), st.sampled_from(["laura@lahti.example", "LAURA@lahti.example",
                                                   "asa@borga.example", "", "x@", "a@b"]),
              False),
    "role": (names_of("role"), st.sampled_from(["kunnanjohtaja", "Mayor", "stadsdirektör", "",
                                                "valtuutettu", "hankintajohtaja"]), False),
    "language": (names_of("language"), st.sampled_from(["suomi", "sv", "EN", "", "klingon"]),
                 False),
}
APPLICATIONS = {
    "municipality": (names_of("municipality"), municipalities, True),
    "theme": (names_of("theme"), st.sampled_from([*THEMES, "", "Avaruus"]), True),
    "wicked_problem": (names_of("wicked_problem"), st.text(max_size=30), False),
    "council_target": (names_of("council_target"),
                       st.sampled_from(["kyllä", "ei", "ja", "NO", "", "ehkä", "x"]), False),
    "current_state": (names_of("current_state"), st.text(max_size=20), False),
    "challenges": (names_of("challenges"), st.text(max_size=20), False),
}
TEMPLATE_STATEMENTS = [statement["id"] for theme in json.loads(
    resource_path("data/self_assessment_template.json").read_text("utf-8"))["themes"]
    for statement in theme["statements"]]
ANSWERS = {
    "municipality": (names_of("municipality", ANSWER_ALIASES), municipalities, True),
    "sheet": (names_of("sheet", ANSWER_ALIASES),
              st.sampled_from(["1", "2", "3", "", "01", "²", "0", "999", "1000"]), False),
    "statement": (names_of("statement", ANSWER_ALIASES),
                  st.sampled_from([*TEMPLATE_STATEMENTS[:6], "x.1", ""]), True),
    "value": (names_of("value", ANSWER_ALIASES),
              st.sampled_from(["1", "2", "3", "4", "5", "eos", "", "6", "4,0", "Infinity",
                               "1e400", "vet inte"]), True),
    "strengths": (names_of("strengths", ANSWER_ALIASES), st.text(max_size=15), False),
    "development_areas": (names_of("development_areas", ANSWER_ALIASES), st.text(max_size=15),
                          False),
    "comment": (names_of("comment", ANSWER_ALIASES),
                st.sampled_from(["+ hyvä", "- huono", "huomio", "", "+", "-"]), False),
}
SPARRERS = {
    "name": (names_of("name", sparrers.COLUMNS),
             st.sampled_from(["Anna Sparraaja", "anna  sparraaja", "Bo Berg", ""]), True),
    "organisation": (names_of("organisation", sparrers.COLUMNS),
                     st.sampled_from(["Oy", "OY", "", "Kuntaliitto"]), False),
    "themes": (names_of("themes", sparrers.COLUMNS),
               st.sampled_from([*THEMES[:14], "budget; land_use", "", "Avaruus"]), True),
    "languages": (names_of("languages", sparrers.COLUMNS),
                  st.sampled_from(["suomi", "svenska, fi", "", "klingon", "fi/sv"]), False),
    "capacity": (names_of("capacity", sparrers.COLUMNS),
                 st.sampled_from(["0", "2", "", "308", "309", "²", "-1"]), False),
}


def csv_bytes(draw, header, rows) -> bytes:
    delimiter = draw(st.sampled_from([";", ";", ",", "\t"]))
    buffer = io.StringIO()
    if draw(st.booleans()):
        csv.writer(buffer, delimiter=delimiter,
                   lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(
            [header, *rows])
    else:  # written by hand, unquoted: stray quotes and delimiters stay as they are
        buffer.write("\n".join(delimiter.join(row) for row in [header, *rows]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-8", "cp1252", "utf-16"]))
    return buffer.getvalue().encode(encoding, errors="replace")


def typed(text: str):
    """A cell as a spreadsheet program would store it: numbers as numbers."""
    if re.fullmatch(r"-?[0-9]{1,15}", text):
        return int(text)
    try:
        number = float(text)
    except ValueError:
        return openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE.sub("", text)[:32767]
    return number if number == number and abs(number) != float("inf") else text


def xlsx_bytes(draw, header, rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    if draw(st.booleans()):
        sheet.title = draw(st.sampled_from(["Taul1", "Blad1", "Sheet"]))
    for row in [header, *rows]:
        sheet.append([typed(cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_time(buffer.getvalue())


def fixed_time(data: bytes) -> bytes:
    """The workbook with the time of saving taken out, so that the same draws make the same
    bytes (hypothesis replays a failing case from its draws)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zipped({name: re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z",
                                source.read(name)) for name in source.namelist()})


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), content,
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def damaged(draw, data: bytes) -> bytes:
    # Offsets are drawn independently of the workbook's length: the draws stay the same
    # whatever the length, which hypothesis needs to shrink a case.
    def offset(size: int) -> int:
        return draw(st.integers(0, 2 ** 24)) % size

    how = draw(st.sampled_from(["truncate", "flip", "part"]))
    if how == "truncate":
        return data[:offset(len(data) + 1)]
    if how == "flip":
        data = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            data[offset(len(data))] ^= draw(st.integers(1, 255))
        return bytes(data)
    # One part of the workbook replaced by something else.
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist()}
    name = draw(st.sampled_from(sorted(parts)))
    parts[name] = draw(st.sampled_from([
        b"", b"<", b"not xml", b'<?xml version="1.0"?><x/>',
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>',
        parts[name][: len(parts[name]) // 2],
        parts[name].replace(b"<v>", b"<v>1e400", 1),
        parts[name].replace(b"<t>", b"<t>\xff\xfe", 1),
    ]))
    if draw(st.integers(0, 3)) == 0:
        del parts[name]  # or left out altogether
    return zipped(parts)


@st.composite
def files(draw, table=tables):
    header, rows = draw(table)
    kind = draw(st.sampled_from(["csv", "csv", "csv", "xlsx", "xlsx", "xlsx", "damaged", "bytes"]))
    if kind == "csv":
        return "x.csv", csv_bytes(draw, header, rows)
    if kind == "bytes":
        return "x.csv", draw(st.binary(max_size=300))
    data = xlsx_bytes(draw, header, rows)
    return "x.xlsx", damaged(draw, data) if kind == "damaged" else data


def fingerprint(session) -> str:
    return hashlib.sha256("\n".join(session.db.conn.iterdump()).encode()).hexdigest()


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def check_rejections(rejected: list[Rejection], rows: int = 0) -> None:
    event(f"{'some' if rows else 'no'} valid rows, {'some' if rejected else 'none'} rejected")
    for rejection in rejected:
        assert isinstance(rejection.line, int) and rejection.line >= 1
        assert rejection.reason.strip() and len(rejection.reason.splitlines()) == 1
        assert len(rejection.reason) < 300


def check_refusal(exc: Exception, name: str) -> None:
    event(f"refused: {type(exc).__name__}")
    message = str(exc)
    assert message.strip() and len(message.splitlines()) == 1 and len(message) < 400, message


@pytest.fixture
def cohort(session):
    for code in IN_COHORT:
        add_municipality(session, code)
    return session


@FUZZ
@given(file=files())
def test_read_table_reads_rows_or_says_why_not(tmp_path, file):
    name, data = file
    try:
        header, rows = read_table(write(tmp_path, name, data))
    except UnusableFile as exc:
        check_refusal(exc, name)
        return
    assert all(isinstance(cell, str) for cell in header)
    assert all(isinstance(line, int) and all(isinstance(c, str) for c in row)
               for line, row in rows)


@FUZZ
@given(file=files(shaped_tables(REGISTRATIONS) | shaped_tables(APPLICATIONS) | tables),
       dry_run=st.booleans())
def test_registrations_and_applications(cohort, tmp_path, file, dry_run):
    name, data = file
    path = write(tmp_path, name, data)
    before = fingerprint(cohort)
    try:
        plan = import_file(cohort, path, dry_run=dry_run)
    except UnusableFile as exc:
        check_refusal(exc, name)
        assert fingerprint(cohort) == before
        return
    check_rejections(plan.rejected, len(plan.rows))
    if dry_run:
        assert fingerprint(cohort) == before
        return
    again = import_file(cohort, path, dry_run=True)
    assert (again.count("add"), again.count("update")) == (0, 0), again.summary()


answer_tables = shaped_tables(ANSWERS) | shaped_tables(ANSWERS) | tables


@FUZZ
@given(file=files(answer_tables), dry_run=st.booleans(),
       round_name=st.sampled_from(["Viranhaltijat", "Uusi", " ", "=1+1"]))
def test_answers(cohort, tmp_path, file, dry_run, round_name):
    name, data = file
    path = write(tmp_path, name, data)
    before = fingerprint(cohort)
    try:
        plan = import_answers(cohort, path, round_name, dry_run=dry_run)
    except (UnusableFile, RuleViolation) as exc:  # RuleViolation: a round without a name
        check_refusal(exc, name)
        assert fingerprint(cohort) == before
        return
    check_rejections(plan.rejected, len(plan.rows))
    if dry_run:
        assert fingerprint(cohort) == before
        return
    again = import_answers(cohort, path, round_name, dry_run=True)
    assert (again.count("add"), again.count("update"), len(again.comments)) == (0, 0, 0)


sparrer_tables = shaped_tables(SPARRERS) | shaped_tables(SPARRERS) | tables


@FUZZ
@given(file=files(sparrer_tables), dry_run=st.booleans())
def test_sparrers(cohort, tmp_path, file, dry_run):
    name, data = file
    path = write(tmp_path, name, data)
    before = fingerprint(cohort)
    bank = len(sparrers.sparrers(cohort.db))
    try:
        result = sparrers.import_sparrers(cohort, path, dry_run=dry_run)
    except UnusableFile as exc:
        check_refusal(exc, name)
        assert fingerprint(cohort) == before
        return
    check_rejections(result.rejected, result.added + result.updated + result.unchanged)
    if dry_run:
        assert fingerprint(cohort) == before
        return
    assert len(sparrers.sparrers(cohort.db)) == bank + result.added  # what it says it added
    again = sparrers.import_sparrers(cohort, path, dry_run=True)
    assert (again.added, again.updated) == (0, 0)


DEFAULT_TEMPLATE = json.loads(resource_path("data/self_assessment_template.json").read_text(
    "utf-8"))


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


TEMPLATE_PATHS = list(paths(DEFAULT_TEMPLATE))[1:]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10)
    | st.sampled_from([10 ** 30, -1, 0, "", "strategy.1", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "fi", "sv", "en", "value", "title", "statements", "x"]), inner,
        max_size=3),
    max_leaves=8)


@st.composite
def template_files(draw):
    how = draw(st.sampled_from(["edited", "edited", "json", "text"]))
    if how == "text":
        return draw(st.binary(max_size=200) | st.sampled_from([b"[" * 50_000, b"{", b"\xff"]))
    if how == "json":
        return json.dumps(draw(json_values)).encode()
    data = copy.deepcopy(DEFAULT_TEMPLATE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(TEMPLATE_PATHS))
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier edit removed the way there
    return json.dumps(data, allow_nan=True).encode()


@FUZZ
@given(data=template_files())
def test_templates(cohort, tmp_path, data):
    path = write(tmp_path, "pohja.json", data)
    before = fingerprint(cohort)
    try:
        body = assessment.read_template_file(path)
    except RuleViolation as exc:
        check_refusal(exc, path.name)
        assert fingerprint(cohort) == before
        return
    event("template taken")
    assessment.use_template(cohort, body)
    # A template that was taken must serve a new round.
    answers = write(tmp_path, "vastaukset.csv", "Kunta;Väittämä;Arvo\nLahti;a.1;1\n".encode())
    plan = import_answers(cohort, answers, "Uusi kierros", dry_run=True)
    check_rejections(plan.rejected)


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def cohort_file(tmp_path, capsys):
    path = tmp_path / "kohortti.ilmava"
    assert main(["new", str(path), "--name", "Fuzz"]) == 0
    registrations = tmp_path / "kunnat.csv"
    registrations.write_text("Kunta;Nimi\n" + "".join(f"{c};Testi {c}\n" for c in IN_COHORT),
                             "utf-8")
    assert main(["import", str(path), str(registrations)]) == 0
    capsys.readouterr()
    return path


COMMANDS = [
    ["import", "{cohort}", "{file}"],
    ["answers", "import", "{cohort}", "{file}", "--round", "R"],
    ["sparrers", "import", "{cohort}", "{file}"],
    ["template", "import", "{cohort}", "{file}"],
]
LINE = re.compile(r"(ilmava: .+|\w+ \d+: .+)")  # "line 3: …", "rivi 3: …", "rad 3: …"


any_file = st.one_of(files(shaped_tables(REGISTRATIONS)), files(answer_tables),
                    files(sparrer_tables), template_files().map(lambda d: ("x.json", d)))
cases = st.one_of(
    st.tuples(files(shaped_tables(REGISTRATIONS) | shaped_tables(APPLICATIONS)),
              st.just(COMMANDS[0])),
    st.tuples(files(answer_tables), st.just(COMMANDS[1])),
    st.tuples(files(sparrer_tables), st.just(COMMANDS[2])),
    st.tuples(template_files().map(lambda d: ("pohja.json", d)), st.just(COMMANDS[3])),
    st.tuples(any_file, st.sampled_from(COMMANDS)),  # a file given to the wrong command
)


@settings(FUZZ, max_examples=max(EXAMPLES * 2 // 3, 1))
@given(case=cases, extra=st.sampled_from([[], ["--dry-run"], ["--json"]]),
       lang=st.sampled_from(["fi", "sv", "en"]))
def test_the_command_never_shows_a_traceback(cohort_file, tmp_path, capsys, case, extra, lang):
    (name, data), command = case
    path = write(tmp_path, name, data)
    if command[0] == "template":
        extra = []
    argv = ["--lang", lang, *(arg.format(cohort=cohort_file, file=path) for arg in command),
            *extra]
    before = cohort_file.read_bytes()
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")  # outside pytest, a warning is printed to stderr
        code = main(argv)
    event(f"exit {code}")
    assert [str(w.message) for w in warned] == []
    _out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    assert all(LINE.fullmatch(line) for line in err.splitlines()), err
    if code == 2 or "--dry-run" in extra:
        assert cohort_file.read_bytes() == before
