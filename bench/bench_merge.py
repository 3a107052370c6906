"""Hub merge: a township hub applies 100,000 events from 200 stations, against a raw executemany.

The stations are enrolled at a real hub (sync.enrolment). Each sends its
events as the sync engine does: batches of ``sync.limits.DEFAULT_BATCH``
events, signed by the station and sealed to the hub (``sync.batch.seal``,
made before the clock starts: sealing is the station's work). The hub takes
each batch through ``sync.inbox.receive``: envelope, decryption, signature,
screening, ``Ledger.ingest`` (insert once, refold each touched stream,
projections and search keys) and the bookkeeping, one transaction per batch.

Also timed on the same events: ``desk.ledger.ingest`` alone (no envelope or
screening), and the baseline, a raw ``executemany`` of the same rows into the
events table of the same schema, one transaction per batch; and a replay of
every write statement receive ran (captured on an untimed run, with its values),
one transaction per batch: what receive stores, stored with no reading,
screening or folding, the floor for receive on this schema. Each run starts
from a fresh copy of the enrolled hub.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from datetime import timedelta
from types import SimpleNamespace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from bench import generate, lifecycles
from bench.common import Report, main, median
from haian_desk.desk import Desk, initialise
from haian_desk.network import Installation
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event
from sync import enrolment, keys as keymod
from sync.batch import Batch, seal
from sync.inbox import receive
from sync.limits import DEFAULT_BATCH

STATIONS = 200
EVENTS = int(os.environ.get("BENCH_MERGE_EVENTS", "100000"))
RUNS = int(os.environ.get("BENCH_MERGE_RUNS", "3"))
TOWNSHIP = ("320685102", "曲塘镇代理中心")
WORK = generate.DATA_DIR / "work-merge"


def run(scale: generate.Scale) -> Report:
    events = min(EVENTS, scale.cases * 6) if scale.name != "full" else EVENTS
    report = Report("hub merge", f"Hub merge ({events:,} events from {STATIONS} stations)")
    hub_keys, hub_id, stations = enrolled_hub()
    batches = station_batches(stations, events // STATIONS, hub_id)
    sealed = [seal(batch, station.keys, hub_keys.box_public) for station, batch in batches]
    rows = [[Event.from_dict(e).to_row() for e in batch.events] for _, batch in batches]
    total = sum(len(r) for r in rows)
    projected = _projection_rows(batches)
    writes = _captured_writes(hub_keys, sealed)
    real, ingest_only, raw, raw_rows, replayed = [], [], [], [], []
    for _ in range(RUNS):  # interleaved, so all see the same machine
        real.append(_rate(total, lambda desk: [receive(desk, hub_keys, data, "http") for data in sealed]))
        ingest_only.append(
            _rate(total, lambda desk: [desk.ledger.ingest(Event.from_dict(e) for e in b.events) for _, b in batches])
        )
        raw.append(_rate(total, lambda desk: _raw_insert(desk, rows)))
        raw_rows.append(_rate(total, lambda desk: _raw_insert(desk, rows, projected)))
        replayed.append(_rate(total, lambda desk: _replay(desk, writes)))
    raw_rate = median(raw)
    rate = median(real)
    report.add(
        "sync.inbox.receive (signatures checked)",
        rate,
        "events/s",
        goal="≥ ½ the raw rate",
        met=rate >= raw_rate / 2,
        baseline=raw_rate,
        baseline_name="raw executemany into events",
    )
    report.add(
        "Ledger.ingest alone",
        median(ingest_only),
        "events/s",
        baseline=raw_rate,
        baseline_name="raw executemany into events",
    )
    report.add(
        "sync.inbox.receive, against writing the rows it must write",
        rate,
        "events/s",
        baseline=median(raw_rows),
        baseline_name="raw executemany of the events and their final projection rows",
        note="the floor for a hub that keeps its projections current",
    )
    report.add(
        "sync.inbox.receive, against replaying its own writes",
        rate,
        "events/s",
        baseline=median(replayed),
        baseline_name="every INSERT, UPDATE and DELETE receive ran, replayed with their values",
        note=f"the replay alone runs at {median(replayed) / raw_rate:.2f} × the raw rate: "
        "the most receive could reach while it stores what it stores",
    )
    report.notes.append(
        f"{len(sealed)} batches of up to {DEFAULT_BATCH} events, {total:,} events in all; "
        f"{RUNS} runs, medians; sealed batch size {sum(map(len, sealed)) / total:.0f} bytes per event."
    )
    report.notes.append(
        "rates per run: receive "
        + ", ".join(f"{r:,.0f}" for r in real)
        + "; raw "
        + ", ".join(f"{r:,.0f}" for r in raw)
        + "; replay of receive's writes "
        + ", ".join(f"{r:,.0f}" for r in replayed)
    )
    if rate < raw_rate / 2:
        report.profile = _profile(hub_keys, sealed[: max(1, len(sealed) // 4)])
    shutil.rmtree(WORK, ignore_errors=True)
    return report


class Station(generate.Station):
    def __init__(self, rng: random.Random, code: str, name: str):
        super().__init__(rng, code, name)
        self.keys = keymod.InstallationKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
        self.installation = Installation(self.origin, code, name, "station")


def enrolled_hub() -> tuple[keymod.InstallationKeys, str, list[Station]]:
    """A fresh township hub with its stations enrolled (kept as a template for every run)."""
    template = WORK / "template"
    shutil.rmtree(WORK, ignore_errors=True)
    hub = initialise(template, *TOWNSHIP, role="township", wall=lambda: generate.NOW)
    hub_keys = keymod.load_or_create(template)
    rng = random.Random(generate.SEED)
    stations = []
    for i in range(STATIONS):
        station = Station(rng, f"{TOWNSHIP[0]}{201 + i:03d}", f"曲塘镇第{i + 1}村代理站")
        request = enrolment.make_request(
            SimpleNamespace(installation=station.installation, now=lambda: generate.NOW), station.keys
        )
        enrolment.enrol(hub, hub_keys, request)
        stations.append(station)
    with hub.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    hub.close()
    return hub_keys, hub.installation.id, stations


def station_batches(stations: list[Station], per_station: int, hub_id: str) -> list[tuple[Station, Batch]]:
    """Each station's day-to-day log: a cadre, villagers, matters through their lives."""
    rng = random.Random(generate.SEED + 1)
    errands = [
        {
            "code": "MZ-001",
            "name": "最低生活保障申请",
            "mode": "承诺",
            "time_limit": '{"amount": 25, "unit": "working_days"}',
        }
    ]
    batches = []
    for station in stations:
        events = _station_log(rng, station, per_station, errands)
        for start in range(0, len(events), DEFAULT_BATCH):
            chunk = events[start : start + DEFAULT_BATCH]
            header = {
                "batch": generate.det_uuid7(rng, generate.millis(generate.NOW)),
                "from": station.origin,
                "from_unit": station.code,
                "to": hub_id,
                "kind": "up",
                "made_at": "2026-11-20T02:00:00Z",
                "range": [chunk[0].origin_seq - 1, chunk[-1].origin_seq],
                "cursor": 0,
            }
            batches.append((station, Batch(header, [e.to_dict() for e in chunk])))
    rng.shuffle(batches)  # stations call in whenever they have a network
    return batches


