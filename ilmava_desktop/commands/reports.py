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


def cmd_pdf(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.reports import export as report_export
    from ilmava_desktop.storage import queries

    session = reading._ReadOnlySession(args.cohort)
    db = session.db
    chosen = [cohort_municipality(db, text) for text in args.municipality]
    ids = chosen or [m.id for m in queries.municipalities(db)]
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


COMMANDS: dict = {}
