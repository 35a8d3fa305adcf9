"""The `ilmava` command: every tool without the window, for automation and testing.

Thin: parses arguments, calls services, prints. Exit codes: 0 done, 1 a problem
found (rows rejected, a check failed), 2 unusable input. Errors are one line on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ilmava_desktop import __version__
from ilmava_desktop.commands import assessment as assessment_commands
from ilmava_desktop.commands import attendance as attendance_commands
from ilmava_desktop.commands import board as board_commands
from ilmava_desktop.commands import groups as groups_commands
from ilmava_desktop.commands import pairs as pairs_commands
from ilmava_desktop.commands import people as people_commands
from ilmava_desktop.commands import reports as reports_commands
from ilmava_desktop.commands import sparrers as sparrers_commands
from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    UNUSABLE,
    CliError,
    Parser,
    open_for_writing,
    print_json,
)
from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import LANGUAGES, _, arguments, os_errors, set_language
from ilmava_desktop.i18n.arguments import whole_number
from ilmava_desktop.services.attendance import UnknownDay
from ilmava_desktop.storage.errors import CohortFileError, SaveError


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="ilmava", description=_("ILMAVA Desktop without the window."))
    parser.add_argument("--version", action="version", version=f"ilmava {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of messages (default fi)"))
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"),
                                     parser_class=Parser)

    new = commands.add_parser("new", help=_("create a new cohort file"))
    new.add_argument("cohort", type=Path)
    new.add_argument("--name", required=True)
    new.add_argument("--programme", default="ILMAVA")
    new.add_argument("--year", type=whole_number)
    new.add_argument("--language", choices=LANGUAGES, default="fi")

    demo = commands.add_parser("demo", help=_("write the demo cohort to a file"))
    demo.add_argument("cohort", type=Path)

    for name, help_text in (
        ("info", _("counts of what a cohort holds")),
        ("municipalities", _("list the municipalities")),
        ("people", _("list the people")),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("cohort", type=Path)
        sub.add_argument("--json", action="store_true")

    check = commands.add_parser("check", help=_("check a cohort file's integrity and schema"))
    check.add_argument("cohort", type=Path)
    people_commands.add_parsers(commands)

    attendance_commands.add_parsers(commands)
    assessment_commands.add_parsers(commands)
    board_commands.add_parsers(commands)
    groups_commands.add_parsers(commands)
    pairs_commands.add_parsers(commands)
    sparrers_commands.add_parsers(commands)
    reports_commands.add_parsers(commands)

    imp = commands.add_parser("import", help=_("import registrations or applications"))
    imp.add_argument("cohort", type=Path)
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--json", action="store_true")
    return parser



def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    set_language(arguments.language_option(argv) or "fi")
    arguments.install()
    parser = _parser()
    try:
        args = parser.parse_args(sparrers_commands.with_default_listing(argv))
    except SystemExit as exc:  # argparse has printed its one-line usage error
        return OK if exc.code == 0 else UNUSABLE
    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        return _fail(str(exc), exc.code)
    except (CohortFileError, UnusableFile, UnknownDay) as exc:
        return _fail(str(exc), UNUSABLE)
    except RuleViolation as exc:
        return _fail(str(exc), PROBLEM)
    except SaveError as exc:
        return _fail(str(exc), PROBLEM)
    except BrokenPipeError:
        # The reader (e.g. `| head`) has had enough; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except OSError as exc:
        return _fail(_("{name}: {reason}").format(name=exc.filename or "",
                                                  reason=os_errors.reason(exc)), UNUSABLE)



def _fail(message: str, code: int) -> int:
    print(f"ilmava: {message}", file=sys.stderr)
    return code


def cmd_new(args) -> int:
    from ilmava_desktop.services.cohort.create import create_cohort

    session = create_cohort(args.cohort, args.name, args.programme, args.year, args.language)
    session.close()
    print(_("Created {path}").format(path=session.path))
    return OK


def cmd_demo(args) -> int:
    from ilmava_desktop.services.demo import create_demo

    session = create_demo(args.cohort)
    session.close()
    print(_("Created {path}").format(path=session.path))
    return OK


def cmd_info(args) -> int:
    from ilmava_desktop.services.cohort import reading

    data = reading.info(args.cohort)
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return OK


def cmd_municipalities(args) -> int:
    from ilmava_desktop.services.cohort import reading

    rows = reading.municipality_rows(args.cohort)
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['code']}  {row['name']:<28} {row['theme'] or '-':<22} {row['people']}")
    return OK


def cmd_people(args) -> int:
    from ilmava_desktop.services.cohort import reading

    rows = reading.people_rows(args.cohort)
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['municipality']}  {row['name']:<28} {row['role']:<24} {row['email']}")
    return OK


def cmd_check(args) -> int:
    from ilmava_desktop.services.cohort.checks import check_file

    problems = check_file(args.cohort)
    for problem in problems:
        print(problem)
    if problems:
        return PROBLEM
    print(_("{name}: no problems found.").format(name=args.cohort.name))
    return OK


def cmd_import(args) -> int:
    from ilmava_desktop.services.municipalities.importing import describe, import_file

    session = open_for_writing(args.cohort)
    try:
        plan = import_file(session, args.file, dry_run=args.dry_run)
    finally:
        session.close(save=not args.dry_run)
    if args.json:
        print_json(plan.summary())
    else:
        print(describe(plan))
        for rejection in plan.rejected:
            print(_("line {line}: {reason}").format(line=rejection.line, reason=rejection.reason),
                  file=sys.stderr)
    return PROBLEM if plan.rejected else OK



COMMANDS = {
    "new": cmd_new, "demo": cmd_demo, "info": cmd_info, "municipalities": cmd_municipalities,
    "people": cmd_people, "check": cmd_check, "import": cmd_import,
    **attendance_commands.COMMANDS, **assessment_commands.COMMANDS, **board_commands.COMMANDS,
    **groups_commands.COMMANDS, **pairs_commands.COMMANDS, **sparrers_commands.COMMANDS,
    **people_commands.COMMANDS,
}

if __name__ == "__main__":
    sys.exit(main())
