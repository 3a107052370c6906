"""A county hub on PostgreSQL and its city (a city is a PostgreSQL level) by file: the county
exports its next up batch from what the city last acknowledged, the city imports it with the
hub's file import (sync.files.import_into, as ``hub import --database``) and writes its reply,
the county imports the reply in one transaction (events, acknowledgement, rejections). Exactly
once through a cut mid-import and a replayed reply; a second round moves nothing; ``hub check``
passes on both (issue #14, docs/postgres-hub.md item 3)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest

from haian_desk.core.errors import HaianError
from haian_desk.core.failpoints import ENV, FailpointHit
from haian_desk.replication import pg_parent, pg_push_status
from haian_desk.replication.hub_log import PgHubLog, child_peer, pg_store_new
from haian_desk.replication.pg_hub import PgHub
from haian_desk.replication.pg_order import PgForward
from haian_desk.replication.sync_state import CHILD, PARENT
from haian_desk.storage.postgres import hub as pg_hub
from haian_desk.storage.postgres.database import PgDatabase
from sync import files
from sync.errors import BatchRefused, SyncError
from sync.hub import Hub
from sync.pg_parent_files import export_up, import_reply
from sync.pg_push import PUSH_LOCK, push
from sync.pg_serve import PgBackgroundHub, hub_keys
from tests.sync.helpers import free_port
from tests.sync.test_pg_forward import (
    AT,
    CITY,
    COUNTY,
    STATION_A,
    hub,
    keys,
    peer,
    station_rows,
)


@pytest.fixture
def county_and_city(tmp_path_factory, pg_url, city_url):
    """A county on PostgreSQL holding one township's records, under a city on PostgreSQL."""
    rows = station_rows(tmp_path_factory, *STATION_A)
    county_keys, city_keys = keys(), keys()
    with county_under_city(pg_url, city_url, rows, county_keys, city_keys) as (county, city_db):
        yield county, county_keys, Hub(PgHub(city_db), city_keys), city_keys, rows


@contextmanager
def county_under_city(pg_url: str, city_url: str, rows: list, county_keys, city_keys) -> Iterator[tuple]:
    """A county on PostgreSQL holding one township's ``rows``, enrolled under a city on PostgreSQL:
    (county database, city database)."""
    county_id, city_id = str(uuid4()), str(uuid4())
    with hub(pg_url, county_id, COUNTY, "county") as county, hub(city_url, city_id, CITY, "city") as city_db:
        PgHubLog(city_db).enrol(peer(county_id, CHILD, COUNTY, "county", county_keys))
        log = PgHubLog(county)
        log.enrol(peer(city_id, PARENT, CITY, "city", city_keys))
        township = child_peer(str(uuid4()), "320685102", "曲塘镇", AT)
        log.enrol(township)
        for i in range(0, len(rows), 25):
            log.receive(township.id, rows[i : i + 25], i, min(i + 25, len(rows)))
        yield county, city_db


def _round(county, county_keys, city, city_keys, folder):
    exported = export_up(county, county_keys, folder / f"up-{uuid4().hex[:6]}.hdsync")
    imported = files.import_into(city, exported.path)
    return exported, imported


def _held(city, origin: str) -> list[str]:
    return [r[0] for r in city.backend.db.query("SELECT id FROM events WHERE origin = %s", (origin,))]


def test_the_townships_records_reach_the_city_once_and_the_acknowledgement_comes_back(county_and_city, tmp_path):
    county, county_keys, city, city_keys, rows = county_and_city
    exported, imported = _round(county, county_keys, city, city_keys, tmp_path)
    assert exported.events >= len(rows) and exported.after == 0
    report = import_reply(county, county_keys, imported.reply_path)
    parent = pg_parent.parent(county)
    assert pg_parent.acked(county, parent.id) == PgForward(county).head()
    assert sorted(_held(city, rows[0].origin)) == sorted(e.id for e in rows)
    # the reply replayed changes nothing; a second round sends nothing new
    again = import_reply(county, county_keys, imported.reply_path)
    assert again.duplicate and not report.duplicate
    second, _ = _round(county, county_keys, city, city_keys, tmp_path)
    assert second.events == 0 and second.after == PgForward(county).head()
    assert pg_hub.check(city.backend.db).ok and pg_hub.check(county).ok


