"""Printed groups, peer-review pairs and sparrer assignments, in the language asked for."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.municipality_names import MUNICIPALITY_SOURCE
from ilmava_desktop.core.roles import ROLES_BY_KEY
from ilmava_desktop.core.sorting import alphabet_key
from ilmava_desktop.i18n import gettext_for
from ilmava_desktop.reports.table_document import Section, TableDocument, TableDocumentRenderer
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services.groups import grouping, pairs, sparrers
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.services.output_files import AUTHOR, write_pdf
from ilmava_desktop.storage import queries


def _document(db, language: str, title: str, subtitle: str, sections: list[Section],
              landscape: bool = False) -> TableDocument:
    _ = gettext_for(language)
    cohort = queries.cohort(db)
    # Every one of these lists municipalities: each carries the list's source line.
    return TableDocument(title, subtitle, sections, cohort.name, _("Page {page} of {pages}"),
                         AUTHOR, language, landscape, source=MUNICIPALITY_SOURCE[language])


def groups_document(db, grouping_id: str, language: str) -> TableDocument:
    _ = gettext_for(language)
    chosen = next(g for g in grouping.groupings(db) if g.id == grouping_id)
    solution = grouping.solution_of(db, chosen, language)
    municipalities = {m.id: m for m in queries.municipalities(db)}
    themes = {t: labels[language] for t, labels in wicked_problem_themes().items()}
    day = next((d for d in queries.days(db) if d.id == chosen.day_id), None)
    sections = []
    for number, group in enumerate(solution.groups, start=1):
        rows = [[municipalities[m].name(language), themes.get(municipalities[m].theme or "", ""),
                 municipalities[m].wicked_problem] for m in group.members if m in municipalities]
        sections.append(Section(
            _("Group {k}").format(k=number), "; ".join(group.reasons),
            [_("Municipality"), _("Theme"), _("Development task")], rows, [1.2, 1.6, 3.2]))
    subtitle = " · ".join(part for part in (
        chosen.name, f"{format_date(day.date, language)} {day.venue}".strip() if day else "") if part)
    return _document(db, language, _("Thematic groups"), subtitle, sections)


def _contacts(db, language: str) -> dict[str, str]:
    """Each municipality's people by role, counted: whom to contact, with no names."""
    _ = gettext_for(language)
    counts: dict[str, dict[str, int]] = {}
    for person in queries.people(db):
        role = _(ROLES_BY_KEY[person.role].label) if person.role in ROLES_BY_KEY else person.role
        by_role = counts.setdefault(person.municipality_id, {})
        by_role[role] = by_role.get(role, 0) + 1
    return {m: ", ".join(f"{role} ({n})" if n > 1 else role for role, n in sorted(roles.items()))
            for m, roles in counts.items()}


def _box(done: bool) -> str:
    """A box to tick on paper, ticked when the review is already done."""
    return "☑" if done else "☐"


def pairs_document(db, language: str) -> TableDocument:
    _ = gettext_for(language)
    municipalities = {m.id: m for m in queries.municipalities(db)}
    contacts = _contacts(db, language)
    saved = pairs.saved_pairs(db)
    apart = pairs.without_shared_language(db)

    def marked(name: str, pair) -> str:
        return (f"{name} — ▲ " + _("no shared language")
                if (pair.reviewer_id, pair.reviewee_id) in apart else name)

    sections = []
    for m in sorted(municipalities.values(),
                    key=lambda m: alphabet_key(m.name(language), language)):
        reviews = [p for p in saved if p.reviewer_id == m.id]
        reviewed_by = [p for p in saved if p.reviewee_id == m.id]
        if not reviews and not reviewed_by:
            continue
        rows = [[_("reviews"), marked(municipalities[p.reviewee_id].name(language), p),
                 contacts.get(p.reviewee_id, ""), _box(p.done)]
                for p in reviews] + [
                [_("is reviewed by"), marked(municipalities[p.reviewer_id].name(language), p),
                 contacts.get(p.reviewer_id, ""), _box(p.done)]
                for p in reviewed_by]
        sections.append(Section(m.name(language), _("Contacts here: {roles}").format(
            roles=contacts.get(m.id, "–")), [_("Role in the pair"), _("Municipality"), _("Contact roles"),
                                             _("Done")], rows, [1.3, 1.4, 3.0, 0.6]))
    return _document(db, language, _("Peer-review pairs"), queries.cohort(db).name, sections)


def sparrers_document(db, language: str) -> TableDocument:
    _ = gettext_for(language)
    municipalities = {m.id: m for m in taking_part(db)}
    themes = {t: labels[language] for t, labels in wicked_problem_themes().items()}
    bank = {s.id: s for s in sparrers.sparrers(db)}
    rows = []
    for m_id, (sparrer_id, _locked) in sparrers.saved_matches(db).items():
        m, s = municipalities.get(m_id), bank.get(sparrer_id)
        if m is None or s is None:
            continue
        rows.append([m.name(language), themes.get(m.theme or "", ""), s.name, s.organisation])
    rows.sort(key=lambda row: row[0])
    section = Section(_("Sparrer for each municipality"), "",
                      [_("Municipality"), _("Theme"), _("Sparrer"), _("Organisation")], rows,
                      [1.2, 2.0, 1.2, 1.6])
    return _document(db, language, _("Sparrers"), queries.cohort(db).name, [section])


def write_document(document: TableDocument, target: Path) -> Path:
    return write_pdf(TableDocumentRenderer().render(document), target)
