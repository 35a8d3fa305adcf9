"""The cohort's summary of lessons ("oppien kooste"), fit to publish.

No confidential card, no person's name, and municipalities named only when the facilitator
allows it (anonymised by default): what goes in is chosen here, so the renderer cannot leak.
"""

from __future__ import annotations

from datetime import date

from ilmava_desktop.core import assessment as assessment_core
from ilmava_desktop.core import board as board_core
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.municipality_names import MUNICIPALITY_SOURCE
from ilmava_desktop.i18n import gettext_for
from ilmava_desktop.reports.cohort_summary import CohortSummary, RoundProfile
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import assessment, board
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.services.reports.municipality_report import DEMO_LABEL
from ilmava_desktop.storage import queries


def build(db, language: str = "fi", name_municipalities: bool = False,
          today: date | None = None) -> CohortSummary:
    _ = gettext_for(language)
    cohort = queries.cohort(db)
    municipalities = taking_part(db)
    when = today or date.today()
    publishable = [c for c in board.cards(db) if not c.confidential]
    lessons = board_core.top_voted(publishable, "lesson", 8)
    ideas = board_core.top_voted(publishable, "idea", 8)
    themes = wicked_problem_themes()
    tasks: dict[str, list[str]] = {}
    for m in municipalities:
        label = themes.get(m.theme or "", {}).get(language, "") or _("No theme yet")
        tasks.setdefault(label, []).append(m.name(language))
    task_rows = [[label, str(len(names)), ", ".join(sorted(names)) if name_municipalities
                  else ""] for label, names in sorted(tasks.items(), key=lambda i: -len(i[1]))]
    days = queries.days(db)
    present: dict[str, set[str]] = {}
    municipalities_present: dict[str, set[str]] = {}
    for row in queries.attendance(db):
        present.setdefault(row["day_id"], set()).add(row["person_id"])
        municipalities_present.setdefault(row["day_id"], set()).add(row["municipality_id"])
    attendance_rows = [[format_date(d.date, language) or "", d.title_in(language), str(len(
        municipalities_present.get(d.id, set()))), str(len(present.get(d.id, set())))]
        for d in days if d.id in present]
    programme = programme_service.programme(db)
    return CohortSummary(
        language=language, logo=programme.logo, accent=programme.accent,
        title=_("Lessons of the cohort"),
        programme=programme.name(language),
        cohort=cohort.name,
        date=format_date(when, language),
        demo_label=DEMO_LABEL[language] if cohort.is_demo else "",
        intro=_("{n} municipalities took part. This summary holds no confidential material and "
                "names no person.").format(n=len(municipalities))
        + ("" if name_municipalities else " " + _("Municipalities are not named.")),
        labels={"profile": _("Self-assessment: the cohort's profile"),
                "spread": _("How the answers spread"), "lessons": _("Lessons"),
                "ideas": _("Ideas"), "tasks": _("What the development tasks were about"),
                "attendance": _("Attendance"), "none": _("Nothing recorded yet."),
                "theme": _("Theme"), "page": _("Page {page} of {pages}"),
                "spread_note": _("Every answer in the round, all municipalities together."),
                "visits": _("Peer-review visits")},
        profiles=_profiles(db, language),
        lessons=lessons, ideas=ideas,
        task_rows=[[_("Theme"), _("Municipalities")] + ([_("Named")] if name_municipalities
                                                        else [])] + [
            row if name_municipalities else row[:2] for row in task_rows],
        attendance_rows=[[_("Date"), _("Day"), _("Municipalities"), _("People")]]
        + attendance_rows,
        source=MUNICIPALITY_SOURCE[language] if name_municipalities else "",
        **_visits(db, language),
    )


def _visits(db, language: str) -> dict:
    """The peer-review visits in numbers: how many were held, how many people were
    interviewed in which groups, and how many strengths and development areas were found
    in each theme; no text of a finding (they are confidential to their host) and no name."""
    from ilmava_desktop.core import visits as visits_core
    from ilmava_desktop.i18n import ngettext_for
    from ilmava_desktop.services import visits
    from ilmava_desktop.services.groups.pairs import theme_titles
    from ilmava_desktop.services.visits import findings

    if not programme_service.programme(db).has("visits"):
        return {}
    _ = gettext_for(language)
    ngettext = ngettext_for(language)
    found = visits.visits(db)
    held = [v for v in found if v.status in ("held", "findings_written")]
    groups: dict[str, int] = {}
    for v in held:
        for person in v.interviewees:
            groups[person.group] = groups.get(person.group, 0) + 1
    text = ngettext("{held} of {count} visit held", "{held} of {count} visits held",
                    len(found)).format(held=len(held), count=len(found))
    if groups:
        text += "; " + ngettext("{n} person interviewed", "{n} people interviewed",
                                sum(groups.values())).format(n=sum(groups.values()))
        text += " (" + ", ".join(f"{_(visits_core.GROUP_LABELS[g])} {groups[g]}"
                                 for g in visits_core.GROUPS if g in groups) + ")"
    text += "."
    titles = theme_titles(db, language)
    counts: dict[str | None, dict[str, int]] = {}
    for finding in findings.findings(db):
        theme = finding.theme_id if finding.theme_id in titles else None
        counts.setdefault(theme, {"strength": 0, "development": 0})[finding.kind] += 1
    rows = [[_("Theme"), _("Strengths"), _("Development areas")]]
    rows += [[titles[t], str(counts[t]["strength"]), str(counts[t]["development"])]
             for t in titles if t in counts]
    if None in counts:
        rows.append([_("Other"), str(counts[None]["strength"]),
                     str(counts[None]["development"])])
    return {"visits_text": text, "visit_rows": rows}


def _profiles(db, language: str) -> list[RoundProfile]:
    _ = gettext_for(language)
    out = []
    for current in assessment.rounds(db):
        given = assessment.answers(db, current.id)
        if assessment_core.sheet_count(given) < assessment_core.MIN_SHEETS_FOR_DISTRIBUTION:
            continue  # too few sheets to show anything without pointing at someone
        template = assessment.template(db, current.template_id)
        by_municipality: dict[str, list] = {}
        for answer in given:
            by_municipality.setdefault(answer.municipality_id, []).append(answer)
        theme_ids = [t.id for t in template.themes]
        average = assessment_core.cohort_average(
            [assessment_core.theme_scores(template, a) for a in by_municipality.values()],
            theme_ids)
        out.append(RoundProfile(
            current.name_in(language), [(t.id, t.title[language]) for t in template.themes],
            average,
            assessment_core.answer_counts(template, given),
            [(level.value, level.label[language]) for level in template.scale]
            + [(None, template.no_answer[language])], template.values,
            len(by_municipality), assessment_core.sheet_count(given)))
    return out
