"""The villagers screen: masked list, search, edits checked by the domain, a villager's cases."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from haian_desk.people import reveals, villagers
from haian_desk.people.villagers import VillagerInput
from tests.ui.helpers import type_text, wait_idle
from ui.villagers.page import VillagersPage


@pytest.fixture
def page(qtbot, admin_session, villager_id):
    page = VillagersPage(admin_session)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    wait_idle(qtbot, admin_session)
    return page


def _row_texts(page) -> list[list[str]]:
    table = page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _search(qtbot, page, text):
    page.search.clear()
    type_text(qtbot, page.search, text)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    wait_idle(qtbot, page.session)


def test_numbers_are_masked_in_the_list_and_the_details(qtbot, page):
    row = _row_texts(page)[0]
    assert row[0] == "张三"
    assert "110105********002X" in row and "138****5678" in row
    assert "11010519491231002X" not in " ".join(row)
    assert page.detail.values["id_number"].text() == "110105********002X"
    page.detail.reveal.click()
    asked = page.detail.reveal_dialog
    assert page.detail.values["id_number"].text() == "110105********002X"  # not before the why
    asked.reason.setCurrentIndex(0)
    asked.ok.click()
    qtbot.waitUntil(lambda: page.detail.values["id_number"].text() == "11010519491231002X")
    assert page.detail.values["phone"].text() == "13812345678"
    history = reveals.history(page.session.desk, villager_id=page.detail.profile.villager.id)
    assert [(h["actor"], h["where"], h["reason"]) for h in history] == [
        (page.session.user.username, "screen", "核对群众身份")
    ]


@pytest.mark.parametrize("typed", ["张", "zhangsan", "zs", "5678", "19491231"])
def test_search_by_name_pinyin_initials_phone_or_id(qtbot, page, admin_session, typed):
    villagers.register(admin_session.desk, "admin", VillagerInput(name="李四", phone="13900001111"))
    _search(qtbot, page, typed)
    assert [r[0] for r in _row_texts(page)] == ["张三"]
    assert page.found.text() == "找到 1 位群众"


def test_invalid_id_number_shows_why_and_saves_nothing(qtbot, page, admin_session, villager_id):
    desk = admin_session.desk
    events_before = desk.db.scalar("SELECT count(*) FROM events")
    qtbot.mouseClick(page.detail.edit, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.id_number.selectAll()
    type_text(qtbot, dialog.id_number, "110105194912310021")  # last digit wrong
    assert "校验位不对" in dialog.id_verdict.text()  # said while typing
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "校验位不对" in dialog.error.text()
    assert dialog.isVisible() and dialog.id_number.text() == "110105194912310021"
    assert desk.db.scalar("SELECT count(*) FROM events") == events_before
    assert desk.db.scalar("SELECT id_number FROM villagers WHERE id = ?", (villager_id,)) == "11010519491231002X"


def test_a_valid_edit_is_saved_and_shown(qtbot, page, admin_session, villager_id):
    qtbot.mouseClick(page.detail.edit, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.phone.clear()
    type_text(qtbot, dialog.phone, "139 0627 1234")
    assert "13906271234" in dialog.phone_verdict.text()
    dialog.tags["empty_nest"].setChecked(True)
    dialog.household_no.setText("03012")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    wait_idle(qtbot, admin_session)
    row = admin_session.desk.db.one("SELECT phone, tags, household_no FROM villagers WHERE id = ?", (villager_id,))
    assert row["phone"] == "13906271234" and json.loads(row["tags"]) == ["empty_nest"]
    qtbot.waitUntil(lambda: "空巢老人" in page.detail.values["tags"].text())
    assert page.detail.values["phone"].text() == "139****1234"


def test_a_new_villager_joins_their_household(qtbot, page, admin_session, villager_id):
    desk = admin_session.desk
    villagers.update(
        desk,
        "admin",
        villager_id,
        VillagerInput(name="张三", id_number="11010519491231002X", phone="13812345678", household_no="03001"),
    )
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.name, "张小明")
    dialog.household_no.setText("03001")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    wait_idle(qtbot, admin_session)
    qtbot.waitUntil(lambda: page.detail.name.text() == "张小明")
    assert page.detail.household.item(0).text().startswith("张三")
    page.detail.household.itemActivated.emit(page.detail.household.item(0))  # Enter on 张三
    qtbot.waitUntil(lambda: page.detail.name.text() == "张三")
    assert page.detail.household.item(0).text().startswith("张小明")


def test_every_case_of_a_villager_is_listed(qtbot, demo_session, make_session):
    desk = demo_session.desk
    villager = desk.db.one(
        "SELECT v.id, v.name, count(*) AS n FROM cases c JOIN villagers v "
        "ON v.id = c.villager_id GROUP BY v.id ORDER BY n DESC LIMIT 1"
    )
    page = VillagersPage(demo_session)
    qtbot.addWidget(page)
    wait_idle(qtbot, demo_session)
    page.selected_id = villager["id"]
    page.reload()
    qtbot.waitUntil(lambda: page.detail.name.text() == villager["name"])
    wait_idle(qtbot, demo_session)
    numbers = {page.detail.cases.item(r, 0).text() for r in range(page.detail.cases.rowCount())}
    expected = {
        r["case_no"] for r in desk.db.query("SELECT case_no FROM cases WHERE villager_id = ?", (villager["id"],))
    }
    assert numbers == expected and len(numbers) == villager["n"] > 1
    with qtbot.waitSignal(page.openCase) as opened:
        page.detail.cases.cellDoubleClicked.emit(0, 0)
    assert opened.args[0] in {
        r["id"] for r in desk.db.query("SELECT id FROM cases WHERE villager_id = ?", (villager["id"],))
    }
