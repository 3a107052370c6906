"""The hub on a hostile village network (issue 18): every bad request a clean 4xx, nothing written.

Each test plays an attacker against a real hub on 127.0.0.1: one without any
key, or one holding an enrolled station's key (a stolen or infected PC).
"""

from __future__ import annotations

import base64
import json
import logging

import pytest

from haian_desk import sync_state
from haian_desk.ids import uuid7
from haian_desk.storage import eventlog
from sync.batch import MEDIA_TYPE
from sync.server import BATCH_TYPE
from tests.sync.helpers import case_rows, event_ids, sync, take_in
from tests.sync.hostile import (
    canonical, hub_state, no_tracebacks, raw_batch, sealed_batch, signed, signed_json, zipped)

HUGE = 2 ** 63


@pytest.fixture
def hub_log(caplog):
    with caplog.at_level(logging.INFO):
        yield caplog


def _is_problem(response, status_range=range(400, 500)) -> dict:
    assert response.status_code in status_range, (response.status_code, response.text)
    problem = response.json()
    assert set(problem) >= {"error", "message", "hint"} and isinstance(problem["message"], str)
    return problem


CHECK_BODIES = [
    {"up": [], "down": {}}, {"up": "x", "down": {}}, {"up": None}, {"down": []}, {"down": "x"},
    {"down": {"up_to": "5"}}, {"down": {"up_to": 1.5}}, {"down": {"up_to": HUGE}},
    {"down": {"up_to": -1}}, {"down": {"digest": [None, None]}}, {"down": {"digest": [1, None]}},
    {"up": {"origins": ["a", "b"]}}, {"up": {"origins": {"x": [1, "ab"]}}}, {"unknown": 1},
    [[[[[[[[[[]]]]]]]]]], "text", None, 5,
]


def test_malformed_check_bodies_get_a_problem_document_and_change_nothing(network, served, hub_log):
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    before = hub_state(hub)
    for body in CHECK_BODIES:
        problem = _is_problem(signed_json(station, served.url, "/v1/check", body))
        assert problem["error"] == "bad_request", body
    for raw in [b'{"down": {"up_to": 1e400}}', b"[" * 5000 + b"]" * 5000, b'{"down": {"up_to": 9223372036854775808}}',
                b"\xff\xfe", b""]:
        response = signed(station, served.url, "POST", "/v1/check", raw)
        assert _is_problem(response)["error"] == "bad_request", raw[:30]
    assert hub_state(hub) == before
    no_tracebacks(hub_log.records)


def test_malformed_missing_and_cursor_get_a_problem_document(network, served, hub_log):
    hub, (station, _) = network
    before = hub_state(hub)
    for body in [{"origin": station.id, "ids": "abc"}, {"origin": station.id, "ids": {"a": 1}},
                 {"origin": [station.id], "ids": []}, {"ids": []}, {"origin": station.id, "ids": [1, 2]}]:
        assert _is_problem(signed_json(station, served.url, "/v1/missing", body))["error"] == "bad_request"
    for query in [f"after={HUGE}", "after=1e400", "after=abc", "after=-1", "limit=0", "limit=99999",
                  "after=1&after=2", "other=1", f"after={10 ** 30}"]:
        response = signed(station, served.url, "GET", f"/v1/batches?{query}")
        assert _is_problem(response)["error"] == "bad_request", query
    assert _is_problem(signed(station, served.url, "POST", "/v1/hello?x=1", b"{}"))["error"] == "bad_request"
    assert hub_state(hub) == before
    no_tracebacks(hub_log.records)


