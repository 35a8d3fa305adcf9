"""Run the benchmarks and print `{NAME: {"value", "unit", "baseline", "ratio"}}` as JSON.

- startup: cold process to the first painted main window on the demo cohort, against
  a bare PySide6 QMainWindow's cold start measured in the same run (target ratio <= 1.3).
- open_large: open a cohort of all 308 municipalities and 1,540 people through its
  working copy with the integrity check (target <= 0.15 s), against a plain file copy.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first_paint_seconds(kind: str, data_dir: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILMAVA_DATA_DIR": data_dir}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "bench.first_paint", kind], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if "painted" not in result.stdout:
        raise RuntimeError(f"{kind} did not paint: {result.stderr[-500:]}")
    return elapsed


def startup(rounds: int = 5) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        _first_paint_seconds("bare", data_dir)  # warm the OS file cache for both alike
        _first_paint_seconds("app", data_dir)
        app, bare = [], []
        for _ in range(rounds):  # interleaved, so drift in machine load hits both
            bare.append(_first_paint_seconds("bare", data_dir))
            app.append(_first_paint_seconds("app", data_dir))
    value, baseline = statistics.median(app), statistics.median(bare)
    return {"value": round(value, 3), "unit": "s", "baseline": round(baseline, 3),
            "ratio": round(value / baseline, 3)}


def _large_cohort(path: Path) -> None:
    from ilmava_desktop.resources import official_municipalities
    from ilmava_desktop.services.municipalities import put_municipality
    from ilmava_desktop.services.people import put_new_person
    from ilmava_desktop.services.session import CohortSession
    from ilmava_desktop.storage.transaction import new_id

    def fill(tx) -> None:
        tx.put("cohort", {"id": new_id(), "name": "Koko Suomi", "programme": "ILMAVA",
                          "year": 2026, "language": "fi", "is_demo": 0})
        for m in official_municipalities():
            m_id = put_municipality(tx, m.code, theme="capacity", wicked_problem="x" * 200)
            for n in range(5):
                put_new_person(tx, m_id, {
                    "name": f"Henkilö {m.code}-{n}", "role": "other", "title": "",
                    "email": f"h{m.code}{n}@kunta.example", "language": None})

    CohortSession.create(path, fill).close()


def open_large(rounds: int = 7) -> dict:
    from ilmava_desktop.services.session import CohortSession

    with tempfile.TemporaryDirectory() as folder:
        os.environ["ILMAVA_DATA_DIR"] = str(Path(folder) / "data")
        path = Path(folder) / "suomi.ilmava"
        _large_cohort(path)
        opened, copied = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            shutil.copyfile(path, Path(folder) / "copy.ilmava")
            copied.append(time.perf_counter() - start)
            start = time.perf_counter()
            session = CohortSession.open(path)
            opened.append(time.perf_counter() - start)
            session.close(save=False)
    value, baseline = statistics.median(opened), statistics.median(copied)
    return {"value": round(value, 4), "unit": "s", "baseline": round(baseline, 4),
            "ratio": round(value / baseline, 2)}


BENCHMARKS = {"startup": startup, "open_large": open_large}


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}",
              file=sys.stderr)
        return 2
    results = {name: BENCHMARKS[name]() for name in names or BENCHMARKS}
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
