"""What a hub does for its stations, whichever way they reach it (HTTP or a file).

The township's hub is the township installation itself: the same database its
staff work in. A county hub is the same code on the county's installation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk import __version__, network
from haian_desk.core.errors import SetupError
from haian_desk.core.timeutil import from_iso, to_iso
from haian_desk.replication.hub_backend import HubBackend, SqliteHub
from haian_desk.replication.sync_state import Peer
from sync import failpoints, schemas
from sync.batch import seal
from sync.errors import BatchRefused
from sync.inbox import Receipt, take
from sync.keys import InstallationKeys
from sync.outbox import DEFAULT_LIMIT, down_batch_from

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def require_hub(desk: Desk) -> None:
    if desk.installation.role not in network.HUB_ROLES:
        raise SetupError("本机是代理站，不能当作同步中心", "同步中心应设在镇（街道）代理中心或县级代理中心")


@dataclass
class Hub:
    """A hub's service over its storage (``HubBackend``: the SQLite desk, or PostgreSQL)."""

    backend: HubBackend
    keys: InstallationKeys

    @classmethod
    def of(cls, desk: Desk, keys: InstallationKeys) -> Hub:
        """The hub that is this installation's own SQLite desk (a township, or a county on SQLite)."""
        return cls(SqliteHub(desk), keys)

    @property
    def identity(self) -> dict:
        own = self.backend.own
        return {
            "id": own.id,
            "unit_code": own.unit_code,
            "unit_name": own.unit_name,
            "role": own.role,
            "software": f"haian-desk {__version__}",
        }

    def hello(self, peer: Peer, client_time: str | None) -> dict:
        now = self.backend.now()
        drift = _drift_seconds(client_time, now)
        held = self.backend.hello(peer.id, to_iso(now), drift)
        failpoints.hit("hub.hello")
        return {
            "hub": self.identity,
            "time": to_iso(now),
            "clock_drift_seconds": drift,
            "you": {"id": peer.id, "unit_code": peer.unit_code, "status": peer.status, "held_up_to": held},
        }

    def take(self, data: bytes, transport: str, signer: Peer | None = None) -> tuple[Receipt, dict]:
        """Apply a station's batch; returns the receipt and the acknowledgement to send back."""
        receipt = take(self.backend, self.keys, data, transport, signer)
        self.backend.note_contact(receipt.peer.id, to_iso(self.backend.now()))
        return receipt, acknowledgement(receipt)

    def give(self, peer: Peer, after: int, limit: int = DEFAULT_LIMIT, rejected: list | None = None) -> bytes:
        """The next down batch for ``peer``, sealed to it."""
        batch = down_batch_from(self.backend, peer, after, limit, rejected)
        failpoints.hit("hub.down.before_send")
        return seal(batch, self.keys, peer.box_key)

    def check(self, peer: Peer, request: schemas.CheckRequest) -> dict:
        """Compare counts and hashes of what a station sent and of what it was sent.

        When the hub holds fewer of the caller's records than the range it
        acknowledged claims, that range is not backed by data: it is forgotten,
        so the caller sends again from the start (what is already here is
        ignored on arrival)."""
        theirs = request.up.origins
        held = self.backend.held_digests(peer, list(theirs))
        up = {origin: _compare(ours, list(theirs[origin])) for origin, ours in held.items()}
        digest = request.down.digest
        down = _compare(
            self.backend.given_digest(peer, request.down.up_to), list(digest) if digest is not None else None
        )
        if "hub_has_fewer" in up.values():
            self.backend.reset_ranges(peer.id)
        failpoints.hit("hub.check")
        return {"up": {"origins": up}, "down": down}

    def missing(self, peer: Peer, request: schemas.MissingRequest) -> dict:
        """Which of these ids of one origin the hub holds neither in its log nor in quarantine.

        Answered only for an origin the caller speaks for, and only from that
        origin's records and what this caller left in quarantine, so it tells
        nobody anything about other stations' records."""
        origin, ids = request.origin, list(dict.fromkeys(request.ids))
        if not self.backend.may_see(peer, origin):
            raise BatchRefused("not_yours", "只能查询本站（及经由本站同步的站点）的记录", "请检查同步程序的版本")
        held = self.backend.held_ids(peer, origin, ids)
        return {"origin": origin, "missing": [i for i in ids if i not in held]}


def acknowledgement(receipt: Receipt) -> dict:
    report = receipt.report
    return {
        "batch": report.batch_id,
        "status": "already_received" if report.duplicate else "applied",
        "received_before": report.received_before,
        "applied": report.applied,
        "already": report.already,
        "held": report.held,
        "rejected": [r.to_dict() for r in report.rejected],
        "conflicts": report.conflicts,
        "held_up_to": report.coverage,
    }


def _compare(ours: list, theirs) -> str:
    if not isinstance(theirs, list) or len(theirs) != 2:
        return "differs"
    if list(ours) == list(theirs):
        return "same"
    if ours[0] < theirs[0]:
        return "hub_has_fewer"
    if ours[0] > theirs[0]:
        return "hub_has_more"
    return "differs"


def _drift_seconds(client_time: str | None, now) -> int | None:
    if not client_time:
        return None
    try:
        return int((from_iso(client_time) - now).total_seconds())
    except (ValueError, TypeError, OverflowError):
        return None
