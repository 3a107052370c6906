"""The hub on a hostile village network (issue 18): malformed requests, replay, probing, strict envelopes.
Every test runs against both hubs (``hub_backend``: a township on SQLite, a county on PostgreSQL).

Each test plays an attacker against a real hub on 127.0.0.1: one without any
key, or one holding an enrolled station's key (a stolen or infected PC).
Every bad request must get a 4xx problem document and change nothing.
The other cases are in test_sync_hostile_key.py (with a station's key) and
test_sync_hostile_transport.py (memory, slow and many requests, forged replies).
"""

from __future__ import annotations

import base64
import json

import pytest

from haian_desk.core.ids import uuid7
from haian_desk.replication import sync_state
from haian_desk.storage import eventlog
from sync.batch import MEDIA_TYPE
from tests.sync.helpers import case_rows, event_ids, sync, take_in
from tests.sync.hostile import canonical, hub_state, is_problem, no_tracebacks, sealed_batch, signed, signed_json
from tests.sync.pg_county import import_at, import_command, new_child

HUGE = 2**63


pytestmark = pytest.mark.both_hubs  # network and served: a township on SQLite, a county on PostgreSQL


CHECK_BODIES = [
    {"up": [], "down": {}},
    {"up": "x", "down": {}},
    {"up": None},
    {"down": []},
    {"down": "x"},
    {"down": {"up_to": "5"}},
    {"down": {"up_to": 1.5}},
    {"down": {"up_to": HUGE}},
    {"down": {"up_to": -1}},
    {"down": {"digest": [None, None]}},
    {"down": {"digest": [1, None]}},
    {"up": {"origins": ["a", "b"]}},
    {"up": {"origins": {"x": [1, "ab"]}}},
    {"unknown": 1},
    [[[[[[[[[[]]]]]]]]]],
    "text",
    None,
    5,
]


def test_malformed_check_bodies_get_a_problem_document_and_change_nothing(network, served, hub_log):
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    before = hub_state(hub)
    for body in CHECK_BODIES:
        problem = is_problem(signed_json(station, served.url, "/v1/check", body))
        assert problem["error"] == "bad_request", body
    for raw in [
        b'{"down": {"up_to": 1e400}}',
        b"[" * 5000 + b"]" * 5000,
        b'{"down": {"up_to": 9223372036854775808}}',
        b"\xff\xfe",
        b"",
    ]:
        response = signed(station, served.url, "POST", "/v1/check", raw)
        assert is_problem(response)["error"] == "bad_request", raw[:30]
    assert hub_state(hub) == before
    no_tracebacks(hub_log.records)


def test_malformed_missing_and_cursor_get_a_problem_document(network, served, hub_log):
    hub, (station, _) = network
    before = hub_state(hub)
    for body in [
        {"origin": station.id, "ids": "abc"},
        {"origin": station.id, "ids": {"a": 1}},
        {"origin": [station.id], "ids": []},
        {"ids": []},
        {"origin": station.id, "ids": [1, 2]},
    ]:
        assert is_problem(signed_json(station, served.url, "/v1/missing", body))["error"] == "bad_request"
    for query in [
        f"after={HUGE}",
        "after=1e400",
        "after=abc",
        "after=-1",
        "limit=0",
        "limit=99999",
        "after=1&after=2",
        "other=1",
        f"after={10**30}",
    ]:
        response = signed(station, served.url, "GET", f"/v1/batches?{query}")
        assert is_problem(response)["error"] == "bad_request", query
    assert is_problem(signed(station, served.url, "POST", "/v1/hello?x=1", b"{}"))["error"] == "bad_request"
    assert hub_state(hub) == before
    no_tracebacks(hub_log.records)


def test_batches_claiming_impossible_numbers_are_refused_whole(network, served, hub_log):
    hub, (station, _) = network
    case_id = take_in(station)
    with station.desk.db.read() as conn:
        records = [e.to_dict() for e in eventlog.stream_events(conn, "case", case_id)]
    before = hub_state(hub)
    huge_seq = [dict(records[0], origin_seq=HUGE)]
    for data in [
        sealed_batch(station, records, range=[0, HUGE]),
        sealed_batch(station, records, range=[HUGE, HUGE]),
        sealed_batch(station, huge_seq),
        sealed_batch(station, records, range=[0, 10**9]),
        sealed_batch(station, records, cursor="abc"),
    ]:
        response = signed(station, served.url, "POST", "/v1/batches", data)
        assert response.status_code == 422, response.text
        is_problem(response)
    assert hub_state(hub) == before
    no_tracebacks(hub_log.records)


def test_the_three_refusals_of_a_caller_look_alike_and_health_says_no_version(network, served, tmp_path, clock):
    import httpx

    from tests.sync.helpers import make_node

    hub, (station, _) = network
    stranger = make_node(tmp_path / "stranger", "320685102219", "陌生站", "station", clock)
    with stranger.desk.db.write() as conn:
        sync_state.save_peer(conn, sync_state.parent(station.desk.db))
    unknown = signed_json(stranger, served.url, "/v1/hello", {})
    wrong_hub = signed(station, served.url, "POST", "/v1/hello", b"{}", headers={"X-Haian-To": uuid7()})
    forged = base64.b64encode(bytes(64)).decode()
    bad_signature = signed(station, served.url, "POST", "/v1/hello", b"{}", headers={"X-Haian-Signature": forged})
    bodies = {r.status_code: r.content for r in (unknown, wrong_hub, bad_signature)}
    assert list(bodies) == [401] and len({unknown.content, wrong_hub.content, bad_signature.content}) == 1
    assert "X-Haian-Signature" not in unknown.headers
    health = httpx.get(served.url + "/v1/health")
    assert health.json() == {"ok": True} and "haian-desk" not in health.text
    for method, path in [("GET", "/nowhere"), ("DELETE", "/v1/hello"), ("PUT", "/v1/batches")]:
        assert is_problem(httpx.request(method, served.url + path))["error"] in ("not_found", "method_not_allowed")
    stranger.close()


