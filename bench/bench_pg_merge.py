"""PostgreSQL hub merge: townships' batches received by 1, 2 and 4 hub worker processes at
once (``PgHubLog.receive``), against a raw ``COPY`` of the same rows into the same tables.

A county hub made as ``haian-desk init --database`` makes it (schema, identity, shipped
catalogue) with eight townships enrolled. Each township forwards its stations' logs (bench_merge's
station month: a cadre, villagers, matters through their lives by bench/lifecycles.py) in
batches of ``sync.limits.DEFAULT_BATCH``, numbered in the township's own sequence. With N
workers, worker w takes the townships t with t mod N = w, every worker its own process with
its own connection pool, all started together; the rate is all events over the time from the
start to the last worker's end. The envelope, signature and screening are the same Python as on
SQLite (bench_merge) and are not timed here: this is the database side of a worker.

Baseline, same run, same database (tables truncated between runs): one ``COPY`` of the same
event rows into ``events`` and of their final projection rows into the projection tables, in
one transaction: the floor for storing what the receive path must store. After the last
4-worker run ``hub check`` confirms every event is on the hub once and every row is its fold.
"""

from __future__ import annotations

import collections
import cProfile
import io
import multiprocessing
import os
import pstats
import random
import time
from pathlib import Path

import psycopg

from bench import generate, pg, province
from bench.bench_merge import _station_log
from bench.common import Report, main, median
from haian_desk.cases.shipped_catalogue import shipped_events
from haian_desk.events.projection import projectors
from haian_desk.replication.hub_log import PgHubLog, child_peer, pg_store_new
from haian_desk.storage.eventlog import COLUMNS, Event
from haian_desk.storage.postgres import create, hub
from haian_desk.storage.postgres.database import PgDatabase
from haian_desk.storage.postgres.projections import _as_column
from sync.limits import DEFAULT_BATCH

EVENTS = int(os.environ.get("BENCH_MERGE_EVENTS", "100000"))
RUNS = int(os.environ.get("BENCH_MERGE_RUNS", "3"))
WORKERS = (1, 2, 4)
TOWNSHIPS, STATIONS_EACH = 8, 5
AT = "2026-11-20T02:00:00Z"
# What a run leaves behind and the next one clears (sync_peers stays: the townships are enrolled).
TABLES = ["events", "sync_ranges", "sync_origins"] + sorted({p.table for p in projectors().values()})

Batch = tuple[str, list[tuple], int, int]  # (peer, event rows, lo, hi)


def run(scale: generate.Scale) -> Report:
    events = min(EVENTS, scale.cases * 6) if scale.name != "full" else EVENTS
    report = Report("postgres merge", f"PostgreSQL hub merge ({events:,} events from {TOWNSHIPS} townships)")
    with pg.server(settings=pg.DURABLE) as server:
        if server is None:
            return pg.skipped(report)
        url = pg.database_url(server, "merge")
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute("CREATE DATABASE merge")
        create.create_hub(url, "county", generate.COUNTY[0], generate.COUNTY[1], AT)
        townships = township_batches(events)
        with PgDatabase(url) as db:
            for peer, code, name, _ in townships:
                PgHubLog(db).enrol(child_peer(peer, code, name, AT))
        _measure(report, url, townships)
    return report