def test_batches_claiming_impossible_numbers_are_refused_whole(network, served, hub_log):
    hub, (station, _) = network
    case_id = take_in(station)
    records = [e.to_dict() for e in eventlog.stream_events(station.desk.db.conn, "case", case_id)]
    before = hub_state(hub)
    huge_seq = [dict(records[0], origin_seq=HUGE)]
    for data in [sealed_batch(station, records, range=[0, HUGE]), sealed_batch(station, records, range=[HUGE, HUGE]),
                 sealed_batch(station, huge_seq), sealed_batch(station, records, range=[0, 10 ** 9]),
                 sealed_batch(station, records, cursor="abc")]:
        response = signed(station, served.url, "POST", "/v1/batches", data)
        assert response.status_code == 422, response.text
        _is_problem(response)
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
        assert _is_problem(httpx.request(method, served.url + path))["error"] in ("not_found", "method_not_allowed")
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

    from haian_desk.timeutil import UTC
    from tests.conftest import Clock
    from tests.sync.helpers import enrol, make_node, VILLAGES
    hub, _ = network
    slow = Clock(datetime(2026, 2, 1, 2, 0, tzinfo=UTC))
    station = make_node(tmp_path / "slow", VILLAGES[4], "时钟慢的村代理站", "station", slow)
    enrol(station, hub)
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
    envelope = json.loads(good[12:12 + length])
    sealed = good[12 + length:]

    def rebuilt(text: bytes) -> bytes:
        return good[:8] + len(text).to_bytes(4, "big") + text + sealed
    dup = canonical(envelope)[:-1] + b',"to":"' + envelope["to"].encode() + b'"}'
    return {"extra_field": rebuilt(canonical({**envelope, "note": "x"})),
            "duplicated_key": rebuilt(dup),
            "not_canonical": rebuilt(json.dumps(envelope, indent=1).encode()),
            "trailing": good + b"\n",
            "nested": good[:8] + (3000).to_bytes(4, "big") + b"[" * 3000}


def test_envelopes_are_parsed_strictly_from_a_file_and_over_http(network, served, tmp_path):
    from sync.errors import BatchRefused
    from sync.files import import_file
    hub, (station, _) = network
    case_id = take_in(station)
    records = [e.to_dict() for e in eventlog.stream_events(station.desk.db.conn, "case", case_id)]
    before = hub_state(hub)
    for name, data in _envelope_variants(station, records).items():
        path = tmp_path / f"{name}.hdsync"
        path.write_bytes(data)
        with pytest.raises(BatchRefused) as refused:
            import_file(hub.desk, hub.keys, path)
        assert refused.value.kind == "damaged", name
        assert not (tmp_path / f"{name}.reply.hdsync").exists()
        response = signed(station, served.url, "POST", "/v1/batches", data)
        assert response.status_code == 422 and response.json()["error"] == "damaged", name
    assert hub_state(hub) == before


def test_sync_import_of_a_folder_says_so_without_a_traceback(network, tmp_path):
    from tests.sync.helpers import cli
    hub, _ = network
    hub.close()
    result = cli("sync", "import", str(tmp_path), "--data-dir", str(hub.folder), check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr and "文件夹" in result.stderr
    hub.reopen()


# -- with one station's key: caps, clocks, other stations' matters, bombs --------------

def _junk(n: int) -> list[dict]:
    return [{"id": uuid7(), "junk": i} for i in range(n)]


def test_one_batch_cannot_fill_the_quarantine(network, served):
    hub, (station, _) = network
    before = hub_state(hub)
    response = signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, _junk(5000)))
    assert response.status_code == 422 and response.json()["error"] == "too_many_refused"
    assert hub_state(hub) == before


def test_a_station_cannot_keep_adding_to_its_quarantine(network, served, monkeypatch):
    from haian_desk import receive
    monkeypatch.setattr(receive, "MAX_QUARANTINE_PER_PEER", 5)
    hub, (station, _) = network
    assert signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, _junk(3))).status_code == 200
    refused = signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, _junk(3)))
    assert refused.status_code == 422 and "上限" in refused.json()["message"]
    assert len(sync_state.quarantined(hub.desk.db)) == 3