def test_a_captured_hello_cannot_be_replayed(network, served, clock):
    hub, (station, _) = network
    first = signed_json(station, served.url, "/v1/hello", {"software": "haian-desk"})
    assert first.status_code == 200
    request = first.request
    contact = sync_state.get_peer(hub.desk.db, station.id).last_contact
    clock.advance(minutes=1)
    import httpx

    again = httpx.post(served.url + "/v1/hello", content=request.content, headers=dict(request.headers))
    assert again.status_code == 401 and again.json()["error"] == "replayed"
    years_ago = signed(station, served.url, "POST", "/v1/hello", b"{}", sent_at="2019-03-04T02:00:00Z")
    assert years_ago.status_code == 401 and years_ago.json()["error"] == "clock_skew"
    peer = sync_state.get_peer(hub.desk.db, station.id)
    assert peer.last_contact == contact and abs(peer.clock_drift or 0) < 3600


def test_a_station_with_a_clock_days_off_still_syncs_within_the_replay_window(network, served, tmp_path):
    """The client corrects its request time by the hub's signed time; the drift is still reported."""
    from datetime import datetime

    from haian_desk.core.timeutil import UTC
    from tests.conftest import Clock

    hub, _ = network
    slow = Clock(datetime(2026, 2, 1, 2, 0, tzinfo=UTC))
    station = new_child(hub, tmp_path / "slow", slow, "时钟慢的代理站")
    take_in(station)
    report = sync(station, served.url)
    assert report.sent > 0 and report.clock_drift < -86400 and report.warnings
    station.close()


def test_missing_answers_only_about_what_the_caller_may_see(network, served):
    hub, (station, other) = network
    secret_case = take_in(other)
    sync(other, served.url)
    their_ids = event_ids(other, other.id)
    probe = signed_json(station, served.url, "/v1/missing", {"origin": other.id, "ids": their_ids})
    assert probe.status_code == 422 and probe.json()["error"] == "not_yours"
    disguised = signed_json(station, served.url, "/v1/missing", {"origin": station.id, "ids": their_ids})
    assert disguised.status_code == 200 and disguised.json()["missing"] == their_ids  # learns nothing
    assert secret_case in case_rows(hub)


def test_a_batch_sent_with_the_wrong_content_type_is_not_applied(network, served):
    hub, (station, _) = network
    take_in(station)
    from sync import outbox
    from sync.batch import seal

    hub_peer = sync_state.parent(station.desk.db)
    data = seal(outbox.up_batch(station.desk, hub_peer, 0), station.keys, hub_peer.box_key)
    before = hub_state(hub)
    response = signed(station, served.url, "POST", "/v1/batches", data, content_type="text/plain")
    assert response.status_code == 415 and hub_state(hub) == before
    assert signed(station, served.url, "POST", "/v1/batches", data, content_type=MEDIA_TYPE).status_code == 200


def _envelope_variants(station, records) -> dict[str, bytes]:
    good = sealed_batch(station, records)
    length = int.from_bytes(good[8:12], "big")
    envelope = json.loads(good[12 : 12 + length])
    sealed = good[12 + length :]

    def rebuilt(text: bytes) -> bytes:
        return good[:8] + len(text).to_bytes(4, "big") + text + sealed

    dup = canonical(envelope)[:-1] + b',"to":"' + envelope["to"].encode() + b'"}'
    return {
        "extra_field": rebuilt(canonical({**envelope, "note": "x"})),
        "duplicated_key": rebuilt(dup),
        "not_canonical": rebuilt(json.dumps(envelope, indent=1).encode()),
        "trailing": good + b"\n",
        "nested": good[:8] + (3000).to_bytes(4, "big") + b"[" * 3000,
    }


def test_envelopes_are_parsed_strictly_from_a_file_and_over_http(network, served, tmp_path):
    from sync.errors import BatchRefused

    hub, (station, _) = network
    case_id = take_in(station)
    with station.desk.db.read() as conn:
        records = [e.to_dict() for e in eventlog.stream_events(conn, "case", case_id)]
    before = hub_state(hub)
    for name, data in _envelope_variants(station, records).items():
        path = tmp_path / f"{name}.hdsync"
        path.write_bytes(data)
        with pytest.raises(BatchRefused) as refused:
            import_at(hub, path)
        assert refused.value.kind == "damaged", name
        assert not (tmp_path / f"{name}.reply.hdsync").exists()
        response = signed(station, served.url, "POST", "/v1/batches", data)
        assert response.status_code == 422 and response.json()["error"] == "damaged", name
    assert hub_state(hub) == before


def test_sync_import_of_a_folder_says_so_without_a_traceback(network, tmp_path):
    from tests.sync.helpers import cli

    hub, _ = network
    hub.close()
    result = cli(*import_command(hub, tmp_path), check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr and "文件夹" in result.stderr
    hub.reopen()
