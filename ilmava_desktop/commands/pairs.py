"""`ilmava pairs`: peer-review pairs from the self-assessments, optionally saved."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    CliError,
    cohort_municipality,
    open_for_writing,
    print_json,
)
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.i18n.arguments import whole_number


def add_parsers(commands) -> None:
    pairs = commands.add_parser("pairs", help=_("propose peer-review pairs"))
    pairs.add_argument("cohort", type=Path)
    pairs.add_argument("--reviews", type=whole_number, default=2, metavar="K",
                       help=_("how many others each municipality reviews (default 2)"))
    pairs.add_argument("--allow-reciprocal", action="store_true",
                       help=_("allow A to review B while B reviews A"))
    pairs.add_argument("--outside-groups", metavar=_("GROUPING"),
                       help=_("never pair two municipalities of the same group in this grouping"))
    pairs.add_argument("--without", action="extend", nargs="+", default=[], metavar=_("CODE"),
                       help=_("municipalities that have dropped out; locked and done pairs "
                              "are kept"))
    pairs.add_argument("--save", action="store_true")
    pairs.add_argument("--json", action="store_true")


def cmd_pairs(args) -> int:
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.groups import grouping, pairs
    from ilmava_desktop.storage import queries

    session = open_for_writing(args.cohort) if args.save else reading._ReadOnlySession(
        args.cohort)
    try:
        db = session.db
        without = {cohort_municipality(db, text) for text in args.without}
        grouping_id = None
        if args.outside_groups:
            chosen = grouping.find_grouping(db, args.outside_groups)
            if chosen is None:
                raise CliError(_("There is no grouping “{name}”.").format(
                    name=args.outside_groups))
            grouping_id = chosen.id
        pairing = pairs.propose(db, args.reviews, args.allow_reciprocal, grouping_id, without,
                                current_language())
        if args.save:
            pairs.save(session, pairing)
        municipalities = {m.id: m for m in queries.municipalities(db)}
    finally:
        if args.save:
            session.close()
    data = {"pairs": [{"reviewer": municipalities[p.reviewer].code,
                       "reviewee": municipalities[p.reviewee].code, "score": p.score,
                       "reasons": list(p.reasons), "shared_language": p.shared_language}
                      for p in pairing.pairs],
            "score": pairing.score, "reciprocal_needed": pairing.reciprocal_needed}
    if args.json:
        print_json(data)
        return OK
    for pair in pairing.pairs:
        print(f"{municipalities[pair.reviewer].name():<24} → "
              f"{municipalities[pair.reviewee].name():<24} {pair.score:5.1f}  "
              + ("" if pair.shared_language else "▲ ") + "; ".join(pair.reasons))
    if pairing.reciprocal_needed:
        print(_("Too few municipalities to avoid reviewing each other: some pairs are mutual."))
    return OK


COMMANDS = {"pairs": cmd_pairs}