def test_a_claimed_range_the_data_does_not_back_is_not_kept(network, served):
    hub, (station, _) = network
    case_id = take_in(station)
    take_in(station, description="建议增设路灯")
    first = eventlog.stream_events(station.desk.db.conn, "case", case_id)[0].to_dict()
    head = station.desk.db.scalar("SELECT max(seq) FROM events")
    inflated = head + 900  # within the slack: the hub cannot refuse it outright
    ack = signed(station, served.url, "POST", "/v1/batches",
                 sealed_batch(station, [first], range=[0, inflated])).json()
    assert ack["held_up_to"] == inflated
    sync(station, served.url)  # the drift check finds the hub holds less than the claim
    assert sync_state.coverage(hub.desk.db, station.id) <= head
    sync(station, served.url)
    assert set(event_ids(station, station.id)) <= set(event_ids(hub))
    # backed by data now: exactly the station's log as it stands (it received the hub's records meanwhile)
    assert sync_state.coverage(hub.desk.db, station.id) == station.desk.db.scalar("SELECT max(seq) FROM events")


FAR_FUTURE = "99999999999999.99999"


def test_a_far_future_stamp_is_held_and_does_not_move_the_hubs_clock(network, served, clock):
    from tests.sync.hostile import smuggled
    hub, (station, other) = network
    case_id = take_in(station)
    sync(station, served.url)
    poison = smuggled(station, case_id, "note", {"text": "时间戳被改到很远的将来"}, hlc=FAR_FUTURE)
    report = sync(station, served.url)
    assert [r["problem"] for r in report.rejected] == ["clock_ahead"]
    assert poison.id not in event_ids(hub)
    hub_clock = hub.desk.ledger.clock.last
    assert hub_clock < "9" and served.desk.ledger.clock.last < "9"
    from tests.sync.helpers import act
    act(hub, case_id, "note", text="镇中心的正常记录")
    assert sync(station, served.url).received >= 1  # the township's work still reaches the station
    assert sync_state.quarantined(station.desk.db) == []


def test_a_poisoned_log_is_recovered_with_the_clock_command(network, clock):
    """An installation poisoned before the window existed: its clock ignores the stamp; the command removes it."""
    from haian_desk.desk import Desk
    from tests.sync.helpers import cli
    from tests.sync.hostile import smuggled
    hub, (station, _) = network
    case_id = take_in(hub, description="镇中心自己受理的事项")
    poison = smuggled(hub, case_id, "withdrawn", {"reason": "伪造的撤回"}, hlc=FAR_FUTURE)
    with hub.desk.db.write() as conn:
        from haian_desk.ledger import refold
        refold(conn, "case", case_id)
    hub.reopen()
    assert hub.desk.ledger.clock.last < "9"  # a restart does not carry the poison
    assert case_rows(hub)[case_id]["status"] == "withdrawn"
    hub.close()
    shown = cli("sync", "clock", "--data-dir", str(hub.folder), check=False)
    assert shown.returncode == 1 and poison.id in shown.stdout
    repaired = cli("sync", "clock", "--repair", "--data-dir", str(hub.folder))
    assert "留存待核查" in repaired.stdout
    hub.desk = Desk.open(hub.folder, wall=clock)
    assert case_rows(hub)[case_id]["status"] != "withdrawn" and poison.id in event_ids(hub)  # kept, not folded
    assert [q["problem"] for q in sync_state.quarantined(hub.desk.db)] == ["clock_ahead"]
    from haian_desk.check import run_check
    assert run_check(hub.desk).ok  # a rebuild from the log gives the same rows


def test_the_county_refuses_a_poisoned_stamp_from_a_township(tmp_path, clock):
    from sync.serve import BackgroundHub
    from tests.sync.helpers import COUNTY, enrol, make_node, township_with_stations
    from tests.sync.hostile import smuggled
    county = make_node(tmp_path / "county", COUNTY, "海安市群众事务代理中心", "county", clock)
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    enrol(township, county)
    with BackgroundHub(county.folder, wall=clock) as county_hub:
        case_id = take_in(township, description="镇中心受理")
        poison = smuggled(township, case_id, "note", {"text": "很远的将来"}, hlc=FAR_FUTURE)
        report = sync(township, county_hub.url)
        assert [r["problem"] for r in report.rejected] == ["clock_ahead"]
        assert poison.id not in event_ids(county) and county_hub.desk.ledger.clock.last < "9"
    for node in (county, township, station):
        node.close()


