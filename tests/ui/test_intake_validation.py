"""Intake errors: the reason is shown next to the field, nothing is written, nothing typed is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from haian_desk.people.typing_checks import OK, TYPING, WRONG
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


def counts(desk) -> tuple[int, int, int]:
    return (
        desk.db.scalar("SELECT count(*) FROM cases"),
        desk.db.scalar("SELECT count(*) FROM villagers"),
        desk.db.scalar("SELECT count(*) FROM events"),
    )


def start(qtbot, page, kind_key) -> None:
    type_here(qtbot, "zhangsan")
    qtbot.waitUntil(lambda: page.villager_lookup.match_count() > 0)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, kind_key, Qt.KeyboardModifier.AltModifier)


def save_and_wait_for(qtbot, page, error_label) -> str:
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(error_label.isVisible)
    assert not page.saving and not page.result_banner.isVisible()
    return error_label.text()


def test_a_wrong_id_number_says_why_as_it_is_typed_and_registers_nobody(qtbot, page, clerk_session):
    before = counts(clerk_session.desk)
    type_here(qtbot, "王秀英")
    qtbot.waitUntil(page.villager_lookup.results.isVisible)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert focused() is page.new_villager.inputs["id_number"]
    note = page.new_villager.notes["id_number"]
    type_here(qtbot, "3206851956")
    assert note.property("state") == TYPING and "10位" in note.text()
    type_here(qtbot, "03150021")  # 18 digits, the last one wrong
    assert note.property("state") == WRONG and "校验位" in note.text()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.new_villager.busy)
    assert "校验位" in note.text() and focused() is page.new_villager.inputs["id_number"]
    assert counts(clerk_session.desk) == before
    assert page.new_villager.inputs["name"].text() == "王秀英"  # nothing typed is lost
    page.new_villager.inputs["id_number"].clear()
    type_here(qtbot, valid_id_number("32068519560315002"))
    assert note.property("state") == OK


def test_a_wrong_id_number_stays_put_and_saving_the_matter_registers_nobody(qtbot, page, clerk_session):
    before = counts(clerk_session.desk)
    type_here(qtbot, "王秀英")
    qtbot.waitUntil(page.villager_lookup.results.isVisible)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "320685195603150021")  # 18 digits, the last one wrong: no moving on
    assert focused() is page.new_villager.inputs["id_number"]
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "路灯坏了")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # registers the person first: refused
    qtbot.waitUntil(lambda: not page.new_villager.busy)
    assert "校验位" in page.new_villager.notes["id_number"].text()
    assert focused() is page.new_villager.inputs["id_number"]
    assert counts(clerk_session.desk) == before and not page.result_banner.isVisible()
    assert page.description.toPlainText() == "路灯坏了"  # nothing typed is lost


def test_a_new_villager_saved_with_a_refused_matter_is_registered_once(qtbot, page, clerk_session):
    desk = clerk_session.desk
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "王秀英")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, valid_id_number("32068519560315002"))
    assert focused() is page.new_villager.inputs["phone"]
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    press(
        qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )  # no description yet: the person is kept, the matter not
    qtbot.waitUntil(page.description_error.isVisible)
    assert desk.db.scalar("SELECT count(*) FROM villagers WHERE name = '王秀英'") == 1
    assert page.villager_id and not page.new_villager.isVisible() and "王秀英" in page.villager_chosen.text()
    assert focused() is page.description
    type_here(qtbot, "路灯坏了")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.result_banner.isVisible)
    assert desk.db.scalar("SELECT count(*) FROM villagers WHERE name = '王秀英'") == 1
    assert desk.db.scalar("SELECT count(*) FROM cases") == 1


def test_a_wrong_phone_says_why_as_it_is_typed(qtbot, page):
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    page.new_villager.inputs["phone"].setFocus()
    type_here(qtbot, "138123456789")
    note = page.new_villager.notes["phone"]
    assert note.property("state") == WRONG and "11位" in note.text()


def test_an_id_number_already_on_the_roll_points_at_that_person(qtbot, page, clerk_session):
    before = counts(clerk_session.desk)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "张叁")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "11010519491231002X")  # 张三's number
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已登记在“张三”名下" in page.new_villager.notes["id_number"].text())
    assert counts(clerk_session.desk) == before


def test_an_errand_without_a_matter_is_refused_next_to_the_matter(qtbot, page, clerk_session):
    before = counts(clerk_session.desk)
    start(qtbot, page, Qt.Key.Key_2)
    page.description.setFocus()
    type_here(qtbot, "想办个补贴")
    text = save_and_wait_for(qtbot, page, page.matter.error)
    assert "事务代办必须选择具体事项" in text
    assert counts(clerk_session.desk) == before
    assert page.description.toPlainText() == "想办个补贴" and page.villager_id
    assert focused() in (page.matter.lookup.edit, page.matter)


def test_a_claim_without_an_authorisation_is_refused_next_to_it(qtbot, page, clerk_session):
    before = counts(clerk_session.desk)
    start(qtbot, page, Qt.Key.Key_3)
    page.description.setFocus()
    type_here(qtbot, "被拖欠工资")
    text = save_and_wait_for(qtbot, page, page.auth.errors["scope"])
    assert "请填写授权委托的范围" in text
    assert focused() is page.auth.scope
    assert counts(clerk_session.desk) == before
    assert page.kind.kind() == "claim" and page.description.toPlainText() == "被拖欠工资"


def test_an_urgent_matter_without_a_deadline_is_refused_next_to_the_deadline(qtbot, page, clerk_session):
    before = counts(clerk_session.desk)
    start(qtbot, page, Qt.Key.Key_1)
    type_here(qtbot, "3组桥面塌陷，急需处理")
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert page.urgency.deadline_row.isVisible()
    text = save_and_wait_for(qtbot, page, page.urgency.error)
    assert "紧急事项必须在登记时约定办结时限" in text
    assert counts(clerk_session.desk) == before
    assert focused() is page.urgency.choice
    press(qtbot, Qt.Key.Key_Down)  # pick “2小时内” and save again
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.result_banner.isVisible)
    assert not page.urgency.error.isVisible()


def test_saving_with_no_villager_points_at_the_villager(qtbot, page, clerk_session):
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "建议修路")
    text = save_and_wait_for(qtbot, page, page.villager_error)
    assert "请先选择或新建群众" in text
    assert focused() is page.villager_lookup.edit
    assert counts(clerk_session.desk)[0] == 0


def test_a_save_key_pressed_twice_registers_one_matter(qtbot, page, clerk_session):
    start(qtbot, page, Qt.Key.Key_1)
    type_here(qtbot, "建议修路")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.result_banner.isVisible)
    wait_idle(qtbot, clerk_session)
    assert counts(clerk_session.desk)[0] == 1
