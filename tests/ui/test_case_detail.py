"""The case detail: what it shows, and every action done from it writing exactly one event."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from haian_desk.cases.operations import act
from tests.ui.helpers import type_text, wait_idle
from tests.ui.workscreens import focused, press, show_active
from ui.cases.actions import MaterialsChecklist
from ui.cases.detail import CaseDetailDialog


def case_events(desk, case_id) -> list[str]:
    return [
        r["type"]
        for r in desk.db.query(
            "SELECT type FROM events WHERE stream = 'case' AND stream_id = ? ORDER BY seq", (case_id,)
        )
    ]


def case_row(desk, case_id) -> dict:
    return dict(desk.db.one("SELECT * FROM cases WHERE id = ?", (case_id,)))


def open_detail(qtbot, session, case_id) -> CaseDetailDialog:
    dialog = CaseDetailDialog(session, case_id)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.view is not None)
    return dialog


def fill(qtbot, action, values: dict) -> None:
    """Type or pick each value into the action's form, the way a clerk would."""
    for key, value in values.items():
        widget = action.inputs[key]
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.setFocus()
            for number, line in enumerate(value.split("\n")):
                if number:
                    qtbot.keyClick(widget, Qt.Key.Key_Return)
                type_text(qtbot, widget, line)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, MaterialsChecklist):
            for row in range(widget.list.count()):
                item = widget.list.item(row)
                item.setCheckState(Qt.CheckState.Checked if item.text() in value else Qt.CheckState.Unchecked)
        else:
            raise TypeError(type(widget))


def start_action(qtbot, dialog, event_type):
    dialog.action_buttons[event_type].click()
    action = dialog.action_dialogs[event_type]
    qtbot.waitUntil(action.isVisible)
    action.activateWindow()
    qtbot.waitUntil(action.isActiveWindow)
    return action


