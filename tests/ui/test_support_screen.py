"""The paired-support screen: overdue households stand out, pairing, visits (with a case on the spot)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from haian_desk.community import support
from haian_desk.people import villagers
from tests.ui.helpers import type_text, wait_idle
from ui.support.screen import OVERDUE_BG, SupportScreen


def household(desk, name: str, *tags: str) -> str:
    return villagers.register(desk, "admin", villagers.VillagerInput(name=name, tags=tags, household_no="0301"))


@pytest.fixture
def paired(desk, clock, cadre_id):
    """Two households paired 40 days ago: a monthly one (overdue) and a quarterly one."""
    elder = support.pair(desk, "admin", household(desk, "钱七", "empty_nest"), cadre_id)
    support.pair(desk, "admin", household(desk, "孙八", "disabled"), cadre_id)
    household(desk, "周九", "widowed")  # waiting for a cadre
    clock.advance(days=40)
    return elder


def open_screen(qtbot, session) -> SupportScreen:
    screen = SupportScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    qtbot.waitUntil(lambda: screen.table.rowCount() > 0 or screen.summary.text() != "", timeout=10_000)
    wait_idle(qtbot, session)
    return screen


def names(table) -> list[str]:
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def press_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_overdue_households_come_first_in_red(qtbot, admin_session, paired):
    screen = open_screen(qtbot, admin_session)
    assert names(screen.table) == ["钱七", "孙八"]
    assert screen.table.item(0, 7).text() == "逾期 10 天"
    assert screen.table.item(0, 0).background().color() == OVERDUE_BG
    assert screen.table.item(1, 7).text() == "正常"
    assert screen.summary.text() == "结对 2 户，其中 1 户逾期未走访；尚未结对的困难户 1 户"
    screen.only_overdue.setChecked(True)
    assert names(screen.table) == ["钱七"]
    assert names(screen.waiting) == ["周九"]


def test_logging_a_visit_with_a_matter_taken_on_the_spot(qtbot, admin_session, paired, desk):
    screen = open_screen(qtbot, admin_session)
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.visit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(screen, "dialog", None) is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    type_text(qtbot, dialog.note, "老人身体尚好，反映屋顶漏雨")
    dialog.matter.setChecked(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("opinion"))
    type_text(qtbot, dialog.description, "屋顶漏雨，希望帮助维修")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_idle(qtbot, admin_session)
    qtbot.waitUntil(lambda: screen.table.item(0, 7).text() == "正常")  # no longer overdue
    assert screen.table.item(0, 0).text() == "钱七" and screen.table.item(0, 5).text() != "未走访"
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.visits.rowCount() == 1)
    assert screen.visits.item(0, 4).text() == "是"
    case = desk.db.one("SELECT channel, description FROM cases")
    assert (case["channel"], case["description"]) == ("home_visit", "屋顶漏雨，希望帮助维修")


def test_a_visit_without_a_note_is_refused_in_the_dialog(qtbot, admin_session, paired):
    screen = open_screen(qtbot, admin_session)
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.visit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(screen, "dialog", None) is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    type_text(qtbot, dialog.needs, "需要修屋顶")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "请填写走访情况" in dialog.error.text()
    assert dialog.isVisible() and dialog.needs.text() == "需要修屋顶"  # nothing typed is lost


def test_pairing_a_waiting_household(qtbot, admin_session, paired):
    screen = open_screen(qtbot, admin_session)
    screen.waiting.selectRow(0)
    qtbot.mouseClick(screen.pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(screen, "dialog", None) is not None and screen.dialog.isVisible())
    assert screen.dialog.villager.currentText().startswith("周九")
    press_ok(qtbot, screen.dialog)
    qtbot.waitUntil(lambda: "周九" in names(screen.table), timeout=10_000)
    assert screen.waiting.rowCount() == 0


def test_ending_a_pairing_needs_a_reason(qtbot, admin_session, paired):
    screen = open_screen(qtbot, admin_session)
    screen.table.selectRow(1)
    qtbot.mouseClick(screen.end_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "结束结对的原因" in dialog.error.text()
    type_text(qtbot, dialog.reason, "已迁出本村")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: names(screen.table) == ["钱七"], timeout=10_000)
