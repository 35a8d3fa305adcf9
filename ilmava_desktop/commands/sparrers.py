"""`ilmava sparrers [import] | match-sparrers | sparring [add] | export sparring-log`: the
sparrer bank, whom each sparrer helps, and the sparring sessions held."""

from __future__ import annotations

import sys
from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    CliError,
    Parser,
    cohort_municipality,
    column_choices,
    column_option,
    export_parsers,
    open_for_writing,
    print_columns,
    print_json,
    print_theme_questions,
    theme_option,
    theme_picks,
)
from ilmava_desktop.i18n import LANGUAGES, _, current_language
from ilmava_desktop.i18n.arguments import whole_number


def add_parsers(commands) -> None:
    bank = commands.add_parser("sparrers", help=_("the sparrer bank: list, or import from a "
                                                  "file"))
    what = bank.add_subparsers(dest="what", metavar="list|import", required=True,
                               parser_class=Parser)
    do_import = what.add_parser("import", help=_("import sparrers from CSV or XLSX"))
    do_import.add_argument("cohort", type=Path)
    do_import.add_argument("file", type=Path)
    do_import.add_argument("--dry-run", action="store_true")
    do_import.add_argument("--json", action="store_true")
    column_option(do_import)
    theme_option(do_import)
    listing = what.add_parser("list", help=_("list the sparrers and their municipalities"))
    listing.add_argument("cohort", type=Path)
    listing.add_argument("--json", action="store_true")
    match = commands.add_parser("match-sparrers", help=_("match a sparrer to each municipality"))
    match.add_argument("cohort", type=Path)
    match.add_argument("--save", action="store_true")
    match.add_argument("--json", action="store_true")

    sparring = commands.add_parser("sparring", help=_("sparring sessions: list, or add one"))
    held = sparring.add_subparsers(dest="what", metavar="list|add", required=True,
                                   parser_class=Parser)
    add = held.add_parser("add", help=_("record a sparring session"))
    add.add_argument("cohort", type=Path)
    add.add_argument("--municipality", required=True, help=_("the municipality (code or name)"))
    add.add_argument("--date", required=True, type=_iso_date, help="YYYY-MM-DD")
    add.add_argument("--minutes", type=whole_number, default=90)
    add.add_argument("--online", action="store_true", help=_("held online (else on site)"))
    add.add_argument("--participants", default="", help=_("who took part"))
    add.add_argument("--topic", default="", help=_("the topic (default: the development "
                                                   "task's theme)"))
    add.add_argument("--notes", default="", help=_("notes, confidential unless --publishable"))
    add.add_argument("--publishable", action="store_true",
                     help=_("the notes may go into the municipality's report"))
    add.add_argument("--next-step", default="", help=_("the next step agreed"))
    add.add_argument("--json", action="store_true")
    listing = held.add_parser("list", help=_("list the sparring sessions and the sparrers' "
                                             "load"))
    listing.add_argument("cohort", type=Path)
    listing.add_argument("--municipality", help=_("the municipality (code or name)"))
    listing.add_argument("--json", action="store_true")
    log = export_parsers(commands).add_parser("sparring-log", help=_(
        "the sparring sessions and the sparrers' load, as PDF or XLSX"))
    log.add_argument("cohort", type=Path)
    log.add_argument("--out", type=Path, required=True)
    log.add_argument("--municipality", help=_("the municipality (code or name)"))
    log.add_argument("--lang", choices=LANGUAGES, help=_("language of the document"))
    log.set_defaults(run=cmd_export_log)


def _iso_date(text: str):
    import argparse
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a date like 2027-01-28").format(
            text=text)) from None


def cmd_sparrers(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import sparrers

    if args.what == "import":
        session = open_for_writing(args.cohort)
        try:
            result = sparrers.import_sparrers(session, args.file, dry_run=args.dry_run,
                                              chosen=column_choices(args),
                                              picks=theme_picks(args))
        finally:
            session.close(save=not args.dry_run)
        if args.json:
            print_json(result.summary())
        else:
            print(_("{added} to add, {updated} to update, {unchanged} unchanged, {rejected} "
                    "rejected").format(added=result.added, updated=result.updated,
                                       unchanged=result.unchanged,
                                       rejected=len(result.rejected)))
            print_columns(result.columns)
            print_theme_questions(result.theme_questions, result.theme_picks)
            for note in result.notes:
                print(_("line {line}: {reason}").format(line=note.line, reason=note.reason))
            for rejection in result.rejected:
                print(_("line {line}: {reason}").format(line=rejection.line,
                                                        reason=rejection.reason), file=sys.stderr)
        return PROBLEM if result.rejected else OK
    session = reading._ReadOnlySession(args.cohort)
    return _print_bank(session.db, args.json)


def _print_bank(db, as_json: bool) -> int:
    from ilmava_desktop.services.groups import sparrers
    from ilmava_desktop.storage import queries

    codes = {m.id: m.code for m in queries.municipalities(db)}
    matched: dict[str, list[str]] = {}
    for municipality, (sparrer, _locked) in sparrers.saved_matches(db).items():
        matched.setdefault(sparrer, []).append(codes.get(municipality, "?"))
    rows = [{"id": s.id, "name": s.name, "organisation": s.organisation,
             "themes": sorted(s.themes), "languages": sorted(s.languages),
             "capacity": s.capacity, "municipalities": sorted(matched.get(s.id, []))}
            for s in sparrers.sparrers(db)]
    if as_json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['name']:<24} {row['organisation']:<36} {len(row['municipalities'])}/"
                  f"{row['capacity']}  {', '.join(row['municipalities'])}")
    return OK


