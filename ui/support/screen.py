"""Paired support (结对帮扶): the paired households with overdue visits standing out, each
household's visit log, and the vulnerable households still waiting for a cadre."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haian_desk.community import support
from haian_desk.core.timeutil import from_iso, local, show
from haian_desk.people.villagers import TAGS
from ui.i18n import term
from ui.session import Session
from ui.support.dialogs import EndDialog, PairDialog, ReassignDialog, VisitDialog, load_choices
from ui.support.form import FormDialog, run_form
from ui.widgets.feedback import ErrorLabel, alive
from ui.widgets.named import named
from ui.widgets.tables import list_beside_detail, list_table

if TYPE_CHECKING:
    from haian_desk.desk import Desk

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#b00020")


def tag_words(tags: list[str]) -> str:
    return "、".join(term(TAGS[t]) for t in tags)


class SupportScreen(QWidget):
    dialog: FormDialog | None = None  # the form open now (tests reach it here)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.households: list[support.Household] = []
        self.unpaired: list = []
        self.summary = named(QLabel(), "support_summary")
        self.only_overdue = named(QCheckBox(self.tr("只看逾期未走访")), "support_only_overdue")
        self.pair_button = named(QPushButton(self.tr("结对(&P)…")), "support_pair")
        self.visit_button = named(QPushButton(self.tr("登记走访(&V)…")), "support_visit")
        self.reassign_button = named(QPushButton(self.tr("更换代理员…")), "support_reassign")
        self.end_button = named(QPushButton(self.tr("结束结对…")), "support_end")
        self.error = ErrorLabel(self)
        self.table = self._table(
            "support_households",
            [
                self.tr("姓名"),
                self.tr("户号"),
                self.tr("困难类型"),
                self.tr("结对代理员"),
                self.tr("走访周期"),
                self.tr("上次走访"),
                self.tr("应走访日期"),
                self.tr("状态"),
            ],
        )
        self.visits = self._table(
            "support_visits",
            [self.tr("走访时间"), self.tr("方式"), self.tr("代理员"), self.tr("走访情况"), self.tr("当场受理")],
        )
        self.waiting = self._table(
            "support_unpaired", [self.tr("姓名"), self.tr("户号"), self.tr("困难类型"), self.tr("住址")]
        )
        self._lay_out()
        self.only_overdue.toggled.connect(lambda _: self._fill_households())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.pair_button.clicked.connect(self.open_pair)
        self.visit_button.clicked.connect(self.open_visit)
        self.reassign_button.clicked.connect(self.open_reassign)
        self.end_button.clicked.connect(self.open_end)
        session.changed.connect(lambda kinds: self.refresh())
        self._selection_changed()
        self.refresh()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        return list_table(name, headers)

    def _lay_out(self) -> None:
        # The summary on a line of its own: beside the buttons it made the screen wider than a
        # 1366×768 laptop in English or large print.
        bar = QHBoxLayout()
        for widget in (self.only_overdue, self.pair_button, self.visit_button, self.reassign_button, self.end_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("走访记录")))
        side.addWidget(self.visits, 3)
        side.addWidget(QLabel(self.tr("尚未结对的困难户")))
        side.addWidget(self.waiting, 2)
        splitter = list_beside_detail(self.table, None, right, (3, 2), scroll=False)  # its tables scroll
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        def load(desk: Desk):
            return support.households(desk, desk.now()), support.unpaired_vulnerable(desk)

        self.session.run(load, alive(self, self._loaded), alive(self, self.error.show_error))

    def _loaded(self, result) -> None:
        selected = self.selected()
        self.households, self.unpaired = result
        overdue = sum(h.overdue for h in self.households)
        self.summary.setText(
            self.tr("结对 {0} 户，其中 {1} 户逾期未走访；尚未结对的困难户 {2} 户").format(
                len(self.households), overdue, len(self.unpaired)
            )
        )
        self._fill_households(selected.pairing_id if selected else None)
        self._fill_waiting()

    def shown_households(self) -> list[support.Household]:
        return [h for h in self.households if h.overdue or not self.only_overdue.isChecked()]

    def _fill_households(self, keep: str | None = None) -> None:
        rows = self.shown_households()
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            status = self.tr("逾期 {0} 天").format(h.overdue_days) if h.overdue else self.tr("正常")
            cells = [
                h.name,
                h.household_no or "",
                tag_words(h.tags),
                h.cadre_name,
                self.tr("{0} 天").format(h.interval_days),
                show(h.last_visit_at) or self.tr("未走访"),
                local_day(h.due_at),
                status,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, h.pairing_id)
                if h.overdue:
                    item.setBackground(QBrush(OVERDUE_BG))
                    if c == 7:
                        item.setForeground(QBrush(OVERDUE_FG))
                self.table.setItem(r, c, item)
            if h.pairing_id == keep:
                self.table.selectRow(r)
        self._selection_changed()

    def _fill_waiting(self) -> None:
        self.waiting.setRowCount(len(self.unpaired))
        for r, v in enumerate(self.unpaired):
            cells = [v["name"], v["household_no"] or "", tag_words(support.household_tags(v)), v["address"] or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v["id"])
                self.waiting.setItem(r, c, item)

    def selected(self) -> support.Household | None:
        items = self.table.selectedItems()
        if not items:
            return None
        pairing_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((h for h in self.households if h.pairing_id == pairing_id), None)

    def _selection_changed(self) -> None:
        household = self.selected()
        for button in (self.visit_button, self.reassign_button, self.end_button):
            button.setEnabled(household is not None)
        if household is None:
            self.visits.setRowCount(0)
            return
        self.session.run(lambda desk: support.visit_log(desk, household.pairing_id), alive(self, self._fill_visits))

    def _fill_visits(self, rows) -> None:
        self.visits.setRowCount(len(rows))
        for r, v in enumerate(rows):
            cells = [
                show(v["visited_at"]),
                term(support.VISIT_METHODS.get(v["method"], v["method"])),
                v["cadre_name"] or "",
                v["note"] + (f"（{v['needs']}）" if v["needs"] else ""),
                self.tr("是") if v["case_id"] else "",
            ]
            for c, text in enumerate(cells):
                self.visits.setItem(r, c, QTableWidgetItem(text))

    # --- actions --------------------------------------------------------------------------

    def open_pair(self) -> None:
        waiting = self.waiting.selectedItems()
        chosen = waiting[0].data(Qt.ItemDataRole.UserRole) if waiting else None
        self.session.run(load_choices, alive(self, lambda choices: self._pair_with(choices, chosen)))

    def _pair_with(self, choices, chosen: str | None) -> None:
        self.dialog = dialog = PairDialog(self.unpaired, choices.cadres, chosen, self)
        user = self.session.user.username

        def work():  # reads the dialog here, on the GUI thread; the worker gets the values
            values = dialog.values()
            return lambda desk: support.pair(desk, user, *values)

        run_form(self.session, dialog, work)

    def open_visit(self) -> None:
        household = self.selected()
        if household is None:
            return
        self.session.run(load_choices, alive(self, lambda choices: self._visit_with(choices, household)))

    def _visit_with(self, choices, household: support.Household) -> None:
        self.dialog = dialog = VisitDialog(household, choices, self.session.desk.now(), self)
        user = self.session.user.username

        def work():
            visit = dialog.visit_input()
            return lambda desk: support.record_visit(desk, user, visit)

        run_form(self.session, dialog, work)

    def open_reassign(self) -> None:
        household = self.selected()
        if household is None:
            return
        self.session.run(load_choices, alive(self, lambda choices: self._reassign_with(choices, household)))

    def _reassign_with(self, choices, household: support.Household) -> None:
        self.dialog = dialog = ReassignDialog(household, choices.cadres, self)
        user = self.session.user.username

        def work():
            cadre = dialog.cadre_id()
            return lambda desk: support.reassign(desk, user, household.pairing_id, cadre)

        run_form(self.session, dialog, work)

    def open_end(self) -> None:
        household = self.selected()
        if household is None:
            return
        self.dialog = dialog = EndDialog(household, self)
        user = self.session.user.username

        def work():
            reason = dialog.reason.text()
            return lambda desk: support.end_pairing(desk, user, household.pairing_id, reason)

        run_form(self.session, dialog, work)


def local_day(stamp: str) -> str:
    return local(from_iso(stamp)).strftime("%Y-%m-%d")