def _measure(report: Report, url: str, townships: list) -> None:
    rows = [row for *_, batches in townships for _, batch, _, _ in batches for row in batch]
    total = len(rows)
    tables = _final_rows(rows)
    copy_rates, copy_events_rates, rates, loads = [], [], {n: [] for n in WORKERS}, []
    cpu: dict[str, list[float]] = collections.defaultdict(list)  # CPU seconds per run, client + server
    for _ in range(RUNS):  # interleaved, so all see the same machine
        loads.append(os.getloadavg()[0])
        seconds, cpu_s = _timed_copy(url, rows, tables)
        copy_rates.append(total / seconds)
        cpu["copy"].append(cpu_s)
        copy_events_rates.append(total / _timed_copy(url, rows, {})[0])
        for n in WORKERS:
            seconds, cpu_s = _timed_receive(url, townships, n)
            rates[n].append(total / seconds)
            cpu[f"receive {n}"].append(cpu_s)
    loads.append(os.getloadavg()[0])
    checked = _check(url, total)
    raw = median(copy_rates)
    for n in WORKERS:
        rate = median(rates[n])
        goal = "≥ ½ the COPY rate, ≥ 20,000 events/s" if n == 4 else ""
        report.add(
            f"PgHubLog.receive, {n} worker{'s' if n > 1 else ''}",
            rate,
            "events/s",
            goal=goal,
            met=(rate >= raw / 2 and rate >= 20_000) if n == 4 else None,
            baseline=raw,
            baseline_name="COPY of the events and their projection rows",
            note="runs " + ", ".join(f"{r:,.0f}" for r in rates[n]),
        )
    copy_cpu = median(cpu["copy"])
    for n in WORKERS:
        report.add(
            f"CPU time per event, {n} worker{'s' if n > 1 else ''} (workers + their server processes)",
            median(cpu[f"receive {n}"]) / total * 1e6,
            "µs",
            baseline=copy_cpu / total * 1e6,
            baseline_name="COPY, the same",
            note="less swayed by other users' load than wall time; the ratio's inverse is the share of COPY's rate "
            "the same CPU allows",
        )
    report.add(
        "COPY of the events alone",
        median(copy_events_rates),
        "events/s",
        note="runs " + ", ".join(f"{r:,.0f}" for r in copy_events_rates),
    )
    batches = sum(len(b) for *_, b in townships)
    report.notes += [
        f"{total:,} events in {batches} batches of up to {DEFAULT_BATCH} from {TOWNSHIPS} townships "
        f"({STATIONS_EACH} stations each); {RUNS} runs, medians; COPY runs "
        + ", ".join(f"{r:,.0f}" for r in copy_rates)
        + ".",
        "Load average (1 min) at each run's start and at the end: "
        + ", ".join(f"{x:.1f}" for x in loads)
        + f" on {os.cpu_count()} cores; the PostgreSQL server shares them with the workers.",
        f"Server: {pg.server_version()}, its own throw-away cluster, fsync and synchronous_commit on "
        "(a hub that keeps what it acknowledged); every batch is one transaction.",
        checked,
    ]
    four = median(rates[4])
    if four < raw / 2 or four < 20_000:
        report.profile = _profile(url, townships)


# --- the townships' batches ------------------------------------------------------------------


