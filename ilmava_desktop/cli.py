"""The `ilmava` command: every tool without the window, for automation and testing.

Thin: parses arguments, calls services, prints. Exit codes: 0 done, 1 a problem
found (rows rejected, a check failed), 2 unusable input. Errors are one line on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ilmava_desktop import __version__
from ilmava_desktop.core.import_rows import UnusableFile
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import LANGUAGES, _, set_language
from ilmava_desktop.services.attendance import UnknownDay
from ilmava_desktop.storage import locks
from ilmava_desktop.storage.errors import CohortFileError, SaveError

OK, PROBLEM, UNUSABLE = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, code: int = UNUSABLE):
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, like every other error."""

    def error(self, message: str):
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(UNUSABLE)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ilmava", description=_("ILMAVA Desktop without the window."))
    parser.add_argument("--version", action="version", version=f"ilmava {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of messages (default fi)"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     parser_class=_Parser)

    new = commands.add_parser("new", help=_("create a new cohort file"))
    new.add_argument("cohort", type=Path)
    new.add_argument("--name", required=True)
    new.add_argument("--programme", default="ILMAVA")
    new.add_argument("--year", type=int)
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

    days = commands.add_parser("days", help=_("list the days of a cohort"))
    days.add_argument("cohort", type=Path)
    days.add_argument("--json", action="store_true")
    day = commands.add_parser("day", help=_("add a day to a cohort"))
    day_what = day.add_subparsers(dest="what", required=True, metavar="add", parser_class=_Parser)
    day_add = day_what.add_parser("add", help=_("add a day to a cohort"))
    day_add.add_argument("cohort", type=Path)
    day_add.add_argument("--date", required=True, type=_iso_date, help="YYYY-MM-DD")
    day_add.add_argument("--venue", default="")
    day_add.add_argument("--title", default="")
    day_add.add_argument("--audience", default="")
    day_add.add_argument("--period", type=int, default=1)
    day_add.add_argument("--min", type=int, required=True, dest="minimum")
    day_add.add_argument("--max", type=int, required=True, dest="maximum")

    day_list = commands.add_parser("attendance", help=_("who is present on a day"))
    day_list.add_argument("cohort", type=Path)
    day_list.add_argument("--day", required=True, help=_("the day's number in date order, or its id"))
    day_list.add_argument("--json", action="store_true")

    checkin = commands.add_parser("checkin", help=_("check a person in on a day"))
    checkin.add_argument("cohort", type=Path)
    checkin.add_argument("--day", required=True, help=_("the day's number in date order, or its id"))
    who = checkin.add_mutually_exclusive_group(required=True)
    who.add_argument("--token", help=_("the badge token (or the whole scanned badge code)"))
    who.add_argument("--person", help=_("the person's id"))
    who.add_argument("--find", help=_("any part of the name, municipality or role"))
    checkin.add_argument("--override-limit", action="store_true",
                         help=_("allow going over the day's maximum (never over 5)"))

    for name, help_text in (("badges", _("name badges with QR codes, as PDF")),
                            ("signin-sheet", _("a sign-in sheet for a day, as PDF"))):
        printed = commands.add_parser(name, help=help_text)
        printed.add_argument("cohort", type=Path)
        printed.add_argument("--day", required=True,
                             help=_("the day's number in date order, or its id"))
        printed.add_argument("--out", type=Path, required=True)

    export = commands.add_parser("export", help=_("export data from a cohort"))
    what = export.add_subparsers(dest="what", required=True, metavar="WHAT", parser_class=_Parser)
    export_attendance = what.add_parser("attendance", help=_("attendance as CSV or XLSX"))
    export_attendance.add_argument("cohort", type=Path)
    export_attendance.add_argument("--out", type=Path, required=True)
    export_attendance.add_argument("--day", help=_("only this day (number or id)"))

    rounds = commands.add_parser("rounds", help=_("list the self-assessment rounds"))
    rounds.add_argument("cohort", type=Path)
    rounds.add_argument("--json", action="store_true")
    answers = commands.add_parser("answers", help=_("self-assessment answers"))
    answers_what = answers.add_subparsers(dest="what", required=True, metavar="import",
                                          parser_class=_Parser)
    answers_import = answers_what.add_parser("import", help=_("import answers from CSV or XLSX"))
    answers_import.add_argument("cohort", type=Path)
    answers_import.add_argument("file", type=Path)
    answers_import.add_argument("--round", required=True, dest="round_name")
    answers_import.add_argument("--dry-run", action="store_true")
    answers_import.add_argument("--json", action="store_true")
    results = commands.add_parser("results", help=_("theme scores of a round"))
    results.add_argument("cohort", type=Path)
    results.add_argument("--round", required=True, dest="round_name")
    results.add_argument("--json", action="store_true")
    compare = commands.add_parser("compare", help=_("two rounds side by side, with the gaps"))
    compare.add_argument("cohort", type=Path)
    compare.add_argument("--rounds", nargs=2, metavar=("A", "B"))
    compare.add_argument("--json", action="store_true")

    imp = commands.add_parser("import", help=_("import registrations or applications"))
    imp.add_argument("cohort", type=Path)
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--json", action="store_true")
    return parser


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a date like 2027-01-28").format(
            text=text)) from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    set_language(_language_from(argv))
    parser = _parser()
    try:
        args = parser.parse_args(argv)
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
        return _fail(_("{name}: {reason}").format(name=exc.filename or "", reason=exc.strerror),
                     UNUSABLE)


