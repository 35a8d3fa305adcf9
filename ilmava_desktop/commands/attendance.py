"""`ilmava days | day add | attendance | checkin | badges | signin-sheet | export attendance`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    Parser,
    cohort_municipality,
    export_parsers,
    open_for_writing,
    print_json,
    run_export,
)
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.i18n.arguments import whole_number


def add_parsers(commands) -> None:
    days = commands.add_parser("days", help=_("list the days of a cohort"))
    days.add_argument("cohort", type=Path)
    days.add_argument("--json", action="store_true")
    day = commands.add_parser("day", help=_("add a day to a cohort"))
    day_what = day.add_subparsers(dest="what", required=True, metavar="add", parser_class=Parser)
    day_add = day_what.add_parser("add", help=_("add a day to a cohort"))
    day_add.add_argument("cohort", type=Path)
    day_add.add_argument("--date", required=True, type=_iso_date, help="YYYY-MM-DD")
    day_add.add_argument("--venue", default="")
    day_add.add_argument("--title", default="")
    day_add.add_argument("--title-sv", default="", help=_("the day's title in Swedish"))
    day_add.add_argument("--title-en", default="", help=_("the day's title in English"))
    day_add.add_argument("--audience", default="")
    day_add.add_argument("--period", type=whole_number,
                         help=_("the programme's period (default: the one the date is in)"))
    day_add.add_argument("--min", type=whole_number, required=True, dest="minimum")
    day_add.add_argument("--max", type=whole_number, required=True, dest="maximum")
    day_add.add_argument("--invite", choices=("all", "officials", "politicians", "none"),
                         default="all", help=_("who the new day invites"))

    invite = commands.add_parser("invite", help=_("invite people to a day, or take it back"))
    invite.add_argument("cohort", type=Path)
    invite.add_argument("--day", required=True, help=_("the day's number in date order, or its id"))
    whom = invite.add_mutually_exclusive_group(required=True)
    whom.add_argument("--person", help=_("the person's id"))
    whom.add_argument("--municipality", help=_("code or name: all of its people"))
    whom.add_argument("--audience", choices=("all", "officials", "politicians"),
                      help=_("everyone of the audience, by the role list"))
    invite.add_argument("--remove", action="store_true", help=_("take the invitations back"))
    invite.add_argument("--json", action="store_true")

    day_list = commands.add_parser("attendance", help=_("who is present on a day"))
    day_list.add_argument("cohort", type=Path)
    day_list.add_argument("--day", required=True, help=_("the day's number in date order, or its id"))
    day_list.add_argument("--json", action="store_true")

    checkin = commands.add_parser("checkin", help=_("check a person in on a day"))
    checkin.add_argument("cohort", type=Path)
    checkin.add_argument("--day", required=True, help=_("the day's number in date order, or its id"))
    who = checkin.add_mutually_exclusive_group(required=True)
    who.add_argument("--token", help=_("the badge token (or the whole scanned badge code)"))
    who.add_argument("--person", help=_("the person's id"))
    who.add_argument("--find", help=_("any part of the name, municipality or role"))
    checkin.add_argument("--override-limit", action="store_true",
                         help=_("allow going over the day's maximum (never over 5)"))

    for name, help_text in (("badges", _("name badges with QR codes, as PDF")),
                            ("signin-sheet", _("a sign-in sheet for a day, as PDF"))):
        printed = commands.add_parser(name, help=help_text)
        printed.add_argument("cohort", type=Path)
        printed.add_argument("--day", required=True,
                             help=_("the day's number in date order, or its id"))
        printed.add_argument("--out", type=Path, required=True)

    export_attendance = export_parsers(commands).add_parser(
        "attendance", help=_("attendance as CSV or XLSX"))
    export_attendance.set_defaults(run=cmd_export)
    export_attendance.add_argument("cohort", type=Path)
    export_attendance.add_argument("--out", type=Path, required=True)
    export_attendance.add_argument("--day", help=_("only this day (number or id)"))



def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a date like 2027-01-28").format(
            text=text)) from None



def cmd_attendance(args) -> int:
    from ilmava_desktop.services import attendance
    from ilmava_desktop.services.cohort import reading

    data = reading.attendance_summary(args.cohort, args.day)
    if args.json:
        print_json(data)
        return OK
    print(attendance.day_label_from(data["day"]))
    for m in data["municipalities"]:
        print(f"{m['code']}  {m['name']:<28} {m['present']} / {m['invited']}"
              f"  ({m['min']}–{m['max']})  {_state_word(m['state'])}")
    return OK


def _state_word(state: str) -> str:
    return {"under": _("under the minimum"), "over": _("over the maximum"), "within": ""}[state]


def cmd_checkin(args) -> int:
    from ilmava_desktop.services import attendance
    from ilmava_desktop.storage import queries

    session = open_for_writing(args.cohort)
    try:
        day = attendance.find_day(session.db, args.day)
        if args.token:
            person_id = attendance.person_by_badge(session, args.token)
        elif args.person:
            if queries.person(session.db, args.person) is None:
                raise RuleViolation(_("No one in this cohort has the id {id}.").format(id=args.person))
            person_id = args.person
        else:
            person_id = _the_one_found(attendance.overview(session, day), args.find)
        attendance.check_in(session, day.id, person_id, override=args.override_limit)
        person = queries.person(session.db, person_id)
    finally:
        session.close()
    print(_("Checked in {name}.").format(name=person.name))
    return OK


LISTED_MATCHES = 20


def _the_one_found(groups, text: str) -> str:
    """The id of the one person the text finds; with several, they are listed (so the next
    try can name one) and nobody is checked in."""
    from ilmava_desktop.services import attendance

    found = attendance.find(groups, text)
    if len(found) == 1:
        return found[0].id
    if not found:
        raise RuleViolation(_("No one matches “{text}”.").format(text=text))
    municipality_of = {p.id: g.name for g in groups for p in g.people}
    for person in found[:LISTED_MATCHES]:
        print(f"{person.id}  {person.name} ({municipality_of[person.id]}), {person.role}")
    if len(found) > LISTED_MATCHES:
        rest = len(found) - LISTED_MATCHES
        print(ngettext("and {n} more", "and {n} more", rest).format(n=rest))
    raise RuleViolation(ngettext(
        "{n} person matches “{text}”; nobody was checked in: write more of the name, or "
        "give --person ID.",
        "{n} people match “{text}”; nobody was checked in: write more of the name, or "
        "give --person ID.", len(found)).format(n=len(found), text=text))


def cmd_export(args) -> int:
    from ilmava_desktop.services import attendance
    from ilmava_desktop.services.attendance import export as attendance_export
    from ilmava_desktop.services.cohort import reading

    session = reading._ReadOnlySession(args.cohort)
    days = {attendance.find_day(session.db, args.day).id} if args.day else None
    path = attendance_export.export_attendance(session, args.out, days)
    print(_("Wrote {path}").format(path=path))
    return OK


def cmd_printed(args) -> int:
    from ilmava_desktop.services import attendance
    from ilmava_desktop.services.attendance import documents as attendance_documents
    from ilmava_desktop.services.cohort import reading

    session = reading._ReadOnlySession(args.cohort)
    day = attendance.find_day(session.db, args.day)
    write = (attendance_documents.write_badges if args.command == "badges"
             else attendance_documents.write_signin_sheet)
    print(_("Wrote {path}").format(path=write(session, day, args.out)))
    return OK


def cmd_days(args) -> int:
    from ilmava_desktop.services.cohort import reading

    rows = reading.day_rows(args.cohort)
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['number']}  {row['date'] or '-':<11} {row['venue']:<10} "
                  f"{row['min']}–{row['max']}  {row['title']}")
    return OK


def cmd_day(args) -> int:
    from ilmava_desktop.services.attendance.days import add_day
    from ilmava_desktop.services.cohort import programme as programme_service

    session = open_for_writing(args.cohort)
    try:
        period = args.period
        if period is None:  # the period its date falls in, else the first
            found = programme_service.programme(session.db).period_on(args.date)
            period = found.number if found else 1
        add_day(session, period=period, title=args.title, day_date=args.date,
                venue=args.venue, audience=args.audience, min_attendance=args.minimum,
                max_attendance=args.maximum, invitees=args.invite, title_sv=args.title_sv,
                title_en=args.title_en)
    finally:
        session.close()
    print(_("Added the day {date}.").format(date=format_date(args.date)))
    return OK


def cmd_invite(args) -> int:
    from ilmava_desktop.services import attendance
    from ilmava_desktop.services.attendance import days, invitations

    session = open_for_writing(args.cohort)
    try:
        day = attendance.find_day(session.db, args.day)
        if args.person:
            people = [args.person]
        elif args.municipality:
            people = invitations.people_of_municipality(
                session.db, cohort_municipality(session.db, args.municipality))
        else:
            people = invitations.people_of_audience(session.db, args.audience)
        changes = invitations.set_invited(session, day_id=day.id, person_ids=people,
                                          invited=not args.remove)
        number = [d.id for d in days.days(session.db)].index(day.id) + 1
    finally:
        session.close()
    result = changes.result
    if args.json:
        print_json({"day": number, "changed": result.changed, "invited": result.invited})
    elif args.remove:
        print(ngettext("Took back {n} invitation; the day has {invited} invited.",
                       "Took back {n} invitations; the day has {invited} invited.",
                       result.changed).format(n=result.changed, invited=result.invited))
    else:
        print(ngettext("Invited {n} person; the day has {invited} invited.",
                       "Invited {n} people; the day has {invited} invited.",
                       result.changed).format(n=result.changed, invited=result.invited))
    return OK


COMMANDS = {
    "invite": cmd_invite,
    "attendance": cmd_attendance, "checkin": cmd_checkin, "export": run_export,
    "badges": cmd_printed, "signin-sheet": cmd_printed, "days": cmd_days, "day": cmd_day,
}
