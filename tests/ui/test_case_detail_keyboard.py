"""The case detail by keyboard alone, in a real window at 1366×768: keys on every action,
a fixed focus path, and no key that shows personal data it was not meant for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from haian_desk.cases.operations import act
from haian_desk.cases.vocabulary import EVENT_TYPES
from tests.ui.helpers import type_text, wait_idle
from tests.ui.workscreens import focused, press, show_active
from ui.cases.actions import ACTION_KEYS, FORMS, action_button_text
from ui.cases.detail import CaseDetailDialog

UNSIGNED = {"scope": "代为讨要拖欠的工资", "signed_on_paper": False, "date": "2026-03-04"}


def open_detail(qtbot, session, case_id) -> CaseDetailDialog:
    dialog = CaseDetailDialog(session, case_id)
    dialog.resize(1366, 768)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.view is not None and bool(dialog.action_buttons))
    qtbot.waitUntil(dialog.print_menu.isEnabled)
    return dialog


def opened(qtbot, dialog, event_type):
    """The action's form, once its key (a button's animated click) has opened it."""
    qtbot.waitUntil(lambda: event_type in dialog.action_dialogs)
    return dialog.action_dialogs[event_type]


def events(desk, case_id) -> list[str]:
    return [
        r["type"]
        for r in desk.db.query(
            "SELECT type FROM events WHERE stream = 'case' AND stream_id = ? ORDER BY seq", (case_id,)
        )
    ]


def test_every_action_has_its_own_key_shown_on_its_button():
    offered = list(FORMS)
    assert set(offered) <= set(ACTION_KEYS)
    keys = list(ACTION_KEYS.values())
    assert len(keys) == len(set(keys)) and "Alt+V" not in keys  # Alt+V shows the full number
    for event_type in offered:
        assert action_button_text(event_type) == f"{EVENT_TYPES[event_type]}（{ACTION_KEYS[event_type]}）"


def test_focus_starts_on_the_first_action_and_tab_goes_round_without_sticking(qtbot, clerk_session, case_maker):
    case_id = case_maker()
    for _ in range(2):  # the same place every time the case is opened
        dialog = open_detail(qtbot, clerk_session, case_id)
        qtbot.waitUntil(lambda dialog=dialog: focused() is dialog.action_buttons["completed"])  # 办结, the next step
        dialog.close()
    dialog = open_detail(qtbot, clerk_session, case_id)
    qtbot.waitUntil(lambda: focused() is dialog.action_buttons["completed"])
    chain = [*dialog.action_buttons.values(), dialog.print_menu, dialog.reveal_button, dialog.timeline]
    dialog.action_buttons["assigned"].setFocus()  # the first in the row
    seen = []
    for _ in range(len(chain)):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(focused())
    # actions, 打印, 显示完整号码, 办理经过 — then round to the first action again, never stuck in the table
    assert seen == chain[1:] + chain[:1]
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is dialog.reveal_button


def test_enter_on_the_print_button_never_reveals_the_numbers(qtbot, clerk_session, case_maker):
    case_id = case_maker()
    dialog = open_detail(qtbot, clerk_session, case_id)
    qtbot.waitUntil(dialog.print_menu.isEnabled)
    dialog.print_menu.setFocus()
    qtbot.waitUntil(lambda: focused() is dialog.print_menu)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        press(qtbot, key)
        qtbot.waitUntil(dialog.print_menu.menu().isVisible)
        dialog.print_menu.menu().hide()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.timeline.setFocus()
    qtbot.waitUntil(lambda: focused() is dialog.timeline)
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.revealed and not dialog.reveal_button.isChecked()
    assert "11010519491231002X" not in dialog.villager_form.toPlainText()
    assert "13812345678" not in dialog.villager_form.toPlainText()
    assert not dialog.reveal_button.autoDefault() and not dialog.reveal_button.isDefault()
    assert dialog.print_menu.shortcut().toString() == "Ctrl+P"  # kept when its text changes
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # the key that is meant for it: it asks why first
    qtbot.waitUntil(lambda: getattr(dialog, "reveal_dialog", None) is not None and dialog.reveal_dialog.isVisible())
    assert "11010519491231002X" not in dialog.villager_form.toPlainText()
    type_text(qtbot, dialog.reveal_dialog.reason.lineEdit(), "核对群众身份")
    dialog.reveal_dialog.ok.click()
    qtbot.waitUntil(lambda: "11010519491231002X" in dialog.villager_form.toPlainText())


def test_a_shift_tab_path_lands_on_the_same_action_after_every_reload(qtbot, clerk_session, case_maker):
    case_id = case_maker()
    dialog = open_detail(qtbot, clerk_session, case_id)
    for _ in range(2):
        dialog.reload()
        qtbot.waitUntil(lambda: focused() is dialog.action_buttons["completed"])
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is dialog.action_buttons["joint_handling"]  # not 撤回, whatever came before


@pytest.mark.parametrize(
    "event_type,typed,status",
    [
        ("completed", "已办成", "completed"),
        ("note", "已电话联系民政办", "in_progress"),
        ("paused", "等待鉴定结果", "paused"),
        ("withdrawn", "群众已自行办理", "withdrawn"),
    ],
)
def test_an_action_by_its_key_then_focus_comes_back(qtbot, clerk_session, case_maker, event_type, typed, status):
    desk = clerk_session.desk
    case_id = case_maker()
    dialog = open_detail(qtbot, clerk_session, case_id)
    key = QKeySequence(ACTION_KEYS[event_type])[0]
    qtbot.keyClick(focused(), key.key(), key.keyboardModifiers())
    action = opened(qtbot, dialog, event_type)
    qtbot.waitUntil(action.isActiveWindow)
    if event_type == "completed":
        press(qtbot, Qt.Key.Key_Tab)  # past the result choice (已办成 is the first) to the note
    type_text(qtbot, focused(), typed)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: events(desk, case_id)[-1] == event_type)
    wait_idle(qtbot, clerk_session)
    qtbot.waitUntil(lambda: dialog.view.case.status == status)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is dialog.focus_start())


def test_a_waiting_claim_is_signed_then_accepted_by_keys(qtbot, clerk_session, case_maker):
    desk = clerk_session.desk
    case_id = case_maker(kind="claim", authorisation=UNSIGNED)
    dialog = open_detail(qtbot, clerk_session, case_id)
    assert "accepted" not in dialog.action_buttons
    assert dialog.action_buttons["signed"].text() == "委托书已签（Alt+Q）"
    press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    action = opened(qtbot, dialog, "signed")
    qtbot.waitUntil(action.isActiveWindow)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.view.case.status == "registered")
    qtbot.waitUntil(lambda: "accepted" in dialog.action_buttons)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is dialog.action_buttons["accepted"])
    press(qtbot, Qt.Key.Key_Return)  # Enter on the focused 受理
    accept = opened(qtbot, dialog, "accepted")
    qtbot.waitUntil(accept.isActiveWindow)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.view.case.status == "in_progress")
    assert events(desk, case_id) == ["registered", "signed", "accepted"]


def test_rating_by_keys(qtbot, clerk_session, case_maker):
    desk = clerk_session.desk
    case_id = case_maker()
    act(desk, "clerk", case_id, "completed", result="granted")
    act(desk, "clerk", case_id, "replied", method="phone")
    dialog = open_detail(qtbot, clerk_session, case_id)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    action = opened(qtbot, dialog, "rated")
    qtbot.waitUntil(action.isActiveWindow)
    press(qtbot, Qt.Key.Key_Down)  # 非常满意, the first of the five
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.view.case.status == "rated")
    assert dialog.view.case.rating == 5
