"""The hub's received log, on SQLite and on PostgreSQL: the same outcomes for the same batches,
whatever order and however often they arrive."""

from __future__ import annotations

import json
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.replication.hub_log import PgHubLog, SqliteHubLog, child_peer
from haian_desk.storage.db import Database
from haian_desk.storage.eventlog import Event
from haian_desk.storage.migrations import migrate as migrate_sqlite
from haian_desk.storage.postgres import migrations as pg_migrations
from haian_desk.storage.postgres.database import PgDatabase

AT = "2026-12-04T08:00:00Z"


def events_of(origin: str, seqs) -> list[Event]:
    return [
        Event(
            id=f"{origin}-{n}",
            stream="case",
            stream_id=f"c{n % 7}",
            type="noted",
            hlc=f"2026-12-04T08:00:00.{n:06d}Z-0000",
            origin=origin,
            origin_seq=n,
            actor="clerk",
            wall_time=AT,
            payload={"n": n, "备注": "内容"},
        )
        for n in seqs
    ]


@pytest.fixture(params=["sqlite", "postgres"])
def hub_log(request, tmp_path):
    if request.param == "sqlite":
        db = Database(tmp_path / "hub.sqlite3")
        migrate_sqlite(db)
        yield SqliteHubLog(db)
        db.close()
    else:
        db = PgDatabase(request.getfixturevalue("pg_url"))
        pg_migrations.migrate(db)
        yield PgHubLog(db)
        db.close()


def enrolled(log) -> tuple[str, str]:
    peer, origin = uuid4().hex, uuid4().hex
    log.enrol(child_peer(peer, "320685102", "曲塘镇", AT))
    return peer, origin


def test_a_batch_is_stored_once_and_its_range_recorded(hub_log):
    peer, origin = enrolled(hub_log)
    first = hub_log.receive(peer, events_of(origin, range(1, 11)), 0, 10)
    again = hub_log.receive(peer, events_of(origin, range(1, 11)), 0, 10)
    assert len(first.added) == 10 and first.already == 0 and first.coverage == 10
    assert again.added == () and again.already == 10 and again.coverage == 10
    assert len(hub_log.event_ids()) == 10
    assert hub_log.via(origin) == peer


def test_a_gap_holds_the_coverage_until_it_is_filled(hub_log):
    peer, origin = enrolled(hub_log)
    hub_log.receive(peer, events_of(origin, range(6, 11)), 5, 10)
    assert hub_log.coverage(peer) == 0 and hub_log.ranges(peer) == [(5, 10)]
    assert hub_log.receive(peer, events_of(origin, range(1, 6)), 0, 5).coverage == 10
    assert hub_log.ranges(peer) == [(0, 10)]


def test_the_payload_comes_back_as_it_was_sent(hub_log):
    peer, origin = enrolled(hub_log)
    sent = events_of(origin, [1])[0]
    hub_log.receive(peer, [sent], 0, 1)
    row = hub_log.db.one(
        "SELECT payload FROM events WHERE id = " + ("?" if isinstance(hub_log, SqliteHubLog) else "%s"), (sent.id,)
    )
    assert row[0] == json.dumps(sent.payload, ensure_ascii=False, sort_keys=True)


def test_an_unknown_peer_is_refused_and_nothing_is_stored(hub_log):
    with pytest.raises(Exception, match="没有登记过的下级站点"):
        hub_log.receive(uuid4().hex, events_of("x", [1, 2]), 0, 2)
    assert hub_log.event_ids() == set()


batches = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12)), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=batches)
def test_any_order_and_any_repeats_end_alike_on_both_stores(hub_log, batches):
    peer, origin = enrolled(hub_log)
    for lo, size in batches:
        hub_log.receive(peer, events_of(origin, range(lo + 1, lo + size + 1)), lo, lo + size)
    held = {int(i.rsplit("-", 1)[1]) for i in hub_log.event_ids() if i.startswith(origin)}
    expected = set().union(*(range(lo + 1, lo + size + 1) for lo, size in batches))
    assert held == expected
    spans = sorted((lo, lo + size) for lo, size in batches)
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    assert hub_log.ranges(peer) == merged
    assert hub_log.coverage(peer) == (merged[0][1] if merged[0][0] == 0 else 0)