@pytest.mark.parametrize("point", ["pg.down.in_transaction", "pg.down.before_apply"])
def test_a_reply_import_cut_leaves_nothing_and_the_retry_takes_it_once(county_and_city, tmp_path, monkeypatch, point):
    county, county_keys, city, city_keys, _ = county_and_city
    _, imported = _round(county, county_keys, city, city_keys, tmp_path)
    parent = pg_parent.parent(county)
    before = county.query("SELECT count(*) FROM sync_batches")[0][0]
    monkeypatch.setenv(ENV, f"{point}:raise")
    with pytest.raises(FailpointHit):
        import_reply(county, county_keys, imported.reply_path)
    monkeypatch.delenv(ENV)
    assert pg_parent.acked(county, parent.id) == 0
    assert county.query("SELECT count(*) FROM sync_batches")[0][0] == before
    assert not import_reply(county, county_keys, imported.reply_path).duplicate
    assert pg_parent.acked(county, parent.id) == PgForward(county).head()
    assert pg_hub.check(county).ok


def test_a_lost_reply_means_the_same_records_again_and_the_city_holds_them_once(county_and_city, tmp_path):
    county, county_keys, city, city_keys, rows = county_and_city
    _round(county, county_keys, city, city_keys, tmp_path)  # the reply never comes back
    exported, imported = _round(county, county_keys, city, city_keys, tmp_path)
    assert exported.after == 0 and exported.events >= len(rows)
    assert imported.receipt.report.applied == 0
    import_reply(county, county_keys, imported.reply_path)
    assert pg_parent.acked(county, pg_parent.parent(county).id) == PgForward(county).head()
    assert len(_held(city, rows[0].origin)) == len(rows) and pg_hub.check(city.backend.db).ok


def test_bad_paths_say_what_is_wrong_and_write_nothing(county_and_city, tmp_path, pg_url):
    county, county_keys, city, city_keys, _ = county_and_city
    exported, imported = _round(county, county_keys, city, city_keys, tmp_path)
    with pytest.raises(BatchRefused) as wrong_keys:
        import_reply(county, keys(), imported.reply_path)
    with pytest.raises(BatchRefused) as own_file:  # our own up batch, addressed to the city
        import_reply(county, county_keys, exported.path)
    assert "不是本机" in own_file.value.template
    assert wrong_keys.value.template and wrong_keys.value.kind != "wrong_receiver"
    assert county.query("SELECT count(*) FROM sync_batches WHERE direction = 'down'")[0][0] == 0
    county.run(lambda conn: conn.execute("UPDATE sync_peers SET status = 'revoked' WHERE relation = %s", (PARENT,)))
    with pytest.raises(HaianError) as no_parent:
        export_up(county, county_keys, tmp_path / "x.hdsync")
    assert "还没有登记上级" in no_parent.value.template and not (tmp_path / "x.hdsync").exists()
    with pytest.raises(HaianError):
        import_reply(county, county_keys, imported.reply_path)
    assert county.query("SELECT count(*) FROM sync_batches WHERE direction = 'down'")[0][0] == 0


def test_the_citys_own_record_about_a_county_matter_comes_down_once(county_and_city, tmp_path):
    """A record the city holds about one of the county's matters (its note on the matter, a copy of
    a township's note under the city's origin) arrives at the county in the reply, once."""
    county, county_keys, city, city_keys, rows = county_and_city
    _round(county, county_keys, city, city_keys, tmp_path)
    note = next(e for e in rows if e.stream == "case" and e.type != "created")
    city_id = city.backend.own.id
    own = replace(note, id=str(uuid4()), origin=city_id, origin_seq=1, hlc=note.hlc[:-1] + "9")
    city.backend.db.run(lambda conn: pg_store_new(conn, [own]))
    _, imported = _round(county, county_keys, city, city_keys, tmp_path)
    report = import_reply(county, county_keys, imported.reply_path)
    assert not report.rejected, report.rejected
    assert county.query("SELECT count(*) FROM events WHERE id = %s", (own.id,))[0][0] == 1
    assert import_reply(county, county_keys, imported.reply_path).duplicate
    assert county.query("SELECT count(*) FROM events WHERE id = %s", (own.id,))[0][0] == 1
    assert pg_hub.check(county).ok


