"""Checking in: limits per municipality, badges, walk-ins, substitutes, undo."""

from datetime import date, datetime

import pytest

from ilmava_desktop.core.attendance import OverLimit, badge_code
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import attendance as att
from ilmava_desktop.storage import queries


def first_day(empty_demo):
    return queries.days(empty_demo.db)[0]  # opening day, 1–3 per municipality


def people_of(empty_demo, code):
    m = queries.municipality_by_code(empty_demo.db, code)
    return queries.people(empty_demo.db, m.id)


def test_days_are_found_by_number_in_date_order_or_by_id(empty_demo):
    days = queries.days(empty_demo.db)
    assert att.find_day(empty_demo.db, "1") == days[0]
    assert att.find_day(empty_demo.db, days[2].id) == days[2]
    with pytest.raises(RuleViolation, match="no day 9"):
        att.find_day(empty_demo.db, "9")


def test_default_day_is_today_else_the_next_else_the_last(empty_demo):
    days = queries.days(empty_demo.db)
    assert att.default_day(days, date(2026, 4, 15)) == days[1]
    assert att.default_day(days, date(2026, 2, 1)) == days[1]
    assert att.default_day(days, date(2027, 1, 1)) == days[-1]


def test_check_in_counts_and_refuses_a_second_time(empty_demo):
    day = first_day(empty_demo)
    lahti = people_of(empty_demo, "398")
    att.check_in(empty_demo, day.id, lahti[0].id, now=datetime(2026, 1, 28, 9, 5))
    group = next(g for g in att.overview(empty_demo, day) if g.code == "398")
    assert (group.present, group.invited, group.state) == (1, 4, "within")
    checked = next(p for p in group.people if p.id == lahti[0].id)
    assert checked.checked_in_at == "9.05"  # as Finns write a time; the overview is in Finnish
    assert next(p for g in att.overview(empty_demo, day, "en") for p in g.people
                if p.id == lahti[0].id).checked_in_at == "9:05"
    with pytest.raises(RuleViolation, match=r"already checked in \(at 9:05\)"):
        att.check_in(empty_demo, day.id, lahti[0].id)


def test_over_the_days_maximum_needs_an_override_that_is_recorded(empty_demo):
    day = first_day(empty_demo)
    lahti = people_of(empty_demo, "398")  # four registered, the day allows three
    for person in lahti[:3]:
        att.check_in(empty_demo, day.id, person.id)
    with pytest.raises(OverLimit, match="already has 3 of its 3 places"):
        att.check_in(empty_demo, day.id, lahti[3].id)
    att.check_in(empty_demo, day.id, lahti[3].id, override=True)
    row = empty_demo.db["attendance"].get(att.attendance_id(day.id, lahti[3].id))
    assert row["over_limit"] == 1
    group = next(g for g in att.overview(empty_demo, day) if g.code == "398")
    assert (group.present, group.state) == (4, "over")


def test_five_is_the_cap_even_with_an_override(empty_demo):
    day = queries.days(empty_demo.db)[2]  # 2–5
    hml = queries.municipality_by_code(empty_demo.db, "109")
    for person in people_of(empty_demo, "109"):
        att.check_in(empty_demo, day.id, person.id)
    with pytest.raises(OverLimit, match="more than 5"):
        att.walk_in(empty_demo, day.id, hml.id, "Ylimääräinen Esimerkki", override=True)
    assert len(people_of(empty_demo, "109")) == 5  # the walk-in was not added either


def test_undo_of_a_check_in(empty_demo):
    day = first_day(empty_demo)
    person = people_of(empty_demo, "016")[0]
    att.check_in(empty_demo, day.id, person.id)
    empty_demo.undo()
    assert queries.attendance(empty_demo.db, day.id) == []
    att.check_in(empty_demo, day.id, person.id)  # and again, after the undo
    assert len(queries.attendance(empty_demo.db, day.id)) == 1


