"""A county hub on PostgreSQL and one on SQLite, fed the same events through the same hub-log
interface: the same projected rows, and every figure of the assessment the same (issue #14).

Two demo stations (real operations on a simulated clock: every kind and state of matter,
households, visits, complaints) make the events; the batches reach the hubs shuffled, some
twice, as sync can deliver them.
"""

from __future__ import annotations

import random
from datetime import datetime
from uuid import uuid4

import pytest

from haian_desk.assessment import build, parse_period
from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.cli.demo import make_demo
from haian_desk.core.timeutil import UTC
from haian_desk.desk import initialise
from haian_desk.events.projection import projectors
from haian_desk.replication.hub_log import PgHubLog, SqliteHubLog, child_peer
from haian_desk.storage.check import run_check
from haian_desk.storage.eventlog import COLUMNS, Event
from haian_desk.storage.postgres import hub as pg_hub, migrations as pg_migrations
from haian_desk.storage.postgres.database import PgDatabase
from tests.conftest import ADMIN

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
AT = "2026-11-20T09:30:00Z"
COUNTY = ("320685", "海安市群众事务代理中心")
STATIONS = [("320685102210", "曲塘镇双楼村代理站", 7), ("320685103201", "李堡镇李堡村代理站", 8)]
PERIODS = ["2026H1", "2026H2", "2026", "2025H2", "2026-03-01:2026-09-30", "2026-11-01:2026-11-30"]


@pytest.fixture(scope="module")
def deliveries(tmp_path_factory) -> list[tuple[str, str, str, list[Event], int, int]]:
    """(peer, unit code, unit name, events, lo, hi) batches in a shuffled order, some twice."""
    batches = []
    for code, name, seed in STATIONS:
        station = make_demo(tmp_path_factory.mktemp(code), cases=90, seed=seed, now=NOW, unit=(code, name))
        with station.db.read() as conn:
            rows = conn.execute(
                f"SELECT seq, {', '.join(COLUMNS)} FROM events WHERE origin != ? ORDER BY seq", (SHIPPED_ORIGIN,)
            ).fetchall()
        station.close()
        peer = uuid4().hex
        for start in range(0, len(rows), 60):
            chunk = rows[start : start + 60]
            lo = rows[start - 1][0] if start else 0
            batches.append((peer, code, name, [Event.from_row(tuple(r)[1:]) for r in chunk], lo, chunk[-1][0]))
    rng = random.Random(14)
    rng.shuffle(batches)
    return batches + rng.sample(batches, 4)


@pytest.fixture(scope="module")
def sqlite_hub(tmp_path_factory, deliveries):
    desk = initialise(tmp_path_factory.mktemp("county"), *COUNTY, role="county", admin=ADMIN, wall=lambda: NOW)
    _feed(SqliteHubLog(desk.db), deliveries)
    yield desk
    desk.close()


@pytest.fixture
def pg_hub_db(pg_url, deliveries):
    db = PgDatabase(pg_url)
    pg_migrations.migrate(db)
    pg_hub.set_identity(db, pg_hub.HubIdentity(uuid4().hex, *COUNTY, "county"), AT)
    _feed(PgHubLog(db), deliveries)
    yield db
    db.close()


def _feed(log, deliveries) -> None:
    enrolled = set()
    for peer, code, name, events, lo, hi in deliveries:
        if peer not in enrolled:
            log.enrol(child_peer(peer, code, name, AT))
            enrolled.add(peer)
        log.receive(peer, events, lo, hi)


def _sqlite_rows(desk, table: str, key: str) -> dict:
    projector = next(p for p in projectors().values() if p.table == table)
    return {r[key]: projector.from_row(r) for r in desk.db.query(f"SELECT * FROM {table}")}


def _pg_rows(db, table: str, key: str) -> dict:
    projector = next(p for p in projectors().values() if p.table == table)
    return {r[key]: projector.from_row(dict(zip(r.keys(), r, strict=True))) for r in db.query(f"SELECT * FROM {table}")}


def test_every_projected_row_is_the_same_on_both_hubs(sqlite_hub, pg_hub_db):
    # The SQLite hub was set up by init: its admin and the shipped catalogue are its own records.
    received = {r[0] for r in pg_hub_db.query("SELECT DISTINCT origin FROM events")}
    own = {sqlite_hub.installation.id, SHIPPED_ORIGIN}
    assert not received & own
    for projector in projectors().values():
        on_sqlite = _sqlite_rows(sqlite_hub, projector.table, projector.key)
        on_pg = _pg_rows(pg_hub_db, projector.table, projector.key)
        extra = set(on_sqlite) - set(on_pg)
        origins = {
            r[0]
            for key in extra
            for r in sqlite_hub.db.query(
                "SELECT origin FROM events WHERE stream = ? AND stream_id = ?", (projector.stream, key)
            )
        }
        assert origins <= own, projector.table
        assert on_pg == {k: v for k, v in on_sqlite.items() if k in on_pg}, projector.table
    assert len(_pg_rows(pg_hub_db, "cases", "id")) == 2 * 90


@pytest.mark.parametrize("label", PERIODS)
def test_every_figure_of_the_report_is_the_same_from_postgresql(sqlite_hub, pg_hub_db, label):
    period = parse_period(label)
    on_sqlite = build(sqlite_hub, period, NOW)
    on_pg = pg_hub.report(pg_hub_db, period, NOW)
    assert on_pg.to_json() == on_sqlite.to_json()
    assert on_pg.monthly == on_sqlite.monthly
    assert on_pg.petitions_monthly == on_sqlite.petitions_monthly
    assert on_pg.rating_distribution() == on_sqlite.rating_distribution()


def test_the_report_counts_something_in_every_level(sqlite_hub, pg_hub_db):
    """The comparison above means something: matters, households and complaints all count."""
    report = pg_hub.report(pg_hub_db, parse_period("2026"), NOW)
    total = report.total()
    assert total["registered"] > 0 and total["completed"] > 0
    assert {r["code"] for r in report.rows["station"]} >= {code for code, _, _ in STATIONS}
    assert len(report.rows["township"]) == 2 and report.rows["cadre"]
    assert total["households_paired"] > 0 and total["complaints"] > 0, total
    assert run_check(sqlite_hub).ok


def test_a_report_from_a_database_that_is_no_hub_says_what_to_do(pg_url):
    db = PgDatabase(pg_url)
    pg_migrations.migrate(db)
    with pytest.raises(pg_hub.SetupError) as refused:
        pg_hub.report(db, parse_period("2026"), NOW)
    assert "docs/postgres-hub.md" in refused.value.hint
    db.close()


def test_the_postgresql_projection_tables_have_sqlites_columns(sqlite_hub, pg_url):
    """A column added to a SQLite projection (a new migration) needs its PostgreSQL file too."""
    db = PgDatabase(pg_url)
    pg_migrations.migrate(db)
    for projector in projectors().values():
        on_sqlite = {
            (r["name"], bool(r["notnull"] or r["pk"]))
            for r in sqlite_hub.db.query(f"PRAGMA table_info({projector.table})")
        }
        on_pg = {
            (r[0], r[1] == "NO")
            for r in db.query(
                "SELECT column_name, is_nullable FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s",
                (projector.table,),
            )
        }
        assert on_pg == on_sqlite, projector.table
    db.close()
