"""The app locks after the station's idle time; nothing shows behind the lock until the password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from haian_desk import station_settings
from haian_desk.core.errors import ValidationError
from tests.ui.helpers import type_text
from ui.main_window import MainWindow

WAIT = 10_000


def _visible_windows():
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture
def window(qtbot, desk, make_session):
    station_settings.save(desk, "admin", idle_lock_seconds=1)  # a short timeout, set the way a station sets it
    window = MainWindow(make_session(desk, "clerk"))
    qtbot.addWidget(window)
    window.show()
    window.show_screen("queue")
    yield window
    window.idle_lock.stop()


def test_idle_locks_hides_the_queue_and_the_detail_and_the_password_unlocks(qtbot, window, desk, case_maker):
    window.open_case(case_maker())
    qtbot.waitUntil(lambda: len(_visible_windows()) == 2, timeout=WAIT)  # the window and a case's detail
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=WAIT)
    lock = window.idle_lock.screen
    assert _visible_windows() == [lock]  # nothing else shows
    assert not window.isVisible()

    type_text(qtbot, lock.password, "wrong-password")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.error.isVisible(), timeout=WAIT)
    assert window.idle_lock.is_locked and not window.isVisible()
    qtbot.keyClick(lock, Qt.Key.Key_Escape)  # no way round it
    assert window.idle_lock.is_locked

    type_text(qtbot, lock.password, "haian123")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.idle_lock.is_locked, timeout=WAIT)
    assert window.isVisible() and len(_visible_windows()) == 2  # everything back as it was


def test_activity_keeps_it_unlocked_and_the_setting_is_checked(qtbot, desk, make_session):
    window = MainWindow(make_session(desk, "clerk"))
    qtbot.addWidget(window)
    window.show()
    assert window.idle_lock.timer.interval() == 600_000  # 10 minutes by default
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.idle_lock.timer.isActive() and not window.idle_lock.is_locked
    window.idle_lock.stop()
    for wrong in (0, -5, 10**7, True, "10"):
        with pytest.raises(ValidationError):
            station_settings.save(desk, "admin", idle_lock_seconds=wrong)
    station_settings.save(desk, "admin", idle_lock_seconds=300)
    window.session.changed.emit(frozenset({"settings"}))
    assert window.idle_lock.timer.interval() == 300_000


def test_from_the_lock_another_person_can_only_log_the_user_out(qtbot, window):
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=WAIT)
    with qtbot.waitSignal(window.logoutRequested, timeout=WAIT):
        window.idle_lock.screen.logout_button.click()


def test_after_a_restore_the_window_warns_and_the_clerk_may_work_offline(qtbot, desk, make_session):
    from haian_desk.replication import numbering

    with desk.db.write() as conn:
        numbering.mark_unsure(conn, "2026-03-01T02:00:00Z", "restored from test")
    window = MainWindow(make_session(desk, "clerk"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: getattr(window, "numbering_notice", None) is not None and window.numbering_notice.isVisible(),
        timeout=WAIT,
    )
    notice = window.numbering_notice
    assert "3 天前" in notice.text()
    notice.offline.click()
    qtbot.waitUntil(lambda: _numbering_state(desk) == "offline", timeout=WAIT)
    window.idle_lock.stop()


def _numbering_state(desk) -> str:
    from haian_desk.replication import numbering

    with desk.db.read() as conn:
        return numbering.status(conn).state