def test_badge_scan_checks_in_and_foreign_or_unknown_badges_say_so(empty_demo):
    day = first_day(empty_demo)
    person = people_of(empty_demo, "638")[0]
    cohort = queries.cohort(empty_demo.db)
    assert att.person_by_badge(empty_demo, badge_code(cohort.id, person.token)) == person.id
    assert att.person_by_badge(empty_demo, person.token.lower()) == person.id
    with pytest.raises(RuleViolation, match="another cohort"):
        att.person_by_badge(empty_demo, badge_code("ffffffff-0000", person.token))
    with pytest.raises(RuleViolation, match="No one in this cohort"):
        att.person_by_badge(empty_demo, badge_code(cohort.id, "ZZZZZZZZ"))
    assert queries.attendance(empty_demo.db, day.id) == []


def test_walk_in_and_substitute(empty_demo):
    day = first_day(empty_demo)
    kuhmo = queries.municipality_by_code(empty_demo.db, "290")
    registered = people_of(empty_demo, "290")[0]
    att.walk_in(empty_demo, day.id, kuhmo.id, "Uusi Tulija", "ympäristösihteeri")
    att.substitute(empty_demo, day.id, registered.id, "Sijainen Esimerkki")
    rows = queries.attendance(empty_demo.db, day.id)
    assert sorted(r["kind"] for r in rows) == ["substitute", "walk_in"]
    sub = next(r for r in rows if r["kind"] == "substitute")
    assert sub["substitute_for"] == registered.id
    assert queries.person(empty_demo.db, sub["person_id"]).role == registered.role
    empty_demo.undo()
    assert [r["kind"] for r in queries.attendance(empty_demo.db, day.id)] == ["walk_in"]


def test_find_matches_word_starts_of_name_municipality_either_language_or_role(empty_demo):
    groups = att.overview(empty_demo, first_day(empty_demo))
    assert {p.name for p in att.find(groups, "borgå")} == {p.name for p in people_of(empty_demo, "638")}
    assert {p.name for p in att.find(groups, "borga")} == {p.name for p in people_of(empty_demo, "638")}
    assert [p.name for p in att.find(groups, "esimerkki aino")] == ["Aino Esimerkki"]
    assert {p.name for p in att.find(groups, "hankinta")} == {"Markus Luonnos"}
    assert att.find(groups, "   ") == []
    assert att.find(groups, "erkki") == []  # not the "erkki" inside every Esimerkki
    assert {p.name for p in att.find(groups, "tavastehus")} == {
        p.name for p in people_of(empty_demo, "109")}


def test_every_person_has_a_unique_badge_token(empty_demo):
    tokens = [p.token for p in queries.people(empty_demo.db)]
    assert all(tokens) and len(set(tokens)) == len(tokens)


def test_export_csv_and_xlsx(demo, tmp_path):
    import csv

    import openpyxl

    from ilmava_desktop.services.attendance.export import export_attendance

    csv_path = export_attendance(demo, tmp_path / "läsnäolo.csv")
    with csv_path.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    total = sum(len(queries.attendance(demo.db, d.id)) for d in queries.days(demo.db))
    assert rows[0][:3] == ["Day", "Date", "Venue"] and len(rows) == total + 1
    assert {r[9] for r in rows[1:]} == {"registered", "walk-in", "substitute"}
    assert any(r[11] == "yes" for r in rows[1:])  # the recorded override

    book = openpyxl.load_workbook(export_attendance(demo, tmp_path / "läsnäolo.xlsx"))
    assert book.sheetnames == ["Check-ins", "Per municipality", "Who came", "Own funding"]
    funding = list(book["Own funding"].iter_rows(values_only=True))
    assert len(funding) == 16 and funding[0][:3] == ("Code", "Municipality", "Own funding (€)")
    assert [row[1] for row in funding[1:] if not row[4]] == ["Kuhmo"]  # not paid
    per_municipality = list(book["Per municipality"].iter_rows(values_only=True))
    assert per_municipality[-1][-1] == total  # the grand total adds up
    with pytest.raises(RuleViolation, match=r"\.csv or \.xlsx"):
        export_attendance(demo, tmp_path / "läsnäolo.pdf")


