"""What goes into a municipality's report, read once from the cohort as plain data.

The renderer (`reports.municipality_report`) draws this and nothing else, so the same data can
be previewed in the window, rendered in a worker thread, and tested without a PDF. A section
without data says so plainly instead of disappearing silently.
"""

from __future__ import annotations

import json
from datetime import date

from ilmava_desktop.core import assessment as assessment_core
from ilmava_desktop.core import board as board_core
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.municipality_names import (
    BILINGUAL_FINNISH_MAJORITY,
    BILINGUAL_SWEDISH_MAJORITY,
    MUNICIPALITY_SOURCE,
)
from ilmava_desktop.core.roles import ROLES_BY_KEY
from ilmava_desktop.i18n import decimal, gettext_for, ngettext_for
from ilmava_desktop.reports import charts
from ilmava_desktop.reports.municipality_report_content import (
    MunicipalityReport,
    Profile,
    ProfileRow,
    ThemeNotes,
    minus,
)
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import assessment, board
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.services.groups import grouping, pairs, sparrers, sparring
from ilmava_desktop.services.reports import peer_review, texts
from ilmava_desktop.services.visits import findings
from ilmava_desktop.storage import queries

DEMO_LABEL = {"fi": "Esimerkkiaineisto – kuvitteellinen", "sv": "Exempeldata – fiktiv",
              "en": "Example data – fictional"}


def report_language(municipality) -> str:
    return "sv" if municipality.main_language == "sv" else "fi"


def display_both(municipality) -> str:
    """Both names of a bilingual municipality, the majority's language first."""
    if municipality.language_status == BILINGUAL_SWEDISH_MAJORITY:
        return f"{municipality.name_sv} – {municipality.name_fi}"
    if municipality.language_status == BILINGUAL_FINNISH_MAJORITY:
        return f"{municipality.name_fi} – {municipality.name_sv}"
    return municipality.name("sv" if municipality.main_language == "sv" else "fi")


