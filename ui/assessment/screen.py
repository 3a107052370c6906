"""The assessment screen: choose a level and a period, read a sortable table of figures and
four charts, export the same to Excel or PDF. The figures come from
haian_desk.assessment on the database worker; this screen only shows them."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from haian_desk.assessment import build, parse_period
from haian_desk.assessment.fields import LEVELS, fields_for
from haian_desk.assessment.report import Report
from haian_desk.assessment.xlsx import write_workbook
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import local, show
from ui.assessment.chart_data import all_charts
from ui.assessment.charts import ChartView
from ui.assessment.pdf import write_pdf
from ui.assessment.table_model import FiguresModel, sortable
from ui.i18n import term
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive
from ui.widgets.named import named

CUSTOM = "custom"
LEVEL_ORDER = ("station", "township", "cadre", "county")


def period_choices(year: int, month: int) -> list[tuple[str, str]]:
    """(label, period text): this half year first, then the other half, the year, last year."""
    this_half = f"{year}H1" if month <= 6 else f"{year}H2"
    codes = [f"{year}H1", f"{year}H2", str(year), f"{year - 1}H2", str(year - 1)]
    choices = [(period_label(code, code), code) for code in codes]
    choices.sort(key=lambda c: c[1] != this_half)
    return choices


def period_label(code: str, fallback: str) -> str:
    """2026H2 → 2026年下半年 (in the interface language); other periods keep their own title."""
    translate = QCoreApplication.translate
    if re.fullmatch(r"\d{4}H1", code):
        return translate("AssessmentScreen", "{0}年上半年").format(code[:4])
    if re.fullmatch(r"\d{4}H2", code):
        return translate("AssessmentScreen", "{0}年下半年").format(code[:4])
    if re.fullmatch(r"\d{4}", code):
        return translate("AssessmentScreen", "{0}年全年").format(code)
    return fallback


class AssessmentScreen(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.report: Report | None = None
        self._seq = 0
        self.level = named(QComboBox(), "assessment_level")
        for key in LEVEL_ORDER:
            self.level.addItem(term(LEVELS[key]), key)
        self.period = named(QComboBox(), "assessment_period")
        today = local(session.desk.now())
        for label, text in period_choices(today.year, today.month):
            self.period.addItem(label, text)
        self.period.addItem(self.tr("自定义日期…"), CUSTOM)
        self.first_day = self._date_edit("assessment_from", QDate(today.year, 1, 1))
        self.last_day = self._date_edit("assessment_to", QDate(today.year, today.month, today.day))
        self.run_button = named(QPushButton(self.tr("统计(&R)")), "assessment_run")
        self.xlsx_button = named(QPushButton(self.tr("导出 Excel…")), "assessment_xlsx")
        self.pdf_button = named(QPushButton(self.tr("导出 PDF 报告…")), "assessment_pdf")
        self.info = named(QLabel(), "assessment_info")
        self.error = ErrorLabel(self)
        self.model = FiguresModel(self)
        self.proxy = sortable(self.model)
        self.table = self._make_table()
        self.charts = [ChartView() for _ in range(4)]
        self._lay_out()
        self._connect()
        self._show_custom(False)
        self.refresh()

    def _date_edit(self, name: str, date: QDate) -> QDateEdit:
        edit = named(QDateEdit(date), name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _make_table(self) -> QTableView:
        table = named(QTableView(), "assessment_table")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSortIndicatorShown(True)
        return table

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (
            QLabel(self.tr("级别")),
            self.level,
            QLabel(self.tr("考核期")),
            self.period,
            self.first_day,
            self.last_day,
            self.run_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, chart in enumerate(self.charts):
            grid.addWidget(chart, i // 2, i % 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(grid_holder)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.level.currentIndexChanged.connect(lambda _: self._show_level())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.run_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(self.ask_xlsx)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.session.changed.connect(lambda kinds: self.refresh() if self.isVisible() else None)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self._show_custom(custom)
        if not custom:
            self.refresh()

    def _show_custom(self, visible: bool) -> None:
        self.first_day.setVisible(visible)
        self.last_day.setVisible(visible)

    def period_text(self) -> str:
        if self.period.currentData() == CUSTOM:
            return f"{self.first_day.date().toString('yyyy-MM-dd')}:{self.last_day.date().toString('yyyy-MM-dd')}"
        return self.period.currentData()

    # --- computing (on the database worker) ------------------------------------------------

    def refresh(self) -> None:
        self.error.clear_error()
        try:
            period = parse_period(self.period_text())
        except HaianError as error:  # says what is wrong with the dates and how to write them
            self.error.show_error(error)
            return
        self._seq += 1
        seq = self._seq
        self.info.setText(self.tr("正在统计……"))
        self._set_busy(True)
        self.session.run(
            lambda desk: build(desk, period), alive(self, lambda r: self._got(seq, r)), alive(self, self._failed)
        )

    def _got(self, seq: int, report: Report) -> None:
        if seq != self._seq:
            return  # an older request finished after a newer one was made
        self._set_busy(False)
        self.report = report
        self.info.setText(
            self.tr("{0}（{1} 至 {2}），统计截至 {3}。点列标题可排序。").format(
                period_label(report.period.label, self.tr("自定时段")),
                report.period.first_day,
                report.period.last_day,
                show(report.as_of),
            )
        )
        self._show_level()
        for view, chart in zip(self.charts, all_charts(report), strict=False):
            view.set_chart(chart)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.info.clear()
        self.error.show_error(error)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.run_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(not busy)

    def _show_level(self) -> None:
        if self.report is None:
            return
        level = self.level.currentData()
        names = {r["code"]: r["name"] for r in self.report.rows["station"]}
        self.model.set_rows(fields_for(level), self.report.rows[level], names)
        self.table.setColumnHidden(0, level == "cadre")  # a cadre's code is an internal id
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the report's own order (by code)

    # --- exporting ------------------------------------------------------------------------

    def _suggested(self, suffix: str) -> str:
        title = self.report.period.title if self.report else self.tr("考核")
        return str(Path.home() / f"{self.session.desk.installation.unit_name}{title}考核{suffix}")

    def ask_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 Excel"), self._suggested(".xlsx"), self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.export(path, "xlsx")

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 PDF 报告"), self._suggested(".pdf"), self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.export(path, "pdf")

    def export(self, path: str, form: str) -> None:
        """Write the report on show to ``path`` (file work happens on the worker)."""
        if self.report is None:
            self.error.show_error(self.tr("还没有统计结果，请先点“统计”"))
            return
        report = self.report
        write = write_workbook if form == "xlsx" else write_pdf
        self.info.setText(self.tr("正在导出……"))
        self.session.run(
            lambda desk: write(report, path),
            alive(self, lambda done: self.info.setText(self.tr("已导出：{0}").format(done))),
            alive(self, self._failed),
        )
