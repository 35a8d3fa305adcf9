"""`ilmava teams | team set | interviewees | interviewee | visits`: peer-review visits."""

from __future__ import annotations

import sys
from pathlib import Path

from ilmava_desktop.commands.common import (
    OK,
    PROBLEM,
    Parser,
    cohort_municipality,
    column_choices,
    column_option,
    export_parsers,
    open_for_writing,
    print_columns,
    print_json,
)
from ilmava_desktop.core.dates import format_minutes
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import LANGUAGES, _, ngettext
from ilmava_desktop.i18n.arguments import whole_number


def add_parsers(commands) -> None:
    teams = commands.add_parser("teams", help=_("each municipality's review team"))
    teams.add_argument("cohort", type=Path)
    teams.add_argument("--json", action="store_true")

    team = commands.add_parser("team", help=_("set a municipality's review team"))
    what = team.add_subparsers(dest="what", required=True, metavar="set", parser_class=Parser)
    set_team = what.add_parser("set", help=_("the team is exactly these people"))
    set_team.add_argument("cohort", type=Path)
    set_team.add_argument("--municipality", required=True, help=_("code or name"))
    set_team.add_argument("--person", action="extend", nargs="+", required=True, metavar="ID",
                          help=_("the people's ids (see `ilmava people --json`)"))

    interviewees = commands.add_parser("interviewees", help=_("the people a host interviews"))
    what = interviewees.add_subparsers(dest="what", required=True, metavar="list|import",
                                       parser_class=Parser)
    listing = what.add_parser("list", help=_("a visit's interviewees"))
    listing.add_argument("cohort", type=Path)
    listing.add_argument("--host", required=True, help=_("code or name"))
    listing.add_argument("--json", action="store_true")
    imported = what.add_parser("import", help=_("import a CSV or XLSX list of interviewees"))
    imported.add_argument("cohort", type=Path)
    imported.add_argument("file", type=Path)
    imported.add_argument("--host", required=True, help=_("code or name"))
    imported.add_argument("--dry-run", action="store_true")
    imported.add_argument("--json", action="store_true")
    column_option(imported)

    one = commands.add_parser("interviewee", help=_("export or delete an interviewee (GDPR)"))
    what = one.add_subparsers(dest="what", required=True, metavar="export|delete",
                              parser_class=Parser)
    for name, text in (("export", _("everything the cohort holds about an interviewee")),
                       ("delete", _("erase an interviewee's data from the cohort"))):
        sub = what.add_parser(name, help=text)
        sub.add_argument("cohort", type=Path)
        sub.add_argument("--id", required=True, dest="interviewee",
                         help=_("the interviewee's id (see `ilmava visits --json`)"))
        if name == "delete":
            sub.add_argument("--purge-backups", action="store_true")

    one = commands.add_parser("visit", help=_("plan a visit's day, or move a slot of it"))
    what = one.add_subparsers(dest="what", required=True,
                              metavar="set|prepare|plan|move|swap|roles|brief|timeline|tick|"
                                      "themes",
                              parser_class=Parser)
    details = what.add_parser("set", help=_("a visit's date, place or status"))
    details.add_argument("cohort", type=Path)
    details.add_argument("--host", required=True, help=_("code or name"))
    details.add_argument("--date", help="YYYY-MM-DD")
    details.add_argument("--place")
    details.add_argument("--status", help="planned|held|findings_written")
    prepare = what.add_parser("prepare", help=_("a visiting team's preparation meeting"))
    prepare.add_argument("cohort", type=Path)
    prepare.add_argument("--host", required=True, help=_("code or name"))
    prepare.add_argument("--reviewer", required=True,
                         help=_("the visiting municipality, code or name"))
    prepare.add_argument("--date", help="YYYY-MM-DD")
    prepare.add_argument("--place", default="", help=_("a place or an online link"))
    prepare.add_argument("--delete", action="store_true",
                         help=_("the meeting is no longer planned"))
    plan = what.add_parser("plan", help=_("generate the day's schedule"))
    plan.add_argument("cohort", type=Path)
    plan.add_argument("--host", required=True, help=_("code or name"))
    plan.add_argument("--date", required=True, help="YYYY-MM-DD")
    plan.add_argument("--start", default="09:00", help=_("HH:MM (default 09:00)"))
    plan.add_argument("--rooms", type=whole_number,
                      help=_("interview rooms (default: one for each visiting team)"))
    plan.add_argument("--group-size", type=whole_number, default=1, metavar="N",
                      help=_("people of one interview group interviewed together, at most N "
                             "a slot (default 1: one person each)"))
    plan.add_argument("--json", action="store_true")
    move = what.add_parser("move", help=_("move a slot of the schedule to another time"))
    move.add_argument("cohort", type=Path)
    move.add_argument("--host", required=True, help=_("code or name"))
    move.add_argument("--slot", type=whole_number, required=True, metavar="N",
                      help=_("the slot's number in the schedule (1 is the first)"))
    move.add_argument("--start", required=True, help="HH:MM")
    move.add_argument("--room", type=whole_number)
    swap = what.add_parser("swap", help=_("two interviews change places (their interviewees "
                                          "swap)"))
    swap.add_argument("cohort", type=Path)
    swap.add_argument("--host", required=True, help=_("code or name"))
    swap.add_argument("--slot", type=whole_number, required=True, metavar="N",
                      help=_("the slot's number in the schedule (1 is the first)"))
    swap.add_argument("--with", type=whole_number, required=True, metavar="M", dest="other",
                      help=_("the other interview's number"))
    brief = what.add_parser("brief", help=_("tick an interview's briefing as given"))
    brief.add_argument("cohort", type=Path)
    brief.add_argument("--host", required=True, help=_("code or name"))
    brief.add_argument("--slot", type=whole_number, required=True, metavar="N",
                       help=_("the slot's number in the schedule (1 is the first)"))
    brief.add_argument("--undone", action="store_true",
                       help=_("the briefing was not given after all"))
    roles = what.add_parser("roles", help=_("who leads an interview and who takes its notes"))
    roles.add_argument("cohort", type=Path)
    roles.add_argument("--host", required=True, help=_("code or name"))
    roles.add_argument("--slot", type=whole_number, required=True, metavar="N",
                       help=_("the slot's number in the schedule (1 is the first)"))
    roles.add_argument("--lead", metavar="ID", help=_("an interviewer's person id"))
    roles.add_argument("--notes", metavar="ID", help=_("an interviewer's person id"))
    roles.add_argument("--team", action="append", metavar="CODE",
                       help=_("the visiting team that interviews (twice: both together)"))
    timeline = what.add_parser("timeline", help=_("the steps before and after the visit day, "
                                                  "with their dates"))
    timeline.add_argument("cohort", type=Path)
    timeline.add_argument("--host", required=True, help=_("code or name"))
    timeline.add_argument("--json", action="store_true")
    tick = what.add_parser("tick", help=_("tick a step of the visit's timeline done"))
    tick.add_argument("cohort", type=Path)
    tick.add_argument("--host", required=True, help=_("code or name"))
    tick.add_argument("--step", required=True,
                      help="agreement|pack|report|follow_up")
    tick.add_argument("--undone", action="store_true", help=_("the step is not done after all"))
    themes = what.add_parser("themes", help=_("the guide's themes the visit covers"))
    themes.add_argument("cohort", type=Path)
    themes.add_argument("--host", required=True, help=_("code or name"))
    themes.add_argument("--theme", action="extend", nargs="+", required=True, metavar="ID",
                        help=_("theme ids of the interview guide (see `ilmava guide export`)"))

    pack = export_parsers(commands).add_parser(
        "visit-pack", help=_("a visit's programme, teams, interviewees and questions, as PDF"))
    pack.add_argument("cohort", type=Path)
    pack.add_argument("--host", required=True, help=_("code or name"))
    pack.add_argument("--out", type=Path, required=True)
    pack.add_argument("--lang", choices=LANGUAGES,
                      help=_("language of the pack (default: the host's)"))
    pack.set_defaults(run=cmd_export_visit_pack)

    finding = commands.add_parser("finding", help=_("a visit's finding for its host"))
    what = finding.add_subparsers(dest="what", required=True, metavar="add",
                                  parser_class=Parser)
    add = what.add_parser("add", help=_("a strength or development area, as a board card"))
    add.add_argument("cohort", type=Path)
    add.add_argument("--host", required=True, help=_("code or name"))
    # Not argparse choices: an unknown kind gets our own sentence.
    add.add_argument("--kind", required=True, help="strength|development")
    add.add_argument("--theme", help=_("a theme id of the self-assessment, e.g. strategy"))
    add.add_argument("--text", required=True)
    publish = add.add_mutually_exclusive_group()
    publish.add_argument("--confidential", action="store_true", default=True,
                         help=_("the default: the finding stays within the programme"))
    publish.add_argument("--publishable", dest="confidential", action="store_false")
    listed = commands.add_parser("findings", help=_("the visits' findings"))
    listed.add_argument("cohort", type=Path)
    listed.add_argument("--host", help=_("code or name"))
    listed.add_argument("--json", action="store_true")

    listing = commands.add_parser("visits", help=_("the peer-review visits"))
    listing.add_argument("cohort", type=Path)
    listing.add_argument("--json", action="store_true")


