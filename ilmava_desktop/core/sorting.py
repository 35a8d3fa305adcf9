"""Alphabetical order as each of our languages has it.

Finnish and Swedish put å, ä and ö after z (Åland after Vöyri, Ähtäri near the end); other
accented letters sort with their base letter. English folds them all.
"""

from __future__ import annotations

import unicodedata

# "{" sorts right after "z".
_NORDIC_END = {"å": "{0", "ä": "{1", "æ": "{1", "ö": "{2", "ø": "{2"}


def _base(letter: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", letter)
                   if not unicodedata.combining(c))


def alphabet_key(text: str, language: str) -> str:
    folded = text.casefold()
    if language in ("fi", "sv"):
        return "".join(_NORDIC_END.get(c) or _base(c) for c in folded)
    return _base(folded)
