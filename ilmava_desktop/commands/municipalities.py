"""`ilmava municipalities | people | import | person delete | applicants | select | funding`:
the cohort's municipalities, their selection and own funding, and people."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    Parser,
    cohort_municipality,
    column_choices,
    column_option,
    open_for_writing,
    print_columns,
    print_json,
    print_theme_questions,
    theme_option,
    theme_picks,
)
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, current_language, euros, ngettext
from ilmava_desktop.i18n.arguments import whole_number


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
    theme_option(imp)

    person = commands.add_parser("person", help=_("delete a person (GDPR)"))
    what = person.add_subparsers(dest="what", required=True, metavar="delete",
                                 parser_class=Parser)
    delete = what.add_parser("delete", help=_("erase a person's data from the cohort"))
    delete.add_argument("cohort", type=Path)
    delete.add_argument("--person", required=True,
                        help=_("the person's id (see `ilmava people --json`)"))
    delete.add_argument("--purge-backups", action="store_true",
                        help=_("also erase them from this laptop's backups of the cohort"))

    applicants = commands.add_parser(
        "applicants", help=_("the applicants: status, the programme's criteria, what is "
                             "missing"))
    applicants.add_argument("cohort", type=Path)
    applicants.add_argument("--json", action="store_true")

    select = commands.add_parser("select", help=_("select municipalities (or decline, or "
                                                  "withdraw them)"))
    select.add_argument("cohort", type=Path)
    select.add_argument("codes", nargs="+", metavar=_("CODE"))
    choice = select.add_mutually_exclusive_group()
    choice.add_argument("--decline", action="store_true", help=_("not selected"))
    choice.add_argument("--withdraw", action="store_true",
                        help=_("a selected municipality withdraws"))

    funding = commands.add_parser("funding", help=_("own funding: list, or set one "
                                                    "municipality's"))
    funding.add_argument("cohort", type=Path)
    funding.add_argument("--municipality", help=_("the municipality (code or name)"))
    funding.add_argument("--invoiced", type=optional_date, help=_("YYYY-MM-DD, or - for none"))
    funding.add_argument("--paid", type=optional_date, help=_("YYYY-MM-DD, or - for none"))
    funding.add_argument("--amount", type=whole_number, help=_("euros"))
    funding.add_argument("--json", action="store_true")


_NONE = "none"


def optional_date(text: str):
    """A date like 2027-01-28, or "-" (or nothing) for none."""
    if text.strip() in ("", "-"):
        return _NONE
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a date like 2027-01-28").format(
            text=text)) from None


def cmd_municipalities(args) -> int:
    from ilmava_desktop.core.selection import status_label
    from ilmava_desktop.services.cohort import reading

    rows = reading.municipality_rows(args.cohort)
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['code']}  {row['name']:<28} {row['theme'] or '-':<22} {row['people']:>3}"
                  f"  {status_label(row['status'], current_language())}")
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
                           chosen=column_choices(args), picks=theme_picks(args))
    finally:
        session.close(save=not args.dry_run)
    if args.json:
        print_json(plan.summary())
    else:
        print(describe(plan))
        print_columns(plan.columns)
        print_theme_questions(plan.theme_questions, plan.theme_picks)
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


def cmd_applicants(args) -> int:
    from ilmava_desktop.core.selection import status_label
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.municipalities import selection

    session = reading._ReadOnlySession(args.cohort)
    language = current_language()
    rows = selection.applicants(session.db, language)
    count = selection.selection_count(session.db)
    if args.json:
        print_json([row.as_json() for row in rows])
        return OK
    for row in rows:
        marks = "".join("✓" if met else "✗" for met in row.criteria.as_dict().values())
        print(f"{row.code}  {row.name:<28} {status_label(row.status, language):<14} {marks}"
              + (f"  {'; '.join(row.missing)}" if row.missing else ""))
    print(count.sentence())
    return OK


def cmd_select(args) -> int:
    from ilmava_desktop.core.selection import NOT_SELECTED, SELECTED, WITHDRAWN
    from ilmava_desktop.services.municipalities import selection

    status = NOT_SELECTED if args.decline else WITHDRAWN if args.withdraw else SELECTED
    session = open_for_writing(args.cohort)
    try:
        ids = [cohort_municipality(session.db, code) for code in args.codes]
        changes = selection.set_status(session, ids, status)
        count = selection.selection_count(session.db)
    finally:
        session.close()
    print(changes.description)
    print(count.sentence())
    return OK


def cmd_funding(args) -> int:
    from ilmava_desktop.core.dates import format_date
    from ilmava_desktop.services.cohort import reading
    from ilmava_desktop.services.municipalities import selection

    language = current_language()
    edits = {name: value for name, value in (("invoiced", args.invoiced), ("paid", args.paid),
                                             ("amount", args.amount)) if value is not None}
    if edits and not args.municipality:
        raise RuleViolation(_("--municipality says whose own funding to set."))
    if edits:
        session = open_for_writing(args.cohort)
        try:
            municipality_id = cohort_municipality(session.db, args.municipality)
            selection.set_funding(session, municipality_id, **{
                name: (None if value == _NONE else value) for name, value in edits.items()})
            rows = selection.funding(session.db, language)
        finally:
            session.close()
    else:
        session = reading._ReadOnlySession(args.cohort)
        rows = selection.funding(session.db, language)
    if args.municipality:
        wanted = cohort_municipality(session.db, args.municipality) if not edits else (
            municipality_id)
        rows = [row for row in rows if row.id == wanted]
    if args.json:
        print_json({"funding": [row.as_json() for row in rows],
                    "not_paid": [row.code for row in rows if not row.is_paid]})
        return OK
    for row in rows:
        amount = euros(row.amount)
        print(f"{row.code}  {row.name:<28} {amount:>8}  "
              f"{_('invoiced')} {format_date(row.invoiced) or '–':<10}  "
              f"{_('paid')} {selection.paid_text(row) or '–'}")
    unpaid = [row.name for row in rows if not row.is_paid]
    if unpaid:
        print(_("Not paid: {names}").format(names=", ".join(unpaid)))
    return OK


COMMANDS = {"municipalities": cmd_municipalities, "people": cmd_people, "import": cmd_import,
            "person": cmd_person, "applicants": cmd_applicants, "select": cmd_select,
            "funding": cmd_funding}