def submit(qtbot, action) -> None:
    """Ctrl+Enter from wherever the cursor is in the form."""
    qtbot.waitUntil(action.isActiveWindow)
    qtbot.keyClick(focused() or action, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


@dataclass
class Scenario:
    event_type: str
    before: list = field(default_factory=list)  # (event, payload) to reach the starting state
    values: dict = field(default_factory=dict)
    status: str = ""
    check: tuple = ()  # (column, expected)
    intake: dict = field(default_factory=dict)


ERRAND = {"kind": "errand", "catalogue_code": "MZ-001", "accept": False}
MISSING = ("materials_missing", {"missing": ["户口簿"]})
DONE = ("completed", {"result": "granted"})
TOLD = ("replied", {"method": "phone"})
SCENARIOS = [
    Scenario("accepted", intake={"accept": False}, status="in_progress"),
    Scenario(
        "declined",
        intake={"accept": False},
        values={"reason": "须本人办理", "remedy": "请本人到镇派出所办理"},
        status="declined",
        check=("closed_remedy", "请本人到镇派出所办理"),
    ),
    Scenario(
        "materials_missing",
        intake=ERRAND,
        values={"missing": ["户口簿"]},
        status="materials_missing",
        check=("materials_missing", '["户口簿"]'),
    ),
    Scenario(
        "resubmitted",
        intake=ERRAND,
        before=[MISSING],
        values={"materials_received": ["户口簿"]},
        status="registered",
        check=("materials_missing", "[]"),
    ),
    Scenario(
        "authorised",
        intake={"kind": "claim", "accept": False},
        values={"scope": "代为讨要工资", "signed_on_paper": True},
        status="registered",
    ),
    Scenario(
        "signed",
        intake={
            "kind": "claim",
            "authorisation": {"scope": "代为讨要工资", "signed_on_paper": False, "date": "2026-03-04"},
        },
        values={},
        status="registered",
    ),
    Scenario("note", values={"text": "已电话联系民政办"}, status="in_progress"),
    Scenario(
        "transferred",
        values={"to_level": "county", "to_unit": "海安市民政局", "reason": "需县里审批"},
        status="transferred",
        check=("holder", "海安市民政局"),
    ),
    Scenario(
        "returned",
        before=[("transferred", {"to_level": "township", "to_unit": "曲塘镇代理中心"})],
        values={"outcome": "镇里已审核通过"},
        status="in_progress",
        check=("holder", None),
    ),
    Scenario(
        "joint_handling",
        values={"units": "曲塘镇代理中心\n海安市民政局", "note": "三级联动会办"},
        status="in_progress",
        check=("joint_units", '["曲塘镇代理中心", "海安市民政局"]'),
    ),
    Scenario("paused", values={"reason": "等待残疾等级鉴定"}, status="paused"),
    Scenario("resumed", before=[("paused", {"reason": "鉴定"})], status="in_progress"),
    Scenario(
        "completed", values={"result": "granted", "note": "已办成"}, status="completed", check=("result", "granted")
    ),
    Scenario("replied", before=[DONE], values={"method": "visit"}, status="replied", check=("reply_method", "visit")),
    Scenario("rated", before=[DONE, TOLD], values={"level": 5}, status="rated", check=("rating", 5)),
    Scenario(
        "rated",
        before=[DONE, TOLD],
        values={"level": 2, "reason": "跑了两趟"},
        status="rated",
        check=("followup_open", 1),
    ),
    Scenario(
        "return_visit",
        before=[DONE, TOLD, ("rated", {"level": 1, "reason": "太慢"})],
        values={"note": "已上门说明情况"},
        status="rated",
        check=("followup_open", 1),
    ),
    Scenario(
        "rectified",
        before=[DONE, TOLD, ("rated", {"level": 1, "reason": "太慢"}), ("return_visit", {"note": "已回访"})],
        values={"note": "已整改：一次性告知材料"},
        status="rated",
        check=("followup_open", 0),
    ),
    Scenario("withdrawn", values={"reason": "群众已自行办理"}, status="withdrawn"),
    Scenario(
        "reopened",
        before=[DONE, TOLD],
        values={"reason": "补贴金额有误"},
        status="in_progress",
        check=("reopen_count", 1),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[f"{s.event_type}-{i}" for i, s in enumerate(SCENARIOS)])
def test_each_action_writes_exactly_one_event(qtbot, clerk_session, case_maker, scenario):
    desk = clerk_session.desk
    case_id = case_maker(**scenario.intake)
    for event_type, payload in scenario.before:
        act(desk, "clerk", case_id, event_type, **payload)
    before = case_events(desk, case_id)
    dialog = open_detail(qtbot, clerk_session, case_id)
    action = start_action(qtbot, dialog, scenario.event_type)
    fill(qtbot, action, scenario.values)
    submit(qtbot, action)
    qtbot.waitUntil(lambda: len(case_events(desk, case_id)) > len(before))
    wait_idle(qtbot, clerk_session)
    assert case_events(desk, case_id) == before + [scenario.event_type]
    row = case_row(desk, case_id)
    assert row["status"] == scenario.status
    if scenario.check:
        assert row[scenario.check[0]] == scenario.check[1]
    assert scenario.event_type not in dialog.action_dialogs  # done: the next one starts empty
    qtbot.waitUntil(lambda: dialog.view.case.event_count == len(before) + 1)
    assert dialog.timeline.rowCount() == len(before) + 1  # the timeline shows it at once
    assert set(dialog.action_buttons) == set(dialog.view.allowed)


def test_a_bad_rating_without_a_reason_is_refused_and_says_why(qtbot, clerk_session, case_maker):
    desk = clerk_session.desk
    case_id = case_maker()
    for event_type, payload in (DONE, TOLD):
        act(desk, "clerk", case_id, event_type, **payload)
    before = case_events(desk, case_id)
    dialog = open_detail(qtbot, clerk_session, case_id)
    action = start_action(qtbot, dialog, "rated")
    fill(qtbot, action, {"level": 1})
    submit(qtbot, action)
    qtbot.waitUntil(action.errors["reason"].isVisible)
    assert "不满意或非常不满意的评价须写明原因" in action.errors["reason"].text()
    assert action.isVisible() and case_events(desk, case_id) == before
    fill(qtbot, action, {"reason": "办得太慢"})
    submit(qtbot, action)
    qtbot.waitUntil(lambda: len(case_events(desk, case_id)) == len(before) + 1)


def test_a_claim_waiting_for_its_signature_offers_no_acceptance(qtbot, clerk_session, case_maker):
    desk = clerk_session.desk
    case_id = case_maker(kind="claim", accept=False)  # a claim with no authorisation yet
    dialog = open_detail(qtbot, clerk_session, case_id)
    assert "待签委托" in dialog.state.text()
    assert "accepted" not in dialog.action_buttons and "authorised" in dialog.action_buttons
    assert "signed" not in dialog.action_buttons  # the scope is written first
    assert case_events(desk, case_id) == ["registered"]


def test_an_action_overtaken_by_someone_else_is_refused_with_the_reason(qtbot, clerk_session, case_maker):
    desk = clerk_session.desk
    case_id = case_maker(accept=False)
    dialog = open_detail(qtbot, clerk_session, case_id)
    action = start_action(qtbot, dialog, "declined")
    act(desk, "admin", case_id, "accepted")  # meanwhile, at another desk
    fill(qtbot, action, {"reason": "不属于代理范围", "remedy": "请到镇里办"})
    submit(qtbot, action)
    qtbot.waitUntil(action.general_error.isVisible)
    assert "办件当前为“办理中”，不能“不予受理”" in action.general_error.text()
    assert "现在可以" in action.general_error.text()
    assert case_events(desk, case_id) == ["registered", "accepted"]


def test_only_actions_that_can_succeed_are_offered(qtbot, clerk_session, case_maker):
    desk = clerk_session.desk
    case_id = case_maker(kind="errand", catalogue_code="MZ-001")
    for event_type, payload in (DONE, TOLD, ("rated", {"level": 5})):
        act(desk, "clerk", case_id, event_type, **payload)
    dialog = open_detail(qtbot, clerk_session, case_id)
    assert set(dialog.action_buttons) == {"note", "return_visit", "reopened"}


def test_escape_closes_an_action_without_losing_what_was_typed(qtbot, clerk_session, case_maker):
    case_id = case_maker(accept=False)
    dialog = open_detail(qtbot, clerk_session, case_id)
    action = start_action(qtbot, dialog, "declined")
    fill(qtbot, action, {"reason": "须本人到场"})
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not action.isVisible())
    again = start_action(qtbot, dialog, "declined")
    assert again is action and action.inputs["reason"].toPlainText() == "须本人到场"
    assert case_events(clerk_session.desk, case_id) == ["registered"]


def test_the_detail_shows_the_person_masked_the_matter_and_the_time_left(qtbot, clerk_session, case_maker):
    case_id = case_maker(kind="errand", catalogue_code="MZ-001", materials_received=["户口簿"])
    act(clerk_session.desk, "clerk", case_id, "note", text="已联系镇民政办")
    dialog = open_detail(qtbot, clerk_session, case_id)
    person = dialog.villager_form.toPlainText()
    assert "张三" in person and "110105********002X" in person and "138****5678" in person
    assert "19491231" not in person
    matter = dialog.matter_form.toPlainText()
    assert "最低生活保障申请" in matter and "25个工作日" in matter and "户口簿" in matter
    assert "还剩" in dialog.time_left.text()
    whats = [dialog.timeline.item(r, 2).text() for r in range(dialog.timeline.rowCount())]
    assert whats == ["登记", "受理", "备注"]
    assert dialog.timeline.item(2, 1).text() == "季红梅"
    assert dialog.timeline.item(2, 3).text() == "已联系镇民政办"
    assert "accepted" not in dialog.action_buttons and "completed" in dialog.action_buttons


def test_revealing_the_full_numbers_asks_why_and_records_it(qtbot, clerk_session, case_maker):
    case_id = case_maker()
    dialog = open_detail(qtbot, clerk_session, case_id)
    dialog.reveal_button.click()
    asked = dialog.reveal_dialog
    qtbot.waitUntil(asked.isVisible)
    assert "19491231" not in dialog.villager_form.toPlainText()  # nothing shown before the why
    qtbot.keyClick(asked, Qt.Key.Key_Escape)  # cancelled: still masked, nothing recorded
    qtbot.waitUntil(lambda: not asked.isVisible())
    assert not dialog.reveal_button.isChecked() and "revealed" not in case_events(clerk_session.desk, case_id)

    dialog.reveal_button.click()
    asked = dialog.reveal_dialog
    qtbot.waitUntil(asked.isVisible)
    assert not asked.ok.isEnabled()  # a reason is required
    type_text(qtbot, asked.reason.lineEdit(), "核对群众身份")
    asked.ok.click()
    qtbot.waitUntil(lambda: "11010519491231002X" in dialog.villager_form.toPlainText())
    assert "13812345678" in dialog.villager_form.toPlainText()
    assert case_events(clerk_session.desk, case_id)[-1] == "revealed"
    qtbot.waitUntil(lambda: dialog.timeline.rowCount() == 3)
    assert dialog.timeline.item(2, 2).text() == "显示完整号码"
    assert dialog.timeline.item(2, 1).text() == "季红梅" and "核对群众身份" in dialog.timeline.item(2, 3).text()
    dialog.reveal_button.click()  # masking again needs no reason
    assert "19491231" not in dialog.villager_form.toPlainText()
