"""Language-aware pairs in the cohort: the demo's Swedish-speaking team, the JSON and the
printout mark a pair without a shared language."""

import json

from ilmava_desktop.cli import main
from ilmava_desktop.services.groups import documents, pairs
from ilmava_desktop.services.municipalities import find_municipality


def test_the_demos_swedish_speaking_team_visits_where_swedish_is_spoken_if_it_can(demo):
    raasepori = find_municipality(demo.db, "710")
    members = {m.id: m for m in pairs.reviewees(demo.db)}
    assert members[raasepori].team_languages == frozenset({"sv"})
    assert members[find_municipality(demo.db, "638")].team_languages == frozenset({"fi", "sv"})
    visited = {p.reviewee_id for p in pairs.saved_pairs(demo.db) if p.reviewer_id == raasepori}
    assert visited == {find_municipality(demo.db, "638"), find_municipality(demo.db, "853")}
    assert pairs.without_shared_language(demo.db) == set()


def test_a_saved_pair_without_a_shared_language_is_marked_in_the_printout(demo):
    from ilmava_desktop.services.groups.pairs import _pair_id

    raasepori, lahti = find_municipality(demo.db, "710"), find_municipality(demo.db, "398")
    demo.write("pair", lambda tx: tx.put("review_pair", {
        "id": _pair_id(raasepori, lahti), "reviewer_id": raasepori, "reviewee_id": lahti}))
    assert (raasepori, lahti) in pairs.without_shared_language(demo.db)
    document = documents.pairs_document(demo.db, "en")
    cells = [cell for section in document.sections for row in section.rows for cell in row]
    assert "Lahti — ▲ no shared language" in cells


def test_pairs_json_says_whether_each_pair_shares_a_language(capsys, tmp_path):
    cohort = tmp_path / "demo.ilmava"
    main(["demo", str(cohort)])
    capsys.readouterr()
    assert main(["--lang", "en", "pairs", str(cohort), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["pairs"]
    assert all(p["shared_language"] for p in listed)
    assert all(any("no shared language" in r for r in p["reasons"]) != p["shared_language"]
               for p in listed)


def test_the_pairs_printout_heads_every_column_and_has_a_box_to_tick(demo):
    from ilmava_desktop.core.sorting import alphabet_key
    from ilmava_desktop.services.groups.pairs import _pair_id

    done = pairs.saved_pairs(demo.db)[0]
    demo.write("done", lambda tx: tx.update(
        "review_pair", _pair_id(done.reviewer_id, done.reviewee_id), {"done": 1}))
    for language in ("fi", "sv", "en"):
        document = documents.pairs_document(demo.db, language)
        headings = [s.heading for s in document.sections]
        assert headings == sorted(headings, key=lambda h: alphabet_key(h, language))
        for section in document.sections:
            assert all(h.strip() for h in section.header), section.header
            assert all(row[-1] in ("☐", "☑") for row in section.rows)
        boxes = [row[-1] for s in document.sections for row in s.rows]
        assert boxes.count("☑") == 2 and "☐" in boxes  # the done pair, in both sections