def _station_log(rng, station: Station, wanted: int, errands) -> list[Event]:
    start = generate.NOW - timedelta(days=30)
    cadre = generate.det_uuid7(rng, generate.millis(start))
    station.cadre_ids.append(cadre)
    events = [station.event(rng, "cadre", cadre, "created", start, generate.cadre_payload(rng, station, 0), "admin")]
    while len(events) < wanted:
        at = start + timedelta(seconds=rng.randint(0, 86400 * 29))
        if len(station.villager_ids) < 3 or rng.random() < 0.25:
            villager = generate.det_uuid7(rng, generate.millis(at))
            station.villager_ids.append(villager)
            events.append(
                station.event(rng, "villager", villager, "created", at, generate.villager_payload(rng, station))
            )
            continue
        case_id = generate.det_uuid7(rng, generate.millis(at))
        for moment, type_, payload in lifecycles.plan(rng, at, generate.NOW, station, errands):
            if type_ == "registered":
                payload["case_no"] = station.case_no(moment)
            events.append(station.event(rng, "case", case_id, type_, moment, payload))
    return events[:wanted]


def _fresh_hub() -> Desk:
    folder = WORK / "run"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(WORK / "template", folder)
    return Desk.open(folder, wall=lambda: generate.NOW)


def _rate(total: int, work) -> float:
    desk = _fresh_hub()
    started = time.perf_counter()
    work(desk)
    seconds = time.perf_counter() - started
    desk.close()
    return total / seconds


