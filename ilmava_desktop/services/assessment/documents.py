"""Printed self-assessment material: the paper form of a template, in any of our languages."""

from __future__ import annotations

import json
from pathlib import Path

from ilmava_desktop.core import assessment as core
from ilmava_desktop.i18n import LANGUAGES, gettext_for
from ilmava_desktop.reports.paper_form import FormTheme, PaperForm, PaperFormRenderer
from ilmava_desktop.services import assessment
from ilmava_desktop.services.output_files import AUTHOR, write_pdf
from ilmava_desktop.storage import queries


def paper_form(session, language: str, round_name: str | None = None) -> PaperForm:
    """The form of a round's template, or of the cohort's when no round is named."""
    if language not in LANGUAGES:
        raise ValueError(language)
    _ = gettext_for(language)  # the form's language, whatever the window speaks
    db = session.db
    found = assessment.find_round(db, round_name) if round_name else None
    if round_name and found is None:
        from ilmava_desktop.core.rules import RuleViolation

        raise RuleViolation(_("There is no round “{name}”.").format(name=round_name))
    template = core.parse_template(json.loads(
        assessment.template_body(db, found.id if found else None)))
    cohort = queries.cohort(db)
    subtitle = cohort.name + (f" · {found.name}" if found else "")
    return PaperForm(
        title=template.title[language],
        subtitle=subtitle,
        instructions=_("Tick one box per statement: how far has your municipality come? "
                       "Tick “{no_answer}” when you cannot say. Answers are anonymous: "
                       "do not write your name.").format(no_answer=template.no_answer[language]),
        fill_in=[_("Municipality"), _("Sheet number")],
        scale=[(str(level.value), level.label[language], level.description.get(language, ""))
               for level in template.scale]
        + [(_("DK"), template.no_answer[language], "")],
        free_text=(_("Strengths of the theme"), _("Development areas of the theme")),
        themes=_numbered_themes(template, language),
        footer_left=cohort.name,
        footer=_("Page {page} of {pages}"),
        author=AUTHOR, language=language)


def write_paper_form(session, target: Path, language: str,
                     round_name: str | None = None) -> Path:
    return write_pdf(PaperFormRenderer().render(paper_form(session, language, round_name)),
                     target)


def _numbered_themes(template: core.Template, language: str) -> list[FormTheme]:
    """Statements numbered 1–30 in the grid's order, so entering a form is reading down it."""
    themes, number = [], 0
    for theme in template.themes:
        statements = []
        for statement in theme.statements:
            number += 1
            statements.append((str(number), statement.text[language]))
        themes.append(FormTheme(theme.title[language], statements))
    return themes
