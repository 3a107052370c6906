"""Run every benchmark, each in its own process, and write bench/results.md.

    make bench                         # full county scale (the issue's figures)
    BENCH_SCALE=small make bench       # a quick run on a small county
    BENCH_ONLY=search,queue make bench # some of them

The generated county is built once (several minutes at full scale) and cached
in bench/.data/; later runs reuse it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import generate
from bench.common import RUNS, machine

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
OUTPUT = HERE / ".results"
BENCHMARKS = [
    ("intake", "bench_intake"),
    ("search", "bench_search"),
    ("queue", "bench_queue"),
    ("start-up", "bench_startup"),
    ("hub merge", "bench_merge"),
    ("wire", "bench_wire"),
    ("assessment", "bench_assessment"),
    ("hub flood", "bench_hub_flood"),
    ("encryption", "bench_encryption"),
    ("import", "bench_import"),
    ("counter keys", "bench_counter_keys"),
    ("postgres merge", "bench_pg_merge"),
    ("postgres province", "bench_pg_province"),
]
TIMEOUT_S = 1800
# Generating the province-size data set the first time (then cached) takes longer than that.
TIMEOUTS = {"bench_pg_province": 4 * 3600}


def main() -> int:
    scale = generate.scale_from_env()
    wanted = {w.strip() for w in os.environ.get("BENCH_ONLY", "").split(",") if w.strip()}
    OUTPUT.mkdir(exist_ok=True)
    started = time.perf_counter()
    generate.county(scale)  # built (or found) before any clock starts
    prepared = time.perf_counter() - started
    reports, failures = [], []
    for title, module in BENCHMARKS:
        if wanted and title not in wanted and module.removeprefix("bench_") not in wanted:
            report = _earlier(module)  # not run this time: its last result stays on the page
        else:
            report, failure = _run_one(title, module)
            if failure:
                failures.append(failure)
        if report:
            reports.append(report)
    total = time.perf_counter() - started
    RESULTS.write_text(render(scale, reports, failures, prepared, total), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(HERE.parent)} ({total / 60:.1f} min)")
    return 1 if failures else 0


def _run_one(title: str, module: str) -> tuple[dict | None, str | None]:
    if not (HERE / f"{module}.py").exists():
        return None, None
    out = OUTPUT / f"{module}.json"
    out.unlink(missing_ok=True)
    print(f"\n=== {title} ===", flush=True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", f"bench.{module}", "--json", str(out)],
            cwd=HERE.parent,
            timeout=TIMEOUTS.get(module, TIMEOUT_S),
        )
    except subprocess.TimeoutExpired:
        return None, f"{title}: stopped after {TIMEOUTS.get(module, TIMEOUT_S)} s"
    if done.returncode != 0 or not out.exists():
        return None, f"{title}: exited with code {done.returncode} (see the console output)"
    report = json.loads(out.read_text(encoding="utf-8"))
    report["finished_at"] = f"{datetime.now().astimezone():%Y-%m-%d %H:%M}"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report, None


def _earlier(module: str) -> dict | None:
    out = OUTPUT / f"{module}.json"
    if not out.exists():
        return None
    report = json.loads(out.read_text(encoding="utf-8"))
    report["earlier"] = True
    return report


def render(scale, reports: list[dict], failures: list[str], prepared: float, total: float) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.py); what each figure measures and how to read it: "
        "[docs/benchmarks.md](../docs/benchmarks.md).",
        "",
        f"- **Date:** {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- **Scale:** `{scale.name}`: {scale.villagers:,} villagers, {scale.cases:,} cases, "
        f"{scale.stations} stations, {scale.cadres:,} cadres (seed {generate.SEED}); runs per figure: {RUNS}",
        f"- **Time:** {total / 60:.1f} min in all, of which {prepared / 60:.1f} min finding or generating the county",
        "- **Machine:** " + ", ".join(f"{k} {v}" for k, v in machine().items()),
        "",
        "A ratio is the figure divided by its baseline, both measured in the same run on the same data.",
        "",
    ]
    for failure in failures:
        lines += [f"> **Did not finish:** {failure}", ""]
    for report in reports:
        lines += _report_lines(report)
    lines += [
        "## How to reproduce",
        "",
        "```sh",
        "make bench                          # this page, at full county scale",
        "BENCH_SCALE=small make bench        # minutes, on a small county",
        "BENCH_ONLY=search make bench        # one benchmark (titles above, or module names)",
        ".venv/bin/python -m bench.bench_search   # one benchmark, printed only",
        "```",
        "",
        "Environment: `BENCH_RUNS` (runs per figure, default 5), `BENCH_SCALE` (tiny, small, full). "
        "The generated county is cached in `bench/.data/` (git-ignored); delete it to generate afresh.",
        "",
    ]
    return "\n".join(lines)


def _report_lines(report: dict) -> list[str]:
    when = report.get("finished_at", "")
    ran = f"_{report['seconds']:.0f} s, finished {when}" + (
        " (an earlier run: not rerun this time)_" if report.get("earlier") else "_"
    )
    lines = [
        f"## {report['title']}",
        "",
        ran,
        "",
    ]
    if report.get("skipped"):
        lines += [f"> **{report['skipped']}**", ""]
    lines += [
        "| measure | figure | goal | | same-run baseline | ratio | detail |",
        "| --- | ---: | --- | --- | ---: | ---: | --- |",
    ]
    for fig in report["figures"]:
        verdict = {True: "✅ met", False: "❌ missed", None: ""}[fig["met"]]
        base = f"{_num(fig['baseline'])} {fig['unit']} ({fig['baseline_name']})" if fig["baseline"] is not None else ""
        ratio = f"{fig['ratio']:.3g}" if fig["ratio"] is not None else ""
        lines.append(
            f"| {fig['measure']} | {_num(fig['value'])} {fig['unit']} | {fig['goal']} | {verdict} | "
            f"{base} | {ratio} | {fig['note']} |"
        )
    lines.append("")
    lines += [f"- {note}" for note in report["notes"]]
    if report["notes"]:
        lines.append("")
    if report["profile"]:
        lines += [
            "<details><summary>profile</summary>",
            "",
            "```",
            report["profile"].rstrip(),
            "```",
            "",
            "</details>",
            "",
        ]
    return lines


def _num(value: float) -> str:
    if value is None:
        return ""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


if __name__ == "__main__":
    sys.exit(main())
