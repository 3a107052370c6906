"""Where a restored station's numbering stood, asked of its hub (``haian_desk.replication.numbering``).

The hub answers from what it holds of the station (its log and its
quarantine); the station sets floors under its counters from the answer.
Asked only while the station's numbering is unsure, before anything is sent
up, so the first new record after a restore already has a safe number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from haian_desk.replication import numbering
from haian_desk.replication.hub_backend import HubBackend
from haian_desk.replication.sync_state import Peer

if TYPE_CHECKING:
    from haian_desk.desk import Desk

ROUTE = "/v1/numbering"


def answer(backend: HubBackend, peer: Peer) -> dict:
    """At the hub (either database): the child's highest record sequence and case numbers held here."""
    return backend.numbering(peer)


def catch_up(desk: Desk, link) -> bool:
    """At the station: ask and learn if the numbering is unsure; True if it learnt."""
    with desk.db.read() as conn:
        state = numbering.status(conn).state
    if state == "known":
        return False
    reply = link.request("POST", ROUTE, b"{}").json()
    case_numbers = reply.get("case_numbers") if isinstance(reply.get("case_numbers"), dict) else {}
    with desk.db.write() as conn:
        numbering.learn(
            conn,
            int(reply.get("origin_seq") or 0),
            {str(k): int(v) for k, v in case_numbers.items() if isinstance(v, int)},
        )
    return True
