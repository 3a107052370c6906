"""A PostgreSQL county pushing up to its city on its own (``hub serve --database … --push-every``):
the records reach the city with nobody running ``hub push``; a parent that cannot be reached is
tried again and caught up once it is back; one pusher at a time; ``hub serve`` killed with
SIGKILL mid-push and started again leaves every record at the city once; ``hub push --status``
says what the last push did."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psycopg
import pytest

from haian_desk.replication import pg_parent, sync_state
from haian_desk.replication.pg_order import PgForward
from haian_desk.replication.pg_push_status import status
from haian_desk.storage.postgres import DATABASE_ENV, hub as pg_hub
from sync.backoff import Backoff
from sync.failpoints import ENV as FAILPOINT
from sync.pg_autopush import AutoPush
from sync.pg_push import PUSH_LOCK
from sync.pg_serve import PgBackgroundHub, hub_keys
from tests.sync.helpers import ROOT, free_port
from tests.sync.test_pg_forward import STATION_A, station_rows
from tests.sync.test_pg_push import county_under_city

QUICK = Backoff(base=0.05, cap=0.2, jitter=0)


def until(condition, seconds: float = 60, every: float = 0.1) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not reached in time"
        time.sleep(every)


@pytest.fixture
def county_with_keys(tmp_path_factory, pg_url, city_url):
    """A county on PostgreSQL (its keys in a folder, as ``hub serve`` reads them) holding one
    township's records, enrolled under a city on PostgreSQL whose keys are in a folder too."""
    rows = station_rows(tmp_path_factory, *STATION_A)
    county_dir, city_dir = tmp_path_factory.mktemp("county-keys"), tmp_path_factory.mktemp("city-keys")
    with county_under_city(pg_url, city_url, rows, hub_keys(county_dir), hub_keys(city_dir)) as (county, city_db):
        yield county, county_dir, city_db, city_dir, rows


def _parent_at(county, address: str) -> None:
    parent = pg_parent.parent(county)
    county.run(lambda conn: sync_state.set_address(conn, parent.id, address, None, mark="%s"))


def _at_city(city_db, rows) -> tuple[int, int]:
    found = city_db.query("SELECT count(*), count(DISTINCT id) FROM events WHERE origin = %s", (rows[0].origin,))[0]
    return tuple(found)


def test_the_county_pushes_on_its_own_and_notes_it(county_with_keys, city_url):
    county, county_dir, city_db, city_dir, rows = county_with_keys
    with PgBackgroundHub(city_url, city_dir) as served:
        _parent_at(county, served.url)
        pusher = AutoPush(county.url, county_dir, every=0.2, backoff=QUICK).start()
        try:
            until(lambda: _at_city(city_db, rows) == (len(rows), len(rows)))
            until(lambda: status(county).last_ok is not None)
        finally:
            pusher.stop()
    assert not pusher._thread.is_alive()  # stopped with the server
    found = status(county)
    assert found.last_error is None and found.last_sent >= 0
    assert pg_parent.acked(county, pg_parent.parent(county).id) == PgForward(county).head()
    assert pg_hub.check(city_db).ok and pg_hub.check(county).ok


def test_a_parent_out_of_reach_is_tried_again_and_caught_up_once_back(county_with_keys, city_url):
    county, county_dir, city_db, city_dir, rows = county_with_keys
    port = free_port()
    _parent_at(county, f"http://127.0.0.1:{port}")
    pusher = AutoPush(county.url, county_dir, every=0.3, backoff=QUICK).start()
    try:
        until(lambda: pusher.failures >= 2)  # tried, and tried again
        noted = status(county)
        assert noted.last_ok is None and noted.last_error and noted.last_error_at
        assert "陈" not in noted.last_error and "王" not in noted.last_error  # words about the line, no names
        with PgBackgroundHub(city_url, city_dir, port=port):
            until(lambda: status(county).last_ok is not None)
            until(lambda: _at_city(city_db, rows) == (len(rows), len(rows)))
    finally:
        pusher.stop()
    assert status(county).last_error is None  # the failure is over once a push went through
    assert _at_city(city_db, rows) == (len(rows), len(rows))


def test_one_pusher_at_a_time_and_none_without_a_parent(county_with_keys, pg_url, city_url):
    county, county_dir, city_db, city_dir, rows = county_with_keys
    with PgBackgroundHub(city_url, city_dir) as served:
        _parent_at(county, served.url)
        holder = psycopg.connect(county.url, autocommit=True)  # another host's pusher, mid-push
        assert holder.execute(PUSH_LOCK).fetchone()[0]
        pusher = AutoPush(county.url, county_dir, every=60)
        assert pusher.round() == "busy"
        assert status(county).last_error is None and pusher.failures == 0  # skipped quietly
        holder.close()
        assert pusher.round() == "pushed"
    county.run(lambda conn: conn.execute("UPDATE sync_peers SET status = 'revoked' WHERE relation = 'parent'"))
    assert pusher.round() == "no parent"


def _start(county_url: str, county_dir: Path, log: Path, failpoint: str = "") -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, DATABASE_ENV: county_url, FAILPOINT: failpoint}
    process = subprocess.Popen(
        [sys.executable, "-m", "haian_desk", "hub", "serve", "--data-dir", str(county_dir)]
        + ["--port", str(port), "--workers", "2", "--push-every", "0.2"],
        env=env,
        cwd=ROOT,
        stdout=open(log, "ab"),  # noqa: SIM115 - the child holds it; closed when it ends
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return process, f"http://127.0.0.1:{port}"


def _serve(county_url: str, county_dir: Path, log: Path) -> subprocess.Popen:
    process, url = _start(county_url, county_dir, log)
    until(lambda: _healthy(url) or process.poll() is not None)
    assert process.poll() is None, log.read_text(errors="replace")
    return process


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url + "/v1/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _status_cli(county_url: str, county_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "haian-desk"), "hub", "push", "--status"]
        + ["--database", county_url, "--data-dir", str(county_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_hub_serve_pushes_and_a_kill_mid_push_loses_and_doubles_nothing(county_with_keys, city_url, tmp_path):
    county, county_dir, city_db, city_dir, rows = county_with_keys
    log = tmp_path / "serve.log"
    with PgBackgroundHub(city_url, city_dir) as served:
        _parent_at(county, served.url)
        # The pusher dies by SIGKILL once the city has taken a batch and before the county notes
        # the acknowledgement: the city holds records the county thinks are still to send.
        first, _ = _start(county.url, county_dir, log, failpoint="pg.push.after_send")
        until(lambda: first.poll() is not None)
        assert first.returncode == -signal.SIGKILL
        os.killpg(first.pid, signal.SIGKILL)  # its workers with it
        assert _at_city(city_db, rows) == (len(rows), len(rows))
        assert pg_parent.acked(county, pg_parent.parent(county).id) == 0
        process = _serve(county.url, county_dir, log)
        try:
            until(lambda: _at_city(city_db, rows) == (len(rows), len(rows)))
            until(lambda: pg_parent.acked(county, pg_parent.parent(county).id) == PgForward(county).head())
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(60)
    text = log.read_text(errors="replace")
    assert "每 0.2 秒自动上报" in text
    said = _status_cli(county.url, county_dir)
    assert said.returncode == 0 and "最近一次上报成功" in said.stdout, said.stdout + said.stderr
    assert pg_hub.check(city_db).ok and pg_hub.check(county).ok
