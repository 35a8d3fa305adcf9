"""Maintaining the gettext catalogues: `python -m ilmava_desktop.i18n.catalogues`.

`update` extracts every wrapped string from the package into the template and
merges it into the fi and sv catalogues; `compile` writes the .mo files the app
loads. Needs Babel (a test/development dependency), never at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ilmava_desktop.i18n import DOMAIN, LOCALE_DIR

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
TRANSLATED = ("fi", "sv")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract():
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="ILMAVA Desktop", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE_DIR, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def update() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as f:
        write_po(f, template, omit_header=False, sort_output=True)
    for language in TRANSLATED:
        path = po_path(language)
        if path.exists():
            with path.open("rb") as f:
                catalog = read_po(f, locale=language)
        else:
            catalog = Catalog(locale=language, project="ILMAVA Desktop", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            write_po(f, catalog, sort_output=True, ignore_obsolete=True, width=100)


def compile_all() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for language in TRANSLATED:
        with po_path(language).open("rb") as f:
            catalog = read_po(f, locale=language)
        with po_path(language).with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    {"update": update, "compile": compile_all}[command]()
    if command == "update":
        compile_all()
