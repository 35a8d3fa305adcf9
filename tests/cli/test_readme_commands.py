"""Every command in the README's command section runs as written, on the demo.

Each documented line is run twice: with only what it requires, and with every optional
part it shows. Placeholders (COHORT, FILE, NAME…) become real files and names of the demo;
of `a|b` the first is taken. A documented command must parse and do its work: exit 0, or
1 for a problem it reports (an unknown badge), never 2 (unusable input) or a traceback.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from ilmava_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")
SECTION = README.split("## The `ilmava` command", 1)[1].split("\n## ", 1)[0]

ANSWERS = "Kunta;Vastaaja;Väittämä;Arvo\nLahti;1;strategy.1;4\nLahti;1;strategy.2;eos\n"
ROUND = "Virkajohto, tammikuu 2026"


def documented_commands() -> list[str]:
    commands: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", SECTION, flags=re.S):
        for line in block.splitlines():
            text = line.split("#", 1)[0].rstrip()
            if text.startswith("ilmava "):
                commands.append(text)
            elif text.strip() and commands:
                commands[-1] += " " + text.strip()
    return commands


def forms(command: str) -> tuple[list[str], list[str]]:
    """The command with only its required parts, and with all its optional parts."""
    def first_alternative(match: re.Match) -> str:
        return match.group(1).split("|")[0].strip()

    required = every = command
    while "[" in required + every:  # innermost first: `[--save NAME [--day N]]`
        required = re.sub(r"\[[^\[\]]*\]", " ", required)
        every = re.sub(r"\[([^\[\]]*)\]", first_alternative, every)
    return [_choose(shlex.split(text)) for text in (required, every)]


def _choose(tokens: list[str]) -> list[str]:
    """`(a | b)` -> a; `x|y` -> x."""
    chosen: list[str] = []
    group: list[str] | None = None
    for token in tokens:
        if token.startswith("(") and group is None:
            group = []
            token = token[1:]
        if group is not None:
            closing = token.endswith(")")
            group.append(token.rstrip(")"))
            if closing:
                chosen += " ".join(group).split("|")[0].split()
                group = None
        else:
            chosen.append(token.split("|")[0] if "|" in token and " " not in token else token)
    return [token for token in chosen if token]


def placeholders(argv: list[str], folder: Path, cohort: Path) -> list[str]:
    by_flag = {
        "--round": ROUND, "--rounds": ROUND, "--grouping": "Helsingin teemaryhmät",
        "--municipality": "638", "--without": "638", "--outside-groups": "Helsingin teemaryhmät",
        "--theme": "strategy", "--group": "1", "--day": "1", "--token": "tuntematon",
        "--person": "tuntematon", "--find": "Lahti", "--name": "ILMAVA 2027",
        "--save": "Uusi ryhmittely", "--groups": "3", "--time-limit": "1", "--reviews": "2",
        "--host": "638", "--id": "tuntematon", "--reviewer": "576", "--team": "576",
    }
    out: list[str] = []
    for token in argv:
        before = out[-1] if out else ""
        if token == "...":  # `--municipality CODE ...`: a second value after the same flag
            out.append(SECOND_VALUE[out[-2]])
        elif token == "COHORT":
            out.append(str(cohort))
        elif token == "OTHER" and argv[1] == "merge":
            out.append(str(folder / "demo-master.ilmava"))  # another copy of the cohort
        elif token == "OTHER":
            out.append(str(folder / "motiva.ilmava"))
        elif token == "FILE" and argv[1:3] == ["answers", "import"]:
            out.append(str(folder / "vastaukset.csv"))
        elif token == "FILE" and argv[1] == "interviewees":
            out.append(str(ROOT / "resources/demo/haastateltavat-esimerkki.csv"))
        elif token == "FILE" and argv[1] == "sparrers":
            out.append(str(ROOT / "resources/demo/sparraajat-esimerkki.csv"))
        elif token == "FILE":
            out.append(str(ROOT / "resources/demo/ilmoittautumiset-esimerkki.csv"))
        elif token == "LOGO.png":  # any PNG will do: the README's report picture
            out.append(str(ROOT / "docs/raportti-lahti.png"))
        elif token == "B" and before == ROUND:
            out.append("Poliittinen johto, syyskuu 2026")
        elif token == "A" and before == "--rounds":
            out.append(ROUND)
        elif before in by_flag and token.isupper():
            out.append(by_flag[before])
        elif token in ("FILE.csv", "FILE.pdf", "DIR"):
            out.append(str(folder / token.lower()))
        elif token.isupper() and len(token) > 1 and token not in ("TEMPLATE.json",):
            out.append(by_flag.get(before, "x"))
        else:
            out.append(token)
    return out


SECOND_VALUE = {"--municipality": "398", "--without": "398", "--person": "tuntematon",
                "--theme": "leadership"}
COMMANDS = documented_commands()


def test_the_readme_documents_the_commands():
    names = {" ".join(c.split()[1:3]) for c in COMMANDS}
    assert len(COMMANDS) >= 30
    for expected in ("export pdf", "board add", "answers import", "checkin COHORT"):
        assert any(name.startswith(expected) for name in names), expected


@pytest.mark.parametrize("form", ["required", "every option"])
def test_every_documented_command_runs_as_written(tmp_path, monkeypatch, capsys, form):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vastaukset.csv").write_text(ANSWERS, encoding="utf-8")
    demo = tmp_path / "demo-master.ilmava"
    assert main(["demo", str(demo)]) == 0
    assert main(["demo", str(tmp_path / "motiva.ilmava"), "--programme", "motiva"]) == 0
    failures = []
    for number, command in enumerate(COMMANDS):
        cohort = tmp_path / f"c{number}.ilmava"
        shutil.copy(demo, cohort)
        argv = forms(command)[0 if form == "required" else 1]
        argv = placeholders(argv, tmp_path, cohort)
        if argv[1] == "new":
            cohort.unlink()
            argv[2] = str(cohort)
        if argv[1] == "demo":
            argv[2] = str(tmp_path / f"d{number}.ilmava")
        capsys.readouterr()
        code = main(["--lang", "en", *argv[1:]])
        _out, err = capsys.readouterr()
        if code not in (0, 1) or "Traceback" in err:
            failures.append(f"{' '.join(argv)}\n  -> {code}: {err.strip()}")
    assert failures == []
