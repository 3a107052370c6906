"""Nothing lost, nothing doubled: lost acknowledgements, replays, forged duplicates, bad records
(guarantees 3, 4, 5 and 6). Each test runs against both hubs (``hub_backend``): a township on
SQLite with its stations, and a county on PostgreSQL with its township hubs."""

from __future__ import annotations

import json

import pytest

from haian_desk.core.ids import uuid7
from haian_desk.replication import sync_state
from haian_desk.replication.status import sync_status
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event
from sync import outbox
from sync.batch import Batch, seal
from sync.client import HubLink
from sync.server import BATCH_TYPE
from tests.sync.helpers import case_rows, event_ids, pending, snapshot, sync, take_in
from tests.sync.pg_county import import_at
from tests.sync.proxy import CuttingProxy

pytestmark = pytest.mark.both_hubs  # network and served: a township on SQLite, a county on PostgreSQL


def _stored_payload(hub, event_id: str) -> dict:
    return json.loads(hub.desk.db.scalar("SELECT payload FROM events WHERE id = ?", (event_id,)))


def test_a_lost_acknowledgement_creates_no_duplicate(network, served):
    """Guarantee 3: the hub commits the batch, the reply never arrives, the retry doubles nothing."""
    hub, (station, _) = network
    for i in range(5):
        take_in(station, description=f"反映{i}组道路破损")
    with CuttingProxy(served.port, cut_at_reply=2) as proxy:  # reply 1 is hello, reply 2 the batch's ack
        try:
            sync(station, proxy.url)
            raise AssertionError("the cut should have stopped the exchange")
        except Exception as error:  # noqa: BLE001 - whatever stopped it, its kind is checked
            assert getattr(error, "kind", None) == "broken"
    assert set(event_ids(station, station.id)) <= set(event_ids(hub))  # the hub did commit
    assert pending(station) > 0  # ... but the station could not know
    report = sync(station, served.url)
    assert report.sent == 0 and report.sent_batches == 0  # hello told it the hub holds everything
    assert pending(station) == 0
    assert len(event_ids(hub, station.id)) == len(event_ids(station, station.id))


def _one_batch(station) -> tuple[Batch, bytes]:
    hub_peer = sync_state.parent(station.desk.db)
    batch = outbox.up_batch(station.desk, hub_peer, 0, limit=None)
    return batch, seal(batch, station.keys, hub_peer.box_key)


def _post(station, url: str, data: bytes) -> dict:
    with HubLink(station.desk, station.keys, sync_state.parent(station.desk.db), url) as link:
        return link.request("POST", "/v1/batches", data, BATCH_TYPE).json()


def test_replaying_a_batch_changes_nothing(network, served, tmp_path):
    """Guarantee 4: three times over HTTP, twice from a file; only the first counts."""
    hub, (station, _) = network
    take_in(station)
    take_in(station, description="建议增设路灯")
    batch, data = _one_batch(station)
    first = _post(station, served.url, data)
    assert first["status"] == "applied" and first["applied"] == len(batch.events)
    after_first = snapshot(hub)
    for _ in range(2):
        again = _post(station, served.url, data)
        assert again["status"] == "already_received" and again["applied"] == 0
        assert again["received_before"] and again["already"] == len(batch.events)
    path = tmp_path / "replay.hdsync"
    path.write_bytes(data)
    for _ in range(2):
        result = import_at(hub, path)
        assert result.receipt.report.duplicate and result.receipt.report.applied == 0
    from sync.cli import import_lines

    assert any("already received" in line for line in import_lines(result))
    assert snapshot(hub) == after_first


def _resend_changed(station, url: str, changed: Event) -> dict:
    hub_peer = sync_state.parent(station.desk.db)
    header = {
        "batch": uuid7(),
        "from": station.id,
        "from_unit": station.unit_code,
        "to": hub_peer.id,
        "kind": "up",
        "made_at": "2026-03-04T03:00:00Z",
        "range": [0, 0],
        "cursor": 0,
    }
    return _post(station, url, seal(Batch(header, [changed.to_dict()]), station.keys, hub_peer.box_key))


def test_same_id_with_different_content_is_refused_and_kept(network, served):
    """Guarantee 5: never merged silently; rejected with a reason and kept for inspection."""
    hub, (station, _) = network
    case_id = take_in(station, description="反映3组道路破损")
    sync(station, served.url)
    before = case_rows(hub)[case_id]
    with station.desk.db.read() as conn:
        original = eventlog.stream_events(conn, "case", case_id)[0]
    changed = Event(**{**original.to_dict(), "payload": {**original.payload, "description": "改过的内容"}})
    ack = _resend_changed(station, served.url, changed)
    assert ack["applied"] == 0 and [r["problem"] for r in ack["rejected"]] == ["same_id_different_content"]
    assert "内容不同" in ack["rejected"][0]["reason"]
    assert case_rows(hub)[case_id] == before
    held = sync_state.quarantined(hub.desk.db)
    assert [h["event_id"] for h in held] == [original.id]
    assert json.loads(held[0]["body"])["payload"]["description"] == "改过的内容"
    assert _stored_payload(hub, original.id)["description"] == "反映3组道路破损"


