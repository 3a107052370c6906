"""Managing logins from settings: a new password for a clerk, stopping and restarting a login."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from haian_desk.core.errors import HaianError
from haian_desk.people import users
from tests.ui.helpers import wait_idle
from ui.settings.users_tab import UsersTab


@pytest.fixture
def tab(qtbot, desk, admin_session):
    users.reset_password(desk, "admin", "clerk", "old-password")
    tab = UsersTab(admin_session)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    return tab


def select(tab, username):
    row = [r.username for r in tab.rows].index(username)
    tab.table.setCurrentCell(row, 0)


def test_admin_sets_a_new_password_for_a_clerk(qtbot, tab, desk):
    select(tab, "clerk")
    tab.new_password.setFocus()
    qtbot.keyClicks(tab.new_password, "new-password")
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "新密码" in tab.manage_done.text())
    assert users.authenticate(desk, "clerk", "new-password")
    assert tab.new_password.text() == ""


def test_a_too_short_password_is_refused_with_the_reason(qtbot, tab, desk, admin_session):
    select(tab, "clerk")
    qtbot.keyClicks(tab.new_password, "123")
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "至少" in tab.manage_error.text())
    wait_idle(qtbot, admin_session)
    assert users.authenticate(desk, "clerk", "old-password")


def test_stopping_and_restarting_a_login(qtbot, tab, desk):
    select(tab, "clerk")
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.username == "clerk" and not r.active for r in tab.rows))
    assert tab.table.item([r.username for r in tab.rows].index("clerk"), 4).text() == "已停用"
    with pytest.raises(HaianError):
        users.authenticate(desk, "clerk", "old-password")
    select(tab, "clerk")
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(r.active for r in tab.rows))


def test_nothing_selected_says_so(qtbot, tab):
    tab.table.setCurrentCell(-1, -1)
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    assert "选中" in tab.manage_error.text()