def _language_from(argv: list[str]) -> str:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    env = os.environ.get("ILMAVA_LANG", "")
    return env if env in LANGUAGES else "fi"


def _fail(message: str, code: int) -> int:
    print(f"ilmava: {message}", file=sys.stderr)
    return code


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _warn_if_locked(path: Path) -> None:
    if info := locks.held_by_other(path):
        print("ilmava: " + _("warning: {name} is open on {host} ({user}) since {time}.").format(
            name=path.name, host=info.host, user=info.user, time=info.time), file=sys.stderr)


def _open_for_writing(path: Path):
    from ilmava_desktop.services.session import CohortSession

    _warn_if_locked(path)
    return CohortSession.open(path)


# -- commands ------------------------------------------------------------------------


def cmd_new(args) -> int:
    from ilmava_desktop.services.cohorts import create_cohort

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
    from ilmava_desktop.services import reading

    data = reading.info(args.cohort)
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return OK


def cmd_municipalities(args) -> int:
    from ilmava_desktop.services import reading

    rows = reading.municipality_rows(args.cohort)
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['code']}  {row['name']:<28} {row['theme'] or '-':<22} {row['people']}")
    return OK


def cmd_people(args) -> int:
    from ilmava_desktop.services import reading

    rows = reading.people_rows(args.cohort)
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['municipality']}  {row['name']:<28} {row['role']:<24} {row['email']}")
    return OK


def cmd_check(args) -> int:
    from ilmava_desktop.services.checks import check_file

    problems = check_file(args.cohort)
    for problem in problems:
        print(problem)
    if problems:
        return PROBLEM
    print(_("{name}: no problems found.").format(name=args.cohort.name))
    return OK


def cmd_import(args) -> int:
    from ilmava_desktop.services.importing import describe, import_file

    session = _open_for_writing(args.cohort)
    try:
        plan = import_file(session, args.file, dry_run=args.dry_run)
    finally:
        session.close(save=not args.dry_run)
    if args.json:
        _print_json(plan.summary())
    else:
        print(describe(plan))
        for rejection in plan.rejected:
            print(_("line {line}: {reason}").format(line=rejection.line, reason=rejection.reason),
                  file=sys.stderr)
    return PROBLEM if plan.rejected else OK


def cmd_attendance(args) -> int:
    from ilmava_desktop.services import attendance, reading

    data = reading.attendance_summary(args.cohort, args.day)
    if args.json:
        _print_json(data)
        return OK
    print(attendance.day_label_from(data["day"]))
    for m in data["municipalities"]:
        print(f"{m['code']}  {m['name']:<28} {m['present']} / {m['registered']}"
              f"  ({m['min']}–{m['max']})  {_state_word(m['state'])}")
    return OK


def _state_word(state: str) -> str:
    return {"under": _("under the minimum"), "over": _("over the maximum"), "within": ""}[state]


def cmd_checkin(args) -> int:
    from ilmava_desktop.services import attendance
    from ilmava_desktop.storage import queries

    session = _open_for_writing(args.cohort)
    try:
        day = attendance.find_day(session.db, args.day)
        if args.token:
            person_id = attendance.person_by_badge(session, args.token)
        elif args.person:
            if queries.person(session.db, args.person) is None:
                raise RuleViolation(_("No one in this cohort has the id {id}.").format(id=args.person))
            person_id = args.person
        else:
            found = attendance.find(attendance.overview(session, day), args.find)
            if len(found) != 1:
                names = ", ".join(p.name for p in found[:8])
                raise RuleViolation(
                    _("No one matches “{text}”.").format(text=args.find) if not found else
                    _("{n} people match “{text}”: {names}").format(
                        n=len(found), text=args.find, names=names))
            person_id = found[0].id
        attendance.check_in(session, day.id, person_id, override=args.override_limit)
        person = queries.person(session.db, person_id)
    finally:
        session.close()
    print(_("Checked in {name}.").format(name=person.name))
    return OK


def cmd_export(args) -> int:
    from ilmava_desktop.services import attendance, attendance_export, reading

    session = reading._ReadOnlySession(args.cohort)
    days = {attendance.find_day(session.db, args.day).id} if args.day else None
    path = attendance_export.export_attendance(session, args.out, days)
    print(_("Wrote {path}").format(path=path))
    return OK


