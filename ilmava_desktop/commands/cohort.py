"""`ilmava new | demo | info | check`: the cohort file itself."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.commands.common import OK, PROBLEM, print_json
from ilmava_desktop.i18n import LANGUAGES, _
from ilmava_desktop.i18n.arguments import whole_number


def add_parsers(commands) -> None:
    new = commands.add_parser("new", help=_("create a new cohort file"))
    new.add_argument("cohort", type=Path)
    new.add_argument("--name", required=True)
    new.add_argument("--programme", default="ilmava",
                     help=_("ilmava, motiva or custom (or a custom programme's name)"))
    programme = commands.add_parser("programme",
                                    help=_("show or edit the cohort's programme profile"))
    programme.add_argument("cohort", type=Path)
    programme.add_argument("--kind", choices=("ilmava", "motiva", "custom"))
    programme.add_argument("--name", help=_("the programme's name in Finnish"))
    programme.add_argument("--name-sv", help=_("the programme's name in Swedish"))
    programme.add_argument("--name-en", help=_("the programme's name in English"))
    programme.add_argument("--organiser")
    programme.add_argument("--accent", help=_("the accent colour, #RRGGBB"))
    programme.add_argument("--sections", nargs="*", metavar=_("SECTION"),
                           help=_("the report's sections: task, groups, peer_review, "
                                  "sparrer, visits"))
    programme.add_argument("--json", action="store_true")
    new.add_argument("--year", type=whole_number)
    new.add_argument("--language", choices=LANGUAGES, default="fi")

    demo = commands.add_parser("demo", help=_("write the demo cohort to a file"))
    demo.add_argument("cohort", type=Path)
    demo.add_argument("--programme", choices=("ilmava", "motiva"), default="ilmava",
                      help=_("ilmava (coaching days, the default) or motiva (peer-review "
                             "visits)"))

    info = commands.add_parser("info", help=_("counts of what a cohort holds"))
    info.add_argument("cohort", type=Path)
    info.add_argument("--json", action="store_true")

    check = commands.add_parser("check", help=_("check a cohort file's integrity and schema"))
    check.add_argument("cohort", type=Path)


def cmd_new(args) -> int:
    from ilmava_desktop.services.cohort.create import create_cohort

    session = create_cohort(args.cohort, args.name, args.programme, args.year, args.language)
    session.close()
    print(_("Created {path}").format(path=session.path))
    return OK


def cmd_demo(args) -> int:
    from ilmava_desktop.services.demo import create_demo
    from ilmava_desktop.services.demo.motiva import create_motiva_demo

    session = (create_motiva_demo(args.cohort) if args.programme == "motiva"
               else create_demo(args.cohort))
    session.close()
    print(_("Created {path}").format(path=session.path))
    return OK


def cmd_info(args) -> int:
    from ilmava_desktop.services.cohort import reading

    data = reading.info(args.cohort)
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return OK


def cmd_check(args) -> int:
    from ilmava_desktop.services.cohort.checks import check_file

    problems = check_file(args.cohort)
    for problem in problems:
        print(problem)
    if problems:
        return PROBLEM
    print(_("{name}: no problems found.").format(name=args.cohort.name))
    return OK


def cmd_programme(args) -> int:
    from ilmava_desktop.commands.common import open_for_writing
    from ilmava_desktop.services.cohort import programme as programme_service
    from ilmava_desktop.services.cohort.session import KEEP

    session = open_for_writing(args.cohort)
    try:
        edits = {key: KEEP if value is None else value for key, value in (
            ("kind", args.kind), ("name_fi", args.name), ("name_sv", args.name_sv),
            ("name_en", args.name_en), ("organiser", args.organiser),
            ("accent", args.accent), ("sections", args.sections))}
        if any(value is not KEEP for value in edits.values()):
            programme_service.set_programme(session, **edits)
        shown = programme_service.programme(session.db)
    finally:
        session.close()
    if args.json:
        print_json({"kind": shown.kind, "names": shown.names, "organiser": shown.organiser,
                    "accent": shown.accent, "sections": list(shown.sections)})
    else:
        for language in ("fi", "sv", "en"):
            print(f"{language}: {shown.name(language)}")
        print(f"{shown.organiser} · {shown.accent} · {', '.join(shown.sections) or '–'}")
    return OK


COMMANDS = {"programme": cmd_programme, "new": cmd_new, "demo": cmd_demo, "info": cmd_info,
            "check": cmd_check}
