"""The cadre roster screen, driven by the keyboard from the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from haian_desk import documents
from haian_desk.people import cadres
from tests.ui.helpers import type_text, wait_idle
from tests.ui.test_shell_navigation import press
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, admin_session):
    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    wait_idle(qtbot, admin_session)


def _open_roster(qtbot, window, session):
    press(qtbot, window.focusWidget() or window, "Ctrl+F4")
    assert window.current_key() == "cadres"
    page = window.pages["cadres"]
    wait_idle(qtbot, session)
    return page


def _type(qtbot, text):
    type_text(qtbot, QApplication.focusWidget(), text)


def _alt(qtbot, key, widget=None):
    qtbot.keyClick(widget or QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)


def test_a_new_station_adds_its_first_cadre_by_keyboard(qtbot, window, admin_session, desk):
    page = _open_roster(qtbot, window, admin_session)
    assert page.table.rowCount() == 0 and "共 0 位" in page.count.text()
    _alt(qtbot, Qt.Key.Key_N)  # 新增代理员 (a mnemonic clicks a moment later)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.name)
    _type(qtbot, "仲维国")
    _alt(qtbot, Qt.Key.Key_P)
    _type(qtbot, "１３９ ０６２７ １０００")  # typed in 全角, as an input method does
    _alt(qtbot, Qt.Key.Key_Q)
    _type(qtbot, "一组、二组")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    wait_idle(qtbot, admin_session)
    row = cadres.roster(desk)[0]
    assert (row["name"], row["phone"], row["area"], row["role"]) == ("仲维国", "13906271000", "一组、二组", "agent")
    assert "已保存" in page.done.text()
    assert [r[0] for r in documents.build_board(desk).section("代理员").table.rows] == ["仲维国"]


def test_a_missing_phone_is_said_and_focused(qtbot, window, admin_session, desk):
    page = _open_roster(qtbot, window, admin_session)
    _alt(qtbot, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.name)
    _type(qtbot, "季红梅")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "公示" in page.error.text())
    assert QApplication.focusWidget() is page.form.phone
    assert cadres.roster(desk) == []


def test_edit_then_retire_by_keyboard(qtbot, window, admin_session, desk, cadre_id):
    page = _open_roster(qtbot, window, admin_session)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.editing_id == cadre_id)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.form.name
    _alt(qtbot, Qt.Key.Key_Q)
    _type(qtbot, "三组")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: cadres.get(desk, cadre_id)["area"] == "三组")

    _alt(qtbot, Qt.Key.Key_R)  # 离任…
    qtbot.waitUntil(lambda: getattr(page, "retire_dialog", None) is not None and page.retire_dialog.isVisible())
    dialog = page.retire_dialog
    type_text(qtbot, dialog.reason, "调任镇里")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not cadres.get(desk, cadre_id)["active"])
    qtbot.waitUntil(lambda: page.table.rowCount() == 0)
    assert cadres.get(desk, cadre_id)["retired_reason"] == "调任镇里"
    assert documents.build_board(desk).section("代理员").table.rows == ()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _alt(qtbot, Qt.Key.Key_L, page.table)  # 显示已离任
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.table.item(0, 6).text() == "已离任"
    page.table.selectRow(0)
    assert page.reinstate_button.isEnabled() and not page.retire_button.isEnabled()
    _alt(qtbot, Qt.Key.Key_E, page.table)
    qtbot.waitUntil(lambda: cadres.get(desk, cadre_id)["active"] == 1)


def test_a_retire_day_before_the_start_is_refused_in_the_dialog(qtbot, window, admin_session, desk):
    cid = cadres.add(
        desk,
        "admin",
        cadres.CadreInput(
            name="丁海军", phone="13906271111", unit_code=desk.installation.unit_code, active_from="2026-03-01"
        ),
    )
    page = _open_roster(qtbot, window, admin_session)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    page.table.selectRow(0)
    page.table.setFocus()
    _alt(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: getattr(page, "retire_dialog", None) is not None)
    dialog = page.retire_dialog
    dialog.day.setFocus()
    dialog.day.selectAll()
    qtbot.keyClicks(dialog.day, "2026-02-01")
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "早于到任日期" in dialog.error.text())
    assert QApplication.focusWidget() is dialog.day and cadres.get(desk, cid)["active"] == 1
    dialog.reject()
