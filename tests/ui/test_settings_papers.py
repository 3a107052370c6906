"""The station's paper details in settings: an admin sets the township hotline; staff cannot."""

from __future__ import annotations

from PySide6.QtCore import Qt

from haian_desk import station_settings
from tests.ui.helpers import type_text, wait_idle
from ui.settings.papers_tab import PapersTab


def make_tab(qtbot, session) -> PapersTab:
    tab = PapersTab(session)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(qtbot, session)
    return tab


def test_admin_sets_the_township_hotline_and_receipt_paper(qtbot, admin_session, desk):
    tab = make_tab(qtbot, admin_session)
    assert tab.edits["county_hotline"].text() == "12345"
    tab.edits["township_hotline"].setFocus()
    type_text(qtbot, tab.edits["township_hotline"], "0513-88901234")
    tab.paper.setCurrentIndex(tab.paper.findData("80mm"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存" in tab.message.text())
    saved = station_settings.load(desk)
    assert saved.township_hotline == "0513-88901234" and saved.receipt_paper == "80mm"


def test_a_refused_value_says_why_and_saves_nothing(qtbot, admin_session, desk):
    tab = make_tab(qtbot, admin_session)
    tab.edits["office_hours"].setText("很" * 100)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "没有保存" in tab.message.text())
    assert "太长" in tab.message.text()
    assert station_settings.load(desk).office_hours == ""
    assert tab.edits["office_hours"].text() == "很" * 100  # what was typed stays to be corrected


def test_staff_see_the_details_but_cannot_change_them(qtbot, desk, make_session):
    tab = make_tab(qtbot, make_session(desk, "clerk"))
    assert not tab.save_button.isEnabled() and not tab.edits["address"].isEnabled()
    assert "管理员" in tab.message.text()