def cmd_match(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import sparrers
    from ilmava_desktop.storage import queries

    session = open_for_writing(args.cohort) if args.save else reading._ReadOnlySession(
        args.cohort)
    try:
        matches = sparrers.propose(session.db)
        if args.save:
            sparrers.save_matches(session, matches)
        municipalities = {m.id: m for m in queries.municipalities(session.db)}
        names = {s.id: s.name for s in sparrers.sparrers(session.db)}
    finally:
        if args.save:
            session.close()
    data = {"matches": [{"municipality": municipalities[m.municipality].code,
                         "sparrer": names[m.sparrer], "score": m.score,
                         "reasons": list(m.reasons)} for m in matches]}
    if args.json:
        print_json(data)
    else:
        for m in sorted(matches, key=lambda m: municipalities[m.municipality].name()):
            print(f"{municipalities[m.municipality].name():<24} {names[m.sparrer]:<24} "
                  + "; ".join(m.reasons))
    return OK


def _session_json(s, municipality, names: dict, language: str) -> dict:
    from ilmava_desktop.services.groups import sparring

    return {"id": s.id, "municipality": municipality.code if municipality else None,
            "date": s.date.isoformat(), "minutes": s.minutes, "online": s.online,
            "sparrer": names.get(s.sparrer_id or ""), "participants": s.participants,
            "topic": sparring.topic_of(s, municipality, language), "notes": s.notes,
            "publishable": s.publishable, "next_step": s.next_step}


def cmd_sparring(args) -> int:
    from ilmava_desktop.core.dates import format_date
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import sparrers, sparring
    from ilmava_desktop.services.municipalities import municipalities

    language = current_language()
    if args.what == "add":
        session = open_for_writing(args.cohort)
        try:
            municipality_id = cohort_municipality(session.db, args.municipality)
            changes = sparring.add_session(
                session, municipality_id, when=args.date, minutes=args.minutes,
                online=args.online, participants=args.participants, topic=args.topic,
                notes=args.notes, publishable=args.publishable, next_step=args.next_step)
            added = next(s for s in sparring.sessions(session.db) if s.id == changes.result)
            by_id = {m.id: m for m in municipalities(session.db)}
            names = {s.id: s.name for s in sparrers.sparrers(session.db)}
            outside = sparring.outside_period(session.db, added)
        finally:
            session.close()
        if args.json:
            print_json(_session_json(added, by_id.get(added.municipality_id), names, language))
        else:
            print(changes.description)
        if outside:
            print("ilmava: " + _("warning: the session is outside the programme's sparring "
                                 "period."), file=sys.stderr)
        return OK
    session = reading._ReadOnlySession(args.cohort)
    db = session.db
    wanted = cohort_municipality(db, args.municipality) if args.municipality else None
    by_id = {m.id: m for m in municipalities(db)}
    names = {s.id: s.name for s in sparrers.sparrers(db)}
    held = sparring.sessions(db, wanted)
    load = sparring.load(db)
    if args.json:
        print_json({"sessions": [_session_json(s, by_id.get(s.municipality_id), names, language)
                                 for s in held],
                    "load": [item.as_json() for item in load]})
        return OK
    for s in held:
        m = by_id.get(s.municipality_id)
        print(f"{format_date(s.date):<11} {m.name(language) if m else '':<22} "
              f"{names.get(s.sparrer_id or '', ''):<22} {s.minutes:>4} min  "
              f"{sparring.topic_of(s, m, language)}"
              + (f" → {s.next_step}" if s.next_step else ""))
    if not held:
        print(_("No sparring sessions yet."))
    if wanted is None:
        for item in load:
            print(_("{sparrer}: {sessions} sessions, {hours} h, {municipalities} "
                    "municipalities").format(sparrer=item.name, sessions=item.sessions,
                                             hours=f"{item.hours:.1f}",
                                             municipalities=item.municipalities))
    return OK


def cmd_export_log(args) -> int:
    from ilmava_desktop.core.rules import RuleViolation
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import sparring

    if args.out.suffix.lower() not in (".pdf", ".xlsx"):
        raise CliError(_("The sparring log is written as .pdf or .xlsx."))
    session = reading._ReadOnlySession(args.cohort)
    wanted = cohort_municipality(session.db, args.municipality) if args.municipality else None
    try:
        written = sparring.export_log(session.db, args.out, args.lang or current_language(),
                                      wanted)
    except RuleViolation as exc:
        raise CliError(str(exc)) from exc
    print(written)
    return OK


def with_default_listing(argv: list[str]) -> list[str]:
    """`ilmava sparrers COHORT` means `ilmava sparrers list COHORT`; so does `sparring`."""
    words = [i for i, arg in enumerate(argv) if not arg.startswith("-")
             and not (i and argv[i - 1] == "--lang")]
    for command, subcommands in (("sparrers", ("import", "list")), ("sparring", ("add", "list"))):
        if words and argv[words[0]] == command:
            at = words[0] + 1
            if at < len(argv) and argv[at] not in (*subcommands, "-h", "--help"):
                return [*argv[:at], "list", *argv[at:]]
    return argv


COMMANDS = {"sparrers": cmd_sparrers, "match-sparrers": cmd_match, "sparring": cmd_sparring}