def _reading(path: Path):
    from ilmava_desktop.services.cohort import reading

    return reading._ReadOnlySession(path)


def cmd_teams(args) -> int:
    from ilmava_desktop.services import visits
    from ilmava_desktop.storage import queries

    session = _reading(args.cohort)
    found = visits.teams(session.db)
    codes = {m.id: m.code for m in queries.municipalities(session.db)}
    if args.json:
        print_json({"teams": [{
            "municipality": t.municipality.code,
            "members": [{"id": p.id, "name": p.name} for p in t.members],
            "reviews": [codes[r] for r in t.reviews if r in codes],
            "warning": t.warning} for t in found]})
        return OK
    names = {m.id: m.name() for m in queries.municipalities(session.db)}
    for t in found:
        members = ", ".join(p.name for p in t.members) or "–"
        line = f"{t.municipality.name():<20} {members}"
        if t.reviews:
            line += "  → " + ", ".join(names[r] for r in t.reviews if r in names)
        if t.warning:
            line += f"  ({t.warning})"
        print(line)
    return OK


def cmd_team(args) -> int:
    from ilmava_desktop.services import visits

    session = open_for_writing(args.cohort)
    try:
        m_id = cohort_municipality(session.db, args.municipality)
        visits.set_team(session, municipality_id=m_id, person_ids=args.person)
        team = next(t for t in visits.teams(session.db) if t.municipality.id == m_id)
    finally:
        session.close()
    print(_("Review team of {municipality}: {names}.").format(
        municipality=team.municipality.name(), names=", ".join(p.name for p in team.members)))
    if team.warning:
        print("ilmava: " + _("warning: {what}").format(what=team.warning), file=sys.stderr)
    return OK


