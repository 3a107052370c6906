"""The assessment screen: level and period, a sortable table, four charts, Excel and PDF export."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from haian_desk.assessment import build, parse_period
from tests.ui.helpers import wait_idle
from ui.assessment.screen import AssessmentScreen, period_choices


def open_screen(qtbot, session) -> AssessmentScreen:
    screen = AssessmentScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 860)
    screen.show()
    qtbot.waitUntil(lambda: screen.report is not None, timeout=10_000)
    return screen


def column(screen: AssessmentScreen, header: str) -> int:
    model = screen.table.model()
    return next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == header)


def cell(screen: AssessmentScreen, row: int, header: str) -> str:
    model = screen.table.model()
    return model.index(row, column(screen, header)).data()


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_this_half_year_comes_first():
    assert period_choices(2026, 11)[0] == ("2026年下半年", "2026H2")
    assert period_choices(2026, 3)[0] == ("2026年上半年", "2026H1")


def test_station_figures_match_the_domain_and_the_charts_have_data(qtbot, demo_session, demo_desk):
    screen = open_screen(qtbot, demo_session)
    expected = build(demo_desk, parse_period("2026H2")).rows["station"][0]
    assert screen.table.model().rowCount() == 1
    assert cell(screen, 0, "名称") == "曲塘镇双楼村代理站"
    assert cell(screen, 0, "登记件数") == str(expected["registered"])
    assert cell(screen, 0, "按时办结率") == f"{expected['on_time_rate'] * 100:.1f}%"
    assert "2026年下半年" in screen.info.text()
    titles = [view.chart.title for view in screen.charts]
    assert titles == ["月度办件量（按类型）", "各代理站按时办结率", "评价分布", "信访件数与上年同期"]
    assert not any(view.chart.is_empty for view in screen.charts[:3])


def test_cadre_table_sorts_by_a_clicked_column(qtbot, demo_session):
    screen = open_screen(qtbot, demo_session)
    choose(screen.level, "cadre")
    assert screen.table.model().rowCount() == 10
    assert screen.table.isColumnHidden(0)  # the cadre's internal id
    header = screen.table.horizontalHeader()
    registered = column(screen, "登记件数")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_centre_of(header, registered))
    values = [int(cell(screen, r, "登记件数")) for r in range(10)]
    assert values in (sorted(values), sorted(values, reverse=True)) and values != [values[0]] * 10
    screen.table.sortByColumn(registered, Qt.SortOrder.DescendingOrder)
    values = [int(cell(screen, r, "登记件数")) for r in range(10)]
    assert values == sorted(values, reverse=True)


def _centre_of(header, section: int) -> QPoint:
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_an_empty_custom_period_shows_zeros_and_says_so(qtbot, demo_session):
    screen = open_screen(qtbot, demo_session)
    choose(screen.period, "custom")
    assert screen.first_day.isVisible() and screen.last_day.isVisible()
    screen.first_day.setDate(QDate(2024, 1, 1))
    screen.last_day.setDate(QDate(2024, 3, 31))
    first = screen.report
    qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.report is not first and screen.report.period.label == "2024-01-01:2024-03-31")
    assert cell(screen, 0, "登记件数") == "0" and cell(screen, 0, "按时办结率") == "—"
    assert all(view.chart.is_empty for view in screen.charts)


def test_dates_the_wrong_way_round_are_explained(qtbot, demo_session):
    screen = open_screen(qtbot, demo_session)
    choose(screen.period, "custom")
    screen.first_day.setDate(QDate(2026, 5, 1))
    screen.last_day.setDate(QDate(2026, 4, 1))
    qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible() and "早于开始日期" in screen.error.text()


def test_export_to_excel_and_pdf(qtbot, demo_session, tmp_path, monkeypatch):
    screen = open_screen(qtbot, demo_session)
    xlsx, pdf = tmp_path / "考核.xlsx", tmp_path / "考核.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    qtbot.mouseClick(screen.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in screen.info.text(), timeout=10_000)
    assert load_workbook(xlsx)["代理站"]["B2"].value == "曲塘镇双楼村代理站"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(pdf) in screen.info.text(), timeout=10_000)
    wait_idle(qtbot, demo_session)
    assert "考核报告" in PdfReader(pdf).pages[0].extract_text()


def test_a_new_matter_updates_the_figures(qtbot, demo_session, demo_desk):
    from haian_desk.cases.operations import Intake, take_in

    screen = open_screen(qtbot, demo_session)
    before = int(cell(screen, 0, "登记件数"))
    villager = demo_desk.db.scalar("SELECT id FROM villagers LIMIT 1")
    cadre = demo_desk.db.scalar("SELECT id FROM cadres LIMIT 1")
    demo_session.run(
        lambda desk: take_in(
            desk, "admin", Intake(kind="opinion", villager_id=villager, first_cadre_id=cadre, description="建议修路")
        )
    )
    qtbot.waitUntil(lambda: cell(screen, 0, "登记件数") == str(before + 1), timeout=10_000)
