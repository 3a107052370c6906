"""Every benchmark still runs: each section of bench/run.py at tiny scale, in its own process.

No figure is asserted (timing belongs in bench/, not in tests); a benchmark
that no longer starts, crashes or writes no report fails here, so none can rot
between full runs. The knobs keep each one to a few seconds on a loaded
2-core machine (about 30 s for all of them; start-up and the two network
sections are the slow ones).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import run

ROOT = Path(__file__).resolve().parents[2]
TINY = {
    "BENCH_SCALE": "tiny",
    "BENCH_RUNS": "1",
    "BENCH_INTAKES": "20",
    "BENCH_SEARCH_QUERIES": "2",
    "BENCH_QUEUE_SECONDS": "1",
    "BENCH_MERGE_EVENTS": "2000",
    "BENCH_MERGE_RUNS": "1",
    "BENCH_WIRE_RUNS": "1",
    "BENCH_ASSESSMENT_RUNS": "1",
    "BENCH_IMPORT_ROWS": "200",
    "QT_QPA_PLATFORM": "offscreen",
}


@pytest.mark.parametrize("module", [module for _, module in run.BENCHMARKS])
def test_the_benchmark_runs_at_tiny_scale(module, tmp_path):
    out = tmp_path / f"{module}.json"
    # The tests' own station passphrase would override the one bench/common.py opens counties with.
    env = {name: value for name, value in os.environ.items() if name != "HAIAN_DESK_PASSPHRASE"}
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", "--json", str(out)],
        cwd=ROOT,
        env={**env, **TINY},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("skipped"):  # a PostgreSQL benchmark where no server can start: said loudly
        pytest.skip(f"{module}: {report['skipped']}")
    assert report["figures"], f"{module} measured nothing"
