"""``haian-desk init --database``: a county, city or province hub set up in a real throw-away
PostgreSQL server. It passes ``hub check`` and gives a report; its shipped catalogue is the
SQLite county's very records; every refusal says what to do and leaves the database untouched;
a set-up that fails half way leaves nothing behind and can simply be run again."""

from __future__ import annotations

import shutil

import pytest

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.cli import main as cli
from haian_desk.core import paths
from haian_desk.desk import initialise
from haian_desk.events.projection import projectors
from haian_desk.events.projection_store import SqliteProjections
from haian_desk.storage.postgres import DATABASE_ENV, migrations as pg_migrations, projections, setup
from haian_desk.storage.postgres.database import PgDatabase
from tests.conftest import ADMIN

COUNTY = ("320685", "海安市群众事务代理中心")


def said(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def init(capsys, url: str, role: str = "county", code: str = COUNTY[0], name: str = COUNTY[1]):
    return said(capsys, "init", "--role", role, "--station-code", code, "--name", name, "--database", url)


def tables(url: str) -> int:
    with PgDatabase(url, max_size=1) as db:
        return db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")


def meta(url: str) -> dict:
    with PgDatabase(url, max_size=1) as db:
        return {r[0]: r[1] for r in db.query("SELECT key, value FROM meta")}


def test_a_new_hub_passes_check_and_gives_a_report(pg_url, capsys):
    code, text = init(capsys, pg_url)
    assert code == 0, text
    assert "已在 PostgreSQL 建中心" in text and COUNTY[1] in text
    assert meta(pg_url)["role"] == "county" and meta(pg_url)["unit_code"] == COUNTY[0]
    code, text = said(capsys, "hub", "check", "--database", pg_url)
    assert code == 0, text
    code, text = said(capsys, "hub", "report", "--period", "2026", "--database", pg_url)
    assert code == 0, text
    assert COUNTY[1] in text


def test_the_catalogue_is_the_sqlite_countys_own_records(pg_url, tmp_path, capsys):
    assert init(capsys, pg_url)[0] == 0
    catalogue = projectors()["catalogue"]
    with initialise(tmp_path / "county", *COUNTY, role="county", admin=ADMIN) as county, county.db.read() as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM events WHERE origin = ?", (SHIPPED_ORIGIN,))}
        store = SqliteProjections(conn)
        on_sqlite = {key: store.load(catalogue, key) for key in store.keys(catalogue)}
    with PgDatabase(pg_url, max_size=1) as db:
        assert {r[0] for r in db.query("SELECT id FROM events")} == ids  # nothing but the shipped records

        def read(conn):
            store = projections.PgProjections(conn)
            return {key: store.load(catalogue, key) for key in store.keys(catalogue)}

        on_pg = db.run(read)
    assert on_sqlite and on_pg == on_sqlite


def test_a_second_init_of_the_same_hub_changes_nothing(pg_url, capsys):
    assert init(capsys, pg_url)[0] == 0
    before = meta(pg_url)
    code, text = init(capsys, pg_url)
    assert code == 0 and "已经建好" in text
    assert meta(pg_url) == before  # the same installation id: not a new hub


def test_a_database_that_is_another_units_hub_is_refused(pg_url, capsys):
    assert init(capsys, pg_url)[0] == 0
    before = meta(pg_url)
    code, text = init(capsys, pg_url, role="city", code="320600", name="南通市群众事务代理中心")
    assert code == 2
    assert "已经是" in text and COUNTY[1] in text and "换一个" in text
    assert meta(pg_url) == before


def test_a_city_and_a_province_hub(pg_url, capsys):
    assert init(capsys, pg_url, role="city", code="320600", name="南通市群众事务代理中心")[0] == 0
    assert meta(pg_url)["role"] == "city"
    code, text = init(capsys, pg_url.rsplit("/", 1)[0] + "/nowhere", role="province", code="320685", name="江苏")
    assert code == 2 and "320000" in text


@pytest.mark.parametrize("role", ["station", "township"])
def test_a_station_or_township_in_postgresql_is_refused(pg_url, capsys, role):
    code, text = init(capsys, pg_url, role=role, code="320685102210")
    assert code == 2 and "不用 PostgreSQL" in text and "去掉 --database" in text
    assert tables(pg_url) == 0


def test_an_unreachable_server_is_refused(capsys):
    code, text = init(capsys, "postgresql://postgres@127.0.0.1:1/hub")
    assert code == 2 and "连不上" in text and DATABASE_ENV in text


def test_a_url_that_is_not_postgresql_is_refused(capsys, tmp_path):
    code, text = init(capsys, f"sqlite:///{tmp_path}/hub.db")
    assert code == 2 and "postgresql://" in text
    assert not any(tmp_path.iterdir())


def test_a_city_without_a_database_is_refused(capsys, monkeypatch):
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    code, text = said(capsys, "init", "--role", "city", "--station-code", "320600", "--name", "南通")
    assert code == 2 and "--database" in text


def test_the_url_can_come_from_the_environment(pg_url, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv(DATABASE_ENV, pg_url)
    code, text = said(
        capsys,
        "--data-dir",
        str(tmp_path),
        "init",
        "--role",
        "county",
        "--station-code",
        COUNTY[0],
        "--name",
        COUNTY[1],
    )
    assert code == 0, text
    assert meta(pg_url)["unit_code"] == COUNTY[0] and not paths.database_path(tmp_path).exists()


def test_a_set_up_that_fails_half_way_leaves_nothing_and_can_run_again(pg_url, capsys, monkeypatch):
    def broken(conn, added):  # after the schema, the identity and the events were written
        raise RuntimeError("the server went away")

    monkeypatch.setattr(setup.projections, "refold_touched", broken)
    with pytest.raises(RuntimeError):
        init(capsys, pg_url)
    assert tables(pg_url) == 0  # not even schema_migrations: one transaction, rolled back
    monkeypatch.undo()
    assert init(capsys, pg_url)[0] == 0
    assert said(capsys, "hub", "check", "--database", pg_url)[0] == 0


def test_init_again_applies_a_newer_releases_schema_to_the_same_hub(pg_url, capsys, monkeypatch, tmp_path):
    assert init(capsys, pg_url)[0] == 0
    before = meta(pg_url)
    shipped = setup.migrations.files()
    for _, path in shipped:
        shutil.copy(path, tmp_path / path.name)
    newer = f"{len(shipped) + 1:04d}_later.sql"
    (tmp_path / newer).write_text("CREATE TABLE later (id TEXT PRIMARY KEY);", encoding="utf-8")
    real = pg_migrations.files
    monkeypatch.setattr(setup.migrations, "files", lambda folder=None: real(tmp_path))
    code, text = init(capsys, pg_url)
    assert code == 0 and "已经建好" in text and newer in text
    assert meta(pg_url) == before
