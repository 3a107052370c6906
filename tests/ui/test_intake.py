"""Intake with the keyboard alone: each kind of service typed in and saved, as a clerk does it.

Every key goes to whatever has the focus, so these tests also prove the tab
order and the shortcuts: nothing is clicked.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from haian_desk.core.timeutil import to_iso
from tests.ui.helpers import wait_idle
from tests.ui.workscreens import focused, press, show_active, type_here, valid_id_number
from ui.intake.page import IntakePage


@pytest.fixture
def page(qtbot, clerk_session):
    page = IntakePage(clerk_session)
    page.resize(1200, 800)
    show_active(qtbot, page)
    wait_idle(qtbot, clerk_session)
    page.setFocus()
    return page


def cases(desk) -> list[dict]:
    return [dict(r) for r in desk.db.query("SELECT * FROM cases")]


def pick_villager(qtbot, page, typed: str) -> None:
    assert focused() is page.villager_lookup.edit
    type_here(qtbot, typed)
    qtbot.waitUntil(lambda: page.villager_lookup.match_count() > 0)
    press(qtbot, Qt.Key.Key_Return)
    assert page.villager_id


def saved_case(qtbot, page, desk) -> dict:
    qtbot.waitUntil(page.result_banner.isVisible)
    [case] = cases(desk)
    assert page.case_number.text() == case["case_no"]
    return case


def test_an_opinion_typed_with_the_keyboard_alone(qtbot, page, clerk_session, villager_id, cadre_id):
    desk = clerk_session.desk
    pick_villager(qtbot, page, "zhangsan")
    assert "张三" in page.villager_chosen.text() and "138****5678" in page.villager_chosen.text()
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert focused() is page.description
    type_here(qtbot, "反映3组路灯不亮，晚上出行不便")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.channel
    press(qtbot, Qt.Key.Key_Down)  # 来访 → 来电
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.urgency.urgent
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # 久拖不决
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case = saved_case(qtbot, page, desk)
    assert (case["kind"], case["villager_id"], case["channel"]) == ("opinion", villager_id, "phone")
    assert case["description"] == "反映3组路灯不亮，晚上出行不便"
    assert (case["long_standing"], case["petition"], case["status"]) == (1, 0, "in_progress")
    assert case["first_cadre_id"] == cadre_id  # the clerk's own cadre: 首问负责
    assert "已登记" in page.result_caption.text()
    assert focused() is page.villager_lookup.edit and page.villager_lookup.text() == ""


def test_an_errand_for_a_new_villager_typed_with_the_keyboard_alone(qtbot, page, clerk_session):
    desk = clerk_session.desk
    type_here(qtbot, "王秀英")
    qtbot.waitUntil(page.villager_lookup.results.isVisible)
    assert page.villager_lookup.match_count() == 0  # only “＋ 新建群众”
    press(qtbot, Qt.Key.Key_Return)
    assert page.new_villager.inputs["name"].text() == "王秀英"
    assert focused() is page.new_villager.inputs["id_number"]
    number = valid_id_number("32068519560315002")
    type_here(qtbot, number)
    assert "1956-03-15" in page.new_villager.notes["id_number"].text()
    assert focused() is page.new_villager.inputs["phone"]  # a complete, valid number moves on
    type_here(qtbot, "13962700001")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.villager_id))
    person = desk.db.one("SELECT * FROM villagers WHERE id = ?", (page.villager_id,))
    assert (person["name"], person["id_number"], person["phone"]) == ("王秀英", number, "13962700001")

    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert focused() is page.matter.lookup.edit
    type_here(qtbot, "低保")
    qtbot.waitUntil(lambda: page.matter.lookup.match_count() > 0)
    press(qtbot, Qt.Key.Key_Return)
    assert page.matter.limit.text() == "25个工作日"
    assert focused() is page.matter.materials
    press(qtbot, Qt.Key.Key_Space)  # the application form
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # the ID cards
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.description
    type_here(qtbot, "代为申请低保，老人患病无劳动能力")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "question", None) is not None and page.question.isVisible())
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # the other materials are here: accept as it is
    case = saved_case(qtbot, page, desk)
    assert case["status"] == "in_progress"
    assert (case["kind"], case["catalogue_code"], case["matter_name"]) == ("errand", "MZ-001", "最低生活保障申请")
    assert json.loads(case["materials_received"]) == [
        "最低生活保障申请书（申请人签字）",
        "申请人及共同生活家庭成员居民身份证",
    ]
    assert json.loads(case["time_limit"]) == {"amount": 25, "unit": "working_days"}


def test_an_urgent_claim_with_its_authorisation_typed_with_the_keyboard_alone(qtbot, page, clerk_session, clock):
    desk = clerk_session.desk
    pick_villager(qtbot, page, "5678")  # by the last digits of the phone
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert focused() is page.auth.scope
    type_here(qtbot, "代为协调讨要拖欠工资")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # signed on paper
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.auth.date
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "在外务工被拖欠工资三个月")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.urgency.urgent
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.urgency.choice
    press(qtbot, Qt.Key.Key_Down)  # “2小时内”
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case = saved_case(qtbot, page, desk)
    assert (case["kind"], case["urgency"], case["status"]) == ("claim", "urgent", "in_progress")
    assert case["deadline"] == to_iso(clock.now + timedelta(hours=2))
    assert json.loads(case["authorisation"]) == {
        "scope": "代为协调讨要拖欠工资",
        "signed_on_paper": True,
        "date": "2026-03-04",
    }


def test_the_kind_buttons_are_large_labelled_and_show_their_shortcuts(page):
    for kind, word, key in (
        ("opinion", "民意代言", "Alt+1"),
        ("errand", "事务代办", "Alt+2"),
        ("claim", "诉求代理", "Alt+3"),
    ):
        button = page.kind.buttons[kind]
        assert button.accessibleName() == word and key in button.toolTip()
        assert button.height() >= 2 * page.save_button.fontMetrics().height()


def test_a_matter_that_needs_the_person_in_person_says_so(qtbot, page):
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "婚姻登记")
    qtbot.waitUntil(lambda: page.matter.lookup.match_count() > 0)
    press(qtbot, Qt.Key.Key_Return)
    assert page.matter.in_person.isVisible()
    assert "须本人到场办理，不能代办" in page.matter.in_person.text()