def test_a_station_cannot_act_on_another_stations_matter(network, served):
    from tests.sync.hostile import smuggled
    hub, (station, other) = network
    theirs = take_in(other)
    sync(other, served.url)
    before = case_rows(hub)[theirs]
    forged = smuggled(station, theirs, "withdrawn", {"reason": "冒充撤回"})
    report = sync(station, served.url)
    assert [(r["id"], r["problem"]) for r in report.rejected] == [(forged.id, "not_your_case")]
    assert case_rows(hub)[theirs] == before and forged.id not in event_ids(hub)
    sync(other, served.url)
    assert forged.id not in event_ids(other)


def test_a_decompression_bomb_is_refused_before_decoding(network, served, tmp_path):
    import time
    from sync.errors import BatchRefused
    from sync.files import import_file
    hub, (station, _) = network
    from tests.sync.hostile import header_for
    header = canonical(dict(header_for(station), format=1, count=1))
    bomb = raw_batch(station, header, zipped(b"[" + b" " * (200 * 1024 * 1024) + b"]"))
    assert len(bomb) < 400_000
    path = tmp_path / "bomb.hdsync"
    path.write_bytes(bomb)
    before = hub_state(hub)
    started = time.monotonic()
    with pytest.raises(BatchRefused) as refused:
        import_file(hub.desk, hub.keys, path)
    assert refused.value.kind == "too_large" and time.monotonic() - started < 5
    response = signed(station, served.url, "POST", "/v1/batches", bomb)
    assert response.status_code == 422 and response.json()["error"] == "too_large"
    assert hub_state(hub) == before and not (tmp_path / "bomb.reply.hdsync").exists()


def test_impossible_numbers_in_a_usb_file_are_refused_before_anything_is_committed(network, tmp_path):
    from sync.errors import BatchRefused
    from sync.files import import_file
    from tests.sync.hostile import header_for
    hub, (station, _) = network
    case_id = take_in(station)
    records = [e.to_dict() for e in eventlog.stream_events(station.desk.db.conn, "case", case_id)]
    body = zipped(records)
    before = hub_state(hub)
    base = canonical(dict(header_for(station), format=1, count=len(records)))
    variants = {"range_1e400": base.replace(b'"range":[0,0]', b'"range":[0,1e400]'),
                "range_10e30": base.replace(b'"range":[0,0]', b'"range":[0,' + str(10 ** 30).encode() + b"]"),
                "cursor_text": base.replace(b'"cursor":0', b'"cursor":"abc"')}
    for name, header in variants.items():
        path = tmp_path / f"{name}.hdsync"
        path.write_bytes(raw_batch(station, header, body))
        with pytest.raises(BatchRefused) as refused:
            import_file(hub.desk, hub.keys, path)
        assert refused.value.kind == "damaged" and "标头" in refused.value.message, name
        assert not (tmp_path / f"{name}.reply.hdsync").exists()
    assert hub_state(hub) == before


def test_nested_brackets_in_a_file_from_nobody_are_refused_without_parsing(network, tmp_path):
    from sync.batch import MAGIC
    from sync.errors import BatchRefused
    from sync.files import import_file
    hub, (station, _) = network
    path = tmp_path / "nested.hdsync"
    path.write_bytes(MAGIC + (3000).to_bytes(4, "big") + b"[" * 3000)
    with pytest.raises(BatchRefused) as refused:
        import_file(hub.desk, hub.keys, path)
    assert refused.value.kind == "damaged"
    # and inside a genuine seal, signed by someone else: the signature fails before the header is read
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from sync.keys import InstallationKeys
    stranger_keys = InstallationKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    envelope = canonical({"batch": uuid7(), "from": station.id, "kind": "up", "sealed": 1, "to": hub.id})
    first = raw_batch(station, b"[" * 3000, b"", envelope=envelope, signer=stranger_keys)
    sealed = first[12 + len(envelope):]
    envelope = canonical({"batch": uuid7(), "from": station.id, "kind": "up", "sealed": len(sealed), "to": hub.id})
    path.write_bytes(first[:8] + len(envelope).to_bytes(4, "big") + envelope + sealed)
    with pytest.raises(BatchRefused) as refused:
        import_file(hub.desk, hub.keys, path)
    assert refused.value.kind == "bad_signature"


