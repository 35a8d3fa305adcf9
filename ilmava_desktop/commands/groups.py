"""`ilmava groups`: thematic peer groups proposed by the solver, optionally saved."""

from __future__ import annotations

import re
from pathlib import Path

from ilmava_desktop.commands.common import OK, CliError, export_parsers, open_for_writing, print_json
from ilmava_desktop.i18n import LANGUAGES, _, current_language
from ilmava_desktop.i18n.arguments import decimal_number, whole_number


def add_parsers(commands) -> None:
    groups = commands.add_parser("groups", help=_("propose thematic peer groups"))
    groups.add_argument("cohort", type=Path)
    groups.add_argument("--size", default="3-5", help=_("group sizes, e.g. 3-5"))
    groups.add_argument("--groups", type=whole_number,
                        help=_("how many groups (default: as few as the sizes allow)"))
    groups.add_argument("--save", metavar=_("NAME"), help=_("save the grouping under this name"))
    groups.add_argument("--day", help=_("the day the saved grouping is for (number or id)"))
    groups.add_argument("--time-limit", type=decimal_number, default=5.0)
    groups.add_argument("--json", action="store_true")
    what = export_parsers(commands)
    for name, help_text in (("groups", _("a saved grouping as PDF")),
                            ("pairs", _("the peer-review pairs with contact roles, as PDF")),
                            ("sparrers", _("the sparrer for each municipality, as PDF"))):
        printed = what.add_parser(name, help=help_text)
        printed.add_argument("cohort", type=Path)
        printed.add_argument("--out", type=Path, required=True)
        printed.add_argument("--lang", choices=LANGUAGES, help=_("language of the document"))
        if name == "groups":
            printed.add_argument("--grouping", required=True, help=_("the grouping's name"))
        printed.set_defaults(run=cmd_export_printed)


def _sizes(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[-–]\s*(\d+)\s*", text)
    if not match or int(match.group(1)) > int(match.group(2)) or int(match.group(1)) < 1:
        raise CliError(_("--size must be like 3-5, not “{text}”.").format(text=text))
    return int(match.group(1)), int(match.group(2))


def cmd_groups(args) -> int:
    from ilmava_desktop.services.attendance import find_day
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import grouping
    from ilmava_desktop.storage import queries

    low, high = _sizes(args.size)
    settings = {"min_size": low, "max_size": high, "groups": args.groups,
                "time_limit": args.time_limit, "language": current_language()}
    reader = open_for_writing(args.cohort) if args.save else reading._ReadOnlySession(
        args.cohort)
    try:
        db = reader.db
        if args.save:
            day_id = find_day(db, args.day).id if args.day else None
            solution = grouping.propose_and_save(reader, args.save, day_id=day_id,
                                                 **settings).result.solution
        else:
            _problem, solution = grouping.propose(db, **settings)
        codes = {m.id: m.code for m in queries.municipalities(db)}
        names = {m.id: m.name() for m in queries.municipalities(db)}
    finally:
        if args.save:
            reader.close()
    data = {"groups": [{"municipalities": [codes[m] for m in g.members], "themes": list(g.themes),
                        "score": g.score, "reasons": list(g.reasons)} for g in solution.groups],
            "score": solution.score, "optimal": solution.optimal}
    if args.json:
        print_json(data)
        return OK
    for number, group in enumerate(solution.groups, start=1):
        print(_("Group {k} ({score}): {names}").format(
            k=number, score=f"{group.score:.1f}", names=", ".join(names[m] for m in group.members)))
        for reason in group.reasons:
            print(f"    {reason}")
    print(_("Score {score}; {proof}").format(score=f"{solution.score:.1f}", proof=_(
        "proven optimal") if solution.optimal else _("the best found in the time allowed")))
    return OK


def cmd_export_printed(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import documents as peer_documents
    from ilmava_desktop.services.groups import grouping

    session = reading._ReadOnlySession(args.cohort)
    language = args.lang or current_language()
    if args.what == "groups":
        chosen = grouping.find_grouping(session.db, args.grouping)
        if chosen is None:
            raise CliError(_("There is no grouping “{name}”.").format(name=args.grouping))
        document = peer_documents.groups_document(session.db, chosen.id, language)
    elif args.what == "pairs":
        document = peer_documents.pairs_document(session.db, language)
    else:
        document = peer_documents.sparrers_document(session.db, language)
    written = peer_documents.write_document(document, args.out)
    print(_("Wrote {path}").format(path=written))
    return OK


COMMANDS = {"groups": cmd_groups}
