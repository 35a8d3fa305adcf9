"""The command line in the user's language, argparse's own words included.

argparse looks its messages ("usage: ", "the following arguments are required: %s") up
through the module-level names `_` and `ngettext` at the moment it shows them. Pointing
those names at our catalogue makes `ilmava --lang sv` and `ilmava-desktop --lang fi` speak
one language from the usage line to the last error; the messages are listed here so that
they are extracted into the catalogue with their exact argparse wording.
"""

from __future__ import annotations

import argparse
import os
import sys

from ilmava_desktop.i18n import LANGUAGES, N_, _, ngettext

# What argparse can say to someone typing a command (programming errors, such as a
# conflicting option string, are left out: a user never sees them).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("optional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _plural_messages(n: int) -> tuple[str, ...]:
    """argparse's counted messages, written out once so they are extracted as plurals."""
    return (ngettext("expected %s argument", "expected %s arguments", n),)


# Placeholders shown in usage lines and in "… are required" (argparse would show the
# English name of the variable): positionals by name, options by flag, other options TEXT.
METAVARS = {"cohort": N_("COHORT"), "file": N_("FILE")}
OPTION_METAVARS = {
    "--out": N_("PATH"), "--date": N_("DATE"), "--day": N_("DAY"), "--round": N_("ROUND"),
    "--municipality": N_("MUNICIPALITY"), "--person": N_("ID"), "--token": N_("CODE"),
    "--min": "N", "--max": "N", "--period": "N", "--groups": "N", "--year": "N",
    "--time-limit": N_("SECONDS"), "--size": "N-N",
}
OTHER_OPTION_METAVAR = N_("TEXT")
TAKES_A_VALUE = (None, "store", "append", "extend")


def language_option(argv: list[str]) -> str | None:
    """The language asked for before the arguments are parsed (help and errors speak it):
    `--lang X`, else the environment's ILMAVA_LANG."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    env = os.environ.get("ILMAVA_LANG", "")
    return env if env in LANGUAGES else None


def install() -> None:
    argparse._ = _
    argparse.ngettext = ngettext


class Parser(argparse.ArgumentParser):
    """argparse in the user's language, a usage error in one line like every other error,
    and an unknown command answered with the nearest one instead of all of them."""

    def add_argument(self, *names, **options):
        return super().add_argument(*names, **_with_placeholder(names, options))

    def add_mutually_exclusive_group(self, **kwargs):
        group = super().add_mutually_exclusive_group(**kwargs)
        plain = group.add_argument
        group.add_argument = lambda *names, **options: plain(
            *names, **_with_placeholder(names, options))
        return group

    def error(self, message: str):
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(2)

    def _check_value(self, action, value):  # noqa: D401 (argparse's hook)
        if isinstance(action, argparse._SubParsersAction) and value not in action.choices:
            import difflib  # only for a mistyped command

            near = difflib.get_close_matches(value, list(action.choices), n=1)
            message = _("there is no command “{name}”.").format(name=value)
            if near:
                message += " " + _("Did you mean “{name}”?").format(name=near[0])
            message += " " + _("“{prog} --help” lists the commands.").format(prog=self.prog)
            raise argparse.ArgumentError(None, message)
        super()._check_value(action, value)


# No count, size, year or time limit of a cohort comes near this; a larger number is a typo
# and would overflow SQLite's integers further on.
LARGEST = 1_000_000


def _with_placeholder(names: tuple[str, ...], options: dict) -> dict:
    if "metavar" not in options and "choices" not in options:
        if len(names) == 1 and names[0] in METAVARS:
            options["metavar"] = _(METAVARS[names[0]])
        elif names and names[0].startswith("--") and options.get("action") in TAKES_A_VALUE:
            options["metavar"] = _(OPTION_METAVARS.get(names[0], OTHER_OPTION_METAVAR))
    return options


def whole_number(text: str) -> int:
    """An `int` argument whose refusal is a sentence ("“x” is not a whole number")."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a whole number").format(text=text)) from None
    if abs(value) > LARGEST:
        raise argparse.ArgumentTypeError(_("“{text}” is too large").format(text=text))
    return value


def window_size(text: str) -> tuple[int, int]:
    """A window size written WIDTHxHEIGHT ("1366x768")."""
    width, sep, height = text.lower().replace("×", "x").partition("x")
    if sep and width.isdigit() and height.isdigit() and 200 <= int(width) <= 10_000 \
            and 200 <= int(height) <= 10_000:
        return int(width), int(height)
    raise argparse.ArgumentTypeError(
        _("“{text}” is not a window size such as 1366x768").format(text=text))


def decimal_number(text: str) -> float:
    """A number with a comma or a point; finite and of a sane size."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a number").format(text=text)) from None
    if not abs(value) <= LARGEST:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(_("“{text}” is too large").format(text=text))
    return value
