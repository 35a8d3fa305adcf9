"""`ilmava sparrers [import] | match-sparrers`: the sparrer bank and whom each sparrer helps."""

from __future__ import annotations

import sys
from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    Parser,
    column_choices,
    column_option,
    open_for_writing,
    print_columns,
    print_json,
)
from ilmava_desktop.i18n import _


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
    listing = what.add_parser("list", help=_("list the sparrers and their municipalities"))
    listing.add_argument("cohort", type=Path)
    listing.add_argument("--json", action="store_true")
    match = commands.add_parser("match-sparrers", help=_("match a sparrer to each municipality"))
    match.add_argument("cohort", type=Path)
    match.add_argument("--save", action="store_true")
    match.add_argument("--json", action="store_true")


def cmd_sparrers(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import sparrers

    if args.what == "import":
        session = open_for_writing(args.cohort)
        try:
            result = sparrers.import_sparrers(session, args.file, dry_run=args.dry_run,
                                              chosen=column_choices(args))
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


def with_default_listing(argv: list[str]) -> list[str]:
    """`ilmava sparrers COHORT` means `ilmava sparrers list COHORT`."""
    words = [i for i, arg in enumerate(argv) if not arg.startswith("-")
             and not (i and argv[i - 1] == "--lang")]
    if words and argv[words[0]] == "sparrers":
        at = words[0] + 1
        if at < len(argv) and argv[at] not in ("import", "list", "-h", "--help"):
            return [*argv[:at], "list", *argv[at:]]
    return argv


COMMANDS = {"sparrers": cmd_sparrers, "match-sparrers": cmd_match}
