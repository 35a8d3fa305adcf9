"""`ilmava guide import | export`: the cohort's interview guide as JSON."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.commands.common import OK, Parser, open_for_writing
from ilmava_desktop.i18n import _


def add_parsers(commands) -> None:
    guide = commands.add_parser("guide", help=_("the interview guide of the visits"))
    what = guide.add_subparsers(dest="what", required=True, metavar="import|export",
                                parser_class=Parser)
    for name, text in (("import", _("the cohort's visits use this guide (JSON)")),
                       ("export", _("write the cohort's guide as JSON"))):
        sub = what.add_parser(name, help=text)
        sub.add_argument("cohort", type=Path)
        sub.add_argument("file", type=Path)


def cmd_guide(args) -> int:
    from ilmava_desktop.core.guides import text_in
    from ilmava_desktop.i18n import current_language
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.visits import guides

    if args.what == "export":
        written = guides.export_guide(reading._ReadOnlySession(args.cohort).db, path=args.file)
        print(_("Wrote {path}").format(path=written))
        return OK
    session = open_for_writing(args.cohort)
    try:
        guides.import_guide(session, path=args.file)
        current = guides.guide(session.db)
    finally:
        session.close()
    print(_("The visits now use “{name}”: {themes}.").format(
        name=text_in(current.name, current_language()),
        themes=", ".join(text_in(t.title, current_language()) for t in current.themes)))
    return OK


COMMANDS = {"guide": cmd_guide}
