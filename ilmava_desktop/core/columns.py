"""Which column of an organiser's file fills which field: matched by meaning, every one told.

Survey tools and hand-made sheets head their columns with whole questions ("Kuvaile
viheliäinen ongelma lyhyesti", "Onko valtuusto asettanut ilmastotavoitteen?"), not with our
field names. A header is matched to a field by its exact name, else by the words it holds
(each word of a field's phrase found at the start of one of the header's words, so the
inflected "ilmastotavoitteen" is found by "ilmastotavoit"). Where two columns could fill
one field, the one whose values fit the field wins, and a form's own bookkeeping columns
(Microsoft Forms' login e-mail and name) give way to the respondent's answers.

Every column is accounted for: it fills a field or is named as not used. The user's choice
for a header (the window's list, the command line's --column) overrides the guess.

Pure: header and rows in, a ColumnMap out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ilmava_desktop.core.rules import RuleViolation, excerpt
from ilmava_desktop.i18n import _

# The words a user writes for "this column is not used" on the command line.
NOT_USED_WORDS = ("ignore", "ignored", "none", "-", "not used", "ohita", "ei", "ingen")


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # English source text (N_), translated where shown
    names: tuple[str, ...] = ()  # exact header names, any language
    # Phrases of word starts: "valtuusto ilmastotavoit" fits a header holding a word that
    # starts with "valtuusto" and one that starts with "ilmastotavoit".
    phrases: tuple[str, ...] = ()
    fits: Callable[[str], bool] | None = None  # does a cell's value fit this field?


@dataclass(frozen=True)
class ColumnUse:
    index: int
    header: str
    field: str | None  # None: not used
    chosen: bool = False  # set by the user, not guessed


@dataclass(frozen=True)
class ColumnMap:
    uses: tuple[ColumnUse, ...]

    def index(self) -> dict[str, int]:
        """Each used field's column (fields filled by several columns: the first)."""
        found: dict[str, int] = {}
        for use in self.uses:
            if use.field is not None:
                found.setdefault(use.field, use.index)
        return found

    def used(self) -> dict[str, str]:
        return {use.header: use.field for use in self.uses if use.field is not None}

    def ignored(self) -> list[str]:
        return [use.header for use in self.uses if use.field is None]

    def summary(self) -> dict:
        return {"used": self.used(), "ignored": self.ignored()}

    def without(self, index: int, among: set[int]) -> ColumnMap:
        """The same, but column `index` not used if it is among `among` and was guessed."""
        return ColumnMap(tuple(
            ColumnUse(u.index, u.header, None) if u.index == index and index in among
            and not u.chosen else u for u in self.uses))


def fold(text: str) -> str:
    """Case and accents ignored, dashes and spacing too: the key words are compared by."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.replace("–", "-")).strip()


def words(text: str) -> list[str]:
    """The words of a text, folded; "e-mail" is one word, "kunta/kaupunki" two."""
    return re.findall(r"[^\W_]+", re.sub(r"(?<=\w)-(?=\w)", "", fold(text)))


def header_name(text: str) -> str:
    """A header as compared with a field's exact names: folded, without a trailing ':*?'."""
    return " ".join(words(text))


def _phrase_score(phrase: str, header_words: list[str]) -> int:
    """How much of a header a phrase explains (0: it does not fit)."""
    matched = 0
    for stem in phrase.split():
        if any(word.startswith(stem) for word in header_words):
            matched += len(stem)
        elif len(stem) >= 6 and any(stem in word for word in header_words):
            matched += len(stem) - 1  # the end of a compound: "kaupunginvaltuusto"
        else:
            return 0
    total = sum(len(word) for word in header_words) or 1
    return 10 * matched + (10 * matched) // total


def field_score(field: Field, header: str) -> int:
    name = header_name(header)
    if not name:
        return 0
    if name in {header_name(n) for n in field.names}:
        return 10_000
    header_words = name.split()
    return max((_phrase_score(header_name(p), header_words) for p in field.phrases), default=0)


# Microsoft Forms starts every export with its own columns: the response's number, start and
# completion time, and the signed-in respondent's e-mail and name ("anonymous" if none).
_FORM_TIMES = {"aloitusaika", "valmistumisaika", "start time", "completion time", "starttid",
               "tid for slutforande", "sluttid", "viimeksi muokattu aika", "last modified time",
               "senast andrad"}
_FORM_LOGIN = {"sahkoposti", "nimi", "email", "name", "epost", "namn"}


def form_login_columns(header: list[str]) -> set[int]:
    """Microsoft Forms' login e-mail and name columns: answers of the form, not the person."""
    names = [header_name(text or "") for text in header]
    if not names or names[0] not in ("id", "tunnus") or not _FORM_TIMES & set(names[:4]):
        return set()
    return {index for index, name in enumerate(names[:7]) if name in _FORM_LOGIN}


def _fit(field: Field, values: list[str]) -> float:
    """1 when the values fit the field (or it has no test), 0 when they do not, between
    when the column is empty (nothing to tell)."""
    if field.fits is None:
        return 1.0
    given = [v for v in values if v.strip()][:50]
    if not given:
        return 0.5
    share = sum(1 for v in given if field.fits(v.strip())) / len(given)
    return 1.0 if share >= 0.5 else 0.0


