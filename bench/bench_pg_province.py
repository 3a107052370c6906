"""PostgreSQL hubs at province size: the year-end report at a county hub and at a city hub,
and the province hub's station list (issue #14: each under 2 s).

The data set (bench/province.py) is generated once and kept in a cluster under
bench/.data/pg-province/: at ``full`` scale 20,000 stations and about 10 million events in
the province hub's database, Nantong's share in the city hub's and Haian's in the county
hub's, each made as ``haian-desk init --database`` makes a hub, its stations enrolled.

Timed: ``haian_desk.storage.postgres.hub.report`` for 2025 (``build_from`` over ``pg_rows``,
the same code and figures as SQLite) at the county and the city hub, and at the province hub
too (no goal: the issue asks for county and city); ``PgHub.stations``, the list
``hub stations`` shows, at the province hub. Baselines, same run: one GROUP BY over the
hub's cases table, and reading the peers table alone. Where a figure misses, its statements
are timed by kind and the slowest is EXPLAIN ANALYZEd.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

from bench import generate, pg, province
from bench.common import Report, main, median
from haian_desk.assessment import parse_period
from haian_desk.replication.pg_hub import PgHub
from haian_desk.storage.postgres import hub
from haian_desk.storage.postgres.database import PgDatabase

RUNS = int(os.environ.get("BENCH_PROVINCE_RUNS", os.environ.get("BENCH_RUNS", "3")))
NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # generate.NOW: the data set's "now"
PERIOD = "2025"
GOAL_S = 2.0


def run(scale: generate.Scale) -> Report:
    size = province.SCALES[scale.name]
    report = Report(
        "postgres province",
        f"PostgreSQL hubs at province size ({size.stations:,} stations; scale `{size.name}`)",
    )
    with pg.server(province.FOLDER, province.SETTINGS) as server:
        if server is None:
            return pg.skipped(report)
        started = time.perf_counter()
        urls, generated = province.ensure(server, size)
        prepared = time.perf_counter() - started
        sizes = {role: _size(url) for role, url in urls.items()}
        loads = [os.getloadavg()[0]]
        for role in ("county", "city", "province"):
            _report_figure(report, role, urls[role], sizes[role], runs=RUNS if role != "province" else 1)
            loads.append(os.getloadavg()[0])
        _stations_figure(report, urls["province"], sizes["province"])
        loads.append(os.getloadavg()[0])
    report.notes += [
        "Data: "
        + "; ".join(
            f"{role} hub {s['events']:,} events, {s['cases']:,} matters, {s['peers']:,} stations, "
            f"{s['bytes'] / 2**30:.1f} GB"
            for role, s in sizes.items()
        )
        + (f". Generated in {prepared:.0f} s (then cached)." if generated else ". Found in the cache."),
        f"Runs: {RUNS} per figure, medians (the province report: one run). Load average (1 min) before and after "
        "each: " + ", ".join(f"{x:.1f}" for x in loads) + f" on {os.cpu_count()} cores.",
        f"Server: {pg.server_version()}; settings "
        + ", ".join(f"{k}={v}" for k, v in province.SETTINGS.items())
        + " (the tests' cluster otherwise: fsync off, which only loading feels).",
    ]
    return report


def _size(url: str) -> dict[str, int]:
    with PgDatabase(url) as db:
        return {
            "events": db.scalar("SELECT count(*) FROM events"),
            "cases": db.scalar("SELECT count(*) FROM cases"),
            "peers": db.scalar("SELECT count(*) FROM sync_peers"),
            "bytes": db.scalar("SELECT pg_database_size(current_database())"),
        }


def _report_figure(report: Report, role: str, url: str, size: dict, runs: int) -> None:
    period = parse_period(PERIOD)
    with hub.open_hub(url) as db:
        times, built = [], None
        for _ in range(runs):
            started = time.perf_counter()
            built = hub.report(db, period, NOW)
            times.append(time.perf_counter() - started)
        group_by = median([_timed(db, "SELECT unit_code, kind, status, count(*) FROM cases GROUP BY 1, 2, 3")])
    seconds = median(times)
    matters = sum(r["registered"] for r in built.rows["county"]) if built else 0
    goal = role != "province"
    report.add(
        f"year-end report {PERIOD} at the {role} hub",
        seconds,
        "s",
        goal=f"< {GOAL_S:.0f} s" if goal else "",
        met=seconds < GOAL_S if goal else None,
        baseline=group_by,
        baseline_name="one GROUP BY over its cases table",
        note=f"{size['cases']:,} matters on file, {matters:,} registered in {PERIOD}; "
        f"{len(built.rows['station']) if built else 0:,} station rows; runs " + ", ".join(f"{t:.2f}" for t in times),
    )
    if goal and seconds >= GOAL_S:
        report.profile += _why(url, lambda db: hub.report(db, period, NOW), f"report at the {role} hub")


def _stations_figure(report: Report, url: str, size: dict) -> None:
    with hub.open_hub(url) as db:
        times, rows = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            rows = PgHub(db).stations(NOW)
            times.append(time.perf_counter() - started)
        peers = median([_timed(db, "SELECT * FROM sync_peers") for _ in range(RUNS)])
    seconds = median(times)
    overdue = sum(r["overdue"] for r in rows)
    report.add(
        "station list at the province hub (hub stations)",
        seconds,
        "s",
        goal=f"< {GOAL_S:.0f} s",
        met=seconds < GOAL_S,
        baseline=peers,
        baseline_name="reading the peers table alone",
        note=f"{len(rows):,} stations, {overdue:,} matters overdue among {size['cases']:,}; runs "
        + ", ".join(f"{t:.2f}" for t in times),
    )
    if seconds >= GOAL_S:
        report.profile += _why(url, lambda db: PgHub(db).stations(NOW), "station list")


def _timed(db: PgDatabase, sql: str) -> float:
    started = time.perf_counter()
    db.query(sql)
    return time.perf_counter() - started


def _why(url: str, work, what: str) -> str:
    with hub.open_hub(url) as db:
        seconds, times = pg.timed_by_statement(lambda: work(db))
    return f"{what}: {seconds:.2f} s under the statement timer.\n{times.table()}\n{times.explain_slowest(url)}\n\n"


if __name__ == "__main__":
    main(run)