def build(db, municipality_id: str, language: str | None = None,
          names: bool = False, today: date | None = None) -> MunicipalityReport:
    municipality = queries.municipality(db, municipality_id)
    language = language or report_language(municipality)
    _ = gettext_for(language)
    cohort = queries.cohort(db)
    when = format_date(today or date.today(), language)
    profile = programme_service.programme(db)
    labels = {
        "participants": _("Participants"), "task": _("The development task"),
        "assessment": _("Self-assessment"), "notes": _("Strengths and development areas"),
        "peers": _("Peer reviewers and sparrer"), "next": _("Next steps"),
        "strengths": _("Strengths"), "development": _("Development areas"),
        "theme": _("Theme"), "wicked": _("Wicked problem"), "state": _("Current state"),
        "reviewed_by": _("Reviewed by"), "reviews": _("Reviews"), "sparrer": _("Sparrer"),
        "none": _("Nothing recorded yet."),
        "gap": _("Gap"), "page": _("Page {page} of {pages}"),
        "largest": _("Notable differences"),
        "no_gaps": _("No differences of {threshold} or more.").format(
            threshold=decimal(profile.gap_threshold, language)),
        "cohort": _("Cohort"),
        "chart": _("Theme scores on the scale 1–5"),
        "day": _("Day"), "present": _("Present"), "who": _("Who came"),
        "facts": _("Key facts"), "challenges": _("Challenges"),
        "own": _("Ideas, lessons and questions"), "idea": _("Ideas"), "lesson": _("Lessons"),
        "question": _("Questions"), "summary": _("Summary"), "sparring": _("Sparring"),
        "visit": _("Peer-review visit"), "no_visit": _("Nobody reviews this municipality."),
        "visit_when": _("Date and place"), "visit_status": _("Status"),
        "visitors": _("Visiting teams"), "interviewed": _("Interviewed, by group"),
        "visit_findings": _("Findings of the joint debrief, by theme:"),
        "no_findings": _("No findings written yet."),
    }
    municipality_name = display_both(municipality)
    written = texts.report_text(db, municipality_id)
    visited = profile.has("visits")
    peer = peer_review.peer_review(db, municipality_id, language, names,
                                   _theme_titles(db, language)) if visited else None
    # A visit's findings are printed in its own section, not twice.
    in_visit = {f.id for f in findings.findings(db, municipality_id)} if peer else set()
    return MunicipalityReport(
        language=language,
        title=_("{municipality}: strengths and development areas").format(
            municipality=municipality_name),
        programme=profile.name(language), accent=profile.accent,
        sections=profile.sections, logo=profile.logo,
        cohort=cohort.name, municipality=municipality_name, code=municipality.code,
        date=when, demo_label=DEMO_LABEL[language] if cohort.is_demo else "",
        labels=labels,
        participants=_participants(db, municipality_id, language, names),
        participant_days=_day_labels(db, language),
        names_shown=names, source=MUNICIPALITY_SOURCE[language],
        participants_note=_("Names are left out; the programme records roles and attendance.")
        if not names else "",
        theme=wicked_problem_themes().get(municipality.theme or "", {}).get(language, ""),
        wicked_problem=municipality.wicked_problem, current_state=municipality.current_state,
        profile=_profile(db, municipality_id, language, profile.gap_threshold),
        notes=_notes(db, municipality_id, language, in_visit),
        peer_review=peer,
        reviewers=_peer_names(db, municipality_id, language, reviewer=True),
        reviews=_peer_names(db, municipality_id, language, reviewer=False),
        sparrer=_sparrer(db, municipality_id),
        challenges=municipality.challenges,
        key_facts=_key_facts(db, municipality, language, profile),
        own_cards={kind: board_core.top_voted(
            [c for c in board.cards(db) if c.municipality_id == municipality_id], kind, 4)
            for kind in ("idea", "lesson", "question")},
        # The facilitator's own next steps when written, else the board's most voted
        # development areas.
        summary=written.summary,
        next_steps=written.next_steps or board_core.top_voted(
            [c for c in board.cards(db) if c.municipality_id == municipality_id],
            "development", texts.MAX_NEXT_STEPS),
        footer=f"{municipality_name} · {when}",
        **_sparring(db, municipality, language, profile),
    )


def _sparring(db, municipality, language: str, profile) -> dict:
    """The sessions held with the sparrer: date, length, topic and the step agreed; notes
    only when marked publishable (the others stay the facilitator's)."""
    if not profile.has("sparrer"):
        return {}
    _ = gettext_for(language)
    ngettext = ngettext_for(language)
    held = sparring.sessions(db, municipality.id)
    published = any(s.publishable and s.notes for s in held)
    header = [_("Date"), _("Minutes"), _("Topic"), _("Agreed next step")]
    if published:
        header.append(_("Notes"))
    rows = [header]
    for s in held:
        when = format_date(s.date, language)
        row = [when, str(s.minutes), sparring.topic_of(s, municipality, language),
               s.next_step or "–"]
        if published:
            row.append(s.notes if s.publishable and s.notes else "")
        rows.append(row)
    summary = ""
    if held:
        hours = decimal(sum(s.minutes for s in held) / 60, language)
        summary = ngettext("{n} session with the sparrer, {hours} hours in all.",
                           "{n} sessions with the sparrer, {hours} hours in all.",
                           len(held)).format(n=len(held), hours=hours)
    return {"sparring": rows, "sparring_summary": summary}


