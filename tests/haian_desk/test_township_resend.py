"""Records the township refused: why, sent again on request, set aside on purpose; failures sorted for people."""

from __future__ import annotations

import pytest

from haian_desk.core.ids import uuid7
from haian_desk.replication import sync_state
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event
from sync import advice, resend
from sync.errors import SyncError
from sync.serve import BackgroundHub
from tests.sync.helpers import sync, take_in, township_with_stations


@pytest.fixture
def network(tmp_path, clock):
    hub, stations = township_with_stations(tmp_path, clock, stations=1)
    yield hub, stations[0]
    for node in (hub, *stations):
        node.close()


@pytest.fixture
def served(network, clock):
    hub, _ = network
    with BackgroundHub(hub.folder, wall=clock) as running:
        yield running


def foreign_case(station, clock) -> str:
    """A registration naming another township's village (as a restored, mis-set-up PC might make)."""
    with station.desk.db.write() as conn:
        seq = eventlog.next_origin_seq(conn, station.id)
    event = Event(
        id=uuid7(),
        stream="case",
        stream_id=uuid7(),
        type="registered",
        hlc=f"{20260304020000 + seq}.00000",
        origin=station.id,
        origin_seq=seq,
        actor="clerk",
        wall_time="2026-03-04T02:00:00Z",
        payload={
            "case_no": "103210-260304-001",
            "unit_code": "320685103210",
            "kind": "opinion",
            "villager_id": "v1",
            "description": "别镇的事",
            "channel": "walk_in",
            "urgency": "normal",
            "first_cadre_id": "c1",
        },
    )
    station.desk.ledger.ingest([event])
    return event.id


def test_a_refused_record_is_listed_with_its_reason_and_stays_refused_on_resend(network, served, clock):
    hub, station = network
    bad = foreign_case(station, clock)
    report = sync(station, served.url)
    assert [r["id"] for r in report.rejected] == [bad]
    [row] = sync_state.rejections(station.desk.db)
    assert "不属于发送方" in row["reason"]
    again = resend.resend(station.desk, [bad], station.keys)
    assert again.accepted == [] and [r["id"] for r in again.still_refused] == [bad]
    assert len(sync_state.rejections(station.desk.db)) == 1
    resend.set_aside(station.desk, [bad])
    assert sync_state.rejections(station.desk.db) == []


def test_a_record_the_hub_now_takes_leaves_the_list(network, served, clock):
    hub, station = network
    sync(station, served.url)
    case_id = take_in(station)
    [registered] = list(station.desk.db.query("SELECT id FROM events WHERE stream_id = ?", (case_id,)))[:1]
    with station.desk.db.write() as conn:  # as if refused by an older hub that has since been updated
        sync_state.note_rejections(
            conn,
            sync_state.parent(station.desk.db).id,
            [{"id": registered["id"], "reason": "旧版本不认识"}],
            "2026-03-04T02:00:00Z",
        )
    result = resend.resend(station.desk, [registered["id"]], station.keys)
    assert result.accepted == [registered["id"]] and sync_state.rejections(station.desk.db) == []
    assert hub.desk.db.scalar("SELECT count(*) FROM events WHERE id = ?", (registered["id"],)) == 1
    later = sync(station, served.url)
    assert later.check == "same"


def test_resending_needs_an_address(network):
    _, station = network
    with pytest.raises(SyncError, match="网址"):
        resend.resend(station.desk, ["x"], station.keys)


@pytest.mark.parametrize(
    "kind, group",
    [
        ("unreachable", advice.NETWORK),
        ("timeout", advice.NETWORK),
        ("refused", advice.HUB_DOWN),
        ("server_error", advice.HUB_DOWN),
        ("unauthorized", advice.NOT_ENROLLED),
        ("revoked", advice.REVOKED),
        ("tls", advice.SECURITY),
        ("protocol", advice.VERSION),
        ("something_new", advice.OTHER),
    ],
)
def test_each_engine_failure_falls_into_a_group_that_says_what_to_do(kind, group):
    found = advice.problem(SyncError(kind, "原话", "", retryable=True))
    assert found.group == group and found.message == "原话"
    assert found.title and found.todo and "怎么办" in found.text()


def test_readiness_names_what_is_missing(network, desk):
    _, station = network
    assert advice.ready(desk).group == advice.NOT_ENROLLED
    assert advice.ready(station.desk).group == advice.NO_ADDRESS
    with station.desk.db.write() as conn:
        sync_state.set_address(conn, sync_state.parent(station.desk.db).id, "http://127.0.0.1:1", None)
    assert advice.ready(station.desk) is None
