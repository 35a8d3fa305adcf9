"""`ilmava municipalities | people | import | person delete`: the cohort's municipalities and
people."""

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
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, ngettext


def add_parsers(commands) -> None:
    for name, help_text in (("municipalities", _("list the municipalities")),
                            ("people", _("list the people"))):
        listing = commands.add_parser(name, help=help_text)
        listing.add_argument("cohort", type=Path)
        listing.add_argument("--json", action="store_true")

    imp = commands.add_parser("import", help=_("import registrations or applications"))
    imp.add_argument("cohort", type=Path)
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--json", action="store_true")
    column_option(imp)

    person = commands.add_parser("person", help=_("delete a person (GDPR)"))
    what = person.add_subparsers(dest="what", required=True, metavar="delete",
                                 parser_class=Parser)
    delete = what.add_parser("delete", help=_("erase a person's data from the cohort"))
    delete.add_argument("cohort", type=Path)
    delete.add_argument("--person", required=True,
                        help=_("the person's id (see `ilmava people --json`)"))
    delete.add_argument("--purge-backups", action="store_true",
                        help=_("also erase them from this laptop's backups of the cohort"))


def cmd_municipalities(args) -> int:
    from ilmava_desktop.services.cohort import reading

    rows = reading.municipality_rows(args.cohort)
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['code']}  {row['name']:<28} {row['theme'] or '-':<22} {row['people']}")
    return OK


def cmd_people(args) -> int:
    from ilmava_desktop.core.roles import ROLES_BY_KEY
    from ilmava_desktop.services.cohort import reading

    rows = reading.people_rows(args.cohort)
    if args.json:
        print_json(rows)  # role keys: stable for scripts whatever the language
    else:
        for row in rows:
            role = ROLES_BY_KEY.get(row["role"])
            label = _(role.label) if role else row["role"]
            print(f"{row['municipality']}  {row['name']:<28} {label:<32} {row['email']}")
    return OK


def cmd_import(args) -> int:
    from ilmava_desktop.services.municipalities.importing import describe, import_file

    session = open_for_writing(args.cohort)
    try:
        plan = import_file(session, args.file, dry_run=args.dry_run,
                           chosen=column_choices(args))
    finally:
        session.close(save=not args.dry_run)
    if args.json:
        print_json(plan.summary())
    else:
        print(describe(plan))
        print_columns(plan.columns)
        for note in plan.notes:
            print(_("line {line}: {reason}").format(line=note.line, reason=note.reason))
        for rejection in plan.rejected:
            print(_("line {line}: {reason}").format(line=rejection.line, reason=rejection.reason),
                  file=sys.stderr)
    return PROBLEM if plan.rejected else OK


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


COMMANDS = {"municipalities": cmd_municipalities, "people": cmd_people, "import": cmd_import,
            "person": cmd_person}
