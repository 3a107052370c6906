"""A county's decade of matters, generated deterministically and cached.

Playing a million cases through the real operations one by one would take
hours, so the generator writes what those operations would have written: real
``Event`` objects (the same payloads ``take_in`` and ``act`` record, stamped by
250 station installations with their own hybrid clocks and sequences), folded
into projection rows by the real projectors, and bulk-inserted. A sample is then
checked the way ``haian-desk check`` checks: rebuilt from the log and compared.

    python -m bench.generate --scale small      # build (or reuse) a database
    BENCH_SCALE=small python -m bench.generate  # the same

Databases are cached in bench/.data/ under a name that includes the scale, the
seed and this generator's version, so a rerun is instant. A cached database
made under an older schema is migrated when a benchmark opens it, the way a
station's own database is.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from bench import lifecycles, people
from haian_desk.cases import catalogue, numbers, search
from haian_desk.core import paths
from haian_desk.core.timeutil import to_iso
from haian_desk.desk import Desk, initialise
from haian_desk.events.projection import projectors
from haian_desk.people import cadres, pinyin_keys, villagers
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event

GENERATOR_VERSION = 1
SEED = 20261125
DATA_DIR = Path(__file__).resolve().parent / ".data"
# "Now" for every generated county: a fixed moment, so deadlines and ages repeat.
NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
YEARS = 10
COUNTY = ("320685", "海安市群众事务代理中心")
BATCH_CASES = 20_000


@dataclass(frozen=True)
class Scale:
    name: str
    villagers: int
    cases: int
    stations: int
    cadres: int


SCALES = {
    "tiny": Scale("tiny", 300, 600, 4, 16),
    "small": Scale("small", 20_000, 40_000, 40, 1_000),
    "full": Scale("full", 500_000, 1_000_000, 250, 7_000),
}


def scale_from_env(default: str = "full") -> Scale:
    name = os.environ.get("BENCH_SCALE", default)
    if name not in SCALES:
        raise SystemExit(f"BENCH_SCALE={name}: expected one of {', '.join(SCALES)}")
    return SCALES[name]


# --- identities ---------------------------------------------------------------------------


def det_uuid7(rng: random.Random, unix_ms: int) -> str:
    """A UUIDv7 like haian_desk.core.ids.uuid7, but with random bits from the seeded generator."""
    rand = rng.getrandbits(74)
    value = (unix_ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (rand >> 62) << 64
    value |= 0b10 << 62 | (rand & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


def millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class Station:
    """One installation: its unit, its origin id, its event sequence and clock."""

    def __init__(self, rng: random.Random, code: str, name: str):
        self.code, self.name = code, name
        self.origin = det_uuid7(rng, millis(NOW - timedelta(days=365 * YEARS + 30)))
        self.seq = 0
        self.last_hlc = ""
        self.villager_ids: list[str] = []
        self.cadre_ids: list[str] = []
        self.day_numbers: dict[str, int] = {}

    def event(
        self, rng, stream: str, stream_id: str, type_: str, at: datetime, payload: dict, actor: str = "clerk"
    ) -> Event:
        self.seq += 1
        stamp = f"{millis(at):014d}.00000"
        if stamp <= self.last_hlc:  # the station's clock never goes backwards
            wall, counter = self.last_hlc.split(".")
            stamp = f"{wall}.{int(counter) + 1:05d}"
        self.last_hlc = max(self.last_hlc, stamp)
        return Event(
            det_uuid7(rng, millis(at)),
            stream,
            stream_id,
            type_,
            stamp,
            self.origin,
            self.seq,
            actor,
            to_iso(at),
            payload,
        )

    def case_no(self, at: datetime) -> str:
        head = numbers.prefix(self.code, at)
        self.day_numbers[head] = self.day_numbers.get(head, 0) + 1
        return f"{head}{self.day_numbers[head]:03d}"


def make_stations(rng: random.Random, count: int) -> list[Station]:
    from haian_desk.network import townships

    towns = [t for t in townships() if t.code[6] == "1"]  # towns, not the farm
    stations = []
    for i in range(count):
        town = towns[i % len(towns)]
        village = 201 + i // len(towns)
        stations.append(Station(rng, f"{town.code}{village:03d}", f"{town.name}第{village - 200}村代理站"))
    return stations


# --- records ------------------------------------------------------------------------------


def villager_payload(rng: random.Random, station: Station) -> dict:
    born = people.birth_date(rng)
    group = rng.randint(1, 16)
    data = villagers.VillagerInput(
        name=people.person_name(rng),
        id_number=people.id_number(rng, born) if rng.random() < 0.93 else "",
        phone=people.phone(rng) if rng.random() < 0.9 else "",
        address=f"{station.name[:3]}{station.name[3:-3]}{group}组{rng.randint(1, 80)}号",
        unit_code=f"{station.code}{group:03d}",
        household_no=f"{group:02d}{rng.randint(1, 90):03d}",
        tags=tuple(rng.sample(sorted(villagers.TAGS), 1)) if rng.random() < 0.12 else (),
    )
    return villagers.clean(data)


def cadre_payload(rng: random.Random, station: Station, index: int) -> dict:
    return cadres.clean(
        cadres.CadreInput(
            name=people.person_name(rng),
            phone=f"139{rng.randint(0, 99999999):08d}",
            unit_code=station.code,
            title="站长" if index == 0 else "代理员",
            area=f"{index % 16 + 1}组",
            service_items=("民政救助", "社保医保"),
        )
    )


@cache
def _cached_spellings(name: str) -> tuple[str, str]:
    return pinyin_keys.name_spellings(name)


# --- building -----------------------------------------------------------------------------


class Builder:
    def __init__(self, desk: Desk, scale: Scale, seed: int):
        self.desk, self.scale = desk, scale
        self.rng = random.Random(seed)
        self.stations = make_stations(self.rng, scale.stations)
        self.errands = [dict(r) for r in catalogue.search(desk, "") if r["proxy_allowed"]]
        self.events: list[tuple] = []
        self.rows: dict[str, list[dict]] = {}
        self.event_count = 0

    def build(self, progress=print) -> None:
        start = NOW - timedelta(days=365 * YEARS)
        self._people(start)
        self._flush()
        times = sorted(self._case_times(start))
        for done, at in enumerate(times, 1):
            self._case(at)
            if done % BATCH_CASES == 0:
                self._flush()
                progress(f"  {done:,} / {len(times):,} cases")
        self._flush()

    def _people(self, start: datetime) -> None:
        for station in self.stations:
            for i in range(max(1, self.scale.cadres // len(self.stations))):
                cadre_id = det_uuid7(self.rng, millis(start))
                station.cadre_ids.append(cadre_id)
                self._stream(
                    "cadre",
                    cadre_id,
                    [
                        station.event(
                            self.rng,
                            "cadre",
                            cadre_id,
                            "created",
                            start,
                            cadre_payload(self.rng, station, i),
                            actor="admin",
                        )
                    ],
                )
        for i in range(self.scale.villagers):
            station = self.stations[i % len(self.stations)]
            at = start + timedelta(seconds=self.rng.randint(0, 86400 * 700))
            villager_id = det_uuid7(self.rng, millis(at))
            station.villager_ids.append(villager_id)
            self._stream(
                "villager",
                villager_id,
                [station.event(self.rng, "villager", villager_id, "created", at, villager_payload(self.rng, station))],
            )
            if i % BATCH_CASES == 0:
                self._flush()

    def _case_times(self, start: datetime):
        span = (NOW - start).total_seconds()
        for _ in range(self.scale.cases):
            # More matters in recent years (the scheme grew), and a busy last month.
            fraction = self.rng.random() ** 0.7 if self.rng.random() > 0.02 else 1 - self.rng.random() / 120
            yield start + timedelta(seconds=int(span * fraction))

    def _case(self, at: datetime) -> None:
        station = self.rng.choice(self.stations)
        case_id = det_uuid7(self.rng, millis(at))
        plan = lifecycles.plan(self.rng, at, NOW, station, self.errands)
        events = []
        for moment, type_, payload in plan:
            if type_ == "registered":
                payload["case_no"] = station.case_no(moment)
            events.append(station.event(self.rng, "case", case_id, type_, moment, payload))
        self._stream("case", case_id, events)

    def _stream(self, stream: str, stream_id: str, events: list[Event]) -> None:
        projector = projectors()[stream]
        state = projector.fold(events)
        if state.get("conflicts"):
            raise AssertionError(f"generated {stream} {stream_id} breaks a rule: {events}")
        self.rows.setdefault(stream, []).append(projector.to_row(state))
        self.events.extend(e.to_row() for e in events)

    def _flush(self) -> None:
        cols = ", ".join(eventlog.COLUMNS)
        with self.desk.db.write() as conn:
            conn.executemany(
                f"INSERT INTO events ({cols}) VALUES ({', '.join('?' * len(eventlog.COLUMNS))})", self.events
            )
            for stream, rows in self.rows.items():
                if rows:
                    table = projectors()[stream].table
                    names = list(rows[0])
                    conn.executemany(
                        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                        [tuple(r[n] for n in names) for r in rows],
                    )
        self.event_count += len(self.events)
        self.events, self.rows = [], {}


def verify_sample(desk: Desk, seed: int, per_stream: int = 300) -> list[str]:
    """Rebuild a sample of streams from the log and compare, as ``haian-desk check`` does."""
    rng = random.Random(seed)
    problems = []
    for projector in projectors().values():
        ids = [r[0] for r in desk.db.query(f"SELECT {projector.key} FROM {projector.table}")]
        for stream_id in rng.sample(ids, min(per_stream, len(ids))):
            with desk.db.read() as conn:
                rebuilt = projector.fold(eventlog.stream_events(conn, projector.stream, stream_id))
                if rebuilt != projector.load(conn, stream_id):
                    problems.append(f"{projector.table} {stream_id}")
    return problems


def cache_name(scale: Scale, seed: int) -> str:
    return (
        f"county-{scale.name}-s{seed}-g{GENERATOR_VERSION}-encrypted"  # counties from before encryption are not reused
    )


def county(scale: Scale, seed: int = SEED, progress=print, data_dir: Path = DATA_DIR) -> Path:
    """The folder of a generated county installation, built once and cached."""
    folder = data_dir / cache_name(scale, seed)
    if paths.database_path(folder).exists():
        return folder
    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    started = time.perf_counter()
    progress(f"generating {scale.villagers:,} villagers and {scale.cases:,} cases in {folder.name} …")
    desk = initialise(
        building,
        *COUNTY,
        role="county",
        admin=("admin", "bench-pw"),
        wall=lambda: NOW - timedelta(days=365 * YEARS + 1),
    )
    with desk.db.read() as conn:
        _tune_for_bulk(conn)
    original = villagers.name_spellings
    villagers.name_spellings = _cached_spellings  # names repeat: spell each distinct name once
    try:
        builder = Builder(desk, scale, seed)
        builder.build(progress)
    finally:
        villagers.name_spellings = original
    with desk.db.write() as conn:  # the rows went in around the ledger: index them in bulk
        search.rebuild(conn)
    problems = verify_sample(desk, seed)
    if problems:
        raise AssertionError(f"generated rows differ from their rebuilt log: {problems[:5]}")
    with desk.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ANALYZE")
    desk.close()
    building.rename(folder)
    progress(f"generated {builder.event_count:,} events in {time.perf_counter() - started:.0f} s")
    return folder


def _tune_for_bulk(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA cache_size = -400000")  # 400 MB while loading; not kept in the file
    conn.execute("PRAGMA synchronous = OFF")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default=os.environ.get("BENCH_SCALE", "full"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    print(county(SCALES[args.scale], args.seed))


if __name__ == "__main__":
    main()
