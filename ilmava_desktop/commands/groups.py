"""`ilmava groups`: thematic peer groups proposed by the solver, optionally saved."""

from __future__ import annotations

import re
from pathlib import Path

from ilmava_desktop.commands.common import OK, CliError, open_for_writing, print_json
from ilmava_desktop.i18n import _, current_language


def add_parsers(commands) -> None:
    groups = commands.add_parser("groups", help=_("propose thematic peer groups"))
    groups.add_argument("cohort", type=Path)
    groups.add_argument("--size", default="3-5", help=_("group sizes, e.g. 3-5"))
    groups.add_argument("--groups", type=int, help=_("how many groups (default: as few as "
                                                     "the sizes allow)"))
    groups.add_argument("--save", metavar="NAME", help=_("save the grouping under this name"))
    groups.add_argument("--day", help=_("the day the saved grouping is for (number or id)"))
    groups.add_argument("--time-limit", type=float, default=5.0)
    groups.add_argument("--json", action="store_true")


def _sizes(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[-–]\s*(\d+)\s*", text)
    if not match or int(match.group(1)) > int(match.group(2)) or int(match.group(1)) < 1:
        raise CliError(_("--size must be like 3-5, not “{text}”.").format(text=text))
    return int(match.group(1)), int(match.group(2))


def cmd_groups(args) -> int:
    from ilmava_desktop.core import grouping as core
    from ilmava_desktop.services import grouping, reading
    from ilmava_desktop.services.attendance import find_day
    from ilmava_desktop.storage import queries

    low, high = _sizes(args.size)
    reader = open_for_writing(args.cohort) if args.save else reading._ReadOnlySession(
        args.cohort)
    try:
        db = reader.db
        problem = grouping.problem(db, low, high, args.groups, language=current_language())
        solution = core.solve(problem, args.time_limit)
        if args.save:
            day_id = find_day(db, args.day).id if args.day else None
            grouping.save_grouping(reader, args.save, solution, problem, day_id)
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


COMMANDS = {"groups": cmd_groups}
