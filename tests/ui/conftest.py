"""Fixtures for the desktop app's tests: the app with the bundled font, sessions, demo data.

The root conftest sets QT_QPA_PLATFORM=offscreen and provides ``desk`` (admin /
secret-pw), ``clock``, ``cadre_id`` and ``villager_id``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from haian_desk.people import users
from haian_desk.cli.demo import make_demo
from haian_desk.core.timeutil import UTC
from ui import i18n
from ui.session import Session
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
