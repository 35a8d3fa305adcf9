"""Interview guides: themes with questions in fi/sv/en, read from and written to JSON.

Pure. A guide is checked when it is read, so a wrong file is refused with one sentence
that says what is wrong with it, never half imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import LANGUAGES, _

FORMAT = "ilmava-interview-guide"

# For one person in an hour at most 15 questions, for a group 10 (VISITS.md).
QUESTIONS_ONE_PERSON, QUESTIONS_GROUP = 15, 10


@dataclass(frozen=True)
class GuideTheme:
    id: str
    title: dict[str, str]
    questions: tuple[dict[str, str], ...]
    assessment_themes: tuple[str, ...] = ()
    task_themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guide:
    key: str
    name: dict[str, str]
    closing_question: dict[str, str]
    themes: tuple[GuideTheme, ...]

    def theme(self, theme_id: str) -> GuideTheme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


def text_in(texts: dict[str, str], language: str) -> str:
    """The text in the language, else Finnish, else any."""
    return texts.get(language) or texts.get("fi") or next(iter(texts.values()), "")


def _texts(value, where: str) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {"fi": value.strip()}
    if not isinstance(value, dict) or not any(
            isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES):
        raise RuleViolation(_("The guide’s {where} has no text in Finnish, Swedish or "
                              "English.").format(where=where))
    return {lang: value[lang].strip() for lang in LANGUAGES
            if isinstance(value.get(lang), str) and value[lang].strip()}


def _ids(value) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def parse_guide(data) -> Guide:
    """A guide from its JSON data; RuleViolation naming what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RuleViolation(_("This is not an interview guide (its “format” is not "
                              "“{format}”).").format(format=FORMAT))
    themes_data = data.get("themes")
    if not isinstance(themes_data, list) or not themes_data:
        raise RuleViolation(_("The interview guide has no themes."))
    themes, seen = [], set()
    for number, theme in enumerate(themes_data, start=1):
        if not isinstance(theme, dict) or not str(theme.get("id") or "").strip():
            raise RuleViolation(_("Theme {number} of the guide has no id.").format(
                number=number))
        theme_id = str(theme["id"]).strip()
        if theme_id in seen:
            raise RuleViolation(_("The guide has two themes “{id}”.").format(id=theme_id))
        seen.add(theme_id)
        questions = theme.get("questions")
        if not isinstance(questions, list) or not questions:
            raise RuleViolation(_("The guide’s theme “{id}” has no questions.").format(
                id=theme_id))
        themes.append(GuideTheme(
            theme_id, _texts(theme.get("title"), _("theme “{id}”").format(id=theme_id)),
            tuple(_texts(q, _("question {number} of “{id}”").format(number=n, id=theme_id))
                  for n, q in enumerate(questions, start=1)),
            _ids(theme.get("assessment_themes")), _ids(theme.get("task_themes"))))
    closing = data.get("closing_question") or {
        "fi": "Mikä toimii hyvin, ja mitä pitäisi kehittää?",
        "sv": "Vad fungerar bra, och vad borde utvecklas?",
        "en": "What works well, and what should be developed?"}
    return Guide(str(data.get("key") or "guide"), _texts(data.get("name") or {"fi": "Haastattelupohja"},
                                                         _("name")),
                 _texts(closing, _("closing question")), tuple(themes))


def guide_json(guide: Guide) -> dict:
    return {"format": FORMAT, "version": 1, "key": guide.key, "name": guide.name,
            "closing_question": guide.closing_question,
            "themes": [{"id": t.id, "title": t.title,
                        "assessment_themes": list(t.assessment_themes),
                        "task_themes": list(t.task_themes),
                        "questions": list(t.questions)} for t in guide.themes]}


def default_themes(guide: Guide, task_theme: str | None,
                   weakest_assessment_themes: list[str]) -> list[str]:
    """A visit's themes unless chosen: the one its host's development task belongs to, and
    those of its weakest self-assessment themes, in the guide's order."""
    wanted = {t.id for t in guide.themes if task_theme and task_theme in t.task_themes}
    wanted |= {t.id for t in guide.themes
               if set(t.assessment_themes) & set(weakest_assessment_themes)}
    return [t.id for t in guide.themes if t.id in wanted] or [guide.themes[0].id]


def question_count_warning(guide: Guide, theme_ids: list[str]) -> str | None:
    """Too many questions for an hour's interview of one person."""
    count = sum(len(t.questions) for t in guide.themes if t.id in theme_ids) + 1
    if count > QUESTIONS_ONE_PERSON:
        return _("{count} questions with the closing one: more than {most} fit an hour with "
                 "one person ({group} with a group).").format(
            count=count, most=QUESTIONS_ONE_PERSON, group=QUESTIONS_GROUP)
    return None
