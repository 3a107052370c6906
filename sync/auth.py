"""Signed HTTP requests and replies.

Every request names the installation that sends it and carries its Ed25519
signature over the method, path, receiver, sending time and a hash of the
body; the hub answers with its own signature over the request's signature,
the status and a hash of its reply, so a station can trust an
acknowledgement even without TLS. Requests are not refused for an old
timestamp: village clocks are often days off, and every request is safe to
repeat (the time is used to measure the drift and warn about it).
"""

from __future__ import annotations

import hashlib

from sync import keys as keymod
from sync.keys import InstallationKeys

PROTOCOL = "haian-desk/1"
FROM, TO, TIME, SIGNATURE = "X-Haian-From", "X-Haian-To", "X-Haian-Time", "X-Haian-Signature"


def request_text(method: str, path: str, to_id: str, sent_at: str, body: bytes) -> bytes:
    return "\n".join([PROTOCOL, method.upper(), path, to_id, sent_at,
                      hashlib.sha256(body).hexdigest()]).encode("utf-8")


def reply_text(request_signature: str, status: int, body: bytes) -> bytes:
    return "\n".join([PROTOCOL + " reply", request_signature, str(status),
                      hashlib.sha256(body).hexdigest()]).encode("utf-8")


def sign_request(own: InstallationKeys, own_id: str, to_id: str, method: str, path: str,
                 body: bytes, sent_at: str) -> dict[str, str]:
    signature = own.sign(request_text(method, path, to_id, sent_at, body))
    return {FROM: own_id, TO: to_id, TIME: sent_at, SIGNATURE: keymod.b64(signature)}


def request_is_genuine(sign_key: str, headers, method: str, path: str, body: bytes) -> bool:
    try:
        signature = keymod.unb64(headers.get(SIGNATURE, ""))
    except ValueError:
        return False
    text = request_text(method, path, headers.get(TO, ""), headers.get(TIME, ""), body)
    return keymod.verify(sign_key, signature, text)


def sign_reply(own: InstallationKeys, request_signature: str, status: int, body: bytes) -> str:
    return keymod.b64(own.sign(reply_text(request_signature, status, body)))


def reply_is_genuine(sign_key: str, request_signature: str, status: int, body: bytes,
                     reply_signature: str | None) -> bool:
    try:
        signature = keymod.unb64(reply_signature or "")
    except ValueError:
        return False
    return keymod.verify(sign_key, signature, reply_text(request_signature, status, body))
