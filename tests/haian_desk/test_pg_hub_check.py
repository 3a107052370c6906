"""``haian-desk hub check`` and ``hub report`` on a hub kept in PostgreSQL, against the real
throw-away server: an intact hub passes; a projected row changed, removed or added behind the
log's back, a batch that never arrived, a record lost in the middle of an origin's numbering
are each named; a database that is no hub is refused with what to do."""

from __future__ import annotations

import json
from datetime import datetime
from uuid import uuid4

import pytest

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.cli import main as cli
from haian_desk.cli.demo import make_demo
from haian_desk.core.timeutil import UTC
from haian_desk.desk import initialise
from haian_desk.replication.hub_log import PgHubLog, SqliteHubLog, child_peer
from haian_desk.storage.eventlog import COLUMNS, Event
from haian_desk.storage.postgres import hub as pg_hub, migrations as pg_migrations
from haian_desk.storage.postgres.database import PgDatabase
from tests.conftest import ADMIN

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
AT = "2026-11-20T09:30:00Z"
COUNTY = ("320685", "海安市群众事务代理中心")
STATION = ("320685102210", "曲塘镇双楼村代理站")


@pytest.fixture(scope="module")
def station_log(tmp_path_factory) -> list[tuple[int, Event]]:
    """A demo station's own records with their positions in its log (what it sends up)."""
    station = make_demo(tmp_path_factory.mktemp("station"), cases=40, seed=3, now=NOW, unit=STATION)
    with station.db.read() as conn:
        rows = conn.execute(
            f"SELECT seq, {', '.join(COLUMNS)} FROM events WHERE origin != ? ORDER BY seq", (SHIPPED_ORIGIN,)
        ).fetchall()
    station.close()
    return [(r[0], Event.from_row(tuple(r)[1:])) for r in rows]


def send(log, peer: str, records: list[tuple[int, Event]], size: int = 50, skip: int | None = None) -> None:
    """The station's log in batches of ``size``; batch number ``skip`` never arrives."""
    for number, start in enumerate(range(0, len(records), size)):
        chunk = records[start : start + size]
        if number != skip:
            log.receive(peer, [e for _, e in chunk], records[start - 1][0] if start else 0, chunk[-1][0])


@pytest.fixture
def hub_url(pg_url, station_log) -> str:
    with PgDatabase(pg_url) as db:
        pg_migrations.migrate(db)
        pg_hub.set_identity(db, pg_hub.HubIdentity(uuid4().hex, *COUNTY, "county"), AT)
        log, peer = PgHubLog(db), uuid4().hex
        log.enrol(child_peer(peer, *STATION, AT))
        send(log, peer, station_log)
    return pg_url


