"""Fixtures for the sync and township screens' tests: a township, stations, a real hub on 127.0.0.1.

Imported by the test modules that use them (this module holds no tests).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from haian_desk.replication import sync_state
from sync.client import Backoff
from sync.serve import BackgroundHub
from tests.sync.helpers import Node, free_port, township_with_stations
from ui.session import Session
from ui.sync.runner import SyncRunner
from ui.township.arrivals import ArrivalWatcher
from ui.township.hub import HubControl

PASSWORD = "secret-pw"
# Sessions made here are kept to the end of the run: one collected by Python's garbage
# collector on some other thread would take its Qt children with it there.
_KEPT: list[Session] = []


@dataclass
class Net:
    hub: Node
    stations: list[Node]

    @property
    def station(self) -> Node:
        return self.stations[0]


@pytest.fixture
def net(tmp_path, clock):
    hub, stations = township_with_stations(tmp_path, clock, stations=3)
    # make_node gave each its admin (管理员, PASSWORD), a clerk and staff
    yield Net(hub, stations)
    for node in (hub, *stations):
        node.close()


class Hub:
    """The township's hub served on one port that stays the same across stops and starts."""

    def __init__(self, node: Node, clock):
        self.node, self.clock, self.port = node, clock, free_port()
        self.running: BackgroundHub | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Hub":
        self.running = BackgroundHub(self.node.folder, port=self.port, wall=self.clock).start()
        return self

    def stop(self) -> None:
        if self.running is not None:
            self.running.stop()
            self.running = None


@pytest.fixture
def hub_server(net, clock):
    served = Hub(net.hub, clock)
    yield served
    served.stop()


def point_at(node: Node, url: str) -> None:
    with node.desk.db.write() as conn:
        sync_state.set_address(conn, sync_state.parent(node.desk.db).id, url, None)


def quick_runner(session: Session) -> SyncRunner:
    """The session's runner, retrying after a fraction of a second instead of minutes."""
    return SyncRunner(session, interval_ms=600_000, backoff=Backoff(base=0.05, cap=0.3, jitter=0.0))


@pytest.fixture
def sessions(make_session, qtbot):
    """``sessions(node)``: an admin session on a node; runners are stopped idle at the end."""
    made: list[Session] = []

    def make(node: Node) -> Session:
        session = make_session(node.desk, "admin")
        quick_runner(session)
        made.append(session)
        return session

    yield make
    for session in made:
        runner = session.findChild(SyncRunner)
        qtbot.waitUntil(lambda r=runner: not r.state.running, timeout=20_000)
        runner.stop()
        hub, watcher = session.findChild(HubControl), session.findChild(ArrivalWatcher)
        if hub is not None:
            hub.shutdown()
        if watcher is not None:
            watcher.stop()
    _KEPT.extend(made)
