"""A province's hub databases on PostgreSQL, generated once and cached (issue #14, "Speed").

Jiangsu in outline: 13 cities of 7 counties, 13 townships a county, and the stations spread
evenly over the 1,183 townships (20,000 at full scale: about 10 million events). Haian
(320685, with its real townships) is one of Nantong's (320600) counties. The events are the
ones bench/generate.py makes for the SQLite county: the same ``Builder`` (cadres, villagers,
a decade of matters through their lives by bench/lifecycles.py, real ``Event`` objects folded
by the real projectors), only stored by ``COPY`` into PostgreSQL instead of SQLite.

Three hub databases are filled in one pass, each as ``haian-desk init --database`` makes it
(bench.province.create_hub: schema, identity, shipped catalogue) and each holding what it
would have received: the province everything, the city (南通) its counties' stations, the
county (海安) its own. Every station is an enrolled child peer with its ranges, origins and
counts, as after it synced. The databases live in a cluster whose data folder is kept in
bench/.data/pg-province/; a database is named after the scale and this generator's version
and only gets its final name when complete, so a later run finds it and an interrupted one
starts again.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from bench import generate
from haian_desk.cases.shipped_catalogue import shipped_events
from haian_desk.events.projection import projectors
from haian_desk.network import townships
from haian_desk.storage.eventlog import COLUMNS
from haian_desk.storage.postgres import create, migrations
from haian_desk.storage.postgres.database import PgDatabase
from haian_desk.storage.postgres.projections import _as_column  # stored as the hub's own fold stores it

VERSION = 1
FOLDER = generate.DATA_DIR / "pg-province"
AT = "2026-11-20T02:00:00Z"
PROVINCE = ("320000", "江苏省群众事务代理中心", "province")
CITY = ("320600", "南通市群众事务代理中心", "city")
COUNTY = (generate.COUNTY[0], generate.COUNTY[1], "county")
HUBS = (PROVINCE, CITY, COUNTY)
CITIES, COUNTIES_PER_CITY, TOWNSHIPS_PER_COUNTY = 13, 7, 13
# Server settings for loading and reading a data set this size (the rest as the tests' cluster).
SETTINGS = {"shared_buffers": "512MB", "maintenance_work_mem": "512MB", "max_wal_size": "8GB", "work_mem": "64MB"}


@dataclass(frozen=True)
class ProvinceScale:
    name: str
    stations: int
    villagers: int
    cases: int
    cadres: int


# About 500 events a station: 1 cadre, 40 villagers and 76 matters of ~6 events each.
SCALES = {
    "tiny": ProvinceScale("tiny", 120, 4_800, 9_600, 120),
    "small": ProvinceScale("small", 1_000, 40_000, 80_000, 1_000),
    "full": ProvinceScale("full", 20_000, 800_000, 1_520_000, 20_000),
}


def database_name(scale: ProvinceScale, role: str) -> str:
    return f"{role}_{scale.name}_g{VERSION}"


def station_codes(count: int) -> list[tuple[str, str]]:
    """(code, name) of ``count`` stations, dealt round the townships so every county gets its
    share; Nantong is the first city and Haian its first county."""
    counties = [("320685", "海安市", [(t.code, t.name) for t in townships() if t.code[6] == "1"])]
    cities = ["3206"] + [f"32{n:02d}" for n in range(1, CITIES + 1) if n != 6]
    for city_code in cities:
        for county in range(COUNTIES_PER_CITY - (1 if city_code == "3206" else 0)):
            code = f"{city_code}{21 + county:02d}"
            towns = [(f"{code}{101 + t:03d}", f"{code}县第{t + 1}镇") for t in range(TOWNSHIPS_PER_COUNTY)]
            counties.append((code, f"{code}县", towns))
    # township k of every county before township k+1 of any: each county fills at the same pace
    order = [towns[k] for k in range(max(len(c[2]) for c in counties)) for _, _, towns in counties if k < len(towns)]
    per_town: dict[str, int] = {}
    stations = []
    for i in range(count):
        town_code, town_name = order[i % len(order)]
        n = per_town[town_code] = per_town.get(town_code, 0) + 1
        stations.append((f"{town_code}{200 + n:03d}", f"{town_name}第{n}村代理站"))
    return stations


def _errands() -> list[dict]:
    """The shipped catalogue's items a station may handle by proxy (what generate.Builder
    reads from a station's catalogue)."""
    catalogue = projectors()["catalogue"]
    rows = [catalogue.to_row(catalogue.fold([event])) for event in shipped_events()]
    return [row for row in rows if row["proxy_allowed"]]


class _Hub:
    """One target database while loading: its connection, and which stations it takes."""

    def __init__(self, url: str, prefix: str):
        self.conn = psycopg.connect(url)
        self.prefix = prefix  # unit codes starting with this belong here ("32" is everyone)
        self.types: dict[str, dict[str, str]] = {}

    def takes(self, unit_code: str | None) -> bool:
        return (unit_code or "").startswith(self.prefix)

    def column_types(self, table: str) -> dict[str, str]:
        if table not in self.types:
            rows = self.conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", (table,)
            )
            self.types[table] = {r[0]: r[1] for r in rows}
        return self.types[table]

    def copy(self, table: str, columns: list[str], rows) -> None:
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