def test_export_to_a_pulled_stick_says_so_and_leaves_nothing(demo, tmp_path):
    from ilmava_desktop.services.attendance.export import export_attendance

    with pytest.raises(RuleViolation, match=r"The folder .*gone does not exist\."):
        export_attendance(demo, tmp_path / "gone" / "läsnäolo.csv")


def test_a_walk_in_over_the_maximum_adds_nobody_unless_overridden(empty_demo):
    day = first_day(empty_demo)
    lahti = people_of(empty_demo, "398")
    for person in lahti[:3]:
        att.check_in(empty_demo, day.id, person.id)
    with pytest.raises(OverLimit) as refused:
        att.walk_in(empty_demo, day.id, lahti[0].municipality_id, "Valtteri Vieras")
    assert refused.value.can_override
    assert len(people_of(empty_demo, "398")) == len(lahti)  # nobody added by the refusal
    att.walk_in(empty_demo, day.id, lahti[0].municipality_id, "Valtteri Vieras", override=True)
    row = next(r for r in queries.attendance(empty_demo.db, day.id) if r["kind"] == "walk_in")
    assert row["over_limit"] == 1


@pytest.mark.parametrize(("language", "said"), [
    ("fi", "Aino Esimerkki (Asikkala) paikalla 9.12"),
    ("sv", "Aino Esimerkki (Asikkala) närvarande 9.12"),
    ("en", "Aino Esimerkki (Asikkala) present at 9:12"),
])
def test_a_check_in_is_told_in_the_past_tense_with_its_time(empty_demo, language, said):
    from ilmava_desktop.i18n import current_language, set_language

    before = current_language()
    set_language(language)
    try:
        aino = next(p for p in queries.people(empty_demo.db) if p.name == "Aino Esimerkki")
        changes = att.check_in(empty_demo, first_day(empty_demo).id, aino.id,
                               now=datetime(2026, 1, 28, 9, 12))
        assert changes.description == said
        assert empty_demo.undo().description.endswith(said)
    finally:
        set_language(before)


def test_walk_ins_and_substitutes_are_told_as_such(empty_demo):
    day = first_day(empty_demo)
    kuhmo = people_of(empty_demo, "290")[0]
    at = datetime(2026, 1, 28, 10, 3)
    said = att.walk_in(empty_demo, day.id, kuhmo.municipality_id, "Uusi Tulija", now=at)
    assert said.description == "Uusi Tulija (Kuhmo) present at 10:03, walk-in"
    said = att.substitute(empty_demo, day.id, kuhmo.id, "Sijainen Esimerkki", now=at)
    assert said.description == (f"Sijainen Esimerkki (Kuhmo) present at 10:03 in place of "
                                f"{kuhmo.name}")


def test_the_same_date_venue_and_title_twice_is_refused_with_the_reason(empty_demo):
    from ilmava_desktop.services.attendance import days

    first = first_day(empty_demo)
    with pytest.raises(RuleViolation, match="already has this day"):
        days.add_day(empty_demo, title=first.title.upper(), day_date=first.date,
                     venue=first.venue, min_attendance=1, max_attendance=3)
    # Another venue the same day is another day; a day edited keeps being itself.
    days.add_day(empty_demo, title=first.title, day_date=first.date, venue="Helsinki",
                 min_attendance=1, max_attendance=3)
    days.update_day(empty_demo, first.id, title=first.title, day_date=first.date,
                    venue=first.venue, min_attendance=2, max_attendance=3)
    assert len(queries.days(empty_demo.db)) == 5


def test_what_removing_a_day_would_take_is_counted(empty_demo):
    from ilmava_desktop.services.attendance import days

    day = first_day(empty_demo)
    assert days.day_contents(empty_demo.db, day.id).check_ins == 0
    for person in people_of(empty_demo, "398")[:2]:
        att.check_in(empty_demo, day.id, person.id)
    assert days.day_contents(empty_demo.db, day.id).check_ins == 2