def map_columns(header: list[str], rows: Iterable[list[str]], fields: Iterable[Field],
                chosen: dict[str, str | None] | None = None,
                taken: dict[int, str] | None = None) -> ColumnMap:
    """Each column's field, or None. `chosen`: the user's choices by header (None: not
    used), which win; `taken`: columns the caller has already understood (a day's date, a
    statement of the self-assessment) with the field they fill."""
    fields = list(fields)
    by_key = {f.key: f for f in fields}
    chosen = {header_name(h): f for h, f in (chosen or {}).items()}
    taken = dict(taken or {})
    rows = list(rows)
    columns = [[row[i] if i < len(row) else "" for row in rows] for i in range(len(header))]
    assigned: dict[int, tuple[str | None, bool]] = {}
    filled: set[str] = set()
    for index, text in enumerate(header):
        name = header_name(text or "")
        if name in chosen:
            field = chosen[name]
            assigned[index] = (field, True)
            if field is not None and field in by_key:
                filled.add(field)
        elif index in taken:
            assigned[index] = (taken[index], False)
    login = form_login_columns(header)
    candidates = []
    for index, text in enumerate(header):
        if index in assigned:
            continue
        for field in fields:
            score = field_score(field, text or "")
            if score:
                tier = _fit(field, columns[index]) - (0.25 if index in login else 0)
                candidates.append((-tier, -score, index, field.key))
    for _tier, _score, index, key in sorted(candidates):
        if index not in assigned and key not in filled:
            assigned[index] = (key, False)
            filled.add(key)
    return ColumnMap(tuple(ColumnUse(index, text, *assigned.get(index, (None, False)))
                           for index, text in enumerate(header)))


class ChoiceError(RuleViolation):
    """A column choice that cannot be followed: no such column, no such field."""


def parse_column_args(written: Iterable[str]) -> dict[str, str | None]:
    """The command line's `--column "HEADER=field"` choices (field "ignore": not used)."""
    choices: dict[str, str | None] = {}
    for text in written:
        column, sep, field = text.rpartition("=")
        column, field = column.strip(), field.strip()
        if not sep or not column:
            raise ChoiceError(_("--column takes HEADER=field, not “{text}”.").format(
                text=excerpt(text)))
        choices[column] = None if not field or field.casefold() in NOT_USED_WORDS else field
    return choices


def check_choices(chosen: dict[str, str | None], header: list[str],
                  keys: Iterable[str]) -> None:
    """Every choice names a column of the file and a field of the import."""
    keys = set(keys)
    names = {header_name(h) for h in header}
    for column, field in chosen.items():
        if header_name(column) not in names:
            raise ChoiceError(_("The file has no column “{header}”.").format(
                header=excerpt(column)))
        if field is not None and field not in keys:
            raise ChoiceError(_("“{field}” is not a field of this import; the fields are: "
                                "{fields}, or ignore.").format(
                field=excerpt(field), fields=", ".join(sorted(keys))))


# -- yes and no ---------------------------------------------------------------------------------

_YES = {"kylla", "k", "joo", "juu", "on", "kylla on", "ja", "j", "jo", "yes", "y", "true",
        "1", "x", "✓", "✔", "totta", "sant"}
_NO = {"ei", "e", "ei ole", "ei viela", "ei viela ole", "nej", "n", "inte",
       "inte annu", "inte an", "no", "not yet", "false", "0", "none", "epatosi",
       "falskt"}


def yes_no(text: str) -> bool | None:
    """True, False or None (empty) from the words people write in fi, sv or en; raises
    RuleViolation otherwise. "Kyllä, vuonna 2021" is yes: its first word decides."""
    written = " ".join(words(text)) if text.strip() not in ("✓", "✔") else text.strip()
    if not written:
        return None
    for candidate in (written, *written.split()[:1]):
        if candidate in _YES:
            return True
        if candidate in _NO:
            return False
    raise RuleViolation(_("“{value}” is neither yes nor no").format(value=excerpt(text.strip())))


def is_yes(text: str) -> bool:
    try:
        return yes_no(text) is True
    except RuleViolation:
        return False


# -- labels by meaning ------------------------------------------------------------------------

_SMALL_WORDS = {"ja", "och", "and", "the", "of", "a", "an", "i", "en", "som", "in", "to",
                "sekä", "seka", "tai", "eller", "or"}


class AmbiguousLabel(RuleViolation):
    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates


def find_label(text: str, labels: dict[str, Iterable[str]]) -> str | None:
    """The key whose labels a short or partial label fits best: its words matched by their
    start, case and accents ignored ("Hankinnat", "maankäyttö"). None when none fits;
    AmbiguousLabel (naming the candidates) when several fit equally."""
    query = fold(text)
    if not query:
        return None
    for key, names in labels.items():
        if query == fold(key) or query in (fold(name) for name in names):
            return key
    wanted = [w for w in words(text) if w not in _SMALL_WORDS] or words(text)
    scores: dict[str, int] = {}
    for key, names in labels.items():
        best = 0
        for name in (key.replace("_", " "), *names):
            label_words = words(name)
            score = 0
            for word in wanted:
                if word in label_words:
                    score += 3
                elif any(w.startswith(word) for w in label_words):
                    score += 2
                elif len(word) >= 5 and any(word in w for w in label_words):
                    score += 1
                else:
                    score = 0
                    break
            best = max(best, score)
        if best:
            scores[key] = best
    if not scores:
        return None
    top = max(scores.values())
    winners = [key for key, score in scores.items() if score == top]
    if len(winners) == 1:
        return winners[0]
    raise AmbiguousLabel("", winners)
