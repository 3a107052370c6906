"""Who may sign a calendar file for this installation: its own hub above it, nobody else.

The hub's public signing key was stored when this installation enrolled
(sync_peers.sign_key); a file signed by any other installation (a neighbour,
a station below, an unknown one) is refused, as is a signature that does not
match the file.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from haian_desk.core.errors import ValidationError

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def verifier(desk: Desk):
    """A ``verify(signed_by, data, signature)`` for haian_desk.calendar.files.read."""

    def verify(signed_by: str, data: bytes, signature: bytes) -> None:
        hub = desk.db.one(
            "SELECT unit_name, sign_key FROM sync_peers WHERE id = ? AND relation = 'parent' AND status = 'enrolled'",
            (signed_by,),
        )
        if hub is None:
            raise ValidationError(
                "这份日历文件不是本站的上级签发的，不能导入",
                "工作日历只能来自本站的上级（镇代理中心或县里），请通过同步获取，或向上级索取",
            )
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(hub["sign_key"]))
        try:
            key.verify(signature, data)
        except InvalidSignature:
            raise ValidationError(
                "日历文件的签名与{unit_name}的不符：文件可能被改动过，不能导入",
                "请向上级重新索取",
                params={"unit_name": hub["unit_name"]},
            ) from None

    return verify
