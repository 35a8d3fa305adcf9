"""`ilmava export pdf | summary`: the municipalities' reports and the cohort's summary."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.commands.common import OK, CliError, cohort_municipality, export_parsers
from ilmava_desktop.i18n import LANGUAGES, _, current_language, os_errors


def add_parsers(commands) -> None:
    what = export_parsers(commands)
    pdf = what.add_parser("pdf", help=_("each municipality's report as PDF"))
    pdf.add_argument("cohort", type=Path)
    pdf.add_argument("--out", type=Path, required=True, help=_("the folder to write into"))
    pdf.add_argument("--municipality", action="extend", nargs="+", default=[],
                     metavar=_("CODE"),
                     help=_("only these municipalities, by code or name (default: all)"))
    pdf.add_argument("--lang", choices=LANGUAGES,
                     help=_("language (default: each municipality's own)"))
    pdf.add_argument("--names", action="store_true",
                     help=_("name the participants (default: roles and counts)"))
    pdf.set_defaults(run=cmd_pdf)
    summary = what.add_parser("summary", help=_("the cohort's publishable summary as PDF"))
    summary.add_argument("cohort", type=Path)
    summary.add_argument("--out", type=Path, required=True)
    summary.add_argument("--lang", choices=LANGUAGES)
    summary.add_argument("--name-municipalities", action="store_true")
    summary.set_defaults(run=cmd_summary)
    text = commands.add_parser(
        "report-text", help=_("the facilitator's summary and next steps in a report"))
    text.add_argument("cohort", type=Path)
    text.add_argument("--municipality", required=True, metavar=_("CODE"),
                      help=_("the municipality, by code or name"))
    text.add_argument("--summary", help=_("the summary; paragraphs separated by a blank line"))
    text.add_argument("--next-step", action="append", dest="next_steps", metavar=_("STEP"),
                      help=_("a next step (given again for each, at most five)"))
    text.add_argument("--draft", action="store_true",
                      help=_("write a draft from the board for what is not given"))
    text.add_argument("--lang", choices=LANGUAGES, help=_("language of the draft"))
    text.add_argument("--json", action="store_true")


def cmd_pdf(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.municipalities import taking_part
    from ilmava_desktop.services.reports import export as report_export

    session = reading._ReadOnlySession(args.cohort)
    db = session.db
    chosen = [cohort_municipality(db, text) for text in args.municipality]
    ids = chosen or [m.id for m in taking_part(db)]
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(os_errors.folder_failed(args.out, exc)) from exc
    for municipality_id in ids:
        written = report_export.write_report(db, municipality_id, args.out, args.lang,
                                             args.names)
        print(_("Wrote {path}").format(path=written))
    return OK


def cmd_summary(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.reports import export as report_export

    session = reading._ReadOnlySession(args.cohort)
    written = report_export.write_summary(session.db, args.out, args.lang or current_language(),
                                          args.name_municipalities)
    print(_("Wrote {path}").format(path=written))
    return OK


def cmd_report_text(args) -> int:
    """Shows the text; with --summary, --next-step or --draft, writes it first."""
    from ilmava_desktop.commands.common import open_for_writing, print_json
    from ilmava_desktop.services.cohort.session import KEEP
    from ilmava_desktop.services.reports import texts
    from ilmava_desktop.services.reports.municipality_report import report_language
    from ilmava_desktop.storage import queries

    session = open_for_writing(args.cohort)
    try:
        municipality_id = cohort_municipality(session.db, args.municipality)
        summary = KEEP if args.summary is None else args.summary
        steps = KEEP if args.next_steps is None else args.next_steps
        if args.draft:
            language = args.lang or report_language(
                queries.municipality(session.db, municipality_id))
            drafted = texts.draft(session.db, municipality_id, language)
            summary = drafted.summary if summary is KEEP else summary
            steps = drafted.next_steps if steps is KEEP else steps
        if summary is not KEEP or steps is not KEEP:
            texts.set_report_text(session, municipality_id=municipality_id, summary=summary,
                                  next_steps=steps)
        shown = texts.report_text(session.db, municipality_id)
    finally:
        session.close()
    if args.json:
        print_json({"summary": shown.summary, "next_steps": shown.next_steps})
    else:
        print(shown.summary)
        for number, step in enumerate(shown.next_steps, start=1):
            print(f"{number}. {step}")
    return OK


COMMANDS: dict = {"report-text": cmd_report_text}
