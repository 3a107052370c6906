"""Three levels, all real: a station under a township (SQLite installations), the township under a
county on PostgreSQL, the county enrolled under a city on PostgreSQL served by the ``hub serve
--database`` app. The station's matters reach the city once through the county's push; the
city's own record about one of them comes down to the county and on to the township."""

from __future__ import annotations

from dataclasses import replace
from uuid import uuid4

import pytest

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.core.timeutil import to_iso
from haian_desk.replication.hub_log import pg_store_new
from haian_desk.replication.pg_hub import PgHub
from haian_desk.storage.eventlog import COLUMNS, Event
from haian_desk.storage.postgres import hub as pg_hub
from haian_desk.storage.postgres.create import create_hub
from haian_desk.storage.postgres.database import PgDatabase
from sync import enrolment, pg_enrolment
from sync.pg_push import push
from sync.pg_serve import PgBackgroundHub, hub_keys
from sync.serve import BackgroundHub
from tests.sync.helpers import sync, take_in, township_with_stations
from tests.sync.pg_county import PgCounty, drop_database, new_database


@pytest.fixture
def city_url(pg_server):
    name, url = new_database(pg_server)
    yield url
    drop_database(pg_server, name)


def _enrol_county_under_city(county: PgCounty, city_url: str, city_dir, served_url: str, clock) -> None:
    with PgDatabase(county.url) as cdb, PgDatabase(city_url) as tdb:
        child, parent = PgHub(cdb, clock), PgHub(tdb, clock)
        parent_keys = hub_keys(city_dir)
        parent.pin_signing_key(parent_keys.sign_public)
        request = pg_enrolment.make_request(child, hub_keys(county.keys_dir))
        _, answer = enrolment.enrol_with(parent.own, to_iso(clock()), parent_keys, request, served_url, parent.enrol)
        pg_enrolment.accept(child, hub_keys(county.keys_dir), answer)


def test_a_station_s_matters_reach_the_city_once_and_the_city_s_record_comes_back_down(
    pg_url, city_url, tmp_path, clock
):
    county = PgCounty(pg_url, tmp_path / "county-keys", clock).make()
    create_hub(city_url, "city", "320600", "南通市群众事务代理中心", to_iso(clock()))
    township, (station,) = township_with_stations(tmp_path, clock, stations=1)
    county.enrol(township)
    for i in range(3):
        take_in(station, description=f"反映{i + 1}组道路破损")
    with BackgroundHub(township.folder, wall=clock) as running:
        sync(station, running.url)
    with county.served() as at_county, PgBackgroundHub(city_url, tmp_path / "city-keys", wall=clock) as at_city:
        _enrol_county_under_city(county, city_url, tmp_path / "city-keys", at_city.url, clock)
        sync(township, at_county.url)
        with PgDatabase(pg_url) as cdb:
            first = push(cdb, hub_keys(county.keys_dir))
            assert push(cdb, hub_keys(county.keys_dir)).sent == 0
        with PgDatabase(city_url) as tdb:
            ids = [r[0] for r in tdb.query("SELECT id FROM events WHERE origin != %s", (SHIPPED_ORIGIN,))]
            sent = {r[0] for r in township.desk.db.query("SELECT id FROM events WHERE origin != ?", (SHIPPED_ORIGIN,))}
            assert sorted(ids) == sorted(set(ids)) and sent <= set(ids) and first.sent == len(ids)
            note_row = tdb.query(
                f"SELECT {', '.join(COLUMNS)} FROM events WHERE stream = 'case' AND type != 'created' LIMIT 1"
            )[0]
            note = Event.from_row(tuple(note_row))
            city_id = tdb.scalar("SELECT value FROM meta WHERE key = 'installation_id'")
            own = replace(note, id=str(uuid4()), origin=city_id, origin_seq=1, hlc=note.hlc[:-1] + "9")
            tdb.run(lambda conn: pg_store_new(conn, [own]))
            assert pg_hub.check(tdb).ok
        with PgDatabase(pg_url) as cdb:
            assert push(cdb, hub_keys(county.keys_dir)).received >= 1
            assert cdb.scalar("SELECT count(*) FROM events WHERE id = %s", (own.id,)) == 1
            assert pg_hub.check(cdb).ok
        sync(township, at_county.url)
    assert township.desk.db.query("SELECT count(*) FROM events WHERE id = ?", (own.id,))[0][0] == 1
    for node in (township, station):
        node.close()
