"""The working calendar in settings: years known and their source, a year's days, an import."""

from __future__ import annotations

from datetime import datetime

from haian_desk.cases import operations, queries
from haian_desk.core.timeutil import CST
from haian_desk.people import cadres, villagers
from ui.settings.calendar_tab import CalendarTab


def make_tab(qtbot, session) -> CalendarTab:
    tab = CalendarTab(session)
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    qtbot.waitUntil(lambda: tab.view is not None)
    return tab


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def year_row(tab, year: int) -> int:
    return next(i for i, s in enumerate(tab.view.years) if s.year == year)


def test_years_known_and_where_each_came_from(qtbot, admin_session):
    tab = make_tab(qtbot, admin_session)
    assert cells(tab.years, year_row(tab, 2026))[:2] == ["2026年", "随软件附带（国务院办公厅公布的放假安排）"]
    assert cells(tab.years, year_row(tab, 2027))[1] == "尚未公布，暂只按周末计算"
    assert "只计工作日" in tab.rule.text()
    tab.years.selectRow(year_row(tab, 2026))
    days = [cells(tab.days, r) for r in range(tab.days.rowCount())]
    assert ["2026-10-10", "星期六", "调休上班（国庆节）"] in days
    assert ["2026-02-14", "星期六", "调休上班（春节）"] in days
    tab.years.selectRow(year_row(tab, 2027))
    assert "尚未公布" in cells(tab.days, 0)[2]


def test_import_refuses_a_bad_file_and_takes_a_good_one(qtbot, admin_session, desk, clock, tmp_path):
    cadre = cadres.add(
        desk, "admin", cadres.CadreInput(name="仲维国", phone="13906271000", unit_code=desk.installation.unit_code)
    )
    villager = villagers.register(desk, "admin", villagers.VillagerInput(name="张三"))
    clock.now = datetime(2026, 12, 31, 10, 0, tzinfo=CST)
    case = operations.take_in(
        desk,
        "clerk",
        operations.Intake(kind="opinion", villager_id=villager, description="反映路灯不亮", first_cadre_id=cadre),
    )
    tab = make_tab(qtbot, admin_session)
    bad = tmp_path / "bad.csv"
    bad.write_text("2027-01-01,放假,元旦\n2027-01-01,上班,元旦\n", encoding="utf-8")
    tab.import_file(bad)
    qtbot.waitUntil(lambda: "没有导入" in tab.message.text())
    assert "相互矛盾" in tab.message.text()
    good = tmp_path / "2027.csv"
    good.write_text("2027-01-01~2027-01-03,放假,元旦\n", encoding="utf-8")
    tab.import_file(good)
    qtbot.waitUntil(lambda: "已导入" in tab.message.text())
    assert "重算了1件" in tab.message.text()
    qtbot.waitUntil(lambda: tab.view.years[year_row(tab, 2027)].official)
    assert "曲塘镇双楼村代理站发布" in cells(tab.years, year_row(tab, 2027))[1]
    assert queries.get_case(desk, case.case_id).deadline == "2027-01-05T02:00:00Z"


def test_a_clerk_cannot_import(qtbot, desk, make_session):
    from haian_desk.people import users

    users.add_user(desk, "clerk1", "王会计", "station_staff", "pw-123456", actor="admin")
    tab = make_tab(qtbot, make_session(desk, "clerk1"))
    assert not tab.import_button.isEnabled()


def test_the_top_of_the_tree_sets_the_48_hour_rule(qtbot, admin_session, desk):
    tab = make_tab(qtbot, admin_session)
    assert tab.rule_row.isVisible()  # no hub above this test station: it is its own top
    tab.set_rule("clock_hours")
    qtbot.waitUntil(lambda: "已设定" in tab.message.text())
    qtbot.waitUntil(lambda: tab.view.rule == "clock_hours")
    assert "自然时间" in tab.rule.text()
    from haian_desk.calendar import operations as working_calendar

    assert working_calendar.here(desk)[1] == "clock_hours"