def _raw_insert(desk: Desk, batches: list[list[tuple]], projected: list[dict] | None = None) -> None:
    sql = f"INSERT INTO events ({', '.join(eventlog.COLUMNS)}) VALUES ({', '.join('?' * len(eventlog.COLUMNS))})"
    for i, rows in enumerate(batches):
        with desk.db.write() as conn:
            conn.executemany(sql, rows)
            for table, table_rows in (projected[i] if projected else {}).items():
                names = list(table_rows[0])
                conn.executemany(
                    f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    [tuple(r.values()) for r in table_rows],
                )


def _captured_writes(hub_keys, sealed: list[bytes]) -> list[list[tuple[str, str, list]]]:
    """Per batch, every write statement ``receive`` runs with its values (an untimed run on a fresh hub).

    Replayed on another fresh hub they store exactly what receive stores, with none of its reading,
    screening or folding: the floor for receive on this schema, whatever the Python above it does."""
    from haian_desk.storage import db as dbmod

    per_batch: list[list[tuple[str, str, list]]] = []
    execute, executemany = dbmod._Connection.execute, dbmod._Connection.executemany

    def writes(sql: str) -> bool:
        return sql.lstrip()[:7].upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))

    def one(conn, sql, params=()):
        cursor = execute(conn, sql, params)
        if writes(sql):  # once it has succeeded
            per_batch[-1].append(("one", sql, params))
        return cursor

    def many(conn, sql, seq):
        seq = list(seq)
        cursor = executemany(conn, sql, seq)
        if writes(sql):
            per_batch[-1].append(("many", sql, seq))
        return cursor

    desk = _fresh_hub()
    dbmod._Connection.execute, dbmod._Connection.executemany = one, many  # type: ignore[method-assign]
    try:
        for data in sealed:
            per_batch.append([])
            receive(desk, hub_keys, data, "http")
    finally:
        dbmod._Connection.execute, dbmod._Connection.executemany = execute, executemany  # type: ignore[method-assign]
        desk.close()
    return per_batch


def _replay(desk: Desk, batches: list[list[tuple[str, str, list]]]) -> None:
    for statements in batches:
        with desk.db.write() as conn:  # one transaction per batch, as receive
            for kind, sql, params in statements:
                (conn.execute if kind == "one" else conn.executemany)(sql, params)


def _projection_rows(batches) -> list[dict[str, list[dict]]]:
    """Per batch, the projection rows its streams end up with (folded beforehand, untimed)."""
    from haian_desk.events.projection import projectors

    logs: dict[tuple[str, str], list[Event]] = {}
    per_batch = []
    for _, batch in batches:
        touched = {}
        for record in batch.events:
            event = Event.from_dict(record)
            logs.setdefault((event.stream, event.stream_id), []).append(event)
            touched[(event.stream, event.stream_id)] = True
        tables: dict[str, list[dict]] = {}
        for stream, stream_id in touched:
            projector = projectors()[stream]
            state = projector.fold(sorted(logs[(stream, stream_id)], key=lambda e: e.order_key))
            if state is not None:
                row = projector.to_row(state)
                tables.setdefault(projector.table, []).append(dict(sorted(row.items())))
        per_batch.append(tables)
    return per_batch


def _profile(hub_keys, sealed: list[bytes]) -> str:
    import cProfile
    import io
    import pstats

    desk = _fresh_hub()
    profiler = cProfile.Profile()
    profiler.enable()
    for data in sealed:
        receive(desk, hub_keys, data, "http")
    profiler.disable()
    desk.close()
    out = io.StringIO()
    out.write(f"{len(sealed)} batches received under the profiler:\n")
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(14)
    return out.getvalue()


if __name__ == "__main__":
    main(run)
