"""The complaints screen: recorded from a hotline, investigated, closed; the complainant masked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from haian_desk.cases.operations import Intake, take_in
from haian_desk.community import complaints
from tests.ui.helpers import type_text, wait_idle
from ui.complaints.screen import ComplaintsScreen


@pytest.fixture
def case_no(desk, villager_id, cadre_id) -> str:
    return take_in(
        desk,
        "clerk",
        Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="反映路灯不亮"),
    ).case_no


def open_screen(qtbot, session) -> ComplaintsScreen:
    screen = ComplaintsScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary.text() != "", timeout=10_000)
    wait_idle(qtbot, session)
    return screen


def press_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def wait_dialog(qtbot, screen, previous=None):
    qtbot.waitUntil(lambda: getattr(screen, "dialog", None) not in (None, previous) and screen.dialog.isVisible())
    return screen.dialog


def test_a_complaint_from_the_hotline_through_to_its_result(qtbot, admin_session, case_no, desk):
    screen = open_screen(qtbot, admin_session)
    assert screen.summary.text() == "未办结的举报 0 件"
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, screen)
    type_text(qtbot, dialog.case_no, case_no)
    type_text(qtbot, dialog.content, "答应三天修好路灯，一周了没人管")
    type_text(qtbot, dialog.who, "王秀英")
    type_text(qtbot, dialog.phone, "13812345678")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=10_000)
    assert screen.table.item(0, 2).text() == "仲维国" and screen.table.item(0, 3).text() == case_no
    assert screen.table.item(0, 6).text() == "王**"
    screen.table.selectRow(0)
    text = screen.detail.toPlainText()
    assert "138****5678" in text and "13812345678" not in text and "王秀英" not in text
    qtbot.mouseClick(screen.findings_button, Qt.MouseButton.LeftButton)
    findings = wait_dialog(qtbot, screen, dialog)
    type_text(qtbot, findings.findings, "经核查，确有拖延")
    press_ok(qtbot, findings)
    qtbot.waitUntil(lambda: screen.table.item(0, 4).text() == "核查中", timeout=10_000)
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    closing = wait_dialog(qtbot, screen, findings)
    assert closing.findings.toPlainText() == "经核查，确有拖延"  # carried over, not typed again
    closing.result_choice.setCurrentIndex(closing.result_choice.findData("upheld"))
    press_ok(qtbot, closing)
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0, timeout=10_000)  # the list shows open ones
    assert screen.summary.text() == "未办结的举报 0 件"
    screen.filter.setCurrentIndex(screen.filter.findData("closed"))
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=10_000)
    assert screen.table.item(0, 5).text() == "属实"
    assert complaints.complaints(desk)[0]["result"] == "upheld"


def test_an_unknown_case_number_is_explained_and_nothing_is_lost(qtbot, admin_session):
    screen = open_screen(qtbot, admin_session)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, screen)
    type_text(qtbot, dialog.case_no, "999-999-999")
    type_text(qtbot, dialog.content, "态度不好")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "没有编号为 999-999-999 的办件" in dialog.error.text()
    assert dialog.isVisible() and dialog.content.toPlainText() == "态度不好"
