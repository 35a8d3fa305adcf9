"""`ilmava rounds | answers import | results | compare`: the self-assessment."""

from __future__ import annotations

import sys
from pathlib import Path

from ilmava_desktop.commands.common import OK, PROBLEM, CliError, Parser, open_for_writing, print_json
from ilmava_desktop.i18n import _


def add_parsers(commands) -> None:
    rounds = commands.add_parser("rounds", help=_("list the self-assessment rounds"))
    rounds.add_argument("cohort", type=Path)
    rounds.add_argument("--json", action="store_true")
    answers = commands.add_parser("answers", help=_("self-assessment answers"))
    answers_what = answers.add_subparsers(dest="what", required=True, metavar="import",
                                          parser_class=Parser)
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
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['position']}  {row['name']}  ({row['sheets']})")
    return OK


def cmd_answers(args) -> int:
    from ilmava_desktop.services.answer_import import import_answers

    session = open_for_writing(args.cohort)
    try:
        plan = import_answers(session, args.file, args.round_name, dry_run=args.dry_run)
    finally:
        session.close(save=not args.dry_run)
    summary = plan.summary()
    if args.json:
        print_json(summary)
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
        print_json({"round": data["round"], "cohort": data["cohort"], "municipalities": [
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
        print_json({"rounds": [first.name, second.name], "municipalities": rows})
        return OK
    for row in rows:
        gaps = "  ".join(f"{theme}: {_score(t['gap'])}" for theme, t in row["themes"].items()
                         if theme in row["largest"])
        print(f"{row['code']}  {row['name']:<26} {gaps}")
    return OK


COMMANDS = {
    "rounds": cmd_rounds, "answers": cmd_answers, "results": cmd_results, "compare": cmd_compare,
}
