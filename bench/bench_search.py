"""Search at county scale: what a clerk types, p95 per kind, against a full scan.

Two searches: the person picker at intake (``queries.villager_search``, the
first 20 villagers) and the case queue's search box (``queries.count`` and the
first page of ``queries.page``, as the queue model asks). Queries are drawn
from the generated people and cases with a fixed seed: a character of a name,
two or three characters, the full pinyin, the initials, an ID number (whole,
or its last six), a phone (whole, or its last four), a case number. Each query
is run ``BENCH_RUNS`` times; a query's time is its median; the figure is the
95th percentile over the queries of one kind.

Baseline: the search as it was before haian_desk.cases.search, a full scan with
``instr`` over every villager's search_text (and every case's number and
description), run on a few queries of each kind on the same database.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from haian_desk.cases import queries
from haian_desk.desk import Desk

from bench import generate
from bench.common import RUNS, Report, main, median, percentile, timed

GOAL_MS = 50
PER_KIND = int(os.environ.get("BENCH_SEARCH_QUERIES", "40"))
BASELINE_PER_KIND = 3
SLOW_MS = 250  # a query this slow is timed once: repeating it would not change the verdict

OLD_VILLAGER_SCAN = ("SELECT * FROM villagers WHERE active = 1 AND instr(search_text, ?) > 0 "
                     "ORDER BY instr(search_text, ?), length(name), name LIMIT 20")
OLD_CASE_WHERE = ("FROM cases c JOIN villagers v ON v.id = c.villager_id WHERE "
                  "(instr(c.case_no, ?) > 0 OR instr(v.search_text, ?) > 0 OR instr(c.description, ?) > 0)")


def sample_queries(desk: Desk, seed: int, per_kind: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    top = desk.db.scalar("SELECT max(rowid) FROM villagers")
    people = [desk.db.one("SELECT * FROM villagers WHERE rowid >= ? LIMIT 1", (rng.randint(1, top),))
              for _ in range(per_kind * 6)]
    top_case = desk.db.scalar("SELECT max(rowid) FROM cases")
    numbers = [desk.db.scalar("SELECT case_no FROM cases WHERE rowid >= ? LIMIT 1", (rng.randint(1, top_case),))
               for _ in range(per_kind)]

    def pick(make, rows):
        made = [q for q in (make(r) for r in rows) if q]
        return made[:per_kind]

    return {
        "name, 1 character": pick(lambda r: rng.choice(r["name"]), people),
        "name, 2 characters": pick(lambda r: _piece(rng, r["name"], 2), people),
        "name, 3 characters": pick(lambda r: _piece(rng, r["name"], 3), people),
        "pinyin (full reading)": pick(lambda r: r["pinyin"].split()[0], people),
        "initials": pick(lambda r: r["initials"].split()[0], people),
        "ID number": pick(lambda r: r["id_number"], people),
        "ID number, last 6": pick(lambda r: (r["id_number"] or "")[-6:], people),
        "phone": pick(lambda r: r["phone"], people),
        "phone, last 4": pick(lambda r: (r["phone"] or "")[-4:], people),
        "case number": numbers,
    }


def _piece(rng: random.Random, name: str, size: int) -> str | None:
    if len(name) < size:
        return None
    start = rng.randint(0, len(name) - size)
    return name[start:start + size]


def run(scale: generate.Scale) -> Report:
    report = Report("search", f"Search ({scale.villagers:,} villagers, {scale.cases:,} cases)")
    desk = Desk.open(generate.county(scale))
    now = generate.NOW
    kinds = sample_queries(desk, generate.SEED, PER_KIND)

    def villager_search(q):
        return queries.villager_search(desk, q)

    def case_search(q):
        flt = queries.CaseFilter(search=q)
        return queries.count(desk, flt, now), queries.page(desk, flt, now, 0, 200)

    def old_villager_scan(q):
        needle = queries.normalise_search(q)
        return desk.db.query(OLD_VILLAGER_SCAN, (needle, needle))

    def old_case_scan(q):
        needle = queries.normalise_search(q)
        args = (needle, needle, needle)
        return (desk.db.scalar(f"SELECT count(*) {OLD_CASE_WHERE}", args),
                desk.db.query(f"SELECT c.id {OLD_CASE_WHERE} ORDER BY c.registered_at DESC LIMIT 200", args))

    # The old case scan reads every case whatever the query (seconds at county scale): one per kind.
    case_scans = BASELINE_PER_KIND if scale.cases <= 100_000 else 1
    slowest: dict[str, str] = {}
    for kind, texts in kinds.items():
        scan_sample = texts[:BASELINE_PER_KIND]
        people = per_query_medians(texts, villager_search, RUNS)
        people_scan = per_query_medians(scan_sample, old_villager_scan, 1)
        _figure(report, f"person picker · {kind}", people, people_scan, len(texts))
        cases = per_query_medians(texts, case_search, RUNS)
        slowest[kind] = texts[cases.index(max(cases))]
        cases_scan = per_query_medians(scan_sample[:case_scans], old_case_scan, 1)
        _figure(report, f"case search · {kind}", cases, cases_scan, len(texts))
    _explain_misses(report, desk, slowest)
    report.notes.append(
        f"{PER_KIND} queries per kind, each run {RUNS} times (its median counts; one slower than "
        f"{SLOW_MS} ms is run once); baseline: the old instr() full scan on {BASELINE_PER_KIND} of the same "
        f"queries for the person picker and {case_scans} for the case search, run once each.")
    report.notes.append(
        f"search keys: {desk.db.scalar('SELECT count(*) FROM villager_search_keys'):,} rows for "
        f"{desk.db.scalar('SELECT count(*) FROM villagers'):,} villagers")
    desk.close()
    return report


def per_query_medians(queries_: list[str], fn, runs: int) -> list[float]:
    """Each query's median over ``runs`` rounds; a query slower than SLOW_MS is timed once."""
    times = [[timed(lambda q=q: fn(q))[0]] for q in queries_]
    for _ in range(runs - 1):
        for query, mine in zip(queries_, times, strict=True):
            if mine[0] < SLOW_MS:
                mine.append(timed(lambda query=query: fn(query))[0])
    return [median(t) for t in times]


def _figure(report: Report, measure: str, times: list[float], scan: list[float], count: int) -> None:
    p95 = percentile(times, 95)
    report.add(measure + " · p95", p95, "ms", goal=f"< {GOAL_MS} ms", met=p95 < GOAL_MS,
               baseline=median(scan), baseline_name="full scan, median",
               note=f"{count} queries, median {median(times):.2f} ms, max {max(times):.1f} ms")


def _explain_misses(report: Report, desk: Desk, slowest: dict[str, str]) -> None:
    """Where the time goes in the slowest case search of a kind that missed: counting or the first page."""
    now = generate.NOW
    for fig in report.figures:
        if fig.met is not False or not fig.measure.startswith("case search"):
            continue
        query = slowest[fig.measure.split(" · ")[1]]
        flt = queries.CaseFilter(search=query)
        count_ms, total = timed(lambda flt=flt: queries.count(desk, flt, now))
        page_ms, _ = timed(lambda flt=flt: queries.page(desk, flt, now, 0, 200))
        report.notes.append(
            f"{fig.measure}: slowest query {query!r} finds {total:,} cases; counting them takes "
            f"{count_ms:.0f} ms, the first page {page_ms:.0f} ms.")


if __name__ == "__main__":
    main(run)
