"""The working calendar in settings: which years are known and where each came from, the days
of a chosen year, the county's 48-hour rule, and (for admins) importing a published schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haian_desk.calendar import files, operations as working_calendar, store
from haian_desk.calendar.signature import verifier
from haian_desk.calendar.store import YearSource
from haian_desk.cases.deadlines import GENERAL_RULES
from ui.i18n import term
from ui.session import SETTINGS, SYNC, Session
from ui.widgets.feedback import alive
from ui.widgets.tables import list_table

if TYPE_CHECKING:
    from haian_desk.desk import Desk

_FALLBACK = QColor("#a15c00")


@dataclass(frozen=True)
class CalendarView:
    years: list[YearSource]
    rule: str
    sets_rule: bool  # this installation is the top of its tree (the county)
    days: dict[int, list[tuple[str, str, str]]]  # year → (date, weekday, reason) of its special days


def read_view(desk: Desk) -> CalendarView:
    """Everything the tab shows, read on the database worker."""
    calendar, rule = working_calendar.here(desk)
    years = sorted(working_calendar.years_known(desk), key=lambda s: -s.year)  # the years that matter first
    days: dict[int, list[tuple[str, str, str]]] = {}
    for source in years:
        day = date(source.year, 1, 1)
        special = []
        while day.year == source.year:
            found = calendar.day(day)
            if found.reason not in ("工作日", "周末"):
                special.append((day.isoformat(), QLocale().dayName(day.isoweekday()), _reason(found.reason)))
            day += timedelta(days=1)
        days[source.year] = special
    with desk.db.read() as conn:
        sets_rule = store.sets_the_rule(conn, desk.installation.role)
    return CalendarView(years, rule, sets_rule, days)


def _reason(reason: str) -> str:
    """法定节假日（国庆节） → "Public holiday (国庆节)": the kind translated, the day's own name kept."""
    kind, _, name = reason.partition("（")
    if not name:
        return term(reason)
    return QCoreApplication.translate("CalendarTab", "{0}（{1}）").format(term(kind), name.rstrip("）"))


class CalendarTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.view: CalendarView | None = None
        intro = QLabel(
            self.tr(
                "办结时限按工作日历计算：周末和法定节假日不计，调休上班的日子照常计算。"
                "还没有公布放假安排的年份暂只按周末计算，公布后（同步收到或导入文件）"
                "会自动重算在办事项的时限，并记入办件记录。"
            )
        )
        intro.setWordWrap(True)
        self.rule = QLabel()
        self.rule.setObjectName("calendar_rule")
        self.rule_choice = QComboBox()
        self.rule_choice.setObjectName("calendar_rule_choice")
        for code, words in GENERAL_RULES.items():
            self.rule_choice.addItem(term(words), code)
        self.rule_save = QPushButton(self.tr("设定(&S)"))
        self.rule_save.clicked.connect(lambda: self.set_rule(self.rule_choice.currentData()))
        self.rule_row = QWidget()
        row = QHBoxLayout(self.rule_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("本县一般事项48小时：")))
        row.addWidget(self.rule_choice)
        row.addWidget(self.rule_save)
        row.addStretch(1)
        self.rule_row.hide()
        self.years = list_table("calendar_years", [self.tr("年份"), self.tr("来源"), self.tr("局部调整")])
        self.years.itemSelectionChanged.connect(self._show_days)
        self.days = list_table("calendar_days", [self.tr("日期"), self.tr("星期"), self.tr("说明")])
        self.import_button = QPushButton(self.tr("导入放假安排文件(&I)…"))
        self.import_button.setEnabled(session.user.role == "admin")
        self.import_button.clicked.connect(self._choose_file)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("calendar_message")
        tables = QHBoxLayout()
        tables.addWidget(self.years, 3)
        tables.addWidget(self.days, 2)
        layout = QVBoxLayout(self)
        for widget in (intro, self.rule, self.rule_row):
            layout.addWidget(widget)
        layout.addLayout(tables, 1)
        layout.addWidget(self.import_button)
        layout.addWidget(self.message)
        session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kinds) -> None:
        if SETTINGS in kinds or SYNC in kinds:
            self.refresh()

    def refresh(self) -> None:
        self.session.run(read_view, alive(self, self._show), alive(self, self._failed))

    def _show(self, view: CalendarView) -> None:
        self.view = view
        self.rule.setText(self.tr("一般事项：{0}（县里统一设定）").format(term(GENERAL_RULES[view.rule])))
        # Only where the rule is set (the county, or an installation with no hub above it), for admins.
        self.rule_row.setVisible(view.sets_rule and self.session.user.role == "admin")
        self.rule_choice.setCurrentIndex(max(0, self.rule_choice.findData(view.rule)))
        self.years.setRowCount(len(view.years))
        for row, source in enumerate(view.years):
            cells = (
                self.tr("{0}年").format(source.year),
                term(source.source),
                self.tr("{0}天").format(source.adjustments) if source.adjustments else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not source.official:
                    item.setForeground(QBrush(_FALLBACK))
                self.years.setItem(row, column, item)
        current = next((i for i, s in enumerate(view.years) if s.year == self._this_year()), 0)
        self.years.selectRow(current)

    def _this_year(self) -> int:
        return working_calendar.this_year(self.session.desk)

    def _show_days(self) -> None:
        rows = self.years.selectionModel().selectedRows()
        if not self.view or not rows:
            return
        source = self.view.years[rows[0].row()]
        special = self.view.days.get(source.year, [])
        if not source.official and not special:
            special = [("", "", self.tr("{0}年放假安排尚未公布，暂只按周末计算").format(source.year))]
        self.days.setRowCount(len(special))
        for row, cells in enumerate(special):
            for column, text in enumerate(cells):
                self.days.setItem(row, column, QTableWidgetItem(text))

    def set_rule(self, rule: str) -> None:
        actor = self.session.user.username
        self.session.run(
            lambda desk: working_calendar.set_general_rule(desk, actor, rule),
            alive(self, lambda _: self.message.setText(self.tr("已设定，今后受理的事项按此计算。"))),
            alive(self, self._failed),
        )

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择放假安排文件"), "", self.tr("放假安排 (*.csv *.json);;所有文件 (*)")
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        actor = self.session.user.username

        def work(desk: Desk):
            schedule = files.read(path, today=desk.now().date(), verify=verifier(desk))
            return schedule, working_calendar.publish(desk, actor, schedule)

        self.message.setText(self.tr("正在导入…"))
        self.session.run(work, alive(self, self._imported), alive(self, self._failed))

    def _imported(self, result) -> None:
        schedule, published = result
        text = self.tr("已导入{0}（{1}）。").format(files.describe(schedule), schedule.source)
        if published.recomputed:
            text += self.tr("按新日历重算了{0}件办件的办结时限。").format(len(published.recomputed))
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(self.tr("没有导入：{0}").format(error))
