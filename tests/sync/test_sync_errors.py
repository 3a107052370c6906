"""Guarantee 14: every way an exchange can fail gives its own plain message in ``sync status``."""

from __future__ import annotations

import pytest

from haian_desk.core.ids import uuid7
from haian_desk.replication import sync_state
from haian_desk.replication.status import sync_status
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event
from sync.errors import SyncError
from sync.failpoints import ENV as FAILPOINT
from sync.serve import BackgroundHub
from tests.sync.helpers import case_rows, free_port, sync, take_in
from tests.sync.proxy import BlackHole
from tests.sync.tls import self_signed

pytestmark = pytest.mark.both_hubs  # network and served: a township on SQLite, a county on PostgreSQL


def _failure(station, url: str, **options) -> tuple[str, str]:
    with pytest.raises(SyncError) as caught:
        sync(station, url, **options)
    status = sync_status(station.desk)
    assert status.last_error == str(caught.value) and status.last_error_kind == caught.value.kind
    assert any(status.last_error in line for line in status.lines())
    return caught.value.kind, status.last_error


def test_each_failure_has_its_own_message(township_network, tmp_path, clock, monkeypatch):
    network = township_network  # TLS, size limit, a hub that forgets its station: the township's own server
    hub, (station, _) = network
    take_in(station)
    seen: dict[str, str] = {}

    seen["dns"] = _failure(station, "http://hub.invalid:8765")
    seen["refused"] = _failure(station, f"http://127.0.0.1:{free_port()}")
    hole = BlackHole()
    seen["timeout"] = _failure(station, hole.url, stall_timeout=0.5)
    hole.close()
    cert, key = self_signed(tmp_path)
    with BackgroundHub(hub.folder, wall=clock, tls_cert=str(cert), tls_key=str(key)) as secure:
        seen["tls"] = _failure(station, secure.url)
        assert sync(station, secure.url, tls_ca=str(cert)).check == "same"  # trusted, it works
    take_in(station)
    with BackgroundHub(hub.folder, wall=clock, max_body=300) as small:
        seen["413"] = _failure(station, small.url)
    with BackgroundHub(hub.folder, wall=clock) as served:
        monkeypatch.setenv(FAILPOINT, "hub.hello:raise")
        seen["500"] = _failure(station, served.url)
        monkeypatch.delenv(FAILPOINT)
        with hub.desk.db.write() as conn:  # the hub forgets the station
            conn.execute("DELETE FROM sync_peers WHERE id = ?", (station.id,))
        seen["401"] = _failure(station, served.url)

    kinds = {name: kind for name, (kind, _) in seen.items()}
    assert kinds == {
        "dns": "dns",
        "refused": "refused",
        "timeout": "timeout",
        "tls": "tls",
        "413": "too_large",
        "500": "server_error",
        "401": "unauthorized",
    }
    messages = [message for _, message in seen.values()]
    assert len(set(messages)) == len(messages)
    assert "hub.invalid" in seen["dns"][1] and "拒绝连接" in seen["refused"][1]
    assert "没有任何响应" in seen["timeout"][1] and "证书" in seen["tls"][1]
    assert "上限" in seen["413"][1] and "500" in seen["500"][1] and "登记" in seen["401"][1]


def test_a_quarantined_record_has_its_own_line_in_status(network, served):
    hub, (station, _) = network
    case_id = take_in(station)
    with station.desk.db.read() as conn:
        registered = eventlog.stream_events(conn, "case", case_id)[0]
    with station.desk.db.write() as conn:
        bad = Event(
            **{
                **registered.to_dict(),
                "id": uuid7(),
                "stream_id": uuid7(),
                "origin_seq": eventlog.next_origin_seq(conn, station.id),
                "payload": {**registered.payload, "case_no": "102210-260304-077", "kind": "bogus"},
            }
        )
        eventlog.insert(conn, bad)
    sync(station, served.url)
    status = sync_status(station.desk)
    assert status.last_error is None and status.pending == 0
    lines = [line for line in status.lines() if bad.id in line]
    assert len(lines) == 1 and "拒收" in lines[0] and "服务类型" in lines[0]
    assert case_id in case_rows(hub)
    assert sync_state.quarantined(hub.desk.db)[0]["problem"] == "invalid_record"
