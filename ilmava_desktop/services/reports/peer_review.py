"""The peer-review section of a municipality's report (Motiva's peer learning): who visited,
when, whom they met (role groups and counts, never names) and what they found.

Plain data for the renderer, in the report's language. Interviewees are never named (they
were promised names and workplaces stay out of the report); the visiting teams are named
only when the report names participants, else by role.
"""

from __future__ import annotations

from datetime import date

from ilmava_desktop.core import visits as visits_core
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.roles import ROLES_BY_KEY
from ilmava_desktop.i18n import gettext_for, ngettext_for
from ilmava_desktop.reports.municipality_report_content import PeerReview, ThemeNotes
from ilmava_desktop.services import visits
from ilmava_desktop.services.visits import findings as findings_service


def peer_review(db, municipality_id: str, language: str, names: bool,
                titles: dict[str, str]) -> PeerReview | None:
    """The section for the host's visit; None when nobody reviews the municipality.
    `titles` are the self-assessment themes' titles the findings are grouped by."""
    found = visits.visit(db, municipality_id)
    if found is None:
        return None
    _ = gettext_for(language)
    ngettext = ngettext_for(language)
    teams = {t.municipality.id: t for t in visits.teams(db)}
    visitors = []
    for reviewer in found.reviewer_ids:
        team = teams.get(reviewer)
        if team is None:
            continue
        if names:
            members = [p.name for p in team.members]
        else:
            members = [_(ROLES_BY_KEY[p.role].label) if p.role in ROLES_BY_KEY else p.title
                       for p in team.members]
        visitors.append((team.municipality.name(language), ", ".join(members) or "–"))
    when = (format_date(date.fromisoformat(found.date), language) if found.date
            else _("date not set"))
    counts = {group: 0 for group in visits_core.GROUPS}
    for person in found.interviewees:
        counts[person.group] = counts.get(person.group, 0) + 1
    interviewed = [(_(visits_core.GROUP_LABELS[group]), count)
                   for group, count in counts.items() if count]
    total = len(found.interviewees)
    met = ngettext("{n} person interviewed", "{n} people interviewed", total).format(n=total)
    approved = found.checklist.get("report")
    approval = _("Approved by {municipality} on {date}").format(
        municipality=found.host.name(language),
        date=format_date(date.fromisoformat(approved), language)) \
        if approved else _("Draft: not yet approved by {municipality}").format(
            municipality=found.host.name(language))
    return PeerReview(
        date=when, place=found.place, status=_(visits_core.STATUS_LABELS[found.status]),
        approval=approval,
        visitors=visitors, interviewed=interviewed, interviewed_total=met,
        findings=_findings(db, municipality_id, language, titles))


def _findings(db, municipality_id: str, language: str,
              titles: dict[str, str]) -> list[ThemeNotes]:
    _ = gettext_for(language)
    by_theme: dict[str | None, dict[str, list[str]]] = {}
    for finding in findings_service.findings(db, municipality_id):
        theme = finding.theme_id if finding.theme_id in titles else None
        by_theme.setdefault(theme, {"strength": [], "development": []})[finding.kind].append(
            finding.text)
    notes = [ThemeNotes(titles[t], by_theme[t]["strength"], by_theme[t]["development"])
             for t in titles if t in by_theme]
    if None in by_theme:
        notes.append(ThemeNotes(_("Other"), by_theme[None]["strength"],
                                by_theme[None]["development"]))
    return notes