def cmd_printed(args) -> int:
    from ilmava_desktop.services import attendance, attendance_documents, reading

    session = reading._ReadOnlySession(args.cohort)
    day = attendance.find_day(session.db, args.day)
    write = (attendance_documents.write_badges if args.command == "badges"
             else attendance_documents.write_signin_sheet)
    print(_("Wrote {path}").format(path=write(session, day, args.out)))
    return OK


def cmd_days(args) -> int:
    from ilmava_desktop.services import reading

    rows = reading.day_rows(args.cohort)
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['number']}  {row['date'] or '-':<11} {row['venue']:<10} "
                  f"{row['min']}–{row['max']}  {row['title']}")
    return OK


def cmd_day(args) -> int:
    from ilmava_desktop.services.days import add_day

    session = _open_for_writing(args.cohort)
    try:
        add_day(session, period=args.period, title=args.title, day_date=args.date,
                venue=args.venue, audience=args.audience, min_attendance=args.minimum,
                max_attendance=args.maximum)
    finally:
        session.close()
    print(_("Added the day {date}.").format(date=args.date.isoformat()))
    return OK


def _round(session, name: str):
    from ilmava_desktop.services import assessment

    found = assessment.find_round(session.db, name)
    if found is None:
        known = ", ".join(r.name for r in assessment.rounds(session.db)) or "-"
        raise CliError(_("There is no round “{name}”; the rounds are: {known}").format(
            name=name, known=known))
    return found


def _score(value) -> str:
    return "–" if value is None else f"{value:.1f}"


def cmd_rounds(args) -> int:
    from ilmava_desktop.services import assessment, reading

    session = reading._ReadOnlySession(args.cohort)
    rows = [{"id": r.id, "name": r.name, "position": r.position,
             "sheets": len({(a.municipality_id, a.sheet)
                            for a in assessment.answers(session.db, r.id)})}
            for r in assessment.rounds(session.db)]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['position']}  {row['name']}  ({row['sheets']})")
    return OK


def cmd_answers(args) -> int:
    from ilmava_desktop.services.answer_import import import_answers

    session = _open_for_writing(args.cohort)
    try:
        plan = import_answers(session, args.file, args.round_name, dry_run=args.dry_run)
    finally:
        session.close(save=not args.dry_run)
    summary = plan.summary()
    if args.json:
        _print_json(summary)
    else:
        print(_("{added} to add, {updated} to update, {unchanged} unchanged, {rejected} rejected")
              .format(added=summary["added"], updated=summary["updated"],
                      unchanged=summary["unchanged"], rejected=len(summary["rejected"])))
        for rejection in plan.rejected:
            print(_("line {line}: {reason}").format(line=rejection.line,
                                                    reason=rejection.reason), file=sys.stderr)
    return PROBLEM if plan.rejected else OK


def cmd_results(args) -> int:
    from ilmava_desktop.services import assessment, reading

    session = reading._ReadOnlySession(args.cohort)
    data = assessment.results(session, _round(session, args.round_name).id)
    if args.json:
        _print_json({"round": data["round"], "cohort": data["cohort"], "municipalities": [
            {"code": m["code"], "themes": m["themes"], "sheets": m["sheets"]}
            for m in data["municipalities"]]})
        return OK
    for m in data["municipalities"]:
        print(f"{m['code']}  {m['name']:<26} " + "  ".join(
            _score(v) for v in m["themes"].values()) + f"   ({m['sheets']})")
    print(f"{'':5}{_('Cohort'):<26} " + "  ".join(_score(v) for v in data["cohort"].values()))
    return OK


def cmd_compare(args) -> int:
    from ilmava_desktop.services import assessment, reading

    session = reading._ReadOnlySession(args.cohort)
    if args.rounds:
        first, second = (_round(session, name) for name in args.rounds)
    else:
        known = assessment.rounds(session.db)
        if len(known) < 2:
            raise CliError(_("Comparing needs two rounds; the cohort has {n}.").format(
                n=len(known)), PROBLEM)
        first, second = known[0], known[1]
    rows = assessment.compare(session, first.id, second.id)
    if args.json:
        _print_json({"rounds": [first.name, second.name], "municipalities": rows})
        return OK
    for row in rows:
        gaps = "  ".join(f"{theme}: {_score(t['gap'])}" for theme, t in row["themes"].items()
                         if theme in row["largest"])
        print(f"{row['code']}  {row['name']:<26} {gaps}")
    return OK


COMMANDS = {
    "new": cmd_new, "demo": cmd_demo, "info": cmd_info, "municipalities": cmd_municipalities,
    "people": cmd_people, "check": cmd_check, "import": cmd_import,
    "attendance": cmd_attendance, "checkin": cmd_checkin, "export": cmd_export,
    "badges": cmd_printed, "signin-sheet": cmd_printed, "days": cmd_days, "day": cmd_day,
    "rounds": cmd_rounds, "answers": cmd_answers, "results": cmd_results, "compare": cmd_compare,
}

if __name__ == "__main__":
    sys.exit(main())
