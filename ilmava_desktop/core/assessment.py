"""The self-assessment: a template of themes and statements, and how answers become scores.

Pure: the template is parsed from its JSON text; scores are computed from plain answers.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ilmava_desktop.core.rules import RuleViolation, excerpt
from ilmava_desktop.i18n import _, decimal

LANGUAGES = ("fi", "sv", "en")
# A distribution of answers is shown only from this many sheets, so nobody can be singled out.
MIN_SHEETS_FOR_DISTRIBUTION = 3
# Sheets are numbered 1…MAX_SHEET, in the window and in imported files alike.
MAX_SHEET = 999


@dataclass(frozen=True)
class Statement:
    id: str
    text: dict[str, str]


@dataclass(frozen=True)
class Theme:
    id: str
    title: dict[str, str]
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class ScaleLevel:
    value: int
    label: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)  # empty when the file has none


@dataclass(frozen=True)
class Template:
    key: str
    title: dict[str, str]
    scale: tuple[ScaleLevel, ...]
    no_answer: dict[str, str]
    themes: tuple[Theme, ...]

    @property
    def statements(self) -> list[Statement]:
        return [s for t in self.themes for s in t.statements]

    @property
    def values(self) -> range:
        return range(self.scale[0].value, self.scale[-1].value + 1)

    def theme_of(self, statement_id: str) -> str:
        return statement_id.split(".", 1)[0]


def _texts(data: dict, where: str) -> dict[str, str]:
    texts = {lang: (data.get(lang) or "").strip() for lang in LANGUAGES}
    if not texts["fi"]:
        raise RuleViolation(_("The template has no Finnish text for {where}.").format(
            where=excerpt(str(where))))
    return {lang: text or texts["fi"] for lang, text in texts.items()}


def _descriptions(level: dict) -> dict[str, str]:
    texts = {lang: (level.get(f"desc_{lang}") or "").strip() for lang in LANGUAGES}
    if not texts["fi"]:
        return {}
    return {lang: text or texts["fi"] for lang, text in texts.items()}


def parse_template(data: dict) -> Template:
    """Check a template (the default or an imported one) and turn it into plain data."""
    try:
        scale = tuple(ScaleLevel(int(level["value"]), _texts(level, f"scale {level['value']}"),
                                 _descriptions(level)) for level in data["scale"])
        themes = []
        seen: set[str] = set()
        for theme in data["themes"]:
            statements = []
            for statement in theme["statements"]:
                statement_id = str(statement["id"])
                if statement_id in seen or not statement_id.startswith(theme["id"] + "."):
                    raise RuleViolation(_("Statement id “{id}” is repeated or not of its theme.")
                                        .format(id=excerpt(statement_id)))
                seen.add(statement_id)
                statements.append(Statement(statement_id, _texts(statement, statement_id)))
            themes.append(Theme(str(theme["id"]), _texts(theme["title"], theme["id"]),
                                tuple(statements)))
        template = Template(str(data["id"]), _texts(data["title"], "title"), scale,
                            _texts(data.get("no_answer", {"fi": "En osaa sanoa"}), "no_answer"),
                            tuple(themes))
    except RuleViolation:
        raise
    except KeyError as exc:
        raise RuleViolation(_("This is not a self-assessment template ({detail}).").format(
            detail=_("“{key}” is missing").format(key=excerpt(str(exc.args[0]))))) from exc
    except (TypeError, ValueError, AttributeError, OverflowError) as exc:
        # A file of the wrong shape: a list where texts belong, "1e400" as a value.
        raise RuleViolation(_("This is not a self-assessment template ({detail}).").format(
            detail=excerpt(str(exc), 80))) from exc
    if not template.themes or not template.statements:
        raise RuleViolation(_("The template has no statements."))
    values = [level.value for level in scale]
    # Compared pairwise: a range from 1 to 10**12 is not built to find it is not consecutive.
    if not values or any(b != a + 1 for a, b in zip(values, values[1:], strict=False)):
        raise RuleViolation(_("The template's scale must be consecutive numbers."))
    return template


@dataclass(frozen=True)
class Answer:
    municipality_id: str
    sheet: int
    statement_id: str
    value: int | None  # None: "don't know"


def theme_scores(template: Template, answers: list[Answer]) -> dict[str, float | None]:
    """Mean of the numeric answers per theme, sheets pooled, "don't know" left out."""
    pooled: dict[str, list[int]] = {theme.id: [] for theme in template.themes}
    for answer in answers:
        if answer.value is not None:
            pooled.setdefault(template.theme_of(answer.statement_id), []).append(answer.value)
    return {theme: (statistics.fmean(values) if values else None)
            for theme, values in pooled.items() if theme in {t.id for t in template.themes}}


def cohort_average(per_municipality: list[dict[str, float | None]],
                   theme_ids: list[str]) -> dict[str, float | None]:
    """Each municipality with a score in the theme counts once."""
    result = {}
    for theme in theme_ids:
        scores = [scores[theme] for scores in per_municipality if scores.get(theme) is not None]
        result[theme] = statistics.fmean(scores) if scores else None
    return result


def distribution(values: list[int], sheets: int, scale: range) -> dict[int, int] | None:
    """How many answers had each value; None when too few sheets to show it anonymously."""
    if sheets < MIN_SHEETS_FOR_DISTRIBUTION:
        return None
    return {value: values.count(value) for value in scale}


def answer_counts(template: Template, answers: list[Answer]) -> dict[str, dict[int | None, int]]:
    """Per theme how many answers had each value (None: "don't know"), sheets pooled."""
    counts: dict[str, dict[int | None, int]] = {
        theme.id: {**{value: 0 for value in template.values}, None: 0}
        for theme in template.themes}
    for answer in answers:
        theme = counts.get(template.theme_of(answer.statement_id))
        if theme is not None and answer.value in theme:
            theme[answer.value] += 1
    return counts


def sheet_count(answers: list[Answer]) -> int:
    return len({(a.municipality_id, a.sheet) for a in answers})


@dataclass(frozen=True)
class Gap:
    theme_id: str
    first: float | None
    second: float | None

    @property
    def gap(self) -> float | None:
        if self.first is None or self.second is None:
            return None
        return self.second - self.first


def gaps(first: dict[str, float | None], second: dict[str, float | None]) -> list[Gap]:
    return [Gap(theme, first.get(theme), second.get(theme)) for theme in first]


# The smallest gap between two rounds worth pointing out unless the cohort chose another: on
# a 1–5 scale of a few sheets a tenth is noise, half a step is what a council would discuss.
GAP_THRESHOLD = 0.5
# The range a cohort may choose its threshold from (one decimal): below a tenth every
# difference is marked, above the scale's width none can be.
GAP_THRESHOLD_RANGE = (0.1, 4.0)
# A round's averages rest on few answers when more than this share answered "don't know":
# the report then says so.
DONT_KNOW_WARNING = 0.25


def valid_gap_threshold(value: float) -> float:
    """The threshold rounded to one decimal; a RuleViolation when it is outside the range."""
    low, high = GAP_THRESHOLD_RANGE
    if value != value or not low <= round(value, 1) <= high:
        raise RuleViolation(_("The gap to mark must be from {low} to {high}.").format(
            low=decimal(low), high=decimal(high)))
    return round(value, 1)


def shown_size(gap: float) -> float:
    """A gap's size as it is printed (one decimal): what is compared is what readers see, so
    a gap printed as 0,5 is marked and two gaps printed alike tie."""
    return round(abs(gap), 1)


def largest_gaps(all_gaps: list[Gap], count: int = 3,
                 threshold: float = GAP_THRESHOLD) -> list[Gap]:
    """The gaps of at least `threshold`, largest first (themes in their order within a size).
    A gap as large as the last one kept is kept too: ties are all named, none picked at
    random."""
    known = [g for g in all_gaps if g.gap is not None and shown_size(g.gap) >= threshold]
    ranked = sorted(known, key=lambda g: -shown_size(g.gap))
    if len(ranked) <= count:
        return ranked
    last = shown_size(ranked[count - 1].gap)
    return [g for g in ranked if shown_size(g.gap) >= last]


_DECIMAL = re.compile(r"([+-]?)([0-9]+)(?:[.,]([0-9]*))?", re.ASCII)


def parse_answer_value(text: str, scale: range) -> int | None:
    """'4' -> 4; '', 0, E, eos, "en osaa sanoa", "vet inte", "don't know" -> None (don't know)."""
    cleaned = text.strip().casefold()
    if cleaned in ("", "0", "e", "eos", "en osaa sanoa", "vet inte", "don't know", "dont know",
                   "dk", "-"):
        return None
    # Plain decimals only ("4", "4,0"): float() would also take "Infinity", "1e400" and
    # "1_0", and int() digits of every script.
    match = _DECIMAL.fullmatch(cleaned)
    if match is None:
        raise RuleViolation(_("“{text}” is not an answer on the scale {low}–{high}").format(
            text=excerpt(text.strip()), low=scale.start, high=scale.stop - 1))
    sign, whole, fraction = match.groups()
    whole = whole.lstrip("0") or "0"
    has_fraction = bool(fraction and fraction.strip("0"))
    if has_fraction or len(whole) > 9 or int(sign + whole) not in scale:
        raise RuleViolation(_("{value} is outside the scale {low}–{high}").format(
            value=excerpt(text.strip()), low=scale.start, high=scale.stop - 1))
    return int(sign + whole)


def parse_answer(text: str, template: Template) -> int | None:
    """An answer as a survey exports it: the number ("3"), the scale's label in any of the
    template's languages ("Kehittymässä"), both ("3 - Kehittymässä"), or "don't know" in any
    language (None)."""
    try:
        return parse_answer_value(text, template.values)
    except RuleViolation:
        written = fold(text)
        for level in template.scale:
            if written in (fold(label) for label in level.label.values()):
                return level.value
        if written in (fold(label) for label in template.no_answer.values()):
            return None
        numbered = re.match(r"\s*([0-9]+)\s*[-–:.)=]\s*\S", text)
        if numbered:
            return parse_answer_value(numbered[1], template.values)
        raise


_NUMBER_HEADER = re.compile(
    r"(?:q|k|f|nro|no|kysymys|vaittama|vaite|pastaende|fraga|statement|question)?\s*"
    r"([0-9]{1,3})\s*[.):]?")
_NUMBERED_TEXT = re.compile(r"([0-9]{1,3})\s*[.):-]?\s+(.+)")
# Text cut shorter than this is not trusted to name one statement.
_MIN_CUT = 15


def statement_for_header(header: str, template: Template) -> str | None:
    """The statement a wide file's column is headed by: its number in the template ("1.",
    "Q1", "Väittämä 1"), its id, or its text (possibly cut, possibly after a number, a
    question's title or inside a grid's brackets, in any of the template's languages)."""
    statements = template.statements
    texts = [(s.id, _text_key(text)) for s in statements for text in s.text.values()]
    written = header.strip()
    candidates = [written]
    bracketed = re.findall(r"\[([^\]]+)\]", written)
    if bracketed:  # Google Forms' grid: "Question title [row]"
        candidates.insert(0, bracketed[-1])
    for separator in (" - ", " – ", ": "):
        if separator in written:
            candidates.append(written.rsplit(separator, 1)[1])
    for candidate in candidates:
        folded = fold(candidate)
        if folded in {s.id.casefold() for s in statements}:
            return next(s.id for s in statements if s.id.casefold() == folded)
        by_number = _NUMBER_HEADER.fullmatch(folded)
        if by_number:
            number = int(by_number[1])
            return statements[number - 1].id if 1 <= number <= len(statements) else None
        numbered = _NUMBERED_TEXT.fullmatch(folded)
        found = _by_text(_text_key(numbered[2] if numbered else folded), texts)
        if found:
            return found
        if numbered and 1 <= int(numbered[1]) <= len(statements) and not _text_key(
                numbered[2]):
            return statements[int(numbered[1]) - 1].id
    return None


def _text_key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


def _by_text(key: str, texts: list[tuple[str, str]]) -> str | None:
    if not key:
        return None
    exact = {sid for sid, text in texts if text == key}
    if len(exact) == 1:
        return exact.pop()
    if len(key) < _MIN_CUT:
        return None
    fitting = {sid for sid, text in texts if text.startswith(key) or key.startswith(text)}
    return fitting.pop() if len(fitting) == 1 else None


def fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())
