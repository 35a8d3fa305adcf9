"""`ilmava board add | list | export`: the debrief board's cards."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    CliError,
    Parser,
    cohort_municipality,
    open_for_writing,
    print_json,
)
from ilmava_desktop.core.board import KINDS
from ilmava_desktop.i18n import _


def add_parsers(commands) -> None:
    board = commands.add_parser("board", help=_("the debrief board's cards"))
    what = board.add_subparsers(dest="what", required=True, metavar="add|list|export",
                                parser_class=Parser)
    add = what.add_parser("add", help=_("add a card"))
    add.add_argument("cohort", type=Path)
    add.add_argument("--municipality", help=_("code or name; leave out for the whole cohort"))
    # Not argparse choices: an unknown kind gets our own sentence, with the kinds listed.
    add.add_argument("--kind", required=True, help="|".join(KINDS))
    add.add_argument("--text", required=True)
    add.add_argument("--theme", help=_("a theme id of the self-assessment, e.g. strategy"))
    add.add_argument("--group", default="")
    add.add_argument("--author", default="", help=_("initials"))
    publish = add.add_mutually_exclusive_group()
    publish.add_argument("--confidential", action="store_true", default=True,
                         help=_("the default: the card stays within the programme"))
    publish.add_argument("--publishable", dest="confidential", action="store_false")
    add.add_argument("--json", action="store_true")
    listing = what.add_parser("list", help=_("list the cards"))
    listing.add_argument("cohort", type=Path)
    listing.add_argument("--municipality", help=_("code or name"))
    listing.add_argument("--json", action="store_true")
    export = what.add_parser("export", help=_("every card with every field, as CSV or XLSX"))
    export.add_argument("cohort", type=Path)
    export.add_argument("--out", type=Path, required=True)


def _municipality(db, text: str | None) -> str | None:
    return None if text is None else cohort_municipality(db, text)


def _card_json(card, codes: dict[str, str], names: dict[str, str]) -> dict:
    return {"id": card.id, "municipality": codes.get(card.municipality_id),
            "kind": card.kind, "theme": card.theme_id, "group": card.group, "text": card.text,
            "author": card.author, "confidential": card.confidential, "votes": card.votes,
            "cluster": names.get(card.cluster_id)}


def cmd_board(args) -> int:
    from ilmava_desktop.services import board
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.storage import queries

    if args.what == "add":
        if args.kind not in KINDS:
            raise CliError(_("“{kind}” is not a kind of card; the kinds are {kinds}.").format(
                kind=args.kind, kinds=", ".join(KINDS)))
        session = open_for_writing(args.cohort)
        try:
            municipality_id = _municipality(session.db, args.municipality)
            changes = board.add_card(session, municipality_id=municipality_id, kind=args.kind,
                                     text=args.text, theme_id=args.theme, group=args.group,
                                     author=args.author, confidential=args.confidential)
        finally:
            session.close()
        if args.json:
            print_json({"id": changes.result})
        else:
            print(changes.result)
        return OK
    session = reading._ReadOnlySession(args.cohort)
    if args.what == "export":
        written = board.export_board(session, args.out)
        print(_("Wrote {path}").format(path=written))
        return OK
    codes = {m.id: m.code for m in queries.municipalities(session.db)}
    names = board.clusters(session.db)
    municipality_id = _municipality(session.db, args.municipality)
    shown = [c for c in board.cards(session.db)
             if municipality_id is None or c.municipality_id == municipality_id]
    if args.json:
        print_json([_card_json(c, codes, names) for c in shown])
    else:
        for card in shown:
            mark = f"  ({_('confidential')})" if card.confidential else ""
            print(f"{codes.get(card.municipality_id, '---')}  {card.kind:<11} {card.votes:>2}  "
                  f"{card.text}{mark}")
    return OK


COMMANDS = {"board": cmd_board}