def test_a_new_day_invites_its_audience_and_people_are_invited_by_hand(empty_demo):
    from ilmava_desktop.core.invitations import is_political
    from ilmava_desktop.services.attendance import days, invitations

    changes = days.add_day(empty_demo, title="Poliitikot", day_date=date(2026, 11, 2),
                           min_attendance=1, max_attendance=3, invitees="politicians")
    day = next(d for d in queries.days(empty_demo.db) if d.title == "Poliitikot")
    people = {p.id: p for p in queries.people(empty_demo.db)}
    invited = queries.invited(empty_demo.db, day.id)
    assert invited == {i for i, p in people.items() if is_political(p.role)}
    assert changes.touches("invitation")
    lahti = [p.id for p in people_of(empty_demo, "398")]
    result = invitations.set_invited(empty_demo, day_id=day.id, person_ids=lahti, invited=True)
    assert result.result.invited == len(invited | set(lahti))
    invitations.set_invited(empty_demo, day_id=day.id, person_ids=lahti[:1], invited=False)
    assert lahti[0] not in queries.invited(empty_demo.db, day.id)
    empty_demo.undo()
    assert lahti[0] in queries.invited(empty_demo.db, day.id)
    days.add_day(empty_demo, title="Kukaan", day_date=date(2026, 11, 3), min_attendance=1,
                 max_attendance=3, invitees="none")
    nobody = next(d for d in queries.days(empty_demo.db) if d.title == "Kukaan")
    assert queries.invited(empty_demo.db, nobody.id) == set()


def test_an_uninvited_person_is_checked_in_and_invited_by_it(empty_demo):
    day = queries.days(empty_demo.db)[2]  # the political leadership's day
    aino = next(p for p in queries.people(empty_demo.db) if p.name == "Aino Esimerkki")
    assert aino.id not in queries.invited(empty_demo.db, day.id)
    found = att.find(att.overview(empty_demo, day), "aino esim")
    assert [(p.name, p.invited) for p in found] == [("Aino Esimerkki", False)]
    att.check_in(empty_demo, day.id, aino.id)
    assert aino.id in queries.invited(empty_demo.db, day.id)
    group = next(g for g in att.overview(empty_demo, day) if g.code == aino_code(empty_demo))
    assert group.not_invited_present == 1
    empty_demo.undo()  # the check-in and the invitation it made go together
    assert aino.id not in queries.invited(empty_demo.db, day.id)


def aino_code(session):
    aino = next(p for p in queries.people(session.db) if p.name == "Aino Esimerkki")
    return queries.municipality(session.db, aino.municipality_id).code


def test_a_walk_in_is_invited_to_that_day_only(empty_demo):
    day = first_day(empty_demo)
    kuhmo = queries.municipality_by_code(empty_demo.db, "290")
    changes = att.walk_in(empty_demo, day.id, kuhmo.id, "Uusi Tulija")
    walk_in = next(p for p in queries.people(empty_demo.db) if p.name == "Uusi Tulija")
    assert changes.touches("invitation")
    assert [d.id for d in queries.days(empty_demo.db)
            if walk_in.id in queries.invited(empty_demo.db, d.id)] == [day.id]


def test_a_persons_data_has_their_invitations_and_deleting_them_removes_those(empty_demo):
    from ilmava_desktop.services.municipalities import people

    day = first_day(empty_demo)
    aino = next(p for p in queries.people(empty_demo.db) if p.name == "Aino Esimerkki")
    att.check_in(empty_demo, day.id, aino.id, now=datetime(2026, 1, 28, 9, 5))
    data = people.export_person(empty_demo, aino.id)
    assert [i["date"] for i in data["invitations"]] == ["2026-01-28", "2026-04-15",
                                                        "2026-09-30"]
    assert data["attendance"] == [{"day": day.id, "date": "2026-01-28", "title": day.title,
                                   "venue": "Lahti", "checked_in_at": "2026-01-28T09:05:00",
                                   "kind": "registered"}]
    people.delete_person(empty_demo, aino.id)
    rows = empty_demo.db.execute(
        "SELECT count(*) FROM invitation WHERE person_id = ? AND deleted = 0", [aino.id])
    assert rows.fetchone()[0] == 0
    assert not any(r["person_id"] == aino.id for r in queries.attendance(empty_demo.db))
