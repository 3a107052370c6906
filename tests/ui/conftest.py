"""Fixtures for the desktop app's tests: the app with the bundled font, sessions, demo data.

The root conftest sets QT_QPA_PLATFORM=offscreen and provides ``desk`` (admin /
secret-pw), ``clock``, ``cadre_id`` and ``villager_id``. Every fixture the ui tests share is
here, so a test module names a fixture as a parameter and imports only plain helpers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from haian_desk.cases.operations import Intake, take_in
from haian_desk.cli.demo import make_demo
from haian_desk.core.timeutil import UTC
from haian_desk.people import users, villagers
from tests.sync.helpers import Node, township_with_stations
from tests.ui.township_net import KEPT_SESSIONS, Hub, Net, quick_runner
from tests.ui.workscreens import QUEUE_CASES, QUEUE_NOW, valid_id_number
from ui import i18n
from ui.session import Session
from ui.sync.runner import SyncRunner
from ui.township.arrivals import ArrivalWatcher
from ui.township.hub import HubControl
from ui.widgets.appearance import apply_font

# A fixed "now" for demo stations, so counts and colours are the same every run.
DEMO_NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
DEMO_PASSWORD = "haian123"


@pytest.fixture(scope="session", autouse=True)
def ui_app(qapp) -> QApplication:
    """The one QApplication, with the bundled font, speaking Chinese (the default)."""
    if i18n.qm_out_of_date():
        i18n.compile_translations()
    apply_font(qapp, large_print=False)
    i18n.install_language("zh_CN")
    return qapp


@pytest.fixture
def restore_appearance(ui_app) -> Iterator[None]:
    """For tests that switch language or large print: back to Chinese, normal size after."""
    yield
    apply_font(ui_app, large_print=False)
    i18n.install_language("zh_CN")


@pytest.fixture
def demo_desk(tmp_path):
    desk = make_demo(tmp_path / "demo", cases=60, now=DEMO_NOW)
    yield desk
    desk.close()


@pytest.fixture
def make_session(qtbot) -> Iterator[Callable[..., Session]]:
    """``make_session(desk, username)``: a logged-in session; its worker is stopped afterwards."""
    made: list[Session] = []

    def make(desk, username: str = "admin") -> Session:
        session = Session(desk, users.get(desk, username))
        made.append(session)
        return session

    yield make
    for session in made:
        qtbot.waitUntil(lambda s=session: s.worker.pending == 0, timeout=10_000)
        session.worker.shutdown()


@pytest.fixture
def admin_session(desk, make_session) -> Session:
    return make_session(desk, "admin")


@pytest.fixture
def demo_session(demo_desk, make_session) -> Session:
    return make_session(demo_desk, "admin")


# The work screens' station: a clerk, a villager, cases (helpers in tests/ui/workscreens.py).
@pytest.fixture
def clerk_session(desk, cadre_id, villager_id, make_session) -> Session:
    """The station's clerk (linked to cadre 仲维国) with one villager, 张三, on the roll."""
    with desk.db.write() as conn:  # the fixture station's clerk, linked to the cadre
        conn.execute("UPDATE users SET cadre_id = ? WHERE username = 'clerk'", (cadre_id,))
    villagers.register(
        desk,
        "admin",
        villagers.VillagerInput(name="李桂兰", id_number=valid_id_number("32062119520704002"), phone="13962712345"),
    )
    return make_session(desk, "clerk")


@pytest.fixture
def case_maker(desk, villager_id, cadre_id):
    """``make(kind=..., **Intake fields)``: a case registered straight through the domain."""

    def make(**fields):
        intake = Intake(
            kind=fields.pop("kind", "opinion"),
            villager_id=villager_id,
            description=fields.pop("description", "反映3组道路破损"),
            first_cadre_id=cadre_id,
            **fields,
        )
        return take_in(desk, "clerk", intake).case_id

    return make


@pytest.fixture(scope="module")
def queue_folder(tmp_path_factory):
    """A demo station big enough to need paging, made once per test module."""
    folder = tmp_path_factory.mktemp("queue") / "demo"
    make_demo(folder, cases=QUEUE_CASES, now=QUEUE_NOW).close()
    return folder


@pytest.fixture
def queue_desk(queue_folder, tmp_path):
    """A private copy of the demo station, so a test may change it."""
    import shutil

    from haian_desk.desk import Desk

    copy = tmp_path / "queue_copy"
    shutil.copytree(queue_folder, copy)
    desk = Desk.open(copy, wall=lambda: QUEUE_NOW)
    yield desk
    desk.close()


# A township with stations and a real hub (helpers in tests/ui/township_net.py).
@pytest.fixture
def net(tmp_path, clock):
    hub, stations = township_with_stations(tmp_path, clock, stations=3)
    # make_node gave each its admin (管理员, PASSWORD), a clerk and staff
    yield Net(hub, stations)
    for node in (hub, *stations):
        node.close()


@pytest.fixture
def hub_server(net, clock):
    served = Hub(net.hub, clock)
    yield served
    served.stop()


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
    KEPT_SESSIONS.extend(made)
