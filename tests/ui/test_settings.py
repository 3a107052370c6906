"""Settings: language and large print saved for this PC; station details; users for admins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from haian_desk.people import users
from tests.ui.helpers import type_text, wait_idle
from ui.settings import preferences
from ui.settings.page import SettingsPage
from ui.settings.preferences import Preferences


def _page(qtbot, session) -> SettingsPage:
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, session)
    return page


def test_chosen_language_and_large_print_are_saved_and_announced(qtbot, admin_session):
    page = _page(qtbot, admin_session)
    tab = page.interface
    assert tab.language.currentData() == "zh_CN" and not tab.large_print.isChecked()
    tab.language.setCurrentIndex(tab.language.findData("en"))
    tab.large_print.setChecked(True)
    with qtbot.waitSignal(page.preferencesChanged) as changed:
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == Preferences(language="en", large_print=True)
    assert preferences.load(admin_session.desk.folder) == Preferences("en", True)


def test_unreadable_preferences_fall_back_to_chinese(tmp_path):
    (tmp_path / preferences.FILENAME).write_text("{half a file", encoding="utf-8")
    assert preferences.load(tmp_path) == Preferences()


def test_station_details_are_shown(qtbot, admin_session):
    page = _page(qtbot, admin_session)
    texts = {label.text() for label in page.findChildren(QLabel)}
    assert {"曲塘镇双楼村代理站", "320685102210", "曲塘镇"} <= texts
    assert texts & {"村（社区）代理站"}


def test_admin_adds_a_staff_member_who_can_then_log_in(qtbot, admin_session, cadre_id):
    page = _page(qtbot, admin_session)
    tab = page.users
    page.tabs.setCurrentIndex(page.tabs.count() - 1)  # 工作人员, the last tab (it scrolls, like the others)
    assert tab.table.rowCount() == 2  # the station's admin and its clerk
    type_text(qtbot, tab.username, "xiaowang")
    type_text(qtbot, tab.display_name, "王小")
    tab.role.setCurrentIndex(tab.role.findData("station_staff"))
    tab.cadre.setCurrentIndex(tab.cadre.findData(cadre_id))
    type_text(qtbot, tab.password, "haian123")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3)
    row = next(r for r in range(3) if tab.table.item(r, 0).text() == "xiaowang")
    assert [tab.table.item(row, c).text() for c in range(4)] == ["xiaowang", "王小", "代理站工作人员", "仲维国"]
    clerk = users.authenticate(admin_session.desk, "xiaowang", "haian123")
    assert clerk.role == "station_staff" and clerk.cadre_id == cadre_id


@pytest.mark.parametrize(
    "name, password, reason",
    [
        ("xiaowang", "123", "密码至少6位"),
        ("admin", "haian123", "已被使用"),
    ],
)
def test_a_refused_staff_member_is_explained(qtbot, admin_session, name, password, reason):
    page = _page(qtbot, admin_session)
    tab = page.users
    page.tabs.setCurrentIndex(page.tabs.count() - 1)  # 工作人员, the last tab (it scrolls, like the others)
    type_text(qtbot, tab.username, name)
    type_text(qtbot, tab.password, password)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.error.isVisible)
    assert reason in tab.error.text()
    assert tab.username.text() == name  # what was typed stays
    wait_idle(qtbot, admin_session)
    assert admin_session.desk.db.scalar("SELECT count(*) FROM users") == 2  # admin and clerk, as before


def test_staff_do_not_see_user_management(qtbot, desk, make_session):
    page = _page(qtbot, make_session(desk, "clerk"))
    assert page.users is None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "界面显示",
        "本站信息",
        "回执与公示",
        "备份与恢复",
        "工作日历",
        "锁定与审计",
    ]
