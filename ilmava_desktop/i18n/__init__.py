"""One translation system for the window, the reports and the error messages.

Source strings are English; Finnish is the default language. `_()` looks the
string up in the catalogue of the language chosen at run time, so a string
wrapped where it is defined is translated where it is shown.
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
DOMAIN = "ilmava"
LOCALE_DIR = Path(__file__).parent / "locale"

_current: gettext.NullTranslations = gettext.NullTranslations()
_current_language = "en"


def translations_for(language: str) -> gettext.NullTranslations:
    """The catalogue for one language; English is the source text itself."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    if language == "en":
        return gettext.NullTranslations()
    # fallback=False: a missing catalogue is a packaging bug and must say so.
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])


def gettext_for(language: str):
    """`_` of one language, whatever the window speaks: a report in the municipality's
    language is built with it (bound to the name `_` so the strings are extracted)."""
    return _catalogue(language).gettext


def ngettext_for(language: str):
    """`ngettext` of one language, as `gettext_for`."""
    return _catalogue(language).ngettext


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return translations_for(language)


def set_language(language: str) -> None:
    global _current, _current_language
    _current = translations_for(language)
    _current_language = language


def current_language() -> str:
    return _current_language


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context`: "Finnish" the language's name ("suomi") apart from
    "Finnish" the way of writing ("suomeksi")."""
    return _current.pgettext(context, message)


def language_name(code: str) -> str:
    """A language's name in the window's language, as a noun: ruotsi, svenska, Swedish."""
    names = {"fi": pgettext("language", "Finnish"), "sv": pgettext("language", "Swedish"),
             "en": pgettext("language", "English")}
    return names.get(code, code)


def decimal(value: float | None, language: str | None = None, sign: bool = False) -> str:
    """One decimal, with a comma in Finnish and Swedish ("3,4"), a point in English; "–"
    for a value that is not there."""
    if value is None:
        return "–"
    if round(value, 1) == 0:
        # A value that rounds to nothing has no sign: never "-0,0" nor "+0.0".
        value, sign = 0.0, False
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    return text if (language or _current_language) == "en" else text.replace(".", ",")


def whole(value: int, language: str | None = None) -> str:
    """A whole number with its thousands grouped as the language writes them: 2 000 (a
    no-break space) in Finnish and Swedish, 2,000 in English."""
    text = f"{value:,}"
    return text if (language or _current_language) == "en" else text.replace(",", "\u00a0")


def parse_whole(text: str, language: str | None = None) -> int | None:
    """A whole number typed as `whole` writes it ("2 000", in English "2,000") or without
    grouping; None for an empty text, ValueError for anything else. A comma is a thousands
    separator only in English: in Finnish and Swedish "1,5" is one and a half, not 15."""
    grouping = " \u00a0\u202f" + ("," if (language or _current_language) == "en" else "")
    digits = "".join(c for c in text.strip() if c not in grouping)
    if not digits:
        return None
    if not digits.isdigit():
        raise ValueError(text)
    return int(digits)


def euros(value: int | None, language: str | None = None) -> str:
    """An amount in euros: 2 000 € in Finnish and Swedish, €2,000 in English; "–" for none."""
    if value is None:
        return "–"
    language = language or _current_language
    return f"€{whole(value, language)}" if language == "en" else f"{whole(value, language)} €"


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined; translated where shown."""
    return message


set_language(DEFAULT_LANGUAGE) if (LOCALE_DIR / DEFAULT_LANGUAGE).exists() else None
