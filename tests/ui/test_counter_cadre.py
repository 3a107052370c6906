"""The person at the counter: a login linked to a cadre is the first-contact cadre, save after save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from haian_desk.people import cadres, users
from tests.conftest import STATION_CODE
from tests.ui.helpers import wait_idle
from tests.ui.workscreens import press, show_active, type_here
from ui.intake.page import IntakePage
from ui.settings.users_tab import UsersTab


@pytest.fixture
def intake(qtbot, admin_session):
    page = IntakePage(admin_session)
    page.resize(1200, 800)
    show_active(qtbot, page)
    wait_idle(qtbot, admin_session)
    return page


def _add_cadre(qtbot, session, name, phone):
    made = []
    session.run(
        lambda desk: cadres.add(desk, "admin", cadres.CadreInput(name=name, phone=phone, unit_code=STATION_CODE)),
        made.append,
    )
    qtbot.waitUntil(lambda: bool(made))
    wait_idle(qtbot, session)
    return made[0]


def test_a_cadre_added_on_the_roster_appears_at_intake_without_a_restart(qtbot, intake, admin_session):
    assert intake.cadre.count() == 1  # only “请选择”: a station made by init
    cid = _add_cadre(qtbot, admin_session, "仲维国", "13906271000")
    qtbot.waitUntil(lambda: intake.cadre.findData(cid) >= 0)
    assert intake.cadre.currentData() == ""  # not linked: not chosen for anyone


def test_linking_the_admin_in_settings_makes_them_the_first_contact(qtbot, intake, admin_session, desk):
    cid = _add_cadre(qtbot, admin_session, "仲维国", "13906271000")
    tab = UsersTab(admin_session)
    show_active(qtbot, tab)
    qtbot.waitUntil(lambda: tab.link_cadre.findData(cid) >= 0)
    tab.table.setCurrentCell(0, 0)
    tab.link_cadre.setFocus()
    tab.link_cadre.setCurrentIndex(tab.link_cadre.findData(cid))
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # 关联到所选代理员
    qtbot.waitUntil(lambda: "关联的代理员" in tab.manage_done.text())
    assert users.get(desk, "admin").cadre_id == cid and admin_session.user.cadre_id == cid
    qtbot.waitUntil(lambda: tab.table.item(0, 3) is not None and tab.table.item(0, 3).text() == "仲维国")
    qtbot.waitUntil(lambda: intake.cadre.currentData() == cid)


def test_the_chosen_cadre_stays_set_after_each_save(qtbot, intake, admin_session, desk, villager_id):
    first = _add_cadre(qtbot, admin_session, "仲维国", "13906271000")
    second = _add_cadre(qtbot, admin_session, "季红梅", "13906271037")
    qtbot.waitUntil(lambda: intake.cadre.findData(second) >= 0)
    for n in range(2):
        show_active(qtbot, intake)
        intake.villager_lookup.setFocus()
        type_here(qtbot, "zhangsan")
        lookup = intake.villager_lookup
        qtbot.waitUntil(
            lambda lookup=lookup: not lookup.timer.isActive() and not lookup.searching and lookup.match_count() > 0
        )
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(intake.villager_id))
        press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        type_here(qtbot, f"反映3组路灯不亮{n}")
        if n == 0:
            intake.cadre.setCurrentIndex(intake.cadre.findData(second))
        assert intake.cadre.currentData() == second
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda n=n: (
                desk.db.scalar("SELECT count(*) FROM cases") == n + 1
                or any(label.text() for label in intake.findChildren(type(intake.general_error)))
            )
        )
        assert desk.db.scalar("SELECT count(*) FROM cases") == n + 1, [
            label.text() for label in intake.findChildren(type(intake.general_error)) if label.text()
        ]
        qtbot.waitUntil(intake.result_banner.isVisible)
        assert intake.cadre.currentData() == second  # the next villager, the same clerk
    assert {r[0] for r in desk.db.query("SELECT first_cadre_id FROM cases")} == {second}
    assert first