def _key_facts(db, municipality, language: str, profile) -> list[tuple[str, str]]:
    """What a reader needs first, beside the task: the council's target, who took part and
    on which days, the municipality's groups with their other members, its peers."""
    _ = gettext_for(language)
    target = {True: _("Yes: the council has set a climate target"),
              False: _("No climate target set by the council yet"),
              None: _("Not known")}[municipality.council_target]
    facts = [(_("Council climate target"), target)]
    people = queries.people(db, municipality.id)
    days = queries.days(db)
    if people:
        ids = {p.id for p in people}
        present: dict[str, int] = {}
        for row in queries.attendance(db):
            if row["person_id"] in ids:
                present[row["day_id"]] = present.get(row["day_id"], 0) + 1
        counts = "/".join(str(present.get(d.id, 0)) for d in days)
        ngettext = ngettext_for(language)
        text = ngettext("{n} person", "{n} people", len(people)).format(n=len(people))
        if days:
            text += " · " + _("days 1–{last}: {counts}").format(last=len(days), counts=counts)
        facts.append((_("Participants"), text))
    names = {m.id: m.name(language) for m in queries.municipalities(db)}
    for chosen in grouping.groupings(db) if profile.has("groups") else []:
        placed = grouping.placements(db, chosen.id)
        own = next((p.group for p in placed if p.municipality_id == municipality.id), None)
        if own is None:
            continue
        others = sorted((names[p.municipality_id] for p in placed
                         if p.group == own and p.municipality_id != municipality.id
                         and p.municipality_id in names), key=sort_key(language))
        facts.append((chosen.name, ", ".join(others) or "–"))
    for label, reviewer in ((_("Reviewed by"), True), (_("Reviews"), False)):
        found = _peer_names(db, municipality.id, language, reviewer=reviewer) if (
            profile.has("peer_review")) else []
        if found:
            facts.append((label, ", ".join(found)))
    sparrer = _sparrer(db, municipality.id) if profile.has("sparrer") else ""
    if sparrer:
        facts.append((_("Sparrer"), sparrer))
    return facts


_ALPHABET = {letter: index for index, letter in enumerate("abcdefghijklmnopqrstuvwxyzåäö")}


def sort_key(language: str):
    """Names sorted as Finnish and Swedish sort them, å, ä and ö after z (code points would
    put Åbo before Ähtäri only by luck); English keeps the same order for the same names."""
    return lambda text: [_ALPHABET.get(ch, 100 + ord(ch)) for ch in text.casefold()]


def _participants(db, municipality_id: str, language: str, names: bool) -> list[list[str]]:
    _ = gettext_for(language)
    people = queries.people(db, municipality_id)
    days = queries.days(db)
    present: dict[str, set[str]] = {}
    for row in queries.attendance(db):
        present.setdefault(row["day_id"], set()).add(row["person_id"])
    # Short date heads ("28.1.") keep a week of days in columns; the full dates and titles
    # go into the report's `participant_days` for when the days have to be rows.
    header = [_("Name") if names else _("Role"), _("People") if not names else _("Role")] + [
        short_date(d.date, language) or d.title_in(language) for d in days]
    rows = [header]
    if names:
        for person in sorted(people, key=lambda p: p.name):
            role = _(ROLES_BY_KEY[person.role].label) if person.role in ROLES_BY_KEY else ""
            rows.append([person.name, person.title or role] + [
                "✓" if person.id in present.get(d.id, set()) else "" for d in days])
        return rows
    by_role: dict[str, list] = {}
    for person in people:
        role = _(ROLES_BY_KEY[person.role].label) if person.role in ROLES_BY_KEY else person.role
        by_role.setdefault(role, []).append(person)
    for role, group in sorted(by_role.items()):
        rows.append([role, str(len(group))] + [
            str(sum(1 for p in group if p.id in present.get(d.id, set()))) for d in days])
    if len(rows) > 1:
        rows.append([_("In all"), str(len(people))] + [
            str(sum(1 for p in people if p.id in present.get(d.id, set()))) for d in days])
    return rows


ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec")


def short_date(value: date | None, language: str) -> str:
    """A day's date without its year, as a column head: "28.1." (fi, sv), "28 Jan" (en)."""
    if value is None:
        return ""
    if language == "en":
        return f"{value.day} {ENGLISH_MONTHS[value.month - 1]}"
    return f"{value.day}.{value.month}."


def _day_labels(db, language: str) -> list[str]:
    """Each day in full, for a table with the days as rows: "28.1.2026 Aloituspäivä"."""
    return [" ".join(part for part in (
        format_date(d.date, language),
        d.title_in(language)) if part) for d in queries.days(db)]