def _interviewee_json(row) -> dict:
    return {"id": row.id, "name": row.name, "title": row.title, "group": row.group,
            "email": row.email}


def cmd_interviewees(args) -> int:
    from ilmava_desktop.services import visits
    from ilmava_desktop.services.visits import interviewees

    if args.what == "list":
        session = _reading(args.cohort)
        host = cohort_municipality(session.db, args.host)
        found = visits.visit(session.db, host)
        rows = found.interviewees if found else []
        if args.json:
            print_json({"interviewees": [_interviewee_json(r) for r in rows]})
        else:
            for row in rows:
                print(f"{row.name:<28} {_(visits.core.GROUP_LABELS[row.group]):<20} {row.title}")
        return OK
    session = open_for_writing(args.cohort)
    try:
        host = cohort_municipality(session.db, args.host)
        plan = interviewees.plan_import(session, host_id=host, path=args.file,
                                        chosen=column_choices(args))
        if not args.dry_run:
            interviewees.apply_import(session, plan)
        found = visits.visit(session.db, host)
    finally:
        session.close(save=not args.dry_run)
    summary = plan.summary()
    warning = found.warning if found else None
    if args.json:
        print_json({**summary, "warning": warning})
    else:
        print(_("{added} added, {updated} updated, {unchanged} unchanged.").format(**summary))
        print_columns(plan.columns)
        for rejection in plan.rejected:
            print(_("line {line}: {reason}").format(line=rejection.line,
                                                   reason=rejection.reason), file=sys.stderr)
        if warning:
            print("ilmava: " + _("warning: {what}").format(what=warning), file=sys.stderr)
    return PROBLEM if plan.rejected else OK


