"""What every benchmark shares: timing, percentiles, figures with their goal and baseline.

A benchmark module has ``run(scale) -> Report`` and ends with
``if __name__ == "__main__": main(run)``; ``python -m bench.<name> --json out``
runs it alone (bench/run.py runs each one in its own process, so one's memory
and caches do not colour the next).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.generate import Scale, scale_from_env

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# Generated counties and stations are encrypted like any station; this passphrase opens them.
os.environ.setdefault("HAIAN_DESK_PASSPHRASE", "bench-county-passphrase")


@dataclass
class Figure:
    """One measured number beside its goal and its same-run baseline."""

    measure: str
    value: float
    unit: str
    goal: str = ""
    met: bool | None = None
    baseline: float | None = None
    baseline_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


@dataclass
class Report:
    benchmark: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: str = ""
    seconds: float = 0.0
    skipped: str = ""  # why nothing was measured (a PostgreSQL benchmark with no server here)

    def add(self, *args, **kwargs) -> Figure:
        figure = Figure(*args, **kwargs)
        self.figures.append(figure)
        return figure

    def to_json(self) -> dict:
        data = asdict(self)
        for fig, raw in zip(self.figures, data["figures"], strict=True):
            raw["ratio"] = fig.ratio
        return data


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank), as the goals are written."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Milliseconds one call takes, and what it returned."""
    started = time.perf_counter()
    value = fn()
    return (time.perf_counter() - started) * 1000, value


def per_query_medians(queries: list, fn: Callable[[object], object], runs: int) -> list[float]:
    """Each query run ``runs`` times (the whole set once per round); each query's median, in ms."""
    times: list[list[float]] = [[] for _ in queries]
    for _ in range(runs):
        for i, query in enumerate(queries):
            times[i].append(timed(lambda query=query: fn(query))[0])
    return [median(t) for t in times]


def machine() -> dict[str, str]:
    import PySide6

    return {
        "cpu": _cpu_name(),
        "cores": str(os.cpu_count()),
        "memory": _memory(),
        "os": _os_name(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "pyside6": PySide6.__version__,
    }


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        return f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()


def main(run: Callable[[Scale], Report], exit_hard: bool = False) -> None:
    """Run one benchmark; ``exit_hard`` skips interpreter teardown, which PySide6
    6.12 can crash in after a model and its worker thread have been used."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path, help="write the report here as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    report = run(scale_from_env())
    report.seconds = time.perf_counter() - started
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    if exit_hard:
        sys.stdout.flush()
        os._exit(0)


def print_report(report: Report) -> None:
    print(f"\n{report.title} ({report.seconds:.0f} s)")
    if report.skipped:
        print(f"  !!! {report.skipped}")
    for fig in report.figures:
        base = f"  baseline {fig.baseline:.4g} {fig.unit} ({fig.baseline_name})" if fig.baseline is not None else ""
        ratio = f"  ratio {fig.ratio:.3g}" if fig.ratio is not None else ""
        verdict = {True: "met", False: "MISSED", None: ""}[fig.met]
        print(f"  {fig.measure}: {fig.value:.4g} {fig.unit}  goal {fig.goal} {verdict}{base}{ratio}")
    for note in report.notes:
        print(f"  - {note}")
    sys.stdout.flush()
