"""The Motiva demo: a peer-learning year from pairs to findings, valid by every rule."""

import json

from ilmava_desktop.cli import main
from ilmava_desktop.services import visits
from ilmava_desktop.services.demo.motiva import build_motiva_demo
from ilmava_desktop.services.groups import pairs
from ilmava_desktop.services.visits import findings, schedule
from ilmava_desktop.storage import queries


def test_the_motiva_demo_holds_a_year_of_peer_learning(tmp_path):
    session = build_motiva_demo(tmp_path / "motiva.ilmava")
    try:
        db = session.db
        cohort = queries.cohort(db)
        assert (cohort.programme, cohort.is_demo) == ("Motiva", True)
        municipalities = queries.municipalities(db)
        assert len(municipalities) == 6
        assert [m.code for m in municipalities if m.main_language == "sv"] == ["545"]
        assert all(len(t.reviews) == 2 and t.warning is None for t in visits.teams(db))
        assert pairs.without_shared_language(db) == set()
        found = visits.visits(db)
        assert len(found) == 6
        for v in found:
            assert v.warning is None and v.schedule and schedule.conflicts(db, v) == []
        assert sorted(v.host.code for v in found if v.status == "findings_written") == [
            "398", "837"]
        assert len(findings.findings(db)) == 4
        # Prepared as the timeline asks: agreed, the pack sent, every team's meeting set.
        from ilmava_desktop.services.visits import timeline

        for v in found:
            assert {p.reviewer_id for p in v.preparations} == set(v.reviewer_ids)
            steps = {s.key: s.done for s in timeline.timeline(db, v.host.id)}
            assert steps["agreement"] and steps["pack"] and steps["preparation"]
            assert steps["findings"] == (v.host.code in ("398", "837"))
    finally:
        session.close(save=False)


def test_ilmava_demo_programme_motiva(capsys, tmp_path):
    path = tmp_path / "motiva.ilmava"
    assert main(["--lang", "en", "demo", "--programme", "motiva", str(path)]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "visits", str(path), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["visits"]) == 6
    assert main(["--lang", "en", "demo", "--programme", "motiva", str(path)]) == 2


def test_the_motiva_demo_is_a_motiva_cohort_and_its_reports_say_so(tmp_path):
    from ilmava_desktop.services.cohort.programme import programme
    from ilmava_desktop.services.demo.motiva import create_motiva_demo
    from ilmava_desktop.services.reports import municipality_report

    session = create_motiva_demo(tmp_path / "motiva.ilmava")
    try:
        assert programme(session.db).kind == "motiva"
        first = session.db.execute("SELECT id FROM municipality WHERE deleted = 0").fetchone()[0]
        report = municipality_report.build(session.db, first, "fi")
        assert "ILMAVA" not in report.programme
    finally:
        session.close()
