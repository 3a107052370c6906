"""Signed HTTP requests and replies.

Every request names the installation that sends it and carries its Ed25519
signature over the method, path, receiver, sending time, a fresh nonce and
the SHA-256 of the body, which it also declares in a header: the hub checks
the caller before it reads a byte of the body, and the body against the
declared digest as it streams in. The hub answers with its own signature
over the request's signature, the status and a hash of its reply, so a
station can trust an acknowledgement even without TLS.

Replay: the time must lie within ``REPLAY_WINDOW`` of the hub's clock and the
nonce must not have been seen in that window. Village clocks are often days
off, so the time a station puts on a request is its own clock corrected by
the offset the hub told it (a refusal for the time carries the hub's signed
time); the station's own clock still travels in the hello body for the drift
report.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time

from sync import keys as keymod
from sync.keys import InstallationKeys
from sync.limits import REPLAY_WINDOW

PROTOCOL = "haian-desk/2"
FROM, TO, TIME, SIGNATURE = "X-Haian-From", "X-Haian-To", "X-Haian-Time", "X-Haian-Signature"
NONCE, DIGEST = "X-Haian-Nonce", "X-Haian-Digest"
NONCE_PATTERN = re.compile(r"^[0-9a-f]{32}$")
DIGEST_PATTERN = re.compile(r"^[0-9a-f]{64}$")


def request_text(method: str, path: str, to_id: str, sent_at: str, nonce: str, digest: str) -> bytes:
    return "\n".join([PROTOCOL, method.upper(), path, to_id, sent_at, nonce, digest]).encode("utf-8")


def reply_text(request_signature: str, status: int, body: bytes) -> bytes:
    return "\n".join([PROTOCOL + " reply", request_signature, str(status), hashlib.sha256(body).hexdigest()]).encode(
        "utf-8"
    )


def sign_request(
    own: InstallationKeys, own_id: str, to_id: str, method: str, path: str, body: bytes, sent_at: str
) -> dict[str, str]:
    nonce, digest = secrets.token_hex(16), hashlib.sha256(body).hexdigest()
    signature = own.sign(request_text(method, path, to_id, sent_at, nonce, digest))
    return {FROM: own_id, TO: to_id, TIME: sent_at, NONCE: nonce, DIGEST: digest, SIGNATURE: keymod.b64(signature)}


def headers_well_formed(headers) -> bool:
    return bool(
        NONCE_PATTERN.match(headers.get(NONCE, ""))
        and DIGEST_PATTERN.match(headers.get(DIGEST, ""))
        and len(headers.get(TIME, "")) <= 40
        and len(headers.get(SIGNATURE, "")) <= 200
    )


def request_is_genuine(sign_key: str, headers, method: str, path: str) -> bool:
    """The signature over the request line and the *declared* body digest (the body is checked as it arrives)."""
    try:
        signature = keymod.unb64(headers.get(SIGNATURE, ""))
    except ValueError:
        return False
    text = request_text(
        method, path, headers.get(TO, ""), headers.get(TIME, ""), headers.get(NONCE, ""), headers.get(DIGEST, "")
    )
    return keymod.verify(sign_key, signature, text)


def sign_reply(own: InstallationKeys, request_signature: str, status: int, body: bytes) -> str:
    return keymod.b64(own.sign(reply_text(request_signature, status, body)))


def reply_is_genuine(
    sign_key: str, request_signature: str, status: int, body: bytes, reply_signature: str | None
) -> bool:
    try:
        signature = keymod.unb64(reply_signature or "")
    except ValueError:
        return False
    return keymod.verify(sign_key, signature, reply_text(request_signature, status, body))


class NonceBook:
    """Nonces seen within the replay window, per caller; a repeat inside the window is a replay.

    Kept in memory: after a restart the window's nonces are forgotten, but
    every request is idempotent and the time window still applies. The book
    is bounded (``capacity``); when full, new requests are turned away until
    old entries expire rather than letting one caller grow it without end."""

    def __init__(self, window: float = REPLAY_WINDOW, capacity: int = 200_000, monotonic=time.monotonic):
        self.window, self.capacity, self.monotonic = window, capacity, monotonic
        self._seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def first_use(self, caller: str, nonce: str) -> bool | None:
        """True the first time; False for a replay; None when the book is full."""
        now = self.monotonic()
        with self._lock:
            if len(self._seen) >= self.capacity:
                self._prune(now)
                if len(self._seen) >= self.capacity:
                    return None
            key = (caller, nonce)
            if key in self._seen and self._seen[key] > now:
                return False
            self._seen[key] = now + 2 * self.window
            return True

    def _prune(self, now: float) -> None:
        for key in [k for k, until in self._seen.items() if until <= now]:
            del self._seen[key]
