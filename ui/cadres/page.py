"""The cadre roster screen (代理员, Ctrl+F4): the list, and one cadre's details to add or change.

Keys: the list has the focus when the screen opens (Up/Down choose, Enter goes
to the details); Alt+N starts a new cadre, Ctrl+S saves, Alt+R retires the
chosen cadre, Alt+E brings a retired one back, Alt+L shows the retired too.
Every write is a domain operation on the database worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from haian_desk.core.errors import ValidationError
from haian_desk.people import cadres
from ui.cadres.form import CadreForm
from ui.cadres.retire_dialog import RetireDialog
from ui.i18n import term
from ui.session import CADRES, Session
from ui.widgets.feedback import ErrorLabel, alive, show_error_box
from ui.widgets.tables import list_beside_detail, list_table

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def load_roster(desk: Desk, include_retired: bool) -> list[dict]:
    return [cadres.as_json(row) for row in cadres.roster(desk, include_retired)]


class CadresPage(QWidget):
    form: CadreForm  # made below the table, whose double-click focuses it

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict] = []
        self.editing_id: str | None = None  # None: the form holds a new cadre
        self.table = list_table(
            "cadre_list",
            [
                self.tr("姓名"),
                self.tr("角色"),
                self.tr("电话"),
                self.tr("负责片区"),
                self.tr("党员"),
                self.tr("任期"),
                self.tr("状态"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellActivated.connect(lambda *_: self.form.setFocus())
        self.show_retired = QCheckBox(self.tr("显示已离任(&L)"))
        self.show_retired.setObjectName("show_retired")
        self.show_retired.toggled.connect(lambda _: self.reload())
        self.count = QLabel()
        self.count.setObjectName("cadre_count")
        self.form = CadreForm()
        self.heading = QLabel()
        self.heading.setObjectName("cadre_heading")
        self.error = ErrorLabel()
        self.done = QLabel()
        self.done.setObjectName("cadre_done")
        self._buttons()
        self._lay_out()
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        session.changed.connect(alive(self, lambda kinds: self.reload() if CADRES in kinds else None))
        self.setFocusProxy(self.table)
        self.start_new()
        self.reload()

    def _buttons(self) -> None:
        self.new_button = self._button("new_cadre", self.tr("新增代理员(&N)"), self.start_new)
        self.save_button = self._button("save_cadre", self.tr("保存(&S)"), self.save)
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.retire_button = self._button("retire_cadre", self.tr("离任(&R)…"), self.retire)
        self.reinstate_button = self._button("reinstate_cadre", self.tr("恢复在任(&E)"), self.reinstate)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        under = QWidget()
        line = QHBoxLayout(under)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.count, 1)
        line.addWidget(self.show_retired)
        details = QWidget()
        column = QVBoxLayout(details)
        column.addWidget(self.heading)
        column.addWidget(self.form)
        column.addWidget(self.error)
        column.addWidget(self.done)
        actions = QHBoxLayout()
        for button in (self.save_button, self.retire_button, self.reinstate_button):
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)
        column.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("本站代理员名录：公示牌上的姓名和电话来自这里。")), 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(list_beside_detail(self.table, under, details, (3, 2)), 1)

    # --- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        include = self.show_retired.isChecked()
        self.session.run(
            lambda desk: load_roster(desk, include),
            alive(self, self._show_rows),
            alive(self, lambda error: show_error_box(self, error)),
        )

    def _show_rows(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            served = self.tr("{0} 至 {1}").format(c["active_from"] or "—", c["active_to"] or self.tr("今"))
            values = [
                c["name"],
                term(c["role_label"]),
                c["phone"] or "",
                c["area"] or "",
                self.tr("是") if c["party_member"] else self.tr("否"),
                served,
                self.tr("在任") if c["active"] else self.tr("已离任"),
            ]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self.count.setText(self.tr("共 {0} 位").format(len(rows)))
        self._reselect()

    def _reselect(self) -> None:
        ids = [c["id"] for c in self.rows]
        if self.editing_id in ids:
            self.table.selectRow(ids.index(self.editing_id))
        elif self.editing_id is not None:
            self.start_new()
        self._enable()

    def _selection_changed(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        if chosen:
            self._edit(self.rows[chosen[0].row()])

    def selected(self) -> dict | None:
        return next((c for c in self.rows if c["id"] == self.editing_id), None)

    # --- the details ----------------------------------------------------------------------------

    def _edit(self, cadre: dict) -> None:
        if cadre["id"] != self.editing_id:  # the same one again (a reload after saving): keep the message
            self._clear_messages()
        self.editing_id = cadre["id"]
        self.form.load(cadre)
        heading = self.tr("修改：{0}").format(cadre["name"])
        if not cadre["active"]:
            heading += self.tr("（{0}离任{1}）").format(
                cadre["active_to"] or "", "：" + cadre["retired_reason"] if cadre["retired_reason"] else ""
            )
        self.heading.setText(heading)
        self._enable()

    def start_new(self) -> None:
        self.editing_id = None
        self.table.clearSelection()
        self.form.load(None)
        self.heading.setText(self.tr("新增代理员"))
        self._clear_messages()
        self._enable()
        if self.isVisible():
            self.form.setFocus()

    def _enable(self) -> None:
        cadre = self.selected()
        self.retire_button.setEnabled(bool(cadre and cadre["active"]))
        self.reinstate_button.setEnabled(bool(cadre and not cadre["active"]))

    def _clear_messages(self) -> None:
        self.error.clear_error()
        self.done.clear()

    def save(self) -> None:
        data = self.form.value(self.session.desk.installation.unit_code)
        actor, cadre_id = self.session.user.username, self.editing_id

        def work(desk: Desk):
            if cadre_id is None:
                return cadres.add(desk, actor, data)
            cadres.edit(desk, actor, cadre_id, data)
            return cadre_id

        self.save_button.setEnabled(False)
        self.session.run(work, alive(self, self._saved), alive(self, self._refused))

    def _saved(self, cadre_id: str) -> None:
        self.save_button.setEnabled(True)
        self.editing_id = cadre_id
        self.error.clear_error()
        self.done.setText(self.tr("已保存。"))
        self.table.setFocus()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.done.clear()
        self.error.show_error(error)
        if isinstance(error, ValidationError):
            self.form.focus_field(error.field)

    def retire(self) -> None:
        cadre = self.selected()
        if cadre is None or not cadre["active"]:
            self.error.show_error(self.tr("请先在名录里选中一位在任的代理员"))
            return
        dialog = RetireDialog(self.session, cadre, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.done.setText(self.tr("已记为离任，已从公示牌撤下。")))
        dialog.open()
        self.retire_dialog = dialog

    def reinstate(self) -> None:
        cadre, actor = self.selected(), self.session.user.username
        if cadre is None or cadre["active"]:
            return
        self.session.run(
            lambda desk: cadres.reinstate(desk, actor, cadre["id"]),
            alive(self, lambda _: self.done.setText(self.tr("已恢复在任。"))),
            alive(self, self.error.show_error),
        )