def test_a_record_reusing_a_taken_sequence_number_is_refused_and_kept(network, served):
    hub, (station, _) = network
    case_id = take_in(station)
    sync(station, served.url)
    with station.desk.db.read() as conn:
        original = eventlog.stream_events(conn, "case", case_id)[-1]
    clash = Event(**{**original.to_dict(), "id": uuid7(), "type": "note", "payload": {"text": "备份恢复后新写的"}})
    ack = _resend_changed(station, served.url, clash)
    assert [r["problem"] for r in ack["rejected"]] == ["sequence_clash"]
    assert clash.id not in event_ids(hub)


def _smuggle(station, event_type: str, stream_id: str, payload: dict) -> str:
    """Write a record straight into the station's log, as a buggy or tampered installation might."""
    with station.desk.db.write() as conn:
        seq = eventlog.next_origin_seq(conn, station.id)
        event = Event(
            id=uuid7(),
            stream="case",
            stream_id=stream_id,
            type=event_type,
            hlc=station.desk.ledger.clock.tick(1_772_600_000_000),
            origin=station.id,
            origin_seq=seq,
            actor="clerk",
            wall_time="2026-03-04T02:00:00Z",
            payload=payload,
        )
        eventlog.insert(conn, event)
    return event.id


def test_one_bad_record_is_quarantined_and_the_rest_apply_once(network, served):
    """Guarantee 6: the others apply, the bad one is held with a readable reason, and is not resent."""
    hub, (station, _) = network
    good = [take_in(station, description=f"反映{i}组道路破损") for i in range(3)]
    with station.desk.db.read() as conn:
        registered = eventlog.stream_events(conn, "case", good[0])[0].payload
    bad_id = _smuggle(
        station, "registered", uuid7(), {**registered, "case_no": "102210-260304-099", "unit_code": "320685103001"}
    )
    good.append(take_in(station, description="建议增设路灯"))
    report = sync(station, served.url)
    assert [r["id"] for r in report.rejected] == [bad_id]
    assert "不属于" in report.rejected[0]["reason"]
    assert set(good) <= set(case_rows(hub))
    held = sync_state.quarantined(hub.desk.db)
    assert [(h["event_id"], h["problem"]) for h in held] == [(bad_id, "wrong_unit")]
    status = sync_status(station.desk)
    assert status.pending == 0 and [r["event_id"] for r in status.rejected] == [bad_id]
    assert any("拒收" in line and "不属于" in line for line in status.lines())
    again = sync(station, served.url)
    assert (again.sent_batches, again.rejected) == (0, [])  # a permanent error is not retried
    assert len(sync_state.quarantined(hub.desk.db)) == 1


def test_a_record_the_rules_refuse_is_held_with_the_rules_words(network, served):
    hub, (station, _) = network
    case_id = take_in(station)
    with station.desk.db.read() as conn:
        registered = eventlog.stream_events(conn, "case", case_id)[0].payload
    _smuggle(station, "registered", uuid7(), {**registered, "case_no": "102210-260304-098", "description": " "})
    report = sync(station, served.url)
    assert len(report.rejected) == 1 and "诉求内容" in report.rejected[0]["reason"]


def test_a_held_record_sent_again_once_fixed_is_applied_and_no_longer_open(network, served):
    hub, (station, _) = network
    case_id = take_in(station)
    with station.desk.db.read() as conn:
        registered = eventlog.stream_events(conn, "case", case_id)[0].to_dict()
    broken = {k: v for k, v in registered.items() if k != "actor"}  # as an older version might have sent it
    ack = _resend_raw(station, served.url, [broken])
    assert [r["problem"] for r in ack["rejected"]] == ["bad_shape"]
    assert len(sync_state.quarantined(hub.desk.db)) == 1
    sync(station, served.url)
    assert case_id in case_rows(hub)
    assert sync_state.quarantined(hub.desk.db) == []  # resolved by the record itself arriving whole
    assert len(sync_state.quarantined(hub.desk.db, include_resolved=True)) == 1


def _resend_raw(station, url: str, records: list[dict]) -> dict:
    hub_peer = sync_state.parent(station.desk.db)
    header = {
        "batch": uuid7(),
        "from": station.id,
        "from_unit": station.unit_code,
        "to": hub_peer.id,
        "kind": "up",
        "made_at": "2026-03-04T03:00:00Z",
        "range": [0, 0],
        "cursor": 0,
    }
    return _post(station, url, seal(Batch(header, records), station.keys, hub_peer.box_key))