def said(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_intact_hub_passes(hub_url, capsys):
    code, text = said(capsys, "hub", "check", "--database", hub_url)
    assert code == 0, text
    assert "检查通过" in text and "条事件齐全、连续" in text


def test_the_url_can_come_from_the_environment(hub_url, capsys, monkeypatch):
    monkeypatch.setenv(pg_hub.DATABASE_ENV, hub_url)
    assert said(capsys, "hub", "check")[0] == 0


def _one_case(db: PgDatabase) -> str:
    return db.scalar("SELECT id FROM cases WHERE status != 'voided' ORDER BY id LIMIT 1")


def test_a_projected_row_changed_behind_the_logs_back_is_named(hub_url, capsys):
    with PgDatabase(hub_url) as db:
        case_id = _one_case(db)
        db.run(lambda conn: conn.execute("UPDATE cases SET status = 'completed', rating = 1 WHERE id = %s", (case_id,)))
    code, text = said(capsys, "hub", "check", "--database", hub_url)
    assert code == 1
    line = next(line for line in text.splitlines() if case_id in line)
    assert line.startswith("不一致：cases ") and "表中='completed'" in line and "rating: 表中=1" in line


def test_a_row_removed_or_made_up_is_named(hub_url, capsys):
    with PgDatabase(hub_url) as db:
        case_id = _one_case(db)
        db.run(lambda conn: conn.execute("DELETE FROM cases WHERE id = %s", (case_id,)))
        db.run(
            lambda conn: conn.execute(
                "INSERT INTO cadres (id, name, unit_code, created_at, updated_at, last_hlc, event_count) "
                "VALUES ('made-up', '无名', %s, %s, %s, '0', 1)",
                (STATION[0], AT, AT),
            )
        )
        found = pg_hub.check(db)
    assert not found.ok and not found.gaps
    assert f"cases {case_id}: 表中缺少此行" in found.differences
    assert "cadres made-up: 表中有此行，但事件日志中没有它的事件" in found.differences


def test_a_batch_that_never_arrived_is_named(pg_url, station_log, capsys):
    with PgDatabase(pg_url) as db:
        pg_migrations.migrate(db)
        pg_hub.set_identity(db, pg_hub.HubIdentity(uuid4().hex, *COUNTY, "county"), AT)
        log, peer = PgHubLog(db), uuid4().hex
        log.enrol(child_peer(peer, *STATION, AT))
        send(log, peer, station_log, skip=1)
        found = pg_hub.check(db)
    assert any(f"下级 {peer[:8]} 的记录不连续" in line for line in found.gaps), found.gaps
    assert any("的记录有缺号" in line for line in found.gaps), found.gaps
    code, text = said(capsys, "hub", "check", "--database", pg_url)
    assert code == 1 and "缺失：下级" in text


def test_a_database_that_is_no_hub_is_refused_with_what_to_do(pg_url, capsys):
    code, text = said(capsys, "hub", "check", "--database", pg_url)
    assert code == 2 and "第 0 版" in text and "docs/postgres-hub.md" in text
    with PgDatabase(pg_url) as db:
        pg_migrations.migrate(db)
    code, text = said(capsys, "hub", "report", "--period", "2026", "--database", pg_url)
    assert code == 2 and "还不是一个同步中心" in text


def test_an_unreachable_server_is_said_plainly(capsys):
    code, text = said(capsys, "hub", "check", "--database", "postgresql://hub@127.0.0.1:1/hub")
    assert code == 2 and "连不上 PostgreSQL 数据库" in text


def test_the_report_command_gives_the_sqlite_hubs_figures(hub_url, station_log, tmp_path, capsys):
    folder = tmp_path / "county"
    with initialise(folder, *COUNTY, role="county", admin=ADMIN, wall=lambda: NOW) as county:
        log, peer = SqliteHubLog(county.db), uuid4().hex
        log.enrol(child_peer(peer, *STATION, AT))
        send(log, peer, station_log, size=37)
    code, from_sqlite = said(capsys, "hub", "report", "--data-dir", str(folder), "--period", "2026H1", "--json")
    assert code == 0, from_sqlite
    code, from_pg = said(capsys, "hub", "report", "--database", hub_url, "--period", "2026H1", "--json")
    assert code == 0, from_pg
    assert json.loads(from_pg) == json.loads(from_sqlite)
    assert json.loads(from_pg)["county"][0]["registered"] > 0
    code, text = said(capsys, "hub", "report", "--database", hub_url, "--period", "2026H1")
    assert code == 0 and "考核报表" in text and STATION[1] in text
    code, text = said(capsys, "hub", "check", "--data-dir", str(folder))  # the SQLite hub: ``check``'s check
    assert code == 0 and "检查通过" in text


def test_a_rebuild_from_the_log_repairs_what_the_check_found(hub_url):
    from haian_desk.storage.postgres import projections

    with PgDatabase(hub_url) as db:
        case_id = _one_case(db)
        db.run(lambda conn: conn.execute("UPDATE cases SET status = 'completed' WHERE id = %s", (case_id,)))
        db.run(lambda conn: conn.execute("DELETE FROM villagers WHERE id = (SELECT min(id) FROM villagers)"))
        assert not pg_hub.check(db).ok
        rows = db.run(projections.rebuild)
        assert rows == pg_hub.check(db).rows_checked
        assert pg_hub.check(db).ok
