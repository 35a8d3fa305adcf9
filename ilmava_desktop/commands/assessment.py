"""`ilmava rounds | answers import | results | compare`: the self-assessment."""

from __future__ import annotations

import sys
from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    CliError,
    Parser,
    column_choices,
    column_option,
    open_for_writing,
    print_columns,
    print_json,
)
from ilmava_desktop.i18n import LANGUAGES, _, current_language, decimal


def add_parsers(commands) -> None:
    rounds = commands.add_parser("rounds", help=_("list the self-assessment rounds"))
    rounds.add_argument("cohort", type=Path)
    rounds.add_argument("--json", action="store_true")
    round_ = commands.add_parser("round", help=_("add a round or name it in each language"))
    round_what = round_.add_subparsers(dest="what", required=True, metavar="add|names",
                                       parser_class=Parser)
    round_add = round_what.add_parser("add", help=_("add a round with its names"))
    round_add.add_argument("cohort", type=Path)
    round_add.add_argument("--name", required=True, help=_("the name in Finnish"))
    round_names = round_what.add_parser("names", help=_("change a round's names"))
    round_names.add_argument("cohort", type=Path)
    round_names.add_argument("--round", required=True, dest="round_name",
                             help=_("the round, by any of its names"))
    round_names.add_argument("--name", help=_("the name in Finnish"))
    for one in (round_add, round_names):
        one.add_argument("--name-sv", help=_("the name in Swedish reports"))
        one.add_argument("--name-en", help=_("the name in English reports"))
    answers = commands.add_parser("answers", help=_("self-assessment answers"))
    answers_what = answers.add_subparsers(dest="what", required=True, metavar="import",
                                          parser_class=Parser)
    answers_import = answers_what.add_parser("import", help=_("import answers from CSV or XLSX"))
    answers_import.add_argument("cohort", type=Path)
    answers_import.add_argument("file", type=Path)
    answers_import.add_argument("--round", required=True, dest="round_name")
    answers_import.add_argument("--dry-run", action="store_true")
    answers_import.add_argument("--json", action="store_true")
    column_option(answers_import)
    results = commands.add_parser("results", help=_("theme scores of a round"))
    results.add_argument("cohort", type=Path)
    results.add_argument("--round", required=True, dest="round_name")
    results.add_argument("--json", action="store_true")
    compare = commands.add_parser("compare", help=_("two rounds side by side, with the gaps"))
    compare.add_argument("cohort", type=Path)
    compare.add_argument("--rounds", nargs=2, metavar=("A", "B"))
    compare.add_argument("--json", action="store_true")
    form = commands.add_parser("paper-form",
                               help=_("the self-assessment as a paper form to print, as PDF"))
    form.add_argument("cohort", type=Path)
    form.add_argument("--out", type=Path, required=True)
    form.add_argument("--round", dest="round_name",
                      help=_("the round whose template to print (default: the cohort's)"))
    form.add_argument("--lang", choices=LANGUAGES, help=_("language of the form"))
    template = commands.add_parser("template", help=_("the self-assessment template as JSON"))
    template_what = template.add_subparsers(dest="what", required=True,
                                            metavar="export|import", parser_class=Parser)
    export = template_what.add_parser("export", help=_("write the template to a JSON file"))
    export.add_argument("cohort", type=Path)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--round", dest="round_name",
                        help=_("the round whose template to write (default: the cohort's)"))
    template_import = template_what.add_parser(
        "import", help=_("use a template from a JSON file for new rounds"))
    template_import.add_argument("cohort", type=Path)
    template_import.add_argument("file", type=Path)


def _round(session, name: str):
    from ilmava_desktop.services import assessment

    found = assessment.find_round(session.db, name)
    if found is None:
        known = ", ".join(r.name for r in assessment.rounds(session.db)) or "-"
        raise CliError(_("There is no round “{name}”; the rounds are: {known}").format(
            name=name, known=known))
    return found


def cmd_rounds(args) -> int:
    from ilmava_desktop.services import assessment
    from ilmava_desktop.services.cohort import reading

    session = reading._ReadOnlySession(args.cohort)
    rows = [{"id": r.id, "name": r.name, "name_sv": r.name_sv, "name_en": r.name_en,
             "position": r.position,
             "sheets": len({(a.municipality_id, a.sheet)
                            for a in assessment.answers(session.db, r.id)})}
            for r in assessment.rounds(session.db)]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['position']}  {row['name']}  ({row['sheets']})")
    return OK


