"""The opinions screen: grouped by topic and village, awaiting feedback, meetings and what came of them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from haian_desk.cases.operations import Intake, take_in
from haian_desk.community import opinions
from tests.ui.helpers import type_text, wait_idle
from ui.opinions.screen import OpinionsScreen


@pytest.fixture
def said(desk, clock, villager_id, cadre_id):
    def opinion(text: str) -> str:
        return take_in(
            desk, "clerk", Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description=text)
        ).case_id

    ids = [opinion("反映3组路灯不亮"), opinion("建议在村口增设路灯"), opinion("反映5组道路破损")]
    clock.advance(days=3)
    return ids


def open_screen(qtbot, session) -> OpinionsScreen:
    screen = OpinionsScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    qtbot.waitUntil(lambda: screen.loaded is not None, timeout=10_000)
    wait_idle(qtbot, session)
    return screen


def press_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_grouped_by_topic_and_village_and_waiting_for_feedback(qtbot, admin_session, said):
    screen = open_screen(qtbot, admin_session)
    tops = [screen.tree.topLevelItem(i).text(0) for i in range(screen.tree.topLevelItemCount())]
    assert tops == ["路灯照明 · 曲塘镇双楼村代理站（2 条）", "道路交通 · 曲塘镇双楼村代理站（1 条）"]
    assert screen.awaiting.rowCount() == 3 and screen.awaiting.item(0, 2).text() == "3 天"
    assert screen.tabs.tabText(1) == "待反馈（3）"
    assert screen.summary.text() == "群众意见 3 条，待反馈 3 条；座谈会 0 次"


def test_recording_a_meeting_then_feedback_then_a_case(qtbot, admin_session, said, desk):
    screen = open_screen(qtbot, admin_session)
    screen.tabs.setCurrentIndex(2)
    assert not screen.feedback_button.isEnabled()
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(screen, "dialog", None) is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    type_text(qtbot, dialog.topic, "村级道路和照明")
    type_text(qtbot, dialog.people, "村民代表王某、李某、镇城建办")
    for row in (0, 2):
        dialog.discussed.item(row).setCheckState(Qt.CheckState.Checked)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: screen.meetings.rowCount() == 1, timeout=10_000)
    assert screen.meetings.item(0, 3).text() == "3" and screen.meetings.item(0, 4).text() == "2"
    screen.meetings.selectRow(0)
    qtbot.waitUntil(lambda: screen.meeting is not None and screen.feedback_button.isEnabled())
    assert "（尚未反馈）" in screen.detail.toPlainText()
    qtbot.mouseClick(screen.feedback_button, Qt.MouseButton.LeftButton)
    feedback = screen.dialog
    type_text(qtbot, feedback.text, "已列入本月维修计划")
    press_ok(qtbot, feedback)
    qtbot.waitUntil(lambda: "反馈：已列入本月维修计划" in screen.detail.toPlainText(), timeout=10_000)
    assert screen.awaiting.rowCount() == 2
    qtbot.mouseClick(screen.raise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(screen, "dialog", None), type(screen.dialog))
            and screen.dialog is not feedback
            and screen.dialog.isVisible()
        )
    )
    raised = screen.dialog
    raised.kind.setCurrentIndex(raised.kind.findData("claim"))
    type_text(qtbot, raised.description, "请求修复5组道路")
    press_ok(qtbot, raised)
    qtbot.waitUntil(lambda: "形成的办件" in screen.detail.toPlainText(), timeout=10_000)
    case = desk.db.one("SELECT kind, status, channel FROM cases WHERE description = '请求修复5组道路'")
    # a claim raised at a meeting waits for the villager to sign the authorisation
    assert (case["kind"], case["status"], case["channel"]) == ("claim", "awaiting_signature", "meeting")
    assert screen.meetings.item(0, 6).text() == "1"


def test_a_meeting_without_people_is_refused_in_the_dialog(qtbot, admin_session, said):
    screen = open_screen(qtbot, admin_session)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(screen, "dialog", None) is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    type_text(qtbot, dialog.topic, "道路")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "参加人员" in dialog.error.text() and dialog.topic.text() == "道路"
    assert opinions.meetings(admin_session.desk) == []