class Loader(generate.Builder):
    """generate.Builder with the province's stations, storing by COPY into the hubs' databases."""

    def __init__(self, scale: ProvinceScale, hubs: list[_Hub], seed: int):
        self.scale = scale  # read by Builder: villagers, cases, cadres
        self.rng = random.Random(seed)
        self.stations = [generate.Station(self.rng, code, name) for code, name in station_codes(scale.stations)]
        self.station_of = {s.origin: s.code for s in self.stations}
        self.errands = _errands()
        self.events, self.rows, self.event_count = [], {}, 0
        self.hubs = hubs

    def _flush(self) -> None:
        origin = COLUMNS.index("origin")
        for hub in self.hubs:
            hub.copy("events", list(COLUMNS), (e for e in self.events if hub.takes(self.station_of[e[origin]])))
            for stream, rows in self.rows.items():
                table = projectors()[stream].table
                mine = [r for r in rows if hub.takes(r["unit_code"])]
                if mine:
                    names = list(mine[0])
                    types = hub.column_types(table)
                    hub.copy(table, names, ([_as_column(r[n], types[n]) for n in names] for r in mine))
            hub.conn.commit()
        self.event_count += len(self.events)
        self.events, self.rows = [], {}

    def enrol_stations(self) -> None:
        """Every station a child peer of each hub it belongs to, as after its last sync."""
        for hub in self.hubs:
            mine = [s for s in self.stations if hub.takes(s.code)]
            hub.copy(
                "sync_peers",
                ["id", "relation", "unit_code", "unit_name", "role", "sign_key", "box_key", "status"]
                + ["enrolled_at", "acked", "last_contact", "events_received", "last_success"],
                (
                    [s.origin, "child", s.code, s.name, "station", "-", "-", "enrolled", AT, 0, AT, s.seq, AT]
                    for s in mine
                ),
            )
            hub.copy("sync_origins", ["origin", "via"], ([s.origin, s.origin] for s in mine))
            hub.copy("sync_ranges", ["peer", "lo", "hi"], ([s.origin, 0, s.seq] for s in mine if s.seq))
            hub.conn.commit()


def ensure(
    server_url: str, scale: ProvinceScale, progress: Callable[[str], None] = print
) -> tuple[dict[str, str], bool]:
    """The three hubs' database URLs (role → URL), and whether they had to be generated now."""
    urls = {role: _url(server_url, database_name(scale, role)) for _, _, role in HUBS}
    with psycopg.connect(server_url, autocommit=True) as conn:
        have = {r[0] for r in conn.execute("SELECT datname FROM pg_database")}
        if all(database_name(scale, role) in have for _, _, role in HUBS):
            _migrate(urls)
            return urls, False
        for _, _, role in HUBS:
            for name in (database_name(scale, role), database_name(scale, role) + "_building"):
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {database_name(scale, role)}_building")
    _generate(server_url, scale, progress)
    with psycopg.connect(server_url, autocommit=True) as conn:
        for _, _, role in HUBS:
            conn.execute(f"ALTER DATABASE {database_name(scale, role)}_building RENAME TO {database_name(scale, role)}")
    return urls, True


def _migrate(urls: dict[str, str]) -> None:
    """A cached data set made under an older hub schema is brought up to date, as a hub's own
    database is when its workers start (0004 numbers every event already stored: minutes at full scale)."""
    for url in urls.values():
        with PgDatabase(url) as db:
            migrations.migrate(db)


def _url(server_url: str, name: str) -> str:
    return server_url.rsplit("/", 1)[0] + "/" + name


def _generate(server_url: str, scale: ProvinceScale, progress: Callable[[str], None]) -> None:
    started = time.perf_counter()
    progress(
        f"generating a province on PostgreSQL: {scale.stations:,} stations, {scale.villagers:,} villagers, "
        f"{scale.cases:,} matters (scale {scale.name}) …"
    )
    hubs = []
    for code, name, role in HUBS:
        url = _url(server_url, database_name(scale, role) + "_building")
        create.create_hub(url, role, code, name, AT)
        hubs.append(_Hub(url, {"province": "32", "city": code[:4], "county": code}[role]))
    loader = Loader(scale, hubs, generate.SEED + 14)
    original = generate.villagers.name_spellings
    generate.villagers.name_spellings = generate._cached_spellings  # as generate.county does
    try:
        loader.build(progress)
    finally:
        generate.villagers.name_spellings = original
    loader.enrol_stations()
    for hub in hubs:
        hub.conn.close()
    loaded = time.perf_counter() - started
    for _, _, role in HUBS:
        with psycopg.connect(_url(server_url, database_name(scale, role) + "_building"), autocommit=True) as conn:
            conn.execute("VACUUM (ANALYZE)")  # statistics and the visibility map, as a settled hub has
    progress(
        f"generated {loader.event_count:,} events in {loaded:.0f} s (+{time.perf_counter() - started - loaded:.0f} s "
        "VACUUM ANALYZE)"
    )


def main() -> None:
    """``python -m bench.province [--scale full]``: generate (or find) the data set and stop."""
    import argparse

    from bench import pg

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default=generate.scale_from_env().name)
    args = parser.parse_args()
    with pg.server(FOLDER, SETTINGS) as url:
        if url is None:
            raise SystemExit(1)
        print(ensure(url, SCALES[args.scale])[0])


if __name__ == "__main__":
    main()
