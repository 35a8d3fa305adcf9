"""One translation system: every string in fi and sv, compiled, and actually used."""

import io
import re

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from ilmava_desktop.i18n import _, set_language
from ilmava_desktop.i18n.catalogues import extract, po_path

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def catalogue(language):
    with po_path(language).open("rb") as f:
        return read_po(f, locale=language)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_string_in_the_code_is_translated(language):
    translated = {m.id: m.string for m in catalogue(language) if m.id}
    missing = [m.id for m in extract() if m.id and not translated.get(m.id)]
    assert missing == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_their_placeholders(language):
    for message in catalogue(language):
        if not message.id or isinstance(message.id, tuple):
            continue
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(
            PLACEHOLDER.findall(message.id)), message.id


def messages(catalog):
    """What a catalogue says: each message id with its translation. The header (which
    tool wrote the file, when) is not part of it."""
    def plain(text):  # a plural's forms are a list in one reader, a tuple in another
        return tuple(text) if isinstance(text, list | tuple) else text

    return {plain(m.id): plain(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_compiled_catalogue_is_up_to_date(language):
    with po_path(language).with_suffix(".mo").open("rb") as f:
        compiled = read_mo(f)
    assert messages(compiled) == messages(catalogue(language)), (
        "run: python -m ilmava_desktop.i18n.catalogues compile")


def test_catalogue_check_ignores_which_tool_wrote_the_file(tmp_path):
    """Babel 2.18 and 2.19 write different headers for the same messages."""
    source = catalogue("fi")
    buffers = []
    for tool in ("Babel 2.18.0", "Babel 2.19.0"):
        source.version = tool
        buffer = io.BytesIO()
        write_mo(buffer, source, use_fuzzy=False)
        buffer.seek(0)
        buffers.append(read_mo(buffer))
    assert messages(buffers[0]) == messages(buffers[1])
    changed = catalogue("fi")
    next(m for m in changed if m.id == "Municipality").string = "Kaupunki"
    assert messages(changed) != messages(catalogue("fi"))


def test_messages_follow_the_chosen_language():
    set_language("fi")
    assert _("Demo data – fictional") == "Esimerkkiaineisto – kuvitteellinen"
    set_language("sv")
    assert _("Municipality") == "Kommun"
    set_language("en")
    assert _("Municipality") == "Municipality"


def test_dates_are_written_day_month_year():
    from datetime import date

    from ilmava_desktop.core.dates import format_date
    assert format_date(date(2026, 1, 28), "fi") == "28.1.2026"
    assert format_date(date(2026, 1, 28), "sv") == "28.1.2026"
    # An English reader would take 1.5.2027 for January: the month is written out.
    assert format_date(date(2027, 5, 1), "en") == "1 May 2027"
    assert format_date(date(2026, 1, 28)) == "28 Jan 2026"  # the tests speak English


def test_a_span_of_days_and_a_typed_date_in_each_language():
    from datetime import date

    from ilmava_desktop.core.dates import format_range, parse_date

    may, august = date(2026, 5, 1), date(2026, 8, 31)
    assert format_range(may, august, "fi") == "1.5.–31.8.2026"
    assert format_range(may, august, "en") == "1 May – 31 Aug 2026"
    assert format_range(date(2026, 12, 1), date(2027, 1, 31), "sv") == "1.12.2026–31.1.2027"
    for written in ("6.2.2026", "6 Feb 2026", "6 february 2026", "2026-02-06"):
        assert parse_date(written) == date(2026, 2, 6)
    assert parse_date("  ") is None


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_day_forms_alt_keys_are_all_different(language):
    """Each field of the day's form is reached by its own Alt key in every language."""
    import gettext
    import re

    from ilmava_desktop.i18n import LOCALE_DIR

    translate = gettext.translation("ilmava", LOCALE_DIR, [language], fallback=True).gettext
    labels = ["&Date:", "Title in &Finnish:", "Title in S&wedish:", "Title in &English:",
              "&Venue:", "&Audience:", "&Invite:", "&Period:", "&Limits:"]
    keys = [re.search(r"&(\w)", translate(label)).group(1).casefold() for label in labels]
    assert len(set(keys)) == len(keys), dict(zip(labels, keys, strict=True))
