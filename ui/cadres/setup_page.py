"""The first-run wizard's cadre page: the person setting up (linked to the admin login) and others.

A station with no cadre cannot register a matter (every matter has a
首问责任人), and the board publishes each cadre's name and phone, so the
wizard asks for them before the station exists. The page checks with the
domain's rules (cadres.clean) and keeps what it checked; the wizard calls
``made`` on the worker once the installation and its admin exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from haian_desk.core.errors import ValidationError
from haian_desk.people import cadres, users
from ui.cadres.form import CadreForm
from ui.widgets.feedback import ErrorLabel, alive, explain, show_problems

if TYPE_CHECKING:
    from haian_desk.desk import Desk

OTHER_ROWS = 3
OTHER_COLUMNS = ("name", "phone", "area")


class CadresPage(QWizardPage):
    def __init__(self, station, admin, parent: QWidget | None = None):
        super().__init__(parent)
        self.station, self.admin = station, admin
        self.checked: list[cadres.CadreInput] = []  # yours first, as last checked
        self.setTitle(self.tr("本站代理员"))
        self.setSubTitle(self.tr("公示牌公布代理员的姓名和电话；受理登记要选首问责任人。"))
        # Two fixed lines rather than word wrap: the wizard sizes itself from
        # its pages' hints, which a wrapped label underestimates.
        self.explanation = QLabel(
            self.tr("先填您自己，管理员账号将关联到您。\n其他代理员可以一并填，也可以以后在“代理员”页（Ctrl+F4）添加。")
        )
        self.own = CadreForm(compact=True)
        self.others = self._others_table()
        self.add_row = QPushButton(self.tr("添加一行(&A)"))
        self.add_row.setObjectName("add_cadre_row")
        self.add_row.clicked.connect(lambda: self.others.insertRow(self.others.rowCount()))
        self.error = ErrorLabel()
        self._lay_out()

    def _others_table(self) -> QTableWidget:
        table = QTableWidget(OTHER_ROWS, len(OTHER_COLUMNS))
        table.setObjectName("other_cadres")
        table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("电话"), self.tr("负责片区")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        table.setTabKeyNavigation(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Two rows always show; the table gives up its room first when an error line appears.
        rows = 2 * table.verticalHeader().defaultSectionSize()
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + 4)
        return table

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.own)
        line = QHBoxLayout()
        caption = QLabel(self.tr("其他代理员(&O)："))
        caption.setBuddy(self.others)
        line.addWidget(caption, 1)
        line.addWidget(self.add_row)
        layout.addLayout(line)
        layout.addWidget(self.others, 1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        if not self.own.name.text().strip():
            self.own.name.setText(self.admin.display_name.text().strip())
        # The wizard focuses the page's first box after this returns; the name is
        # usually filled in already, so start at the phone once it has.
        QTimer.singleShot(0, alive(self, self._start_at_phone))

    def _start_at_phone(self) -> None:
        if self.isVisible():
            (self.own.phone if self.own.name.text().strip() else self.own.name).setFocus()

    # --- checking -----------------------------------------------------------------------------

    def validatePage(self) -> bool:
        problems, checked = [], []
        unit = self.station.unit_code()
        try:
            checked.append(self._checked(self.own.value(unit)))
        except ValidationError as error:
            problems.append((explain(error), self.own.fields.get(error.field, self.own.name)))
        for row in range(self.others.rowCount()):
            typed = self._row(row, unit)
            if typed is None:
                continue
            try:
                checked.append(self._checked(typed))
            except ValidationError as error:
                problems.append(
                    (self.tr("其他代理员第{0}行：{1}").format(row + 1, explain(error)), self._cell(row, error.field))
                )
        problems += self._twins(checked)
        if not show_problems(self.error, problems):
            return False
        self.checked = checked
        return True

    def _checked(self, data: cadres.CadreInput) -> cadres.CadreInput:
        cadres.clean(data)
        return data

    def _row(self, row: int, unit: str) -> cadres.CadreInput | None:
        """A row of the others' table as typed; None when it is empty."""
        items = [self.others.item(row, c) for c in range(len(OTHER_COLUMNS))]
        texts = [(item.text() if item is not None else "").strip() for item in items]
        if not any(texts):
            return None
        return cadres.CadreInput(name=texts[0], phone=texts[1], unit_code=unit, area=texts[2])

    def _cell(self, row: int, field: str) -> QWidget:
        column = OTHER_COLUMNS.index(field) if field in OTHER_COLUMNS else 0
        self.others.setCurrentCell(row, column)
        return self.others

    def _twins(self, checked: list[cadres.CadreInput]) -> list[tuple[str, QWidget]]:
        seen: set[tuple] = set()
        problems: list[tuple[str, QWidget]] = []
        for data in checked:
            key = tuple(cadres.clean(data)[k] for k in ("name", "phone"))
            if key in seen:
                problems.append((self.tr("{0}填了两次，请删去一行").format(key[0]), self.others))
            seen.add(key)
        return problems

    # --- what the wizard shows and does -----------------------------------------------------------

    def summary(self) -> list[str]:
        if not self.checked:
            return []
        own = cadres.clean(self.checked[0])
        return [
            self.tr("代理员：{0} 位（管理员账号关联到 {1}，电话 {2}）").format(
                len(self.checked), own["name"], own["phone"]
            )
        ]

    def made(self, desk: Desk, user: users.User) -> users.User:
        """On the worker: add the cadres and link the admin login to the first (the person setting up)."""
        ids = [cadres.add(desk, user.username, data) for data in self.checked]
        if not ids:
            return user
        users.link_cadre(desk, user.username, user.username, ids[0])
        return users.get(desk, user.username)
