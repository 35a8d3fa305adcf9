"""The command line speaks the user's language, argparse's own words and the system's
errors included, and answers a typo with the nearest command instead of all of them."""

from __future__ import annotations

import argparse
import errno
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ilmava_desktop.cli import main
from ilmava_desktop.i18n import arguments, os_errors, set_language
from ilmava_desktop.i18n.catalogues import po_path


def run(capsys, *args, lang="fi"):
    code = main(["--lang", lang, *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path, capsys):
    path = tmp_path / "demo.ilmava"
    assert main(["demo", str(path)]) == 0
    capsys.readouterr()
    return path


def test_a_missing_argument_is_named_in_finnish_and_swedish(capsys):
    code, _out, err = run(capsys, "attendance", lang="fi")
    assert code == 2
    assert err == "ilmava attendance: nämä puuttuvat: KOHORTTI, --day\n"
    code, _out, err = run(capsys, "attendance", lang="sv")
    assert err == "ilmava attendance: dessa saknas: KOHORT, --day\n"


def test_the_environment_chooses_the_language(capsys, monkeypatch):
    monkeypatch.setenv("ILMAVA_LANG", "sv")
    assert main(["checkin"]) == 2
    assert "dessa saknas" in capsys.readouterr().err


def test_help_is_in_finnish_from_the_usage_line_to_the_options(capsys):
    code, out, _err = run(capsys, "checkin", "--help")
    assert code == 0
    assert out.startswith("käyttö: ilmava checkin")
    assert "valitsimet:" in out and "näytä tämä ohje ja lopeta" in out
    assert "--day PÄIVÄ" in out and "KOHORTTI" in out
    for english in ("usage", "options", "positional arguments", "show this help", "TOKEN"):
        assert english not in out


def test_an_unknown_command_suggests_the_nearest_instead_of_listing_all(capsys):
    code, out, err = run(capsys, "atendance", "x.ilmava")
    assert code == 2 and out == ""
    assert err == ("ilmava: komentoa “atendance” ei ole. Tarkoititko “attendance”? "
                   "“ilmava --help” luettelee komennot.\n")
    code, _out, err = run(capsys, "export", "bord", "x.ilmava", lang="en")
    assert err.count("\n") == 1 and "choose from" not in err and "“board”" not in err


@pytest.mark.parametrize(("value", "said"), [
    ("x", "“x” ei ole kokonaisluku"),
    ("²", "“²” ei ole kokonaisluku"),
    ("99999999999999999999", "“99999999999999999999” on liian suuri"),
])
def test_a_number_argument_is_refused_with_a_sentence(capsys, tmp_path, value, said):
    code, _out, err = run(capsys, "day", "add", tmp_path / "x.ilmava", "--date", "2027-01-27",
                          "--min", value, "--max", "3")
    assert (code, err) == (2, f"ilmava day add: --min: {said}\n")


@pytest.mark.parametrize("value", ["inf", "nan", "1e400"])
def test_a_time_limit_must_be_a_finite_number(capsys, tmp_path, value):
    code, _out, err = run(capsys, "groups", tmp_path / "x.ilmava", "--time-limit", value)
    assert code == 2 and "liian suuri" in err


def test_several_municipalities_after_one_flag(capsys, demo, tmp_path):
    code, out, _err = run(capsys, "export", "pdf", demo, "--out", tmp_path / "reports",
                          "--municipality", "638", "Lahti")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "398-lahti.pdf", "638-porvoo.pdf"]


def test_writing_into_a_missing_folder_says_so_in_our_words(capsys, demo, tmp_path):
    code, _out, err = run(capsys, "badges", demo, "--day", "1", "--out",
                          tmp_path / "ei-ole" / "badges.pdf")
    assert code == 1
    assert err == f"ilmava: Kansiota {tmp_path / 'ei-ole'} ei ole.\n"
    assert "No such file" not in err


def test_a_folder_that_cannot_be_made(capsys, demo, tmp_path):
    (tmp_path / "tiedosto").write_text("")
    code, _out, err = run(capsys, "export", "pdf", demo, "--out", tmp_path / "tiedosto" / "x",
                          lang="sv")
    assert code == 2
    assert err.endswith("kunde inte skapas: en del av sökvägen är en fil, inte en mapp.\n")


def test_a_one_byte_workbook_is_not_an_excel_file(capsys, demo, tmp_path):
    fake = tmp_path / "ilmoittautumiset.xlsx"
    fake.write_bytes(b"x")
    for command in (["import", demo, fake], ["sparrers", "import", demo, fake],
                    ["answers", "import", demo, fake, "--round", "Kevät"]):
        code, _out, err = run(capsys, *command)
        assert (code, err) == (2, "ilmava: ilmoittautumiset.xlsx ei ole Excel-tiedosto.\n")


