"""Review teams, visits and interviewees: set, imported, exported and erased as a user does."""

import json

import pytest

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services import visits
from ilmava_desktop.services.municipalities import find_municipality
from ilmava_desktop.services.visits import interviewees
from ilmava_desktop.storage import queries


def _team(session, code):
    m_id = find_municipality(session.db, code)
    return next(t for t in visits.teams(session.db) if t.municipality.id == m_id)


def test_a_team_is_set_from_its_own_people_and_warns_outside_two_to_three(demo):
    porvoo = find_municipality(demo.db, "638")
    people = queries.people(demo.db, porvoo)
    visits.set_team(demo, municipality_id=porvoo, person_ids=[people[0].id])
    team = _team(demo, "638")
    assert [p.id for p in team.members] == [people[0].id]
    assert team.warning == "1 person in the review team, fewer than 2"
    visits.set_team(demo, municipality_id=porvoo, person_ids=[p.id for p in people[:4]])
    assert _team(demo, "638").warning == "4 people in the review team, more than 3"
    visits.set_team(demo, municipality_id=porvoo, person_ids=[p.id for p in people[1:3]])
    assert [p.id for p in _team(demo, "638").members] == [p.id for p in people[1:3]]
    assert _team(demo, "638").warning is None
    demo.undo()
    assert len(_team(demo, "638").members) == 4


def test_a_team_cannot_take_another_municipalitys_person(demo):
    porvoo = find_municipality(demo.db, "638")
    lahti_person = queries.people(demo.db, find_municipality(demo.db, "398"))[0]
    with pytest.raises(RuleViolation, match="not one of Porvoo"):
        visits.set_team(demo, municipality_id=porvoo, person_ids=[lahti_person.id])
    with pytest.raises(RuleViolation, match="No one in this cohort"):
        visits.set_team(demo, municipality_id=porvoo, person_ids=["nobody"])


def test_the_team_reviews_what_the_saved_pairs_give_it(demo):
    pairs = demo.db.execute("SELECT reviewer_id, reviewee_id FROM review_pair"
                            " WHERE deleted = 0").fetchall()
    for team in visits.teams(demo.db):
        assert sorted(team.reviews) == sorted(e for r, e in pairs if r == team.municipality.id)
    hosts = {v.host.id: v for v in visits.visits(demo.db)}
    assert set(hosts) == {e for _r, e in pairs}
    for host, found in hosts.items():
        assert sorted(found.reviewer_ids) == sorted(r for r, e in pairs if e == host)


def test_a_visit_keeps_date_place_status_and_preparation(demo):
    lahti = find_municipality(demo.db, "398")
    visits.update_visit(demo, host_id=lahti, date="2026-11-04", place="Lahden kaupungintalo")
    visits.update_visit(demo, host_id=lahti, status="held")
    found = visits.visit(demo.db, lahti)
    assert (found.date, found.place, found.status) == ("2026-11-04", "Lahden kaupungintalo",
                                                       "held")
    visits.set_preparation(demo, host_id=lahti, reviewer_id=found.reviewer_ids[0],
                           date="2026-10-21", place="https://meet.example/lahti")
    assert visits.visit(demo.db, lahti).preparations[0].place == "https://meet.example/lahti"
    with pytest.raises(RuleViolation, match="not a date"):
        visits.update_visit(demo, host_id=lahti, date="4.11.")
    with pytest.raises(RuleViolation, match="Unknown status"):
        visits.update_visit(demo, host_id=lahti, status="cancelled")


def test_interviewees_import_is_idempotent_rejects_bad_rows_and_warns_outside_6_to_10(
        demo, tmp_path):
    lahti = find_municipality(demo.db, "398")
    path = tmp_path / "haastateltavat.csv"
    path.write_text("Nimi;Tehtävä;Ryhmä;Sähköposti\n"
                    "Olli Opas;kaupunginjohtaja;;olli@lahti.example\n"
                    "Kerttu Kysyjä;ympäristöjohtaja;asiantuntija;\n"
                    ";energia-asiantuntija;asiantuntija;\n"
                    "Väinö Väärä;;astronautti;\n"
                    "Pia Päättäjä;valtuutettu;;ei-osoite\n", "utf-8")
    plan = interviewees.plan_import(demo, host_id=lahti, path=path)
    assert plan.summary()["added"] == 2
    assert [r.line for r in plan.rejected] == [4, 5, 6]
    assert "astronautti" in plan.rejected[1].reason
    interviewees.apply_import(demo, plan)
    found = visits.visit(demo.db, lahti)
    assert {(i.name, i.group) for i in found.interviewees} == {
        ("Olli Opas", "leadership"), ("Kerttu Kysyjä", "expert")}
    assert found.warning == "2 interviewees, fewer than 6"
    again = interviewees.plan_import(demo, host_id=lahti, path=path)
    assert (again.summary()["added"], again.summary()["unchanged"]) == (0, 2)


def test_an_interviewee_is_exported_then_erased_from_file_and_schedule(demo):
    porvoo = find_municipality(demo.db, "638")
    person = visits.visit(demo.db, porvoo).interviewees[0]
    demo.write("schedule", lambda tx: tx.update("visit", visits.visit_id(porvoo), {
        "schedule": json.dumps([{"start": "09:30", "end": "10:30", "kind": "interview",
                                 "room": 1, "interviewees": [person.id],
                                 "interviewers": []}])}))
    exported = interviewees.export_interviewee(demo, interviewee_id=person.id)
    assert exported["name"] == person.name
    assert exported["visit"]["interviews"] == [{"start": "09:30", "end": "10:30"}]
    interviewees.delete_interviewee(demo, interviewee_id=person.id)
    row = demo.db.execute("SELECT name, email, deleted FROM interviewee WHERE id = ?",
                          [person.id]).fetchone()
    assert row == ("", "", 1)
    assert visits.visit(demo.db, porvoo).schedule == []
    assert person.id not in {i.id for i in visits.visit(demo.db, porvoo).interviewees}
    with pytest.raises(RuleViolation, match="No interviewee"):
        interviewees.export_interviewee(demo, interviewee_id=person.id)


def test_an_added_interviewee_takes_a_group_from_the_title(demo):
    lahti = find_municipality(demo.db, "398")
    interviewees.add_interviewee(demo, host_id=lahti, name="Tuomo Toimiala",
                                 title="sivistyksen toimialajohtaja")
    assert visits.visit(demo.db, lahti).interviewees[0].group == "sector"
    with pytest.raises(RuleViolation, match="needs a name"):
        interviewees.add_interviewee(demo, host_id=lahti, name="  ")
