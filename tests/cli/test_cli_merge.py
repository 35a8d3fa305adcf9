"""`ilmava merge` and `ilmava check` after one: the JSON's shape, the exit codes, the
broken rules listed with what to do."""

import json
import shutil

from ilmava_desktop.cli import main


def run(capsys, *args):
    code = main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_merge_json_dry_run_and_check(capsys, tmp_path, monkeypatch):
    ours, theirs = tmp_path / "a.ilmava", tmp_path / "b.ilmava"
    run(capsys, "demo", ours)
    shutil.copy(ours, theirs)
    # The other laptop proposes pairs again, three each way, and saves them.
    monkeypatch.setenv("ILMAVA_DATA_DIR", str(tmp_path / "other-laptop"))
    assert run(capsys, "pairs", theirs, "--reviews", "3", "--save")[0] == 0
    monkeypatch.setenv("ILMAVA_DATA_DIR", str(tmp_path / "this-laptop"))
    # And this laptop proposes them again too, with a municipality left out.
    assert run(capsys, "pairs", ours, "--without", "638", "--save")[0] == 0
    before = ours.read_bytes()
    code, out, _err = run(capsys, "merge", ours, theirs, "--dry-run", "--json")
    assert code == 0 and ours.read_bytes() == before
    data = json.loads(out)
    assert {"added", "changed", "deleted", "conflicts", "rule_violations"} <= data.keys()
    assert data["added"] > 0 and data["tools"]["groups"]["added"] == data["added"]
    assert all({"rule", "message", "what_to_do"} == v.keys() for v in data["rule_violations"])

    code, out, _err = run(capsys, "merge", ours, theirs)
    assert code == 0 and "added" in out
    # The pairs have no name of their own: counted, in words ("Peer-review pair: 45 added").
    assert "Peer-review pair: " in out and "review_pair" not in out
    code, out, _err = run(capsys, "merge", ours, theirs, "--json")
    assert json.loads(out)["added"] == 0 and json.loads(out)["conflicts"] == []
    code, out, _err = run(capsys, "check", ours)
    assert data["rule_violations"] and code == 1
    assert all(v["message"] in out for v in data["rule_violations"])


def test_merging_another_cohort_exits_1_with_the_reason(capsys, tmp_path):
    ours, other = tmp_path / "a.ilmava", tmp_path / "b.ilmava"
    run(capsys, "demo", ours)
    run(capsys, "new", other, "--name", "Syksy")
    code, _out, err = run(capsys, "merge", ours, other)
    assert code == 1 and "another cohort" in err and "Syksy" in err


def test_check_reports_a_municipality_reviewing_too_many(capsys, tmp_path):
    import sqlite3
    import uuid

    path = tmp_path / "a.ilmava"
    run(capsys, "demo", path)
    conn = sqlite3.connect(path)
    porvoo = conn.execute("SELECT id FROM municipality WHERE code = '638'").fetchone()[0]
    others = [row[0] for row in conn.execute(
        "SELECT id FROM municipality WHERE id != ? AND id NOT IN (SELECT reviewee_id FROM"
        " review_pair WHERE reviewer_id = ? AND deleted = 0)", [porvoo, porvoo])][:2]
    for other in others:
        conn.execute("INSERT INTO review_pair (id, stamp, deleted, reviewer_id, reviewee_id)"
                     " VALUES (?, '0000000000001.0000.x', 0, ?, ?)",
                     [str(uuid.uuid4()), porvoo, other])
    conn.commit()
    conn.close()
    code, out, _err = run(capsys, "check", path)
    assert code == 1
    assert "Porvoo reviews 4" in out and "Groups → Peer-review pairs" in out
