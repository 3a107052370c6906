"""``haian-desk init --role county|city|province --database URL`` against the real throw-away
server: the hub it makes passes ``hub check`` at once and holds the shipped catalogue with the
ids a SQLite installation gives it; a station or township with ``--database``, a database that
is already another unit's hub, a wrong unit code and an unreachable server are each refused
with a plain message and nothing written."""

from __future__ import annotations

import pytest

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN, shipped_events
from haian_desk.cli import main as cli
from haian_desk.core import paths
from haian_desk.storage.postgres import DATABASE_ENV, hub as pg_hub, migrations as pg_migrations
from haian_desk.storage.postgres.database import PgDatabase

COUNTY = ("320685", "海安市群众事务代理中心")


def said(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def init(capsys, url: str, role: str = "county", code: str = COUNTY[0], name: str = COUNTY[1]) -> tuple[int, str]:
    return said(capsys, "init", "--role", role, "--station-code", code, "--name", name, "--database", url)


def test_a_county_hub_is_made_and_passes_its_check(pg_url, capsys):
    code, text = init(capsys, pg_url)
    assert code == 0, text
    assert "已建中心" in text and COUNTY[1] in text
    with PgDatabase(pg_url) as db:
        own = pg_hub.identity(db)
        assert (own.unit_code, own.unit_name, own.role) == (*COUNTY, "county")
        assert own.installation_id
        assert pg_migrations.version(db) == len(pg_migrations.files())
    code, text = said(capsys, "hub", "check", "--database", pg_url)
    assert code == 0, text
    code, text = said(capsys, "hub", "report", "--period", "2026", "--json", "--database", pg_url)
    assert code == 0 and COUNTY[1] in text, text


def test_the_catalogue_has_the_same_ids_as_a_sqlite_installation(pg_url, capsys, desk):
    assert init(capsys, pg_url)[0] == 0
    sqlite_ids = {r[0] for r in desk.db.query("SELECT id FROM events WHERE origin = ?", (SHIPPED_ORIGIN,))}
    sqlite_items = {r[0]: r[1] for r in desk.db.query("SELECT code, name FROM catalogue_items")}
    with PgDatabase(pg_url) as db:
        pg_ids = {r[0] for r in db.query("SELECT id FROM events WHERE origin = %s", (SHIPPED_ORIGIN,))}
        pg_items = {r[0]: r[1] for r in db.query("SELECT code, name FROM catalogue_items")}
    assert pg_ids == sqlite_ids == {e.id for e in shipped_events()}
    assert pg_items == sqlite_items and pg_items


def test_city_and_province_hubs(pg_server, pg_url, capsys):
    assert init(capsys, pg_url, "city", "320600", "南通市群众事务代理中心")[0] == 0
    with PgDatabase(pg_url) as db:
        assert pg_hub.identity(db).role == "city"


def test_the_url_can_come_from_the_environment(pg_url, capsys, monkeypatch):
    monkeypatch.setenv(DATABASE_ENV, pg_url)
    code, text = said(capsys, "init", "--role", "province", "--station-code", "320000", "--name", "江苏省中心")
    assert code == 0, text
    with PgDatabase(pg_url) as db:
        assert pg_hub.identity(db).unit_code == "320000"


def test_running_it_again_for_the_same_unit_changes_nothing(pg_url, capsys):
    assert init(capsys, pg_url)[0] == 0
    with PgDatabase(pg_url) as db:
        before = (pg_hub.identity(db), db.scalar("SELECT count(*) FROM events"))
    code, text = init(capsys, pg_url)
    assert code == 0 and "已经是" in text, text
    with PgDatabase(pg_url) as db:
        assert (pg_hub.identity(db), db.scalar("SELECT count(*) FROM events")) == before


def test_another_units_hub_is_refused_untouched(pg_url, capsys):
    assert init(capsys, pg_url)[0] == 0
    code, text = init(capsys, pg_url, "city", "320600", "南通市群众事务代理中心")
    assert code == 2 and "已经是" in text and COUNTY[0] in text, text
    with PgDatabase(pg_url) as db:
        assert pg_hub.identity(db).unit_code == COUNTY[0]


@pytest.mark.parametrize(("role", "code"), [("station", "320685102210"), ("township", "320685102")])
def test_a_station_or_township_keeps_sqlite(pg_url, capsys, tmp_path, role, code):
    code_, text = said(
        capsys, "init", "--data-dir", str(tmp_path), "--role", role, "--station-code", code, "--name", "某站",
        "--database", pg_url,
    )  # fmt: skip
    assert code_ == 2 and "SQLite" in text, text
    with PgDatabase(pg_url) as db:
        assert db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'") == 0
    assert not paths.database_path(tmp_path).exists()


@pytest.mark.parametrize(
    ("role", "code"), [("county", "320600"), ("city", "320685"), ("city", "320000"), ("province", "3200")]
)
def test_a_wrong_unit_code_is_refused(pg_url, capsys, role, code):
    code_, text = init(capsys, pg_url, role, code, "某中心")
    assert code_ == 2 and "单位代码" in text, text
    with PgDatabase(pg_url) as db:
        assert db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'") == 0


def test_a_city_without_a_database_is_told_where_its_data_goes(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    code, text = said(
        capsys, "init", "--data-dir", str(tmp_path), "--role", "city", "--station-code", "320600", "--name", "南通"
    )
    assert code == 2 and "--database" in text, text


def test_an_unreachable_server_is_a_plain_message(capsys):
    code, text = init(capsys, "postgresql://nobody@127.0.0.1:1/nothing")
    assert code == 2 and "连不上 PostgreSQL 数据库" in text, text
    assert "Traceback" not in text


def test_two_units_claiming_one_database_at_once_one_wins(pg_url):
    from concurrent.futures import ThreadPoolExecutor

    from haian_desk.core.errors import SetupError
    from haian_desk.storage.postgres.create import create_hub

    units = [("county", *COUNTY), ("city", "320600", "南通市群众事务代理中心")] * 2

    def claim(unit):
        try:
            return create_hub(pg_url, *unit, "2026-11-20T09:30:00Z").identity.unit_code
        except SetupError:
            return None

    with ThreadPoolExecutor(4) as pool:
        won = list(pool.map(claim, units))
    with PgDatabase(pg_url) as db:
        held = pg_hub.identity(db).unit_code
        assert db.scalar("SELECT count(*) FROM events") == len(shipped_events())
    assert {w for w in won if w} == {held} and won.count(None) == 2


def test_station_only_options_are_refused_not_dropped(pg_url, capsys):
    code, text = said(
        capsys, "init", "--role", "county", "--station-code", COUNTY[0], "--name", COUNTY[1],
        "--database", pg_url, "--address", "海安", "--phone", "0513",
    )  # fmt: skip
    assert code == 2 and "--address" in text and "--phone" in text, text
    with PgDatabase(pg_url) as db:
        assert db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'") == 0


@pytest.mark.parametrize("url", ["sqlite:///tmp/hub.db", "https://hub.example/county", "/srv/hub"])
def test_a_database_that_is_not_postgresql_is_refused_before_connecting(capsys, url):
    code, text = init(capsys, url)
    assert code == 2 and "postgresql://" in text and DATABASE_ENV in text, text
    assert "连不上" not in text  # said what to write, not that a connection failed


def test_a_set_up_cut_off_while_seeding_leaves_no_identity_and_runs_again(pg_url, capsys, monkeypatch):
    """The schema is applied in its own transaction, the identity and the catalogue in one more:
    a failure while the catalogue is stored (the server gone, a kill) rolls the identity back,
    so the database is no hub yet, and the same init then completes it."""
    from haian_desk.storage.postgres import create

    def cut_off(conn, events):
        conn.execute("SELECT 1 FROM events LIMIT 1")
        raise RuntimeError("server closed the connection unexpectedly")

    monkeypatch.setattr(create, "pg_store_new", cut_off)
    with pytest.raises(RuntimeError):
        init(capsys, pg_url)
    with PgDatabase(pg_url) as db:
        assert pg_migrations.version(db) == len(pg_migrations.files())  # the schema stayed
        assert db.scalar("SELECT count(*) FROM meta") == 0 and db.scalar("SELECT count(*) FROM events") == 0
    code, text = said(capsys, "hub", "check", "--database", pg_url)
    assert code == 2 and "还不是一个同步中心" in text  # not taken for a hub meanwhile
    monkeypatch.undo()
    assert init(capsys, pg_url)[0] == 0
    assert said(capsys, "hub", "check", "--database", pg_url)[0] == 0
    with PgDatabase(pg_url) as db:
        assert db.scalar("SELECT count(*) FROM events") == len(shipped_events())