# -- without any key: memory, words, logs, slow and many requests ----------------------

def _hub_with(network, clock, **settings):
    from sync.serve import BackgroundHub
    from sync.server import Settings
    hub, _ = network
    return BackgroundHub(hub.folder, wall=clock, settings=Settings(**settings))


def test_an_unauthenticated_upload_is_refused_before_its_body_is_read(network, served):
    from tests.sync.hostile import raw_socket, read_reply, request_head
    hub, (station, _) = network
    s = raw_socket(served.port)
    s.sendall(request_head(station, "/v1/batches", 30 * 1024 * 1024, sign=False))
    reply = read_reply(s)  # no body was sent: the refusal comes from the headers alone
    s.close()
    assert reply.startswith(b"HTTP/1.1 401")


def test_uploads_are_bounded_per_caller(network, clock):
    from tests.sync.hostile import raw_socket, read_reply, request_head
    hub, (station, _) = network
    with _hub_with(network, clock, uploads_per_caller=1) as running:
        slow = raw_socket(running.port)
        slow.sendall(request_head(station, "/v1/batches", 100_000, body_digest_of=b"x" * 100_000) + b"x" * 1000)
        import time
        time.sleep(0.3)  # the first upload is now holding the caller's slot
        second = signed(station, running.url, "POST", "/v1/batches", sealed_batch(station, []))
        assert second.status_code == 429 and second.json()["error"] == "busy"
        slow.close()


def test_slow_headers_and_slow_bodies_are_cut_off(network, clock, monkeypatch, hub_log):
    import time

    from sync.guard import GuardedH11Protocol
    from tests.sync.hostile import raw_socket, read_reply, request_head
    monkeypatch.setattr(GuardedH11Protocol, "header_timeout", 0.5)
    hub, (station, _) = network
    with _hub_with(network, clock, stall_timeout=0.5) as running:
        loris = raw_socket(running.port)
        loris.sendall(b"POST /v1/hello HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        assert loris.recv(100) == b"" and time.monotonic() - started < 5  # closed by the hub
        dawdler = raw_socket(running.port)
        dawdler.sendall(request_head(station, "/v1/batches", 1000, body_digest_of=b"x" * 1000) + b"x" * 10)
        assert read_reply(dawdler).startswith(b"HTTP/1.1 408")
    no_tracebacks(hub_log.records)


def test_an_aborted_upload_is_one_line_in_the_log(network, served, hub_log):
    import time

    from tests.sync.hostile import raw_socket, request_head
    hub, (station, _) = network
    s = raw_socket(served.port)
    s.sendall(request_head(station, "/v1/batches", 100_000, body_digest_of=b"x" * 100_000) + b"x" * 1000)
    time.sleep(0.2)
    s.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any('"aborted"' in r.getMessage() for r in hub_log.records):
        time.sleep(0.05)
    aborted = [r.getMessage() for r in hub_log.records if '"aborted"' in r.getMessage()]
    assert len(aborted) == 1 and "\n" not in aborted[0]
    no_tracebacks(hub_log.records)


def test_requests_are_rate_limited_per_address(network, clock):
    import httpx
    with _hub_with(network, clock, rate_burst=5, rate_per_address=0.01) as running:
        codes = [httpx.post(running.url + "/v1/hello", content=b"{}").status_code for _ in range(7)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]


def test_a_forged_unsigned_refusal_is_not_shown_or_kept(network, tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from sync.errors import SyncError
    from sync.status import sync_status
    forged = json.dumps({"error": "revoked", "message": "请立即拨打 13800138000 办理重新登记",
                         "hint": "转账后即可恢复"}, ensure_ascii=False).encode()

    class Liar(BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(403)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(forged)))
            self.end_headers()
            self.wfile.write(forged)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Liar)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hub, (station, _) = network
    try:
        with pytest.raises(SyncError) as refused:
            sync(station, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
    shown = refused.value.message + refused.value.hint
    assert "13800138000" not in shown and "转账" not in shown and "403" in shown
    status = sync_status(station.desk)
    assert "13800138000" not in (status.last_error or "") and status.last_error