def township_batches(events: int) -> list[tuple[str, str, str, list[Batch]]]:
    """(peer, unit code, name, batches) per township: its stations' logs in the order they
    reached it (by their clocks), cut into batches numbered in the township's own sequence."""
    rng = random.Random(generate.SEED + 2)
    errands = province._errands()
    per_station = max(10, events // (TOWNSHIPS * STATIONS_EACH))
    found = []
    for t in range(TOWNSHIPS):
        code = f"{generate.COUNTY[0]}{101 + t:03d}"
        stations = [generate.Station(rng, f"{code}{201 + s:03d}", f"第{s + 1}村代理站") for s in range(STATIONS_EACH)]
        log = sorted((e for s in stations for e in _station_log(rng, s, per_station, errands)), key=lambda e: e.hlc)
        batches = []
        for start in range(0, len(log), DEFAULT_BATCH):
            chunk = log[start : start + DEFAULT_BATCH]
            batches.append((f"township-{t}", [e.to_row() for e in chunk], start, start + len(chunk)))
        found.append((f"township-{t}", code, f"第{t + 1}镇代理中心", batches))
    return found


def _final_rows(rows: list[tuple]) -> dict[str, tuple[list[str], list[list]]]:
    """Every stream's final projection row, as the receive path leaves it (folded untimed)."""
    streams: dict[tuple[str, str], list[Event]] = collections.defaultdict(list)
    for row in rows:
        event = Event.from_row(row)
        streams[(event.stream, event.stream_id)].append(event)
    tables: dict[str, tuple[list[str], list[list]]] = {}
    for (stream, _), events in streams.items():
        projector = projectors()[stream]
        state = projector.fold(sorted(events, key=lambda e: e.order_key))
        if state is not None:
            row = projector.to_row(state)
            names = sorted(row)
            tables.setdefault(projector.table, (names, []))[1].append([row[n] for n in names])
    return tables


# --- one run ---------------------------------------------------------------------------------


def _reset(url: str) -> None:
    """The hub as enrolled: nothing received, the shipped catalogue in place."""
    with psycopg.connect(url) as conn:
        conn.execute(f"TRUNCATE {', '.join(TABLES)} CASCADE")  # and what refers to events (0004: event_positions)
        conn.execute("UPDATE sync_peers SET events_received = 0")
        pg_store_new(conn, shipped_events())
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        conn.execute("CHECKPOINT")  # no run pays for the one before it


def _timed_copy(url: str, rows: list[tuple], tables: dict) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its server process) of one COPY run."""
    _reset(url)
    types = _column_types(url)
    with psycopg.connect(url) as conn:
        backend = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        cpu_before = time.process_time() + _cpu_of(backend)
        started = time.perf_counter()
        with conn.cursor() as cur:
            with cur.copy(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            for table, (names, values) in tables.items():
                kinds = [types[table][n] for n in names]
                with cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                    for value in values:
                        copy.write_row([_as_column(v, k) for v, k in zip(value, kinds, strict=True)])
        conn.commit()
        seconds = time.perf_counter() - started
        return seconds, time.process_time() + _cpu_of(backend) - cpu_before


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a process on this machine (a server process: /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0  # not readable here: the figure then counts the client alone
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _column_types(url: str) -> dict[str, dict[str, str]]:
    with psycopg.connect(url) as conn:
        found: dict[str, dict[str, str]] = collections.defaultdict(dict)
        for table, column, type_ in conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"
        ):
            found[table][column] = type_
        return found


def _timed_receive(url: str, townships: list, workers: int) -> tuple[float, float]:
    _reset(url)
    spawn = multiprocessing.get_context("spawn")
    ready, go, ends = spawn.Queue(), spawn.Event(), spawn.Queue()
    shares: list[list[Batch]] = [[] for _ in range(workers)]
    for t, (*_, batches) in enumerate(townships):
        shares[t % workers].extend(batches)
    for share in shares:
        share.sort(key=lambda b: b[2])  # the townships of a worker take turns, each in its own order
    processes = [spawn.Process(target=_worker, args=(url, share, ready, go, ends)) for share in shares]
    for p in processes:
        p.start()
    for _ in processes:
        ready.get(timeout=300)
    started = time.perf_counter()
    go.set()
    finished = [ends.get(timeout=1800) for _ in processes]
    for p in processes:
        p.join()
    if any(p.exitcode for p in processes) or any(isinstance(f, str) for f in finished):
        raise RuntimeError(f"a hub worker failed: {[f for f in finished if isinstance(f, str)]}")
    return max(end for end, _ in finished) - started, sum(cpu for _, cpu in finished)


def _worker(url: str, share: list[Batch], ready, go, ends) -> None:
    """One hub worker: its batches as Events (made before the clock), then received in turn;
    reports when it finished and the CPU it and its server process used meanwhile."""
    try:
        batches = [(peer, [Event.from_row(r) for r in rows], lo, hi) for peer, rows, lo, hi in share]
        with PgDatabase(url, min_size=1, max_size=1) as db:  # one connection: one server process to count
            log = PgHubLog(db)
            backend = db.scalar("SELECT pg_backend_pid()")
            ready.put(True)
            go.wait()
            cpu_before = time.process_time() + _cpu_of(backend)
            for peer, events, lo, hi in batches:
                log.receive(peer, events, lo, hi)
            ends.put((time.perf_counter(), time.process_time() + _cpu_of(backend) - cpu_before))
    except Exception as error:  # noqa: BLE001 - reported to the parent, which fails the run
        ends.put(f"{type(error).__name__}: {error}")


def _check(url: str, total: int) -> str:
    with PgDatabase(url) as db:
        found = hub.check(db)
        shipped = len(shipped_events())
    same = found.events == total + shipped
    problems = "" if found.ok else ": " + "; ".join(found.differences[:3] + found.gaps[:3])
    return (
        f"After the last 4-worker run, hub check: {'passed' if found.ok else 'FAILED'} "
        f"({found.events:,} events = {total:,} received + {shipped} shipped: {'yes' if same else 'NO'}; "
        f"{found.rows_checked:,} rows equal to their fold{problems})."
    )


# --- where the time goes ---------------------------------------------------------------------


def _profile(url: str, townships: list) -> str:
    """One worker in this process on a quarter of the batches: time per statement kind, and
    cProfile's view of the Python around them."""
    _reset(url)
    share = [b for *_, batches in townships for b in batches]
    share = sorted(share, key=lambda b: b[2])[: max(1, len(share) // 4)]
    batches = [(peer, [Event.from_row(r) for r in rows], lo, hi) for peer, rows, lo, hi in share]
    spent: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])
    original = psycopg.Connection.execute

    def timed(self, query, params=None, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, query, params, **kwargs)
        finally:
            kind = " ".join(str(query).split()[:4])[:60]
            spent[kind][0] += 1
            spent[kind][1] += time.perf_counter() - started

    psycopg.Connection.execute = timed  # type: ignore[method-assign]
    profiler = cProfile.Profile()
    try:
        with PgDatabase(url, max_size=2) as db:
            log = PgHubLog(db)
            started = time.perf_counter()
            profiler.enable()
            for peer, events, lo, hi in batches:
                log.receive(peer, events, lo, hi)
            profiler.disable()
            wall = time.perf_counter() - started
    finally:
        psycopg.Connection.execute = original  # type: ignore[method-assign]
    out = io.StringIO()
    count = sum(len(b[1]) for b in batches)
    out.write(f"{len(batches)} batches ({count:,} events) by one worker in {wall:.2f} s under the profiler.\n")
    out.write("Time in conn.execute by statement kind (first words), with calls:\n")
    for kind, (calls, seconds) in sorted(spent.items(), key=lambda kv: -kv[1][1])[:10]:
        out.write(f"  {seconds:7.2f} s  {calls:7,}  {kind}\n")
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    return out.getvalue()


if __name__ == "__main__":
    main(run)
