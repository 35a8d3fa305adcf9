"""The `ilmava` command: every tool without the window, for automation and testing.

Thin: parses arguments, calls services, prints. Exit codes: 0 done, 1 a problem
found (rows rejected, a check failed), 2 unusable input. Errors are one line on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from ilmava_desktop import __version__
from ilmava_desktop.commands import assessment as assessment_commands
from ilmava_desktop.commands import attendance as attendance_commands
from ilmava_desktop.commands import board as board_commands
from ilmava_desktop.commands import cohort as cohort_commands
from ilmava_desktop.commands import groups as groups_commands
from ilmava_desktop.commands import guides as guides_commands
from ilmava_desktop.commands import municipalities as municipality_commands
from ilmava_desktop.commands import pairs as pairs_commands
from ilmava_desktop.commands import reports as reports_commands
from ilmava_desktop.commands import sparrers as sparrers_commands
from ilmava_desktop.commands import visits as visits_commands
from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    UNUSABLE,
    CliError,
    Parser,
)
from ilmava_desktop.core.columns import ChoiceError
from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import LANGUAGES, _, arguments, os_errors, set_language
from ilmava_desktop.services.attendance import UnknownDay
from ilmava_desktop.storage.errors import CohortFileError, SaveError


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="ilmava", description=_("ILMAVA Desktop without the window."))
    parser.add_argument("--version", action="version", version=f"ilmava {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of messages (default fi)"))
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"),
                                     parser_class=Parser)

    cohort_commands.add_parsers(commands)
    municipality_commands.add_parsers(commands)
    attendance_commands.add_parsers(commands)
    assessment_commands.add_parsers(commands)
    board_commands.add_parsers(commands)
    groups_commands.add_parsers(commands)
    pairs_commands.add_parsers(commands)
    sparrers_commands.add_parsers(commands)
    visits_commands.add_parsers(commands)
    guides_commands.add_parsers(commands)
    reports_commands.add_parsers(commands)
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
    except (CohortFileError, UnusableFile, UnknownDay, ChoiceError) as exc:
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
    except Exception as exc:  # noqa: BLE001 (the last resort: a sentence, never a traceback)
        return _fail(_("Something went wrong, and the command stopped. The details are in "
                       "{log}.").format(
                           log=_log_unexpected(exc)), UNUSABLE)


def _log_unexpected(exc: BaseException):
    """The traceback, for whoever fixes it, in the log the window also writes to."""
    import traceback

    from ilmava_desktop.services.preferences import error_log

    log = error_log()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as f:
            f.write("".join(traceback.format_exception(exc)))
    except OSError:
        pass
    return log


def _fail(message: str, code: int) -> int:
    print(f"ilmava: {message}", file=sys.stderr)
    return code


COMMANDS = {
    **cohort_commands.COMMANDS, **municipality_commands.COMMANDS,
    **attendance_commands.COMMANDS, **assessment_commands.COMMANDS, **board_commands.COMMANDS,
    **groups_commands.COMMANDS, **pairs_commands.COMMANDS, **sparrers_commands.COMMANDS,
    **visits_commands.COMMANDS, **guides_commands.COMMANDS,
    **reports_commands.COMMANDS,
}

if __name__ == "__main__":
    sys.exit(main())