# A gap is flagged only when each side rests on at least this many answers on the theme:
# two sheets' answers are an anecdote, not a difference.
MIN_ANSWERS_FOR_GAP = 3
# At most this many gaps of each kind are written out (ties with the last are named too).
GAPS_OF_EACH_KIND = 2


def _profile(db, municipality_id: str, language: str,
             threshold: float = assessment_core.GAP_THRESHOLD) -> Profile | None:
    _ = gettext_for(language)
    ngettext = ngettext_for(language)
    rounds = assessment.rounds(db)[:2]
    if not rounds:
        return None
    first_template = assessment.template(db, rounds[0].template_id)
    series, columns, dont_know, slots, sheets, answered = [], [], [], [], [], []
    cohort_average, average_round = None, None
    for index, current in enumerate(rounds):
        template = assessment.template(db, current.template_id)
        given = assessment.answers(db, current.id)
        if index == 0:
            by_municipality: dict[str, list] = {}
            for answer in given:
                by_municipality.setdefault(answer.municipality_id, []).append(answer)
            cohort_average = assessment_core.cohort_average(
                [assessment_core.theme_scores(template, a) for a in by_municipality.values()],
                [t.id for t in template.themes])
            average_round = current
        own = [a for a in given if a.municipality_id == municipality_id]
        if not own:
            continue
        count = assessment_core.sheet_count(own)
        series.append(current.name_in(language))
        sheets.append(count)
        slots.append(charts.FIRST_ROUND if index == 0 else charts.SECOND_ROUND)
        columns.append(assessment_core.theme_scores(template, own))
        per_theme: dict[str, int] = {}
        for a in own:
            if a.value is not None:
                theme = template.theme_of(a.statement_id)
                per_theme[theme] = per_theme.get(theme, 0) + 1
        answered.append(per_theme)
        share = sum(1 for a in own if a.value is None) / len(own)
        if share > assessment_core.DONT_KNOW_WARNING:
            dont_know.append(_("{round}: {share} % of the answers were “don't know”; its "
                               "averages rest on fewer answers than the sheets suggest.").format(
                round=current.name_in(language), share=round(share * 100)))
    if not columns or cohort_average is None:
        return None
    series.append(_("Cohort average ({round})").format(round=average_round.name_in(language)))
    columns.append(cohort_average)
    slots.append(charts.COHORT_AVERAGE)
    titles = {t.id: t.title[language] for t in first_template.themes}
    numbers = {t.id: n for n, t in enumerate(first_template.themes, start=1)}

    def enough(theme_id: str, *sides: int) -> bool:
        return all(answered[side].get(theme_id, 0) >= MIN_ANSWERS_FOR_GAP for side in sides)

    # Officials against politicians: the second round against the first.
    two_rounds = len(columns) == 3
    gaps = assessment_core.gaps(columns[0], columns[1]) if two_rounds else []
    flagged = assessment_core.largest_gaps([g for g in gaps if enough(g.theme_id, 0, 1)],
                                           GAPS_OF_EACH_KIND, threshold)
    # The municipality against the cohort, in the round the average is of.
    own_first = slots[0] == charts.FIRST_ROUND
    to_cohort = assessment_core.gaps(cohort_average, columns[0]) if own_first else []
    flagged_cohort = assessment_core.largest_gaps(
        [g for g in to_cohort if enough(g.theme_id, 0)], GAPS_OF_EACH_KIND, threshold)
    rows = []
    gap_of = {g.theme_id: g.gap for g in gaps}
    cohort_gap_of = {g.theme_id: g.gap for g in to_cohort}
    for theme in first_template.themes:
        rows.append(ProfileRow(theme.id, theme.title[language],
                               [c.get(theme.id) for c in columns], gap_of.get(theme.id),
                               cohort_gap_of.get(theme.id)))

    def number(value: float) -> str:
        return minus(decimal(value, language))

    sentences = []
    for g in flagged:
        text = (_("Theme {number} {theme}: {second} rated it {size} higher than {first} "
                  "({high} vs {low}).") if g.gap > 0 else
                _("Theme {number} {theme}: {second} rated it {size} lower than {first} "
                  "({low} vs {high})."))
        sentences.append(text.format(
            number=numbers[g.theme_id], theme=titles[g.theme_id], first=series[0],
            second=series[1], size=number(abs(g.gap)), high=number(max(g.first, g.second)),
            low=number(min(g.first, g.second))))
    for g in flagged_cohort:
        text = (_("Theme {number} {theme}: {round} {size} above the cohort average "
                  "({own} vs {average}).") if g.gap > 0 else
                _("Theme {number} {theme}: {round} {size} below the cohort average "
                  "({own} vs {average})."))
        sentences.append(text.format(
            number=numbers[g.theme_id], theme=titles[g.theme_id], round=series[0],
            size=number(abs(g.gap)), own=number(g.second), average=number(g.first)))
    legend = [_("{name} ({count})").format(
        name=name, count=ngettext("n = {n} sheet", "n = {n} sheets", n).format(n=n))
        for name, n in zip(series, sheets, strict=False)] + [series[-1]]
    words = [level.label.get(language) or level.label.get("fi", "")
             for level in first_template.scale]
    return Profile(series, rows, sentences, dont_know, first_template.values,
                   marked=[g.theme_id for g in flagged], compared=bool(gaps) or bool(to_cohort),
                   slots=slots, legend=legend, scale_words=words,
                   marked_cohort=[g.theme_id for g in flagged_cohort])