def cmd_interviewee(args) -> int:
    from ilmava_desktop.services.visits import interviewees

    session = open_for_writing(args.cohort)
    try:
        if args.what == "export":
            data = interviewees.export_interviewee(session, interviewee_id=args.interviewee)
        else:
            row = interviewees.interviewee(session.db, args.interviewee)
            if row is None:
                raise RuleViolation(_("No interviewee in this cohort has the id {id}.").format(
                    id=args.interviewee))
            interviewees.delete_interviewee(session, interviewee_id=args.interviewee)
            if args.purge_backups:
                interviewees.erase_from_backups(session, args.interviewee)
    finally:
        session.close(save=args.what == "delete")
    if args.what == "export":
        print_json(data)
    else:
        print(_("Deleted {name}.").format(name=row["name"]))
    return OK


def visit_json(db, found) -> dict:
    from ilmava_desktop.services import visits
    from ilmava_desktop.services.visits import guides, schedule, timeline
    from ilmava_desktop.storage import queries

    codes = {m.id: m.code for m in queries.municipalities(db)}
    return {
        "host": found.host.code, "date": found.date, "place": found.place,
        "reviewers": [codes[r] for r in found.reviewer_ids if r in codes],
        "teams": {codes[r]: ids for r, ids in visits.visitor_ids(db, found).items()
                  if r in codes},
        "interviewees": [{"id": i.id, "name": i.name, "group": i.group}
                         for i in found.interviewees],
        "schedule": [{key: slot.get(key) for key in
                      ("start", "end", "kind", "room", "interviewees", "interviewers", "lead",
                       "notes", "briefed")}
                     for slot in found.schedule],
        "status": found.status,
        "themes": guides.visit_themes(db, found),
        "preparations": [{"reviewer": codes.get(p.reviewer_id), "date": p.date,
                          "place": p.place} for p in found.preparations],
        "timeline": timeline_json(timeline.timeline(db, found.host.id)),
        "warning": found.warning,
        "conflicts": schedule.conflicts(db, found),
    }


def cmd_visits(args) -> int:
    from ilmava_desktop.core import visits as core
    from ilmava_desktop.services import visits

    session = _reading(args.cohort)
    found = visits.visits(session.db)
    if args.json:
        print_json({"visits": [visit_json(session.db, v) for v in found]})
        return OK
    if not found:
        print(_("No visits yet: save the peer-review pairs first (ilmava pairs --save)."))
    names = {t.municipality.id: t.municipality.name() for t in visits.teams(session.db)}
    for v in found:
        reviewers = ", ".join(names.get(r, "?") for r in v.reviewer_ids)
        print(f"{v.host.name():<20} {v.date or '–':<10} {_(core.STATUS_LABELS[v.status]):<18}"
              f" {reviewers}  " + ngettext(
            "{n} interviewee", "{n} interviewees", len(v.interviewees)).format(
            n=len(v.interviewees)))
    return OK


def cmd_export_visit_pack(args) -> int:
    from ilmava_desktop.services.visits import documents

    session = _reading(args.cohort)
    host = cohort_municipality(session.db, args.host)
    written = documents.write_visit_pack(session.db, host_id=host, target=args.out,
                                         language=args.lang)
    print(_("Wrote {path}").format(path=written))
    return OK


def print_schedule(db, found) -> None:
    from ilmava_desktop.services.visits import schedule

    titles = schedule.slot_titles(found)
    for number, slot in enumerate(schedule.slots(found), start=1):
        what = titles[number - 1]
        room = _("room {room}").format(room=slot.room) if slot.room else ""
        print(f"{number:>2}. {format_minutes(slot.start)}–{format_minutes(slot.end)}  {room:<10} {what}")
    for text in schedule.conflicts(db, found):
        print("ilmava: " + _("warning: {what}").format(what=text), file=sys.stderr)


def timeline_json(steps) -> list[dict]:
    return [{"step": s.key, "due": s.due.isoformat() if s.due else None, "done": s.done,
             "ticked": s.ticked, "late": s.late} for s in steps]