def cmd_round(args) -> int:
    from ilmava_desktop.services import assessment
    from ilmava_desktop.services.cohort.session import KEEP

    session = open_for_writing(args.cohort)
    try:
        if args.what == "add":
            round_id = assessment.add_round(session, name=args.name, name_sv=args.name_sv or "",
                                            name_en=args.name_en or "").result
        else:
            current = _round(session, args.round_name)
            assessment.rename_round(
                session, round_id=current.id,
                name=KEEP if args.name is None else args.name,
                name_sv=KEEP if args.name_sv is None else args.name_sv,
                name_en=KEEP if args.name_en is None else args.name_en)
            round_id = current.id
        named = assessment.find_round(session.db, round_id)
    finally:
        session.close()
    print(" / ".join(named.names()))
    return OK


def cmd_answers(args) -> int:
    from ilmava_desktop.services.assessment.answer_import import import_answers

    session = open_for_writing(args.cohort)
    try:
        plan = import_answers(session, args.file, args.round_name, dry_run=args.dry_run,
                              chosen=column_choices(args))
    finally:
        session.close(save=not args.dry_run)
    summary = plan.summary()
    if args.json:
        print_json(summary)
    else:
        print(_("{added} to add, {updated} to update, {unchanged} unchanged, {rejected} rejected")
              .format(added=summary["added"], updated=summary["updated"],
                      unchanged=summary["unchanged"], rejected=len(summary["rejected"])))
        print_columns(plan.columns)
        if plan.comments:
            print(_("{n} comment lines added").format(n=len(plan.comments)))
        for rejection in plan.rejected:
            print(_("line {line}: {reason}").format(line=rejection.line,
                                                    reason=rejection.reason), file=sys.stderr)
    return PROBLEM if plan.rejected else OK


def cmd_results(args) -> int:
    from ilmava_desktop.services import assessment
    from ilmava_desktop.services.cohort import reading

    session = reading._ReadOnlySession(args.cohort)
    data = assessment.results(session, _round(session, args.round_name).id)
    if args.json:
        print_json({"round": data["round"], "cohort": data["cohort"], "municipalities": [
            {"code": m["code"], "themes": m["themes"], "sheets": m["sheets"]}
            for m in data["municipalities"]]})
        return OK
    for m in data["municipalities"]:
        print(f"{m['code']}  {m['name']:<26} " + "  ".join(
            decimal(v) for v in m["themes"].values()) + f"   ({m['sheets']})")
    print(f"{'':5}{_('Cohort'):<26} " + "  ".join(decimal(v) for v in data["cohort"].values()))
    return OK


def cmd_compare(args) -> int:
    from ilmava_desktop.services import assessment
    from ilmava_desktop.services.cohort import reading

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
    threshold = assessment.gap_threshold(session.db)
    if args.json:
        print_json({"rounds": [first.name, second.name], "gap_threshold": threshold,
                    "municipalities": rows})
        return OK
    print(_("Gaps of {threshold} or more, largest first:").format(
        threshold=decimal(threshold)))
    for row in rows:
        # The gaps worth noting, largest first; "–" when none reaches the threshold.
        gaps = "  ".join(f"{theme}: {decimal(row['themes'][theme]['gap'], sign=True)}"
                         for theme in row["largest"]) or "–"
        print(f"{row['code']}  {row['name']:<26} {gaps}")
    return OK


def cmd_paper_form(args) -> int:
    from ilmava_desktop.services.assessment.documents import write_paper_form
    from ilmava_desktop.services.cohort import reading

    session = reading._ReadOnlySession(args.cohort)
    if args.round_name:
        _round(session, args.round_name)
    written = write_paper_form(session, args.out, args.lang or current_language(),
                               args.round_name)
    print(_("Wrote {path}").format(path=written))
    return OK


def cmd_template(args) -> int:
    from ilmava_desktop.services import assessment
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.output_files import write_atomically

    if args.what == "export":
        session = reading._ReadOnlySession(args.cohort)
        round_id = _round(session, args.round_name).id if args.round_name else None
        body = assessment.template_body(session.db, round_id)
        written = write_atomically(args.out, lambda tmp: tmp.write_text(body, "utf-8"))
        print(_("Wrote {path}").format(path=written))
        return OK
    from ilmava_desktop.core.rules import RuleViolation

    try:  # checked before the cohort is opened: a wrong file never touches it
        body = assessment.read_template_file(args.file)
    except RuleViolation as exc:
        raise CliError(str(exc)) from exc
    session = open_for_writing(args.cohort)
    try:
        assessment.use_template(session, body)
    finally:
        session.close()
    print(_("New rounds use the template from {name}.").format(name=args.file.name))
    return OK


COMMANDS = {
    "rounds": cmd_rounds, "round": cmd_round, "answers": cmd_answers, "results": cmd_results,
    "compare": cmd_compare, "paper-form": cmd_paper_form, "template": cmd_template,
}
