"""Settings → 锁定与审计: the idle lock time typed in minutes, and the read-only audit trail.

Keyboard only where a person would use the keyboard; the worker does the database work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from haian_desk import station_settings
from haian_desk.cases.operations import Intake, take_in
from haian_desk.people import reveals, users
from tests.ui.helpers import type_text, wait_idle
from ui.settings.security_tab import SecurityTab


def _tab(qtbot, session) -> SecurityTab:
    tab = SecurityTab(session)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(qtbot, session)
    return tab


def _retype(qtbot, tab, text: str) -> None:
    tab.minutes.setFocus()
    qtbot.keyClick(tab.minutes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.minutes, Qt.Key.Key_Delete)
    type_text(qtbot, tab.minutes, text)
    qtbot.keyClick(tab.minutes, Qt.Key.Key_Return)


def test_an_admin_sets_the_idle_lock_in_minutes_with_the_keyboard(qtbot, admin_session, desk):
    tab = _tab(qtbot, admin_session)
    assert tab.minutes.text() == "10"  # the default, 600 seconds
    _retype(qtbot, tab, "５")  # a full-width digit from a 全角 input method
    qtbot.waitUntil(lambda: "已保存" in tab.lock_message.text())
    assert station_settings.load(desk).idle_lock_seconds == 300
    event = desk.db.one("SELECT actor, payload FROM events WHERE stream = 'settings' ORDER BY seq DESC LIMIT 1")
    assert event["actor"] == "admin" and "idle_lock_seconds" in event["payload"]
    qtbot.waitUntil(lambda: tab.audit_table.rowCount() >= 1)  # the change is in the trail at once
    assert "无人操作多久后锁定 → 5 分钟" in tab.audit_table.item(0, 3).text()


def test_nonsense_is_refused_in_words_and_what_was_typed_stays(qtbot, admin_session, desk):
    tab = _tab(qtbot, admin_session)
    for typed, said in (("十分钟", "不是分钟数"), ("0", "1分钟到1440分钟"), ("99999", "1440"), ("", "请填写")):
        _retype(qtbot, tab, typed)
        qtbot.waitUntil(lambda said=said: tab.lock_error.isVisible() and said in tab.lock_error.text())
        assert tab.minutes.text() == typed
        wait_idle(qtbot, admin_session)
    assert station_settings.load(desk).idle_lock_seconds == 600
    assert not desk.db.scalar("SELECT count(*) FROM events WHERE stream = 'settings'")


def test_a_clerk_sees_the_lock_time_but_neither_changes_it_nor_sees_the_trail(qtbot, desk, make_session):
    tab = _tab(qtbot, make_session(desk, "clerk"))
    assert not tab.minutes.isEnabled() and not tab.save_button.isEnabled()
    assert "管理员" in tab.lock_message.text()
    assert tab.audit_table is None


def test_the_station_head_reads_who_changed_logins_and_who_saw_numbers_masked(
    qtbot, desk, make_session, villager_id, cadre_id
):
    users.add_user(desk, "head", "仲站长", "station_head", "head-pw-123", actor="admin")
    users.reset_password(desk, "admin", "clerk", "new-pw-4567")
    case = take_in(
        desk,
        "clerk",
        Intake(kind="opinion", villager_id=villager_id, description="反映3组路灯不亮", first_cadre_id=cadre_id),
    )
    reveals.reveal(desk, "clerk", reason="核对群众身份", case_id=case.case_id)
    tab = _tab(qtbot, make_session(desk, "head"))
    assert not tab.minutes.isEnabled()  # settings stay the admin's
    qtbot.waitUntil(lambda: tab.audit_table.rowCount() >= 3)
    rows = [[tab.audit_table.item(r, c).text() for c in range(4)] for r in range(tab.audit_table.rowCount())]
    assert rows[0][1:3] == ["clerk", "显示完整号码"] and "核对群众身份" in rows[0][3]
    assert any(r[1] == "admin" and "重置密码 clerk" in r[3] for r in rows)
    assert any("添加账号 head（站长）" in r[3] for r in rows)
    shown = " ".join(" ".join(r) for r in rows)
    villager = desk.db.one("SELECT name, id_number, phone FROM villagers WHERE id = ?", (villager_id,))
    for secret in villager:
        assert secret and secret not in shown
    assert villager["name"][0] + "*" in shown  # the masked name says whose
    assert not tab.audit_table.editTriggers()  # read-only


def test_the_running_lock_takes_the_new_time_at_once(qtbot, admin_session, desk):
    """Saved in settings (the 锁定与审计 tab), the main window's idle lock uses it without a restart."""
    from ui.main_window import MainWindow

    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.idle_lock.timer.interval() == 600_000
        window.show_screen("settings")
        page = window.pages["settings"]
        page.tabs.setCurrentWidget(page.tabs.widget(5))
        wait_idle(qtbot, admin_session)
        _retype(qtbot, page.security, "3")
        qtbot.waitUntil(lambda: window.idle_lock.timer.interval() == 180_000)
        assert not window.idle_lock.is_locked
    finally:
        window.idle_lock.stop()
