"""Helpers for the sync and township screens' tests: a township, stations, a real hub on 127.0.0.1.

Their fixtures (``net``, ``hub_server``, ``sessions``) are in tests/ui/conftest.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from haian_desk.replication import sync_state
from sync.backoff import Backoff
from sync.serve import BackgroundHub
from tests.sync.helpers import Node, free_port
from ui.session import Session
from ui.sync.runner import SyncRunner

PASSWORD = "secret-pw"
# Sessions made here are kept to the end of the run: one collected by Python's garbage
# collector on some other thread would take its Qt children with it there.
KEPT_SESSIONS: list[Session] = []


@dataclass
class Net:
    hub: Node
    stations: list[Node]

    @property
    def station(self) -> Node:
        return self.stations[0]


class Hub:
    """The township's hub served on one port that stays the same across stops and starts."""

    def __init__(self, node: Node, clock):
        self.node, self.clock, self.port = node, clock, free_port()
        self.running: BackgroundHub | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Hub:
        self.running = BackgroundHub(self.node.folder, port=self.port, wall=self.clock).start()
        return self

    def stop(self) -> None:
        if self.running is not None:
            self.running.stop()
            self.running = None


def point_at(node: Node, url: str) -> None:
    with node.desk.db.write() as conn:
        sync_state.set_address(conn, sync_state.parent(node.desk.db).id, url, None)


def quick_runner(session: Session) -> SyncRunner:
    """The session's runner, retrying after a fraction of a second instead of minutes."""
    return SyncRunner(session, interval_ms=600_000, backoff=Backoff(base=0.05, cap=0.3, jitter=0.0))
