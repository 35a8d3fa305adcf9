"""What every `ilmava` command shares: exit codes, one-line errors, opening a cohort."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ilmava_desktop.i18n import _
from ilmava_desktop.i18n.arguments import Parser
from ilmava_desktop.storage import locks

OK, PROBLEM, UNUSABLE = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, code: int = UNUSABLE):
        super().__init__(message)
        self.code = code


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def warn_if_locked(path: Path) -> None:
    if info := locks.held_by_other(path):
        print("ilmava: " + _("warning: {name} is open on {host} ({user}) since {time}.").format(
            name=path.name, host=info.host, user=info.user, time=info.time), file=sys.stderr)


def open_for_writing(path: Path):
    from ilmava_desktop.services.cohort.session import CohortSession

    warn_if_locked(path)
    return CohortSession.open(path)


def cohort_municipality(db, text: str) -> str:
    """A municipality of the cohort by code or name, or a one-line error (exit 2)."""
    from ilmava_desktop.services.municipalities import find_municipality

    found = find_municipality(db, text)
    if found is None:
        raise CliError(_("There is no municipality “{name}” in the cohort.").format(name=text))
    return found


def export_parsers(commands):
    """The `ilmava export WHAT` subcommands: each tool adds what it exports, with
    `set_defaults(run=...)` naming the function that does it."""
    what = getattr(commands, "ilmava_export", None)
    if what is None:
        export = commands.add_parser("export", help=_("export data from a cohort"))
        what = export.add_subparsers(dest="what", required=True, metavar=_("WHAT"),
                                     parser_class=Parser)
        commands.ilmava_export = what
    return what


def run_export(args) -> int:
    return args.run(args)


def column_option(parser) -> None:
    """`--column "HEADER=field"`, repeatable: the use of a column of the imported file."""
    parser.add_argument("--column", action="append", default=[], metavar="HEADER=FIELD",
                        help=_("use the file's column HEADER for FIELD (or ignore); "
                               "repeatable"))


def column_choices(args) -> dict:
    from ilmava_desktop.core.columns import parse_column_args

    return parse_column_args(args.column)


def print_columns(columns) -> None:
    """How each column of the imported file was used; the unused ones named on stderr."""
    for header, field in columns.used().items():
        print(_("column “{header}” → {field}").format(header=header, field=field))
    for header in columns.ignored():
        print("ilmava: " + _("column “{header}” is not used (--column \"{header}=FIELD\" "
                             "uses it)").format(header=header), file=sys.stderr)


def theme_option(parser) -> None:
    """`--theme "LINE=theme"`, repeatable: the theme meant by a line's label that fits several
    themes or none."""
    parser.add_argument("--theme", action="append", default=[], metavar="LINE=THEME",
                        help=_("the theme meant on line LINE of the file, where its label "
                               "fits several themes or none (a theme id from --json's "
                               "\"themes_to_choose\"); repeatable"))


def theme_picks(args) -> dict:
    from ilmava_desktop.core.import_rows import parse_theme_args
    from ilmava_desktop.resources import wicked_problem_themes

    return parse_theme_args(args.theme, wicked_problem_themes())


def print_theme_questions(questions, picks) -> None:
    """Each label that fits several themes or none: the theme picked for it, or how to pick
    one (on stderr)."""
    from ilmava_desktop.resources import wicked_problem_themes

    themes = wicked_problem_themes()
    for question in questions:
        picked = picks.get(question.key)
        if picked is not None:
            print(_("line {line}: “{label}” → {theme}").format(
                line=question.line, label=question.label, theme=picked))
        else:
            print("ilmava: " + _("line {line}: --theme \"{line}=THEME\" picks the theme "
                                 "“{label}” means: {themes}").format(
                line=question.line, label=question.label,
                themes=", ".join(question.choices(themes))), file=sys.stderr)
