"""Sealing bytes to an installation's public X25519 key (HPKE base mode).

Written once here so both sync (batches sealed to the receiving hub) and
storage (a backup's content key sealed to the township) use the same suite;
``haian_desk`` cannot import ``sync``, so the shared part lives on this side.
"""

from __future__ import annotations

import base64

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


class CannotOpen(Exception):
    """The key does not open this seal, or the sealed bytes were changed."""


def public_key(box_public_b64: str) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(base64.b64decode(box_public_b64.encode("ascii"), validate=True))


def seal(plain: bytes, receiver_box_public_b64: str, info: bytes) -> bytes:
    return SUITE.encrypt(plain, public_key(receiver_box_public_b64), info=info)


def open_sealed(sealed: bytes, own_box: X25519PrivateKey, info: bytes) -> bytes:
    try:
        return SUITE.decrypt(sealed, own_box, info=info)
    except (InvalidTag, ValueError):
        raise CannotOpen() from None