def print_timeline(steps) -> None:
    from ilmava_desktop.core.dates import format_date

    for step in steps:
        mark = "✓" if step.done else ("▲" if step.late else "·")
        print(f"{mark} {format_date(step.due) or '–':<10} {step.label}")


def cmd_visit_timeline(args) -> int:
    from ilmava_desktop.services.visits import timeline

    session = _reading(args.cohort)
    host = cohort_municipality(session.db, args.host)
    steps = timeline.timeline(session.db, host)
    if args.json:
        print_json({"timeline": timeline_json(steps)})
    else:
        print_timeline(steps)
    return OK


def cmd_visit(args) -> int:
    from ilmava_desktop.services import visits
    from ilmava_desktop.services.visits import schedule

    if args.what == "timeline":
        return cmd_visit_timeline(args)
    session = open_for_writing(args.cohort)
    try:
        host = cohort_municipality(session.db, args.host)
        if args.what == "set":
            visits.update_visit(session, host_id=host, **{
                name: value for name, value in (("date", args.date), ("place", args.place),
                                                ("status", args.status)) if value is not None})
        elif args.what == "prepare":
            reviewer = cohort_municipality(session.db, args.reviewer)
            if args.delete:
                visits.delete_preparation(session, host_id=host, reviewer_id=reviewer)
            else:
                visits.set_preparation(session, host_id=host, reviewer_id=reviewer,
                                       date=args.date, place=args.place)
        elif args.what == "themes":
            from ilmava_desktop.services.visits import guides

            guides.set_themes(session, host_id=host, theme_ids=args.theme)
        elif args.what == "tick":
            from ilmava_desktop.services.visits import timeline

            timeline.tick(session, host_id=host, step=args.step, done=not args.undone)
            print_timeline(timeline.timeline(session.db, host))
            return OK
        elif args.what == "brief":
            schedule.set_briefed(session, host_id=host, index=args.slot - 1,
                                 given=not args.undone)
        elif args.what == "roles":
            teams = {"teams": [cohort_municipality(session.db, t) for t in args.team]} \
                if args.team else {}
            schedule.set_roles(session, host_id=host, index=args.slot - 1, lead=args.lead,
                               notes=args.notes, **teams)
        elif args.what == "swap":
            schedule.swap_slots(session, host_id=host, first=args.slot - 1,
                                second=args.other - 1)
        elif args.what == "plan":
            schedule.plan(session, host_id=host, day=args.date, start=args.start,
                          rooms=args.rooms, group_size=args.group_size)
        else:
            schedule.move_slot(session, host_id=host, index=args.slot - 1, start=args.start,
                               **({"room": args.room} if args.room else {}))
        found = visits.visit(session.db, host)
        if getattr(args, "json", False):
            print_json(visit_json(session.db, found))
        else:
            print_schedule(session.db, found)
    finally:
        session.close()
    return OK


def cmd_finding(args) -> int:
    from ilmava_desktop.services.visits import findings

    session = open_for_writing(args.cohort)
    try:
        host = cohort_municipality(session.db, args.host)
        findings.add_finding(session, host_id=host, kind=args.kind, theme_id=args.theme,
                             text=args.text, confidential=args.confidential)
    finally:
        session.close()
    print(_("Finding added."))
    return OK


def cmd_findings(args) -> int:
    from ilmava_desktop.services.visits import findings
    from ilmava_desktop.storage import queries

    session = _reading(args.cohort)
    host = cohort_municipality(session.db, args.host) if args.host else None
    found = findings.findings(session.db, host)
    municipalities = {m.id: m for m in queries.municipalities(session.db)}
    if args.json:
        print_json({"findings": [{"id": f.id, "host": municipalities[f.municipality_id].code,
                                  "kind": f.kind, "theme": f.theme_id, "text": f.text,
                                  "confidential": f.confidential} for f in found]})
        return OK
    for f in found:
        print(f"{municipalities[f.municipality_id].name():<20} "
              f"{_(findings.KINDS[f.kind]):<18} {f.theme_id or '–':<14} {f.text}")
    return OK


COMMANDS = {"visit": cmd_visit, "finding": cmd_finding, "findings": cmd_findings,
            "teams": cmd_teams, "team": cmd_team, "interviewees": cmd_interviewees,
            "interviewee": cmd_interviewee, "visits": cmd_visits}
