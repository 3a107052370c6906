"""The county's desk: the same inbox screen as a township's, one rung higher."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from haian_desk.cases import inbox as centre, queries
from haian_desk.network import COUNTY_ROLE
from tests.sync.helpers import COUNTY, act, by_file, enrol, make_node, take_in, township_with_stations
from tests.ui.helpers import assert_nothing_clipped, type_text, wait_idle
from ui.main_window import screens_for
from ui.township.inbox import InboxPage, ReturnDialog

WAIT = 20_000
COUNTY_CENTRE = "海安市群众事务代理中心"
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"


@pytest.fixture
def ladder(tmp_path, clock):
    county = make_node(tmp_path / "county", COUNTY, COUNTY_CENTRE, COUNTY_ROLE, clock)
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    enrol(township, county)
    yield county, township, station
    for node in (county, township, station):
        node.close()


def sent_to_the_county(county, township, station, folder) -> str:
    case_id = take_in(station, name="陈国平", description="承包地被邻村占用，镇里协调不成")
    act(station, case_id, "transferred", to_level="township", to_unit=township.desk.installation.unit_name)
    by_file(station, township, folder)
    centre.take_up(township.desk, "staff", case_id)
    centre.forward(township.desk, "staff", case_id, "county", COUNTY_CENTRE, "需县里会办")
    by_file(township, county, folder)
    return case_id


def test_the_county_desk_takes_up_a_matter_and_returns_it_to_the_township(qtbot, ladder, make_session, tmp_path):
    county, township, station = ladder
    assert "inbox" in {s.key for s in screens_for(county.desk.installation.role)}
    case_id = sent_to_the_county(county, township, station, tmp_path)
    session = make_session(county.desk, "staff")
    page = InboxPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert page.view_buttons["sent_on"].text() == "已转部门"
    assert page.buttons["returned"].text() == "退回下级"
    page.table.setFocus()
    page.table.selectRow(0)
    assert page.buttons["take_up"].isEnabled() and not page.buttons["returned"].isEnabled()
    QTest.keyClick(page, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 接收(&A)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=WAIT)
    assert "已接收" in page.result.toPlainText()
    page.view_buttons["in_hand"].setChecked(True)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    page.table.selectRow(0)
    assert page.table.item(0, 8).text() == "本中心"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "county-inbox.png"))

    page.buttons["returned"].click()
    dialog = page.dialog
    assert isinstance(dialog, ReturnDialog)
    assert [dialog.target.itemData(i) for i in range(dialog.target.count())] == ["township", "station"]
    assert dialog.target.itemText(0) == "镇（街道）代理中心 曲塘镇代理中心"
    dialog.submit()  # nothing written without what was done
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert "请填写上级办理情况" in dialog.error.text()
    type_text(qtbot, dialog.outcome, "县里会办：已通知邻村退还")
    dialog.grab().save(str(SHOTS / "county-return.png"))
    assert_nothing_clipped(qtbot, dialog, "return dialog")
    dialog.submit()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=WAIT)
    assert "已把" in page.result.toPlainText() and "曲塘镇代理中心" in page.result.toPlainText()
    wait_idle(qtbot, session)

    case = queries.get_case(county.desk, case_id)
    assert (case.holder_level, case.holder) == ("township", "曲塘镇代理中心")
    by_file(township, county, tmp_path)
    [back] = centre.inbox(township.desk, township.desk.now(), centre.NEW)
    assert back.case_id == case_id


def test_the_township_desk_shows_a_matter_at_the_county_as_sent_on(qtbot, ladder, make_session, tmp_path):
    county, township, station = ladder
    sent_to_the_county(county, township, station, tmp_path)
    page = InboxPage(make_session(township.desk, "staff"))
    qtbot.addWidget(page)
    page.show()
    page.view_buttons["sent_on"].setChecked(True)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert page.table.item(0, 8).text() == f"县级 {COUNTY_CENTRE}"
    page.table.selectRow(0)
    assert [name for name, button in page.buttons.items() if button.isEnabled()] == ["open"]  # the county has it
