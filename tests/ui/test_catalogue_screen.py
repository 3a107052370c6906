"""The catalogue screen: search by Chinese or pinyin; admins edit (a new version), staff cannot."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from haian_desk.cases import catalogue
from haian_desk.cases.catalogue_queries import get_item
from tests.ui.helpers import type_text, wait_idle
from ui.catalogue.edit_dialog import CatalogueItemDialog
from ui.catalogue.page import CataloguePage


def _page(qtbot, session) -> CataloguePage:
    page = CataloguePage(session)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    wait_idle(qtbot, session)
    return page


def _names(page) -> list[str]:
    return [page.table.item(r, 1).text() for r in range(page.table.rowCount())]


def _search(qtbot, page, text):
    page.search.clear()
    type_text(qtbot, page.search, text)
    qtbot.waitUntil(lambda: not page.timer.isActive())
    wait_idle(qtbot, page.session)


@pytest.mark.parametrize("typed", ["最低生活", "zuidishenghuo", "zdshbz", "吃低保", "MZ-001"])
def test_search_by_chinese_pinyin_initials_or_keyword(qtbot, admin_session, typed):
    page = _page(qtbot, admin_session)
    _search(qtbot, page, typed)
    assert "最低生活保障申请" in _names(page)
    assert len(_names(page)) < 5


def test_an_item_shows_its_materials_time_limit_and_history(qtbot, admin_session):
    page = _page(qtbot, admin_session)
    _search(qtbot, page, "MZ-001")
    wait_idle(qtbot, admin_session)
    detail = page.detail
    assert detail.title.text().startswith("MZ-001")
    assert "户口簿" in detail.values["materials"].text()
    assert "工作日" in detail.values["limit"].text()
    assert detail.history.rowCount() == 1 and detail.history.item(0, 3).text() == "新建"


def test_admin_edit_creates_a_new_version_with_history(qtbot, admin_session):
    desk = admin_session.desk
    page = _page(qtbot, admin_session)
    _search(qtbot, page, "MZ-001")
    wait_idle(qtbot, admin_session)
    assert page.edit_button.isEnabled()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.code.isReadOnly() and dialog.code.text() == "MZ-001"
    dialog.materials.appendPlainText("近期一寸照片1张")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.saved_version == 2
    row = catalogue.get(desk, "MZ-001")
    assert row["version"] == 2 and "近期一寸照片1张" in row["materials"]
    qtbot.waitUntil(lambda: page.detail.history.rowCount() == 2)
    assert page.detail.history.item(1, 3).text() == "修改"
    assert page.detail.history.item(1, 2).text() == "admin"
    assert "第 2 版" in page.detail.values["version"].text()


def test_a_new_item_without_a_name_is_refused_with_the_reason(qtbot, admin_session):
    dialog = CatalogueItemDialog(admin_session, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("ZZ-001")
    dialog.name.setText("")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "请填写事项名称" in dialog.error.text()
    assert admin_session.desk.db.one("SELECT 1 FROM catalogue_items WHERE code = 'ZZ-001'") is None


def test_staff_cannot_edit(qtbot, desk, make_session):
    session = make_session(desk, "clerk")
    page = _page(qtbot, session)
    assert not page.edit_button.isEnabled() and not page.new_button.isEnabled()
    assert "只有管理员" in page.edit_button.toolTip()

    # Even if a dialog were reached, the domain refuses and says so; nothing is written.
    dialog = CatalogueItemDialog(
        session, replace(get_item(desk, "MZ-001"), materials=(), time_limit={"amount": 25, "unit": "working_days"})
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "只有管理员可以修改事项目录" in dialog.error.text()
    assert catalogue.get(desk, "MZ-001")["version"] == 1
