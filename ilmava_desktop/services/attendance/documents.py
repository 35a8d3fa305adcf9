"""Printed material for a day: name badges and the sign-in sheet, as PDF files."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core.attendance import badge_code
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.model import Day
from ilmava_desktop.core.roles import ROLES_BY_KEY
from ilmava_desktop.core.sorting import alphabet_key
from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.reports.badges import Badge, BadgeRenderer, BadgeSheet
from ilmava_desktop.reports.signin_sheet import SignInGroup, SignInSheet, SignInSheetRenderer
from ilmava_desktop.services.attendance import day_label, overview
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.services.output_files import AUTHOR, write_pdf
from ilmava_desktop.storage import queries


def _role(person) -> str:
    """The person's own title when they gave one, else the programme's role."""
    if person.title:
        return person.title
    return _(ROLES_BY_KEY[person.role].label) if person.role in ROLES_BY_KEY else ""


def badge_sheet(session, day: Day) -> BadgeSheet:
    """Badges for the day's invited people, by municipality in the page's language."""
    db = session.db
    cohort = queries.cohort(db)
    language = current_language()
    municipalities = {m.id: m.name(language) for m in taking_part(db)}
    invited = queries.invited(db, day.id)
    badges = [Badge(p.name, _role(p), municipalities[p.municipality_id],
                    badge_code(cohort.id, p.token))
              for p in sorted((p for p in queries.people(db) if p.id in invited
                               and p.municipality_id in municipalities),
                              key=lambda p: (alphabet_key(municipalities[p.municipality_id],
                                                          language),
                                             alphabet_key(p.name, language)))]
    footer = f"{cohort.name} · {format_date(day.date)} {day.venue}".strip()
    return BadgeSheet(_("Name badges – {cohort}").format(cohort=cohort.name), footer, AUTHOR,
                      language, badges)


def signin_sheet(session, day: Day) -> SignInSheet:
    """The day's invited people by municipality, in the page's language's order."""
    cohort = queries.cohort(session.db)
    language = current_language()
    people = {p.id: p for p in queries.people(session.db)}
    by_name = sorted(overview(session, day, language),
                     key=lambda group: alphabet_key(group.name, language))
    groups = [
        SignInGroup(group.name, _("{low}–{high} people").format(low=group.minimum,
                                                               high=group.maximum),
                    sorted(((person.name, _role(people[person.id])) for person in group.people
                            if person.invited),
                           key=lambda named: alphabet_key(named[0], language)),
                    group.maximum)
        for group in by_name if group.invited
    ]
    return SignInSheet(
        _("Sign-in sheet"), f"{cohort.name} · {day_label(day, language)}",
        (_("Name"), _("Title or role"), _("Signature")),
        _("Page {page} of {pages}"),
        AUTHOR, current_language(), groups)


def write_badges(session, day: Day, target: Path) -> Path:
    return write_pdf(BadgeRenderer().render(badge_sheet(session, day)), target)


def write_signin_sheet(session, day: Day, target: Path) -> Path:
    return write_pdf(SignInSheetRenderer().render(signin_sheet(session, day)), target)
