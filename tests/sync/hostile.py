"""Tools for playing the attacker against a real hub: raw signed requests, hand-made batches, raw sockets."""

from __future__ import annotations

import json
import logging
import socket
import struct
import zlib

import httpx

from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import to_iso
from haian_desk.replication import sync_state
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event
from sync import auth, keys as keymod
from sync.batch import HPKE_INFO, MAGIC, SUITE, Batch, seal
from sync.server import BATCH_TYPE

TABLES = (
    "events",
    "cases",
    "villagers",
    "cadres",
    "sync_batches",
    "sync_ranges",
    "sync_quarantine",
    "sync_origins",
    "sync_peers",
)


def hub_state(node) -> dict:
    """Every row a refused request must leave as it was."""
    return {t: [tuple(r) for r in node.desk.db.query(f"SELECT * FROM {t} ORDER BY 1")] for t in TABLES}


def signed(
    station,
    url: str,
    method: str,
    path: str,
    body: bytes = b"",
    content_type: str | None = None,
    sent_at: str | None = None,
    headers: dict | None = None,
    sign_body: bytes | None = None,
) -> httpx.Response:
    """A request signed by ``station`` exactly as the client signs it, with any part overridable."""
    hub = sync_state.parent(station.desk.db)
    signed_headers = auth.sign_request(
        station.keys,
        station.id,
        hub.id,
        method,
        path,
        body if sign_body is None else sign_body,
        sent_at or to_iso(station.desk.now()),
    )
    if content_type is None:
        content_type = BATCH_TYPE if path.startswith("/v1/batches") and method == "POST" else "application/json"
    signed_headers["Content-Type"] = content_type
    signed_headers.update(headers or {})
    return httpx.request(method, url + path, content=body, headers=signed_headers, timeout=30)


def signed_json(station, url: str, path: str, value) -> httpx.Response:
    return signed(station, url, "POST", path, json.dumps(value).encode())


def header_for(station, **fields) -> dict:
    hub = sync_state.parent(station.desk.db)
    return {
        "batch": uuid7(),
        "from": station.id,
        "from_unit": station.unit_code,
        "to": hub.id,
        "kind": "up",
        "made_at": "2026-03-04T03:00:00Z",
        "range": [0, 0],
        "cursor": 0,
        **fields,
    }


def sealed_batch(station, records: list, **fields) -> bytes:
    hub = sync_state.parent(station.desk.db)
    return seal(Batch(header_for(station, **fields), records), station.keys, hub.box_key)


def raw_batch(station, header_bytes: bytes, body_bytes: bytes, envelope: bytes | None = None, signer=None) -> bytes:
    """A container built by hand: any header text, any compressed body, any envelope text."""
    hub = sync_state.parent(station.desk.db)
    signed_part = struct.pack(">I", len(header_bytes)) + header_bytes + body_bytes
    sealed = SUITE.encrypt(
        (signer or station.keys).sign(signed_part) + signed_part, keymod.box_public_key(hub.box_key), info=HPKE_INFO
    )
    head = json.loads(header_bytes) if envelope is None else None
    if envelope is None:
        envelope = canonical({**{k: head[k] for k in ("batch", "from", "to", "kind")}, "sealed": len(sealed)})
    return MAGIC + struct.pack(">I", len(envelope)) + envelope + sealed


def canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def zipped(records) -> bytes:
    return zlib.compress(canonical(records) if not isinstance(records, bytes) else records)


def smuggled(
    station, stream_id: str, event_type: str, payload: dict, hlc: str | None = None, stream: str = "case"
) -> Event:
    """A record written straight into the station's log, as a tampered installation might."""
    with station.desk.db.write() as conn:
        event = Event(
            id=uuid7(),
            stream=stream,
            stream_id=stream_id,
            type=event_type,
            hlc=hlc or station.desk.ledger.clock.tick(int(station.desk.now().timestamp() * 1000)),
            origin=station.id,
            origin_seq=eventlog.next_origin_seq(conn, station.id),
            actor="clerk",
            wall_time=to_iso(station.desk.now()),
            payload=payload,
        )
        eventlog.insert(conn, event)
    return event


def raw_socket(port: int) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    return s


def request_head(
    station,
    path: str,
    length: int,
    body_digest_of: bytes = b"",
    method: str = "POST",
    content_type: str = BATCH_TYPE,
    sign: bool = True,
) -> bytes:
    """The request line and headers of a request whose body is sent (or not) separately."""
    hub = sync_state.parent(station.desk.db)
    lines = [
        f"{method} {path} HTTP/1.1",
        "Host: 127.0.0.1",
        f"Content-Length: {length}",
        f"Content-Type: {content_type}",
    ]
    if sign:
        headers = auth.sign_request(
            station.keys, station.id, hub.id, method, path, body_digest_of, to_iso(station.desk.now())
        )
        lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_reply(s: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def no_tracebacks(records: list[logging.LogRecord]) -> None:
    bad = [r.getMessage()[:300] for r in records if r.levelno >= logging.ERROR or "traceback" in r.getMessage().lower()]
    assert bad == [], bad


def is_problem(response, status_range=range(400, 500)) -> dict:
    """The response is a refusal carrying the problem document the OpenAPI describes."""
    assert response.status_code in status_range, (response.status_code, response.text)
    problem = response.json()
    assert set(problem) >= {"error", "message", "hint"} and isinstance(problem["message"], str)
    return problem
