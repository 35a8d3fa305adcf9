"""The catalogues hold to docs/glossary.md: one word per concept per language."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "ilmava_desktop" / "i18n" / "locale"


def glossary() -> list[dict]:
    rows = []
    for line in (ROOT / "docs" / "glossary.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("English", "---"):
            continue
        english, finnish, swedish, _meaning = cells
        rows.append({"en": english, "fi": _stems(finnish), "sv": _stems(swedish),
                     "fi_not": _forbidden(finnish), "sv_not": _forbidden(swedish)})
    return rows


def _stems(cell: str) -> list[str]:
    inside = re.search(r"\(([^)]*)\)", cell).group(1)
    return [s.strip().casefold() for s in inside.split(",")]


def _forbidden(cell: str) -> list[str]:
    return [w.casefold() for w in re.findall(r'\*not\* "([^"]+)"', cell)]


def messages(language: str) -> dict[str, str]:
    with open(LOCALE / language / "LC_MESSAGES" / "ilmava.po", "rb") as file:
        catalogue = read_po(file, locale=language)
    found = {}
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found[ids[-1]] = " ".join(strings)
    return found


def plain(text: str) -> str:
    """The words a reader sees: no Alt-key marks, placeholders or command-line code."""
    text = re.sub(r"\{[^}]*\}|`[^`]*`", " ", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_the_glossary_has_every_term_the_issue_names():
    terms = {row["en"] for row in glossary()}
    assert {"cluster", "group", "pair", "reviewer", "sparrer", "round", "sheet"} <= terms


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_message_uses_the_glossary_word(language):
    translated = messages(language)
    wrong = []
    for row in glossary():
        # "sign-in sheet" and "round up" are other things than a sheet and a round.
        english = re.compile(r"(?<!sign-in )\b" + re.escape(row["en"]) + r"(s|es)?\b",
                             re.IGNORECASE)
        for msgid, text in translated.items():
            if re.search(r"\b[a-z]+_[a-z]+\b", msgid):
                continue  # a list of the command line's own values (peer_review, sparrer)
            if re.search(r"\.(pdf|xlsx|csv|json)$", msgid):
                continue  # a file's name, written without letters some systems mangle
            if not english.search(plain(msgid)) or not text:
                continue
            folded = plain(text).casefold()
            if not any(stem in folded for stem in row[language]):
                wrong.append((row["en"], msgid, text))
            elif any(word in folded for word in row[f"{language}_not"]):
                wrong.append((row["en"], msgid, text))
    assert wrong == []