# -- over HTTP: the city served by `hub serve --database` (one worker on a thread) ---------------


@pytest.fixture
def served_city(tmp_path_factory, pg_url, city_url):
    """The county under a city served on 127.0.0.1, the city's keys in their own folder."""
    rows = station_rows(tmp_path_factory, *STATION_A)
    keys_dir = tmp_path_factory.mktemp("city-keys")
    county_keys, city_keys = keys(), hub_keys(keys_dir)
    with county_under_city(pg_url, city_url, rows, county_keys, city_keys) as (county, city_db):
        yield county, county_keys, city_db, PgBackgroundHub(city_url, keys_dir), rows


def test_a_push_over_http_moves_the_townships_records_once_and_a_second_push_moves_nothing(served_city):
    county, county_keys, city_db, served, rows = served_city
    with served:
        first = push(county, county_keys, served.url)
        assert first.sent >= len(rows) and first.held_up_to == PgForward(county).head()
        second = push(county, county_keys)  # the address was remembered
        assert second.sent == 0 and second.received == 0
    noted = pg_push_status.status(county)
    assert noted.last_ok and noted.last_sent == 0 and noted.last_error is None
    held = [r[0] for r in city_db.query("SELECT id FROM events WHERE origin = %s", (rows[0].origin,))]
    assert sorted(held) == sorted(e.id for e in rows)
    assert pg_hub.check(city_db).ok and pg_hub.check(county).ok


@pytest.mark.parametrize("point", ["pg.push.before_send", "pg.push.after_send", "pg.push.after_fetch"])
def test_a_push_cut_at_each_step_and_run_again_holds_every_record_once(served_city, monkeypatch, point):
    county, county_keys, city_db, served, rows = served_city
    with served:
        monkeypatch.setenv(ENV, f"{point}:raise")
        with pytest.raises(FailpointHit):
            push(county, county_keys, served.url, limit=20)
        monkeypatch.delenv(ENV)
        push(county, county_keys, limit=20)
        assert push(county, county_keys).sent == 0
    n = city_db.query("SELECT count(*), count(DISTINCT id) FROM events WHERE origin = %s", (rows[0].origin,))[0]
    assert tuple(n) == (len(rows), len(rows))
    assert pg_parent.acked(county, pg_parent.parent(county).id) == PgForward(county).head()
    assert pg_hub.check(city_db).ok and pg_hub.check(county).ok


def test_a_push_to_an_unreachable_parent_or_one_that_revoked_us_says_so(served_city):
    county, county_keys, city_db, served, _ = served_city
    with pytest.raises(SyncError) as unreachable:
        push(county, county_keys, f"http://127.0.0.1:{free_port()}")
    assert unreachable.value.template
    noted = pg_push_status.status(county)  # a push by hand is noted too: hub push --status tells
    assert noted.last_ok is None and noted.last_error == str(unreachable.value) and noted.last_error_at
    city_db.run(lambda conn: conn.execute("UPDATE sync_peers SET status = 'revoked'"))
    with served, pytest.raises(SyncError) as revoked:
        push(county, county_keys, served.url)
    assert revoked.value.template
    assert pg_parent.acked(county, pg_parent.parent(county).id) == 0


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "haian-desk"), *args], capture_output=True, text=True, timeout=120
    )


