"""The visit pack PDF: programme, teams, interviewees and questions, in the host's language."""

import io

import pytest
from pypdf import PdfReader

from ilmava_desktop.cli import main
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.services.municipalities import find_municipality
from ilmava_desktop.services.visits import documents


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pack_of_a_bilingual_host_is_in_its_language_with_every_part(demo, tmp_path):
    porvoo = find_municipality(demo.db, "638")
    pack = documents.visit_pack(demo.db, host_id=porvoo)
    assert pack.language == "fi" and pack.language_note == ""
    assert pack.title == "Vierailupaketti: Porvoo – Borgå"
    assert pack.schedule[0][2] == "Yhteinen aloitus"
    assert pack.schedule[-1][2] == "Yhteinen purku ja palaute"
    assert ("Eeva Esimerkki", "kuntajohto") in pack.interviewees
    assert all(len(people) >= 2 for _m, people in pack.teams)
    assert pack.closing_question == "Mikä toimii hyvin, ja mitä pitäisi kehittää?"
    path = documents.write_visit_pack(demo.db, host_id=porvoo, target=tmp_path / "pack.pdf")
    text = _text(path)
    for expected in ("Päivän ohjelma", "Eeva Esimerkki", "kuntajohto", "Haastattelukysymykset",
                     "Mikä toimii hyvin", "Sivu 1/2"):
        assert expected in text, expected
    assert PdfReader(str(path)).metadata.title == pack.title


def test_the_pack_in_swedish_and_english(demo):
    porvoo = find_municipality(demo.db, "638")
    swedish = documents.visit_pack(demo.db, host_id=porvoo, language="sv")
    assert swedish.title.startswith("Besökspaket: ") and "Borgå" in swedish.title
    assert swedish.themes[0].questions[0].startswith("Vilka") or swedish.themes
    english = documents.visit_pack(demo.db, host_id=porvoo, language="en")
    assert english.schedule[-2][2] == "Team debrief"
    # Times as the pack's language writes them, whatever the window speaks.
    assert english.schedule[0][0] == "9:00–9:30" and swedish.schedule[0][0] == "9.00–9.30"
    with pytest.raises(RuleViolation, match="Unknown language"):
        documents.visit_pack(demo.db, host_id=porvoo, language="de")


def test_visitors_who_share_no_language_with_the_host_get_theirs_and_are_told(demo):
    from ilmava_desktop.services.groups.pairs import _pair_id

    db = demo.db
    host = find_municipality(db, "398")  # Lahti, Finnish only
    raasepori = find_municipality(db, "710")  # Swedish-majority
    for reviewer, in db.execute("SELECT reviewer_id FROM review_pair WHERE reviewee_id = ?"
                                " AND deleted = 0", [host]).fetchall():
        demo.write("pair", lambda tx, r=reviewer: tx.tombstone("review_pair", _pair_id(r, host)))
    demo.write("pair", lambda tx: tx.put("review_pair", {
        "id": _pair_id(raasepori, host), "reviewer_id": raasepori, "reviewee_id": host}))
    assert documents.pack_language(db, host) == ("sv", True)
    pack = documents.visit_pack(db, host_id=host)
    assert pack.language == "sv" and "inget gemensamt språk" in pack.language_note


def test_export_visit_pack_command(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    main(["demo", str(cohort)])
    out = tmp_path / "paketti.pdf"
    assert main(["--lang", "en", "export", "visit-pack", str(cohort), "--host", "Porvoo",
                 "--out", str(out), "--lang", "en"]) == 0
    assert "Visit pack: Porvoo – Borgå" in _text(out)
    assert main(["--lang", "en", "export", "visit-pack", str(cohort), "--host", "nowhere",
                 "--out", str(out)]) == 2


def test_the_pack_has_the_teams_meetings_their_roles_and_the_hosts_self_assessment(
        demo, tmp_path):
    from ilmava_desktop.services import visits
    from ilmava_desktop.services.groups.pairs import theme_scores

    porvoo = find_municipality(demo.db, "638")
    reviewer = visits.visit(demo.db, porvoo).reviewer_ids[0]
    visits.set_preparation(demo, host_id=porvoo, reviewer_id=reviewer, date="2026-10-01",
                           place="https://meet.example/porvoo")
    pack = documents.visit_pack(demo.db, host_id=porvoo, language="en")
    assert "Preparation meeting: 1 Oct 2026 · https://meet.example/porvoo" in \
        pack.preparations.values()
    interviews = [row for row in pack.schedule if row[1]]
    assert all("(leads)" in who and "(notes)" in who for *_r, who in interviews)
    own = theme_scores(demo.db)[porvoo]
    assert len(pack.profile) == 6 and pack.profile_columns[1] == "Porvoo – Borgå"
    assert pack.profile[0][1] == f"{own['strategy']:.1f}"
    text = _text(documents.write_visit_pack(demo.db, host_id=porvoo, language="en",
                                            target=tmp_path / "pack.pdf"))
    assert "The host's self-assessment" in text and "https://meet.example/porvoo" in text
