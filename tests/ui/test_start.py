"""Starting the app: the login window comes first and the station opens behind it.

What needs the clerk on the way (a passphrase, a damaged file) is asked over
the login window; a login typed before the station is open waits for it.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from haian_desk.storage import keys
from tests.conftest import ADMIN, STATION_NAME, TEST_PASSPHRASE
from tests.ui.helpers import type_text
from tests.ui.test_backups import damaged_folder  # noqa: F401  (a fixture)
from ui import heap, opening
from ui.app import App


def _visible(kind: str):
    found = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == kind and w.isVisible()]
    return found[0] if found else None


def _log_in(qtbot, dialog) -> None:
    type_text(qtbot, dialog.username, ADMIN[0])
    type_text(qtbot, dialog.password, ADMIN[1])
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


class Robot:
    """Plays steps (wait for a condition, then act) from a timer, so each runs in whatever
    dialog's event loop is current: a dialog's exec() inside an action would block a waitUntil."""

    def __init__(self, *steps):
        self.steps = list(steps)
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        if not self.steps:
            self.timer.stop()
            return
        ready, act = self.steps[0]
        if ready():
            self.steps.pop(0)
            act()


def _finish(qtbot, app: App) -> None:
    qtbot.addWidget(app.window)  # closed and deleted by qtbot, after the test, as test_login does
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=30_000)
    app.worker.shutdown()


@pytest.fixture
def closed_station(desk):
    folder = desk.folder
    desk.close()
    return folder


def test_the_login_window_shows_before_the_station_is_open_and_a_typed_login_waits_for_it(
    qtbot, closed_station, monkeypatch
):
    gate = threading.Event()
    real = opening.prepare
    monkeypatch.setattr(opening, "prepare", lambda *args: (gate.wait(20), real(*args))[1])
    settled: list[bool] = []
    monkeypatch.setattr(heap, "settle", lambda: settled.append(True))
    app, seen = App(closed_station), {}

    def at_login():
        dialog = _visible("LoginDialog")
        seen.update(desk=dialog.desk, station=dialog.station.text())
        _log_in(qtbot, dialog)  # typed before the station is open
        seen["waiting"] = dialog.role_label.text()
        gate.set()

    QTimer.singleShot(0, at_login)
    assert app.start() is True
    assert seen["desk"] is None and "正在打开" in seen["station"] and "请稍候" in seen["waiting"]
    assert app.window.isVisible() and app.session.user.username == ADMIN[0]
    assert app.desk.installation.unit_name == STATION_NAME
    qtbot.waitUntil(lambda: settled == [True])  # the garbage collector's full pass, once the window is up
    _finish(qtbot, app)


def test_the_station_name_appears_in_the_login_window_once_open(qtbot, closed_station):
    app, seen = App(closed_station), {}

    def log_in():
        dialog = _visible("LoginDialog")
        seen["station"] = dialog.station.text()
        _log_in(qtbot, dialog)

    robot = Robot((lambda: getattr(_visible("LoginDialog"), "desk", None) is not None, log_in))
    assert app.start() is True
    assert seen["station"] == STATION_NAME and not robot.steps
    _finish(qtbot, app)


def test_a_passphrase_needed_is_asked_over_the_login_window(qtbot, closed_station, monkeypatch):
    keys.forget_cached()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    app, seen = App(closed_station), {}

    def answer():
        asking = _visible("PassphraseDialog")
        over = asking.parent()  # (another test's login window may still be open: ask the dialog itself)
        seen["over_login"] = type(over).__name__ == "LoginDialog" and over.isVisible()
        type_text(qtbot, asking.passphrase, TEST_PASSPHRASE)
        qtbot.keyClick(asking.passphrase, Qt.Key.Key_Return)

    robot = Robot(
        (lambda: _visible("PassphraseDialog") is not None, answer),
        (
            lambda: getattr(_visible("LoginDialog"), "desk", None) is not None,
            lambda: _log_in(qtbot, _visible("LoginDialog")),
        ),
    )
    assert app.start() is True
    assert not robot.steps
    assert seen["over_login"]
    _finish(qtbot, app)


def test_a_damaged_database_is_offered_its_backup_over_the_login_window(qtbot, damaged_folder):  # noqa: F811
    app = App(damaged_folder)

    robot = Robot(
        (
            lambda: _visible("DamagedDatabaseDialog") is not None,
            lambda: qtbot.mouseClick(_visible("DamagedDatabaseDialog").restore_button, Qt.MouseButton.LeftButton),
        ),
        (
            lambda: getattr(_visible("LoginDialog"), "desk", None) is not None,
            lambda: _log_in(qtbot, _visible("LoginDialog")),
        ),
    )
    assert app.start() is True
    assert not robot.steps
    _finish(qtbot, app)


def test_declining_the_damaged_database_dialog_ends_the_start(qtbot, damaged_folder):  # noqa: F811
    app = App(damaged_folder)

    robot = Robot(
        (
            lambda: _visible("DamagedDatabaseDialog") is not None,
            lambda: qtbot.mouseClick(_visible("DamagedDatabaseDialog").quit_button, Qt.MouseButton.LeftButton),
        )
    )
    assert app.start() is False
    assert not robot.steps
    app.close()


def test_a_wrong_passphrase_in_the_environment_stops_the_start_with_its_reason(qtbot, closed_station, monkeypatch):
    keys.forget_cached()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "not-the-station-passphrase")
    app = App(closed_station)
    with pytest.raises(keys.WrongPassphrase):
        app.start()
    app.close()
