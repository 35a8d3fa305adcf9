"""A visit's pack as a PDF, in the host's language (or the visitors' when they share none)."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core import visits as core
from ilmava_desktop.core.dates import format_date, format_minutes
from ilmava_desktop.core.guides import text_in
from ilmava_desktop.core.municipality_names import (
    BILINGUAL_FINNISH_MAJORITY,
    BILINGUAL_SWEDISH_MAJORITY,
)
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import LANGUAGES, _, gettext_for
from ilmava_desktop.reports.visit_pack import PackTheme, VisitPack, VisitPackRenderer
from ilmava_desktop.services.output_files import AUTHOR, write_pdf
from ilmava_desktop.services.visits import guides, schedule, visit, visitor_ids
from ilmava_desktop.storage import queries


def host_languages(municipality) -> set[str]:
    if municipality.language_status in (BILINGUAL_FINNISH_MAJORITY, BILINGUAL_SWEDISH_MAJORITY):
        return {"fi", "sv"}
    return {municipality.main_language}


def pack_language(db, host_id: str) -> tuple[str, bool]:
    """The host's language, unless no visiting team speaks it: then the visitors' (and
    True, so the pack says why)."""
    host = queries.municipality(db, host_id)
    found = visit(db, host_id)
    visitors = {queries.municipality(db, r).main_language for r in found.reviewer_ids} \
        if found else set()
    spoken = host_languages(host)
    if not visitors or visitors & spoken:
        return host.main_language, False
    return sorted(visitors)[0], True


def visit_pack(db, *, host_id: str, language: str | None = None) -> VisitPack:
    found = visit(db, host_id)
    if found is None:
        raise RuleViolation(_("Nobody reviews {municipality}: save the peer-review pairs "
                              "first.").format(municipality=queries.municipality(
                                  db, host_id).name()))
    chosen, shared_none = pack_language(db, host_id)
    language = language or chosen
    if language not in LANGUAGES:
        raise RuleViolation(_("Unknown language “{language}”.").format(language=language))
    return _pack(db, found, language, shared_none and language == chosen)


def _pack(db, found, language: str, say_language: bool) -> VisitPack:
    _ = gettext_for(language)  # the pack's language, whatever the window speaks
    host = found.host
    cohort = queries.cohort(db)
    names = schedule.names(db, found)
    municipalities = {m.id: m for m in queries.municipalities(db)}
    titles = schedule.slot_titles(found, _)
    rows = []
    for number, slot in enumerate(found.schedule):
        what = titles[number]
        start, end = (format_minutes(core.minutes(slot[key]), language)
                      for key in ("start", "end"))
        rows.append((f"{start}–{end}",
                     _("room {room}").format(room=slot["room"]) if slot.get("room") else "",
                     what, schedule.interviewer_text(slot, names, _)
                     if slot["kind"] == core.INTERVIEW else ""))
    guide = guides.guide(db)
    covered = guides.visit_themes(db, found)
    day = format_date(_date(found.date), language) if found.date else _("date not set")
    subtitle = " · ".join(part for part in (cohort.name, day, found.place) if part)
    note = ""
    if say_language:
        note = _("The visiting teams share no language with {municipality}: this pack is "
                  "in their language.").format(municipality=host.name(language))
    preparations = {}
    for meeting in found.preparations:
        if meeting.reviewer_id in municipalities:
            when = (format_date(_date(meeting.date), language) if meeting.date
                    else _("date not set"))
            preparations[municipalities[meeting.reviewer_id].name(language)] = _(
                "Preparation meeting: {when}{place}").format(
                when=when, place=f" · {meeting.place}" if meeting.place else "")
    profile = _profile(db, host.id, language)
    return VisitPack(
        preparations=preparations,
        profile_columns=(_("Theme"), host.name(language), _("Cohort average")),
        profile=profile,
        profile_note=_("The host's latest self-assessment on the scale 1–5: ask about what "
                       "it does not already answer.") if profile else "",
        title=_("Visit pack: {municipality}").format(municipality=host.name(language)),
        subtitle=subtitle, language_note=note,
        headings={"programme": _("Programme of the day"), "teams": _("Visiting teams"),
                  "interviewees": _("Interviewees"), "guide": _("Interview questions"),
                  "closing": _("To close every interview"),
                  "profile": _("The host's self-assessment")},
        schedule_columns=(_("Time"), _("Room"), _("What"), _("Interviewers")),
        schedule=rows,
        teams=[(municipalities[r].name(language), [names.get(p, "") for p in people])
               for r, people in visitor_ids(db, found).items() if r in municipalities],
        interviewee_columns=(_("Interviewee"), _("Interview group")),
        interviewees=[(i.name, _(core.GROUP_LABELS[i.group])) for i in found.interviewees],
        briefing=_("At the start of each interview: say why we are here and who is present, "
                    "and that names and workplaces stay out of the report. One of us asks, "
                    "the other takes notes and asks what was missed at the end."),
        themes=[PackTheme(text_in(t.title, language), [text_in(q, language)
                                                       for q in t.questions])
                for t in guide.themes if t.id in covered],
        closing_question=text_in(guide.closing_question, language),
        empty=_("Not yet planned."),
        footer_left=f"{cohort.name} · {host.name(language)}",
        footer=_("Page {page} of {pages}"), author=AUTHOR, language=language)


def _profile(db, host_id: str, language: str) -> list[tuple[str, str, str]]:
    """The host's theme scores in its latest round beside the cohort's average."""
    from ilmava_desktop.i18n import decimal
    from ilmava_desktop.services.groups.pairs import theme_scores, theme_titles

    scores = theme_scores(db)
    own = scores.get(host_id, {})
    if not own:
        return []
    rows = []
    for theme, title in theme_titles(db, language).items():
        others = [s[theme] for s in scores.values() if theme in s]
        rows.append((title, decimal(own[theme], language) if theme in own else "–",
                     decimal(sum(others) / len(others), language) if others else "–"))
    return rows


def _date(text: str):
    from datetime import date

    return date.fromisoformat(text)


def write_visit_pack(db, *, host_id: str, target: Path, language: str | None = None) -> Path:
    return write_pdf(VisitPackRenderer().render(visit_pack(db, host_id=host_id,
                                                           language=language)), target)
