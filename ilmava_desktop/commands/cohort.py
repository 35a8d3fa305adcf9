"""`ilmava new | demo | info | check`: the cohort file itself."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    CliError,
    export_parsers,
    print_json,
    run_export,
)
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.i18n import LANGUAGES, _, current_language, decimal
from ilmava_desktop.i18n.arguments import decimal_number, whole_number


def add_parsers(commands) -> None:
    new = commands.add_parser("new", help=_("create a new cohort file"))
    new.add_argument("cohort", type=Path)
    new.add_argument("--name", required=True)
    new.add_argument("--programme", default="ilmava",
                     help=_("ilmava, motiva or custom (or a custom programme's name)"))
    programme = commands.add_parser("programme",
                                    help=_("show or edit the cohort's programme profile"))
    programme.add_argument("cohort", type=Path)
    programme.add_argument("--kind", choices=("ilmava", "motiva", "custom"))
    programme.add_argument("--name", help=_("the programme's name in Finnish"))
    programme.add_argument("--name-sv", help=_("the programme's name in Swedish"))
    programme.add_argument("--name-en", help=_("the programme's name in English"))
    programme.add_argument("--organiser")
    programme.add_argument("--accent", help=_("the accent colour, #RRGGBB"))
    programme.add_argument("--sections", nargs="*", metavar=_("SECTION"),
                           help=_("the report's sections: task, groups, peer_review, "
                                  "sparrer, visits"))
    logo = programme.add_mutually_exclusive_group()
    logo.add_argument("--logo", type=Path, metavar=_("FILE"),
                      help=_("the programme's logo, a PNG file, imported into the cohort"))
    logo.add_argument("--no-logo", action="store_true", help=_("take the logo away"))
    programme.add_argument("--selection", metavar="10-15",
                           help=_("how many municipalities are selected, e.g. 10-15"))
    programme.add_argument("--own-funding", metavar=_("EUR"),
                           help=_("each municipality's own funding in euros"))
    programme.add_argument("--period", action="append", default=[], metavar="N:START:END",
                           help=_("a period's dates, e.g. 4:2027-05-01:2027-08-31"))
    programme.add_argument("--gap-threshold", type=decimal_number, metavar="0.5",
                           help=_("the smallest gap between rounds the reports and the window "
                                  "mark, 0.1–4.0"))
    programme.add_argument("--json", action="store_true")
    new.add_argument("--year", type=whole_number)
    new.add_argument("--language", choices=LANGUAGES, default="fi")

    demo = commands.add_parser("demo", help=_("write the demo cohort to a file"))
    demo.add_argument("cohort", type=Path)
    demo.add_argument("--programme", choices=("ilmava", "motiva"), default="ilmava",
                      help=_("ilmava (coaching days, the default) or motiva (peer-review "
                             "visits)"))

    info = commands.add_parser("info", help=_("counts of what a cohort holds"))
    info.add_argument("cohort", type=Path)
    info.add_argument("--json", action="store_true")

    check = commands.add_parser("check", help=_("check a cohort file's integrity and schema"))
    check.add_argument("cohort", type=Path)

    metadata = export_parsers(commands).add_parser(
        "datasette-metadata", help=_("titles, descriptions and labels for Datasette, as JSON"))
    metadata.set_defaults(run=cmd_datasette_metadata)
    metadata.add_argument("cohort", type=Path)
    metadata.add_argument("--out", type=Path, required=True)
    dataset = export_parsers(commands).add_parser(
        "dataset", help=_("many cohorts as one dataset: a SQLite file or a folder of CSV files"))
    dataset.set_defaults(run=cmd_dataset)
    dataset.add_argument("cohorts", type=Path, nargs="+", metavar="COHORT")
    dataset.add_argument("--out", type=Path, required=True,
                         help=_("FILE.sqlite, or a folder for CSV files"))
    dataset.add_argument("--include-confidential", action="store_true",
                         help=_("include cards not marked publishable"))
    dataset.add_argument("--include-names", action="store_true",
                         help=_("include people's names, titles and e-mail addresses"))

    merge = commands.add_parser("merge", help=_("merge another copy of the cohort into it"))
    merge.add_argument("cohort", type=Path)
    merge.add_argument("other", type=Path)
    merge.add_argument("--dry-run", action="store_true",
                       help=_("show what the merge would do without writing it"))
    merge.add_argument("--json", action="store_true")


def cmd_new(args) -> int:
    from ilmava_desktop.services.cohort.create import create_cohort

    session = create_cohort(args.cohort, args.name, args.programme, args.year, args.language)
    session.close()
    print(_("Created {path}").format(path=session.path))
    return OK


def cmd_demo(args) -> int:
    from ilmava_desktop.services.demo import create_demo
    from ilmava_desktop.services.demo.motiva import create_motiva_demo

    session = (create_motiva_demo(args.cohort) if args.programme == "motiva"
               else create_demo(args.cohort))
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


def cmd_check(args) -> int:
    from ilmava_desktop.services.cohort.checks import check_file

    problems = check_file(args.cohort)
    for problem in problems:
        print(problem)
    if problems:
        return PROBLEM
    print(_("{name}: no problems found.").format(name=args.cohort.name))
    return OK


def cmd_merge(args) -> int:
    from ilmava_desktop.commands.common import open_for_writing
    from ilmava_desktop.services.cohort import merge as merging

    session = open_for_writing(args.cohort)
    try:
        plan = merging.merge_file(session, args.other, dry_run=args.dry_run)
        found = plan.violations
    finally:
        session.close(save=not args.dry_run)
    if args.json:
        print_json({**plan.summary(), "rule_violations": [v.as_dict() for v in found]})
    else:
        print(_("{added} added, {changed} changed, {deleted} deleted, {conflicts} in conflict")
              .format(added=plan.count("added"), changed=plan.count("changed"),
                      deleted=plan.count("deleted"), conflicts=len(plan.conflicts)))
        for line in merging.describe(plan):
            print("  " + line)
        for line in merging.change_sentences(plan):
            print("    " + line)
        for conflict in plan.conflicts:
            print(merging.conflict_sentence(conflict))
        for violation in found:
            print(str(violation))
        if args.dry_run:
            print(_("Nothing was written (--dry-run)."))
    return OK


def cmd_datasette_metadata(args) -> int:
    import json

    from ilmava_desktop.services.cohort.organisation import datasette_metadata

    data = datasette_metadata(args.cohort)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(_("Wrote {path}").format(path=args.out))
    return OK


def cmd_dataset(args) -> int:
    from ilmava_desktop.services.cohort.organisation import export_dataset

    counts = export_dataset(args.cohorts, args.out, args.include_confidential,
                            args.include_names)
    print(_("Wrote {path}").format(path=args.out))
    for table, count in counts.items():
        print(f"  {table}: {count}")
    return OK


def cmd_programme(args) -> int:
    from ilmava_desktop.commands.common import open_for_writing
    from ilmava_desktop.services.cohort import programme as programme_service
    from ilmava_desktop.services.cohort.session import KEEP

    session = open_for_writing(args.cohort)
    try:
        edits = {key: KEEP if value is None else value for key, value in (
            ("kind", args.kind), ("name_fi", args.name), ("name_sv", args.name_sv),
            ("name_en", args.name_en), ("organiser", args.organiser),
            ("accent", args.accent), ("sections", args.sections),
            ("gap_threshold", args.gap_threshold))}
        if args.logo is not None:
            edits["logo"] = programme_service.read_logo(args.logo)
        elif args.no_logo:
            edits["logo"] = None
        if any(value is not KEEP for value in edits.values()):
            programme_service.set_programme(session, **edits)
        if args.selection is not None or args.own_funding is not None:
            selection = _range(args.selection) if args.selection is not None else (KEEP, KEEP)
            programme_service.set_selection(
                session, low=selection[0], high=selection[1],
                own_funding=KEEP if args.own_funding is None else _euros(args.own_funding))
        for text in args.period:
            number, start, end = _period(text)
            programme_service.set_period(session, number, start=start, end=end)
        shown = programme_service.programme(session.db)
        periods = programme_service.periods_json_for(session.db)
        where = programme_service.where_now(session.db, current_language())
    finally:
        session.close()
    if args.json:
        print_json({"kind": shown.kind, "names": shown.names, "organiser": shown.organiser,
                    "accent": shown.accent, "sections": list(shown.sections),
                    "logo": shown.logo_type or None,
                    "selection": list(shown.selection) if shown.selection else None,
                    "own_funding": shown.own_funding, "periods": periods,
                    "gap_threshold": shown.gap_threshold})
    else:
        for language in ("fi", "sv", "en"):
            print(f"{language}: {shown.name(language)}")
        print(f"{shown.organiser} · {shown.accent} · {', '.join(shown.sections) or '–'}")
        print(_("Logo: {kind}").format(kind=shown.logo_type.upper()) if shown.logo_type
              else _("No logo"))
        if shown.selection:
            print(_("Selected: {low}–{high} municipalities").format(
                low=shown.selection[0], high=shown.selection[1]))
        if shown.own_funding is not None:
            print(_("Own funding: {amount} €").format(amount=shown.own_funding))
        print(_("Gaps marked from: {threshold}").format(threshold=decimal(shown.gap_threshold)))
        language = current_language()
        for p in shown.periods:
            dates = "–".join(format_date(d) for d in (p.start, p.end) if d)
            print(f"{p.number}. {p.name(language)}  {dates}")
        if where:
            print(where)
    return OK


def _range(text: str) -> tuple[int | None, int | None]:
    import re

    if text.strip() in ("", "-"):
        return None, None
    match = re.fullmatch(r"\s*(\d+)\s*[-–]\s*(\d+)\s*", text)
    if not match:
        raise CliError(_("--selection must be like 10-15, not “{text}”.").format(text=text))
    return int(match.group(1)), int(match.group(2))


def _euros(text: str) -> int | None:
    if text.strip() in ("", "-"):
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise CliError(_("“{text}” is not a whole number").format(text=text)) from None


def _period(text: str):
    from datetime import date

    parts = text.split(":")
    try:
        number = int(parts[0])
        start = date.fromisoformat(parts[1]) if len(parts) > 1 and parts[1] else None
        end = date.fromisoformat(parts[2]) if len(parts) > 2 and parts[2] else None
    except ValueError:
        raise CliError(_("--period must be like 4:2027-05-01:2027-08-31, not “{text}”.")
                       .format(text=text)) from None
    if len(parts) != 3:
        raise CliError(_("--period must be like 4:2027-05-01:2027-08-31, not “{text}”.")
                       .format(text=text))
    return number, start, end


COMMANDS = {"export": run_export, "merge": cmd_merge, "programme": cmd_programme,
            "new": cmd_new, "demo": cmd_demo, "info": cmd_info, "check": cmd_check}
