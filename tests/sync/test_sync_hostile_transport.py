"""The hub on a hostile network, without any key: memory under unauthenticated uploads, upload slots,
slow and aborted clients, the request rate, and refusals forged by a machine in the middle.
"""

from __future__ import annotations

import json

import pytest

from tests.sync.helpers import sync
from tests.sync.hostile import no_tracebacks, sealed_batch, signed

pytestmark = pytest.mark.both_hubs  # network and served: a township on SQLite, a county on PostgreSQL


def _hub_with(network, clock, **settings):
    from sync.server import Settings
    from tests.sync.pg_county import served_hub

    hub, _ = network
    return served_hub(hub, clock, settings=Settings(**settings))


def test_an_unauthenticated_upload_is_refused_before_its_body_is_read(network, served):
    from tests.sync.hostile import raw_socket, read_reply, request_head

    hub, (station, _) = network
    s = raw_socket(served.port)
    s.sendall(request_head(station, "/v1/batches", 30 * 1024 * 1024, sign=False))
    reply = read_reply(s)  # no body was sent: the refusal comes from the headers alone
    s.close()
    assert reply.startswith(b"HTTP/1.1 401")


def test_uploads_are_bounded_per_caller(network, clock):
    from tests.sync.hostile import raw_socket, request_head

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
        codes = [httpx.post(running.url + "/v1/hello", content=b"{}").status_code for _ in range(5)]
        later = [httpx.get(running.url + path) for path in ("/v1/health", "/nowhere")]
    assert codes == [401] * 5 and [r.status_code for r in later] == [429, 429]
    assert later[0].json()["error"] == "too_many_requests"


def test_a_forged_unsigned_refusal_is_not_shown_or_kept(network, tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from haian_desk.replication.status import sync_status
    from sync.errors import SyncError

    forged = json.dumps(
        {"error": "revoked", "message": "请立即拨打 13800138000 办理重新登记", "hint": "转账后即可恢复"},
        ensure_ascii=False,
    ).encode()

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
