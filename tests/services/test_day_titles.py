"""A day has a title per language, as rounds have names: a Swedish sign-in sheet, report or
summary shows the Swedish title, the Finnish one when none was given."""

import json
from datetime import date

from ilmava_desktop.cli import main
from ilmava_desktop.i18n import current_language, set_language
from ilmava_desktop.services.attendance import days, documents
from ilmava_desktop.services.reports import cohort_summary, municipality_report
from ilmava_desktop.storage import queries


def in_language(language, work):
    before = current_language()
    set_language(language)
    try:
        return work()
    finally:
        set_language(before)


def test_the_sign_in_sheet_speaks_the_pages_language(demo):
    opening = queries.days(demo.db)[0]
    assert opening.title_sv.startswith("Öppningsdag") and opening.title_en.startswith("Opening")
    for language, title in (("sv", opening.title_sv), ("en", opening.title_en),
                            ("fi", opening.title)):
        sheet = in_language(language, lambda: documents.signin_sheet(demo, opening))
        assert sheet.subtitle.endswith(title), (language, sheet.subtitle)
    assert "Avauspäivä" not in in_language(
        "sv", lambda: documents.signin_sheet(demo, opening)).subtitle


def test_a_day_without_a_swedish_title_falls_back_to_the_finnish_one(demo):
    days.add_day(demo, title="Työpaja", day_date=date(2026, 11, 2), min_attendance=1,
                 max_attendance=3, title_en="Workshop")
    added = next(d for d in queries.days(demo.db) if d.date == date(2026, 11, 2))
    assert (added.title_in("sv"), added.title_in("en"), added.title_in("fi")) == (
        "Työpaja", "Workshop", "Työpaja")
    # Editing the day without naming the other languages keeps them.
    days.update_day(demo, added.id, title="Työpaja 2", day_date=added.date,
                    min_attendance=1, max_attendance=3)
    edited = queries.day(demo.db, added.id)
    assert (edited.title, edited.title_en) == ("Työpaja 2", "Workshop")
    days.update_day(demo, added.id, title="Työpaja 2", day_date=added.date,
                    min_attendance=1, max_attendance=3, title_sv="Verkstad", title_en="")
    edited = queries.day(demo.db, added.id)
    assert (edited.title_in("sv"), edited.title_in("en")) == ("Verkstad", "Työpaja 2")


def test_reports_and_the_summary_name_the_days_in_their_language(demo):
    raseborg = next(m for m in queries.municipalities(demo.db, taking_part=True)
                    if m.code == "710")
    report = municipality_report.build(demo.db, raseborg.id, "sv")
    assert any("Öppningsdag" in label for label in report.participant_days)
    assert not any("Avauspäivä" in label for label in report.participant_days)
    summary = cohort_summary.build(demo.db, "sv")
    text = json.dumps(summary.__dict__, default=str, ensure_ascii=False)
    assert "Öppningsdag" in text and "Avauspäivä" not in text


def test_day_add_takes_the_titles_in_swedish_and_english(capsys, tmp_path):
    path = tmp_path / "demo.ilmava"
    assert main(["demo", str(path)]) == 0
    assert main(["--lang", "en", "day", "add", str(path), "--date", "2027-01-27", "--min", "1",
                 "--max", "3", "--title", "Työpaja", "--title-sv", "Verkstad",
                 "--title-en", "Workshop"]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "days", str(path), "--json"]) == 0
    added = next(d for d in json.loads(capsys.readouterr().out) if d["date"] == "2027-01-27")
    assert (added["title"], added["title_sv"], added["title_en"]) == (
        "Työpaja", "Verkstad", "Workshop")