def test_the_commands_push_export_and_import_a_reply_and_refuse_plainly(tmp_path_factory, pg_url, city_url):
    """``hub push --database``, ``hub export-up``, ``hub import-reply`` run as installed commands."""
    county_dir, city_dir = tmp_path_factory.mktemp("county-keys"), tmp_path_factory.mktemp("city-keys2")
    county_keys, city_keys = hub_keys(county_dir), hub_keys(city_dir)
    county_id, city_id = str(uuid4()), str(uuid4())
    with hub(pg_url, county_id, COUNTY, "county"), hub(city_url, city_id, CITY, "city") as city_db:
        PgHubLog(city_db).enrol(peer(county_id, CHILD, COUNTY, "county", county_keys))
    no_parent = _cli("hub", "push", "--database", pg_url, "--data-dir", str(county_dir), "--hub", "http://127.0.0.1:9")
    assert no_parent.returncode != 0 and "还没有登记上级" in no_parent.stderr
    with hub(pg_url, county_id, COUNTY, "county") as county:
        PgHubLog(county).enrol(peer(city_id, PARENT, CITY, "city", city_keys))
    unreachable = _cli(
        "hub", "push", "--database", pg_url, "--data-dir", str(county_dir), "--hub", f"http://127.0.0.1:{free_port()}"
    )
    assert unreachable.returncode != 0 and unreachable.stderr.strip() and "Traceback" not in unreachable.stderr
    with PgBackgroundHub(city_url, city_dir) as served:
        done = _cli("hub", "push", "--database", pg_url, "--data-dir", str(county_dir), "--hub", served.url)
        assert done.returncode == 0, done.stderr
        assert "已上报" in done.stdout
    out = tmp_path_factory.mktemp("files") / "up.hdsync"
    exported = _cli("hub", "export-up", "--database", pg_url, "--data-dir", str(county_dir), "--out", str(out))
    assert exported.returncode == 0 and out.exists(), exported.stderr
    wrong = _cli("hub", "import-reply", str(out), "--database", pg_url, "--data-dir", str(county_dir))
    assert wrong.returncode != 0 and "不是本机" in wrong.stderr


def test_a_county_on_postgresql_enrols_under_its_city_by_files_then_pushes(tmp_path_factory, pg_url, city_url):
    """enrol-request at the county, ``hub enrol --database`` at the city, enrol-accept back at the
    county: then the county pushes; an answer for another installation is refused."""
    county_dir, city_dir = tmp_path_factory.mktemp("ck"), tmp_path_factory.mktemp("tk")
    files_dir = tmp_path_factory.mktemp("enrol-files")
    request, answer = files_dir / "request.json", files_dir / "answer.json"
    with hub(pg_url, str(uuid4()), COUNTY, "county"), hub(city_url, str(uuid4()), CITY, "city"):
        pass
    with PgBackgroundHub(city_url, city_dir) as served:
        made = _cli("hub", "enrol-request", "--database", pg_url, "--data-dir", str(county_dir), "--out", str(request))
        assert made.returncode == 0, made.stderr
        enrolled = _cli(
            "hub", "enrol", str(request), "--out", str(answer), "--url", served.url,
            "--database", city_url, "--data-dir", str(city_dir),
        )  # fmt: skip
        assert enrolled.returncode == 0, enrolled.stderr
        wrong = _cli("hub", "enrol-accept", str(request), "--database", pg_url, "--data-dir", str(county_dir))
        assert wrong.returncode != 0 and wrong.stderr.strip() and "Traceback" not in wrong.stderr
        accepted = _cli("hub", "enrol-accept", str(answer), "--database", pg_url, "--data-dir", str(county_dir))
        assert accepted.returncode == 0, accepted.stderr
        pushed = _cli("hub", "push", "--database", pg_url, "--data-dir", str(county_dir))
        assert pushed.returncode == 0, pushed.stderr
    with PgDatabase(pg_url) as county:
        assert pg_parent.parent(county).unit_code == CITY[0]


def test_only_one_push_at_a_time_and_a_dead_pusher_s_lock_goes_with_it(served_city):
    county, county_keys, _, served, rows = served_city
    holder = psycopg.connect(county.url, autocommit=True)
    assert holder.execute(PUSH_LOCK).fetchone()[0]
    with served:
        with pytest.raises(SyncError) as busy:
            push(county, county_keys, served.url)
        assert "另一次上报正在进行" in busy.value.template
        assert pg_parent.acked(county, pg_parent.parent(county).id) == 0
        holder.close()  # the other pusher's connection ended (as when its process is killed)
        assert push(county, county_keys, served.url).sent >= len(rows)
