"""Fixtures and keyboard helpers for the work screens' tests (intake, queue, case detail).

Imported by name from those test modules; tests/ui/conftest.py gives the app,
``make_session`` and ``wait_idle``; the root conftest gives ``desk`` (a fresh
station), ``clock``, ``cadre_id`` and ``villager_id`` (张三, 13812345678).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from haian_desk.people import users, villagers
from haian_desk.cases.operations import Intake, take_in
from haian_desk.cli.demo import make_demo
from haian_desk.people.idnumber import check_character
from haian_desk.core.timeutil import UTC
from ui.session import Session

from tests.ui.helpers import type_text

QUEUE_NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 15:00 in Haian, a Wednesday
QUEUE_CASES = 500


def valid_id_number(first17: str) -> str:
    return first17 + check_character(first17)


@pytest.fixture
def clerk_session(desk, cadre_id, villager_id, make_session) -> Session:
    """The station's clerk (linked to cadre 仲维国) with one villager, 张三, on the roll."""
    with desk.db.write() as conn:  # the fixture station's clerk, linked to the cadre
        conn.execute("UPDATE users SET cadre_id = ? WHERE username = 'clerk'", (cadre_id,))
    villagers.register(desk, "admin", villagers.VillagerInput(
        name="李桂兰", id_number=valid_id_number("32062119520704002"), phone="13962712345"))
    return make_session(desk, "clerk")


@pytest.fixture
def case_maker(desk, villager_id, cadre_id):
    """``make(kind=..., **Intake fields)``: a case registered straight through the domain."""

    def make(**fields):
        intake = Intake(kind=fields.pop("kind", "opinion"), villager_id=villager_id,
                        description=fields.pop("description", "反映3组道路破损"),
                        first_cadre_id=cadre_id, **fields)
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


def show_active(qtbot, widget: QWidget, owned_by_test: bool = True) -> QWidget:
    """Show a top-level widget and make it the active window, so shortcuts and focus work.

    ``owned_by_test=False`` for a widget the test destroys itself (qtbot would close it again).
    """
    if owned_by_test:
        qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def focused() -> QWidget:
    return QApplication.focusWidget()


def type_here(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus, as a clerk would."""
    type_text(qtbot, focused(), text)


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    """Press a key where the keyboard focus is."""
    qtbot.keyClick(focused(), key, modifier)