def _theme_titles(db, language: str) -> dict[str, str]:
    template = json.loads(assessment.cohort_template_body(db))
    return {t["id"]: t["title"].get(language) or t["title"]["fi"] for t in template["themes"]}


def _notes(db, municipality_id: str, language: str,
           leave_out: set[str] = frozenset()) -> list[ThemeNotes]:
    """The board's strengths and development areas (confidential ones too: the report goes to
    the municipality itself) and the assessment's comments, by theme; `leave_out` are cards
    printed elsewhere (a visit's findings)."""
    _ = gettext_for(language)
    titles = _theme_titles(db, language)
    by_theme: dict[str | None, dict[str, list[str]]] = {}
    for card in board.cards(db):
        if card.municipality_id != municipality_id or card.kind not in ("strength",
                                                                         "development"):
            continue
        if card.id in leave_out:
            continue
        by_theme.setdefault(card.theme_id if card.theme_id in titles else None, {
            "strength": [], "development": []})[card.kind].append(card.text)
    for current in assessment.rounds(db):
        for (theme, kind), text in assessment.comments(db, current.id, municipality_id).items():
            if not text.strip():
                continue
            target = by_theme.setdefault(theme if theme in titles else None,
                                         {"strength": [], "development": []})
            for line in text.splitlines():
                if line.strip():
                    target["strength" if kind == "strengths" else "development"].append(
                        line.strip())
    notes = [ThemeNotes(titles[t], by_theme[t]["strength"], by_theme[t]["development"])
             for t in titles if t in by_theme]
    if None in by_theme:
        notes.append(ThemeNotes(_("Other"), by_theme[None]["strength"],
                                by_theme[None]["development"]))
    return notes


def _peer_names(db, municipality_id: str, language: str, reviewer: bool) -> list[str]:
    names = {m.id: m.name(language) for m in queries.municipalities(db)}
    if reviewer:
        return sorted(names[p.reviewer_id] for p in pairs.saved_pairs(db)
                      if p.reviewee_id == municipality_id and p.reviewer_id in names)
    return sorted(names[p.reviewee_id] for p in pairs.saved_pairs(db)
                  if p.reviewer_id == municipality_id and p.reviewee_id in names)


def _sparrer(db, municipality_id: str) -> str:
    match = sparrers.saved_matches(db).get(municipality_id)
    if match is None:
        return ""
    bank = {s.id: s for s in sparrers.sparrers(db)}
    s = bank.get(match[0])
    return f"{s.name}, {s.organisation}" if s and s.organisation else (s.name if s else "")