def test_a_template_that_is_not_utf8_says_so_without_a_codec_message(capsys, demo, tmp_path):
    template = tmp_path / "pohja.json"
    template.write_bytes(b'\xff\xfe{"themes"')
    code, _out, err = run(capsys, "template", "import", demo, template)
    assert code == 2
    assert err == "ilmava: pohja.json ei ole JSON-muotoinen pohja (se ei ole UTF-8-tekstiä).\n"


def test_reading_a_folder_as_a_file(capsys, demo, tmp_path):
    code, _out, err = run(capsys, "import", demo, tmp_path)
    assert (code, err) == (2, f"ilmava: {tmp_path.name} ei ole tiedosto.\n")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EIO, errno.EACCES,
                                  errno.EBUSY, errno.ENAMETOOLONG, errno.EINVAL, 9999])
def test_every_system_error_reads_as_a_sentence_in_each_language(code):
    exc = OSError(code, "English from the C library")
    for language in ("fi", "sv", "en"):
        set_language(language)
        text = os_errors.write_failed(Path("/tmp/a.pdf"), exc)
        assert "English from the C library" not in text
        assert text.endswith(".") and "a.pdf" in text


ARGPARSE_PROGRAMMING_ERRORS = (
    ".__call__() not defined", "conflicting subparser", "unknown parser",
    'argument "-" with mode', "cannot merge actions", "'required' is an invalid",
    "invalid option string", "dest= is required", "invalid conflict_resolution",
    "conflicting option string", "mutually exclusive arguments must be optional",
    "cannot have multiple subparser", "is not callable", "subcommands", "%(default)s",
    "deprecated", "%(prog)s: warning",
)


def test_every_message_of_this_pythons_argparse_is_in_our_catalogue():
    """A newer Python may word argparse's messages differently: this names what to add."""
    source = Path(argparse.__file__).read_text("utf-8")
    said = set(re.findall(r"""\b_\(\s*'((?:[^'\\]|\\.)*)'\s*\)""", source))
    said |= set(re.findall(r'''\b_\(\s*"((?:[^"\\]|\\.)*)"\s*\)''', source))
    said = {text.encode().decode("unicode_escape") for text in said}
    for_users = {text for text in said
                 if not any(marker in text for marker in ARGPARSE_PROGRAMMING_ERRORS)}
    assert for_users - set(arguments.ARGPARSE_MESSAGES) == set()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_percent_placeholders(language):
    with po_path(language).open("rb") as f:
        catalogue = read_po(f, locale=language)
    placeholder = re.compile(r"%(?:\([a-z_]+\))?[sr]")
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or not placeholder.search(ids[0]):
            continue
        for string in strings:
            assert sorted(placeholder.findall(string)) == sorted(placeholder.findall(ids[-1])), \
                message.id


@pytest.mark.parametrize("name", ["638", "Porvoo", "borgå", "Porvoo – Borgå", "Porvoo - Borgå"])
def test_a_municipality_by_any_name_the_window_shows(capsys, demo, tmp_path, name):
    assert run(capsys, "board", "add", demo, "--kind", "idea", "--text", "Yhteiskäyttöautot",
               "--municipality", name)[0] == 0
    code, out, _err = run(capsys, "board", "list", demo, "--municipality", name, "--json")
    assert code == 0 and "Yhteiskäyttöautot" in out
    code, _out, _err = run(capsys, "export", "pdf", demo, "--out", tmp_path / "r",
                           "--municipality", name)
    assert code == 0 and [p.name for p in (tmp_path / "r").iterdir()] == ["638-porvoo.pdf"]


def test_an_unexpected_fault_is_one_sentence_and_logged(capsys, demo, monkeypatch, data_dir):
    from ilmava_desktop import cli

    def broken(_args):
        raise KeyError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "info", broken)
    code, out, err = run(capsys, "info", demo, lang="en")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("ilmava: Something went wrong, and the command stopped")
    assert "Traceback" not in err
    assert "KeyError: 'a bug'" in (data_dir / "ilmava-desktop.log").read_text("utf-8")


def test_people_are_listed_with_their_role_in_the_users_language(capsys, demo):
    code, out, _err = run(capsys, "people", demo, lang="sv")
    assert code == 0
    assert "kommundirektör" in out and "municipal_manager" not in out
    code, out, _err = run(capsys, "people", demo, "--json", lang="sv")
    assert '"role": "municipal_manager"' in out
