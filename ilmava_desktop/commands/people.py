"""`ilmava person delete`: erase a person (GDPR), and from this laptop's backups if asked."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.commands.common import OK, Parser, open_for_writing
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, ngettext


def add_parsers(commands) -> None:
    person = commands.add_parser("person", help=_("delete a person (GDPR)"))
    what = person.add_subparsers(dest="what", required=True, metavar="delete",
                                 parser_class=Parser)
    delete = what.add_parser("delete", help=_("erase a person's data from the cohort"))
    delete.add_argument("cohort", type=Path)
    delete.add_argument("--person", required=True,
                        help=_("the person's id (see `ilmava people --json`)"))
    delete.add_argument("--purge-backups", action="store_true",
                        help=_("also erase them from this laptop's backups of the cohort"))


def cmd_person(args) -> int:
    from ilmava_desktop.services.municipalities import people
    from ilmava_desktop.storage import queries

    session = open_for_writing(args.cohort)
    try:
        person = queries.person(session.db, args.person)
        if person is None:
            raise RuleViolation(_("No one in this cohort has the id {id}.").format(id=args.person))
        people.delete_person(session, args.person)
        if args.purge_backups:
            erased = people.erase_from_backups(session, args.person)
            left = 0
        else:
            erased, left = 0, people.backups_holding(session, args.person)
    finally:
        session.close()
    print(_("Deleted {name}.").format(name=person.name))
    if erased:
        print(ngettext("Erased them from {n} backup of the cohort on this laptop.",
                       "Erased them from {n} backups of the cohort on this laptop.",
                       erased).format(n=erased))
    if left:
        print(ngettext("{n} backup of the cohort on this laptop still holds their data until "
                       "it ages out within two weeks; --purge-backups erases it now.",
                       "{n} backups of the cohort on this laptop still hold their data until "
                       "they age out within two weeks; --purge-backups erases it now.",
                       left).format(n=left))
    return OK


COMMANDS = {"person": cmd_person}
