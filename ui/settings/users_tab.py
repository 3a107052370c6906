"""Logins of this installation (admins only): who they are, adding one, a new password, stopping one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haian_desk.people import users
from haian_desk.people.user_queries import Login, cadre_choices, list_users
from ui.i18n import term
from ui.session import CADRES, SETTINGS, Session
from ui.widgets.feedback import ErrorLabel, alive

if TYPE_CHECKING:
    from haian_desk.desk import Desk


class UsersTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[Login] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("登录名"), self.tr("姓名"), self.tr("角色"), self.tr("关联代理员"), self.tr("状态")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(lambda: self._show_link())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._manage_form())
        layout.addWidget(self._add_form())
        session.changed.connect(alive(self, lambda kinds: self.reload() if CADRES in kinds else None))
        self.reload()

    def _add_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("添加工作人员"))
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("new_display_name")
        self.role = QComboBox()
        self.role.setObjectName("new_role")
        for code, name in users.ROLES.items():
            self.role.addItem(term(name), code)
        self.cadre = QComboBox()
        self.cadre.setObjectName("new_cadre")
        self.password = QLineEdit()
        self.password.setObjectName("new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("添加(&D)"))
        self.add_button.setObjectName("add_user")
        self.add_button.clicked.connect(self.add_user)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.error = ErrorLabel()
        form = QFormLayout(box)
        form.addRow(self.tr("登录名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("关联代理员"), self.cadre)
        form.addRow(self.tr("初始密码"), self.password)
        form.addRow(self.error)
        form.addRow("", self.add_button)
        return box

    def _manage_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("所选账号"))
        self.new_password = QLineEdit()
        self.new_password.setObjectName("reset_password")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_button = QPushButton(self.tr("重置密码(&P)"))
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button = QPushButton(self.tr("停用或启用(&T)"))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.link_cadre = QComboBox()
        self.link_cadre.setObjectName("link_cadre")
        self.link_button = QPushButton(self.tr("关联到所选代理员(&K)"))
        self.link_button.setObjectName("link_button")
        self.link_button.clicked.connect(self.link_selected)
        self.manage_error = ErrorLabel()
        self.manage_done = QLabel()
        form = QFormLayout(box)
        form.addRow(self.tr("新密码"), self.new_password)
        form.addRow("", self.reset_button)
        form.addRow("", self.toggle_button)
        form.addRow(self.tr("代理员(&J)"), self.link_cadre)
        form.addRow("", self.link_button)
        form.addRow(self.manage_error)
        form.addRow(self.manage_done)
        return box

    def selected(self) -> Login | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def reset_password(self) -> None:
        password = self.new_password.text()
        self._on_selected(
            lambda desk, actor, user: users.reset_password(desk, actor, user.username, password),
            self.tr("已为“{0}”设置新密码。"),
        )

    def toggle_active(self) -> None:
        self._on_selected(
            lambda desk, actor, user: users.set_active(desk, actor, user.username, not user.active),
            self.tr("已更改“{0}”的状态。"),
        )

    def link_selected(self) -> None:
        """Link the chosen login to a cadre: intake then starts with that cadre as 首问责任人."""
        user, actor = self.selected(), self.session.user.username
        cadre_id = self.link_cadre.currentData()
        if user is None:
            self.manage_error.show_error(self.tr("请先在表里选中一个账号"))
            return

        def link(desk: Desk):
            users.link_cadre(desk, actor, user.username, cadre_id)
            return users.get(desk, user.username)

        def done(linked: users.User) -> None:
            if linked.username == actor:  # the logged-in user: intake learns it at once
                self.session.user = linked
            self.session.changed.emit(frozenset((SETTINGS,)))  # after the session knows
            self.manage_error.clear_error()
            self.manage_done.setText(self.tr("已更改“{0}”关联的代理员。").format(linked.username))
            self.reload()

        self.manage_done.clear()
        self.session.run(link, alive(self, done), alive(self, self.manage_error.show_error))

    def _on_selected(self, change, done_text: str) -> None:
        user, actor = self.selected(), self.session.user.username
        if user is None:
            self.manage_error.show_error(self.tr("请先在表里选中一个账号"))
            return

        def done(_):
            self.new_password.clear()
            self.manage_error.clear_error()
            self.manage_done.setText(done_text.format(user.username))
            self.reload()

        self.manage_done.clear()

        self.session.run(
            lambda desk: change(desk, actor, user), alive(self, done), alive(self, self.manage_error.show_error)
        )

    def _show_link(self) -> None:
        """The link box shows the selected login's cadre."""
        user = self.selected()
        if user is not None:
            self.link_cadre.setCurrentIndex(max(self.link_cadre.findData(user.cadre_id), 0))

    def reload(self) -> None:
        self.session.run(lambda desk: (list_users(desk), cadre_choices(desk)), alive(self, self._show))

    def _show(self, loaded) -> None:
        rows, cadres = loaded
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                row.username,
                row.display_name,
                term(users.ROLES.get(row.role, "")),
                row.cadre_name or "",
                self.tr("在用") if row.active else self.tr("已停用"),
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        for combo in (self.cadre, self.link_cadre):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("（不关联）"), None)
            for cadre_id, name in cadres:
                combo.addItem(name, cadre_id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def add_user(self) -> None:
        actor = self.session.user.username
        fields = (
            self.username.text(),
            self.display_name.text(),
            self.role.currentData(),
            self.password.text(),
            self.cadre.currentData(),
        )

        def work(desk: Desk):
            return users.add_user(desk, *fields, actor=actor)

        self.add_button.setEnabled(False)
        self.session.run(work, alive(self, self._added), alive(self, self._refused))

    def _added(self, user) -> None:
        self.add_button.setEnabled(True)
        self.error.clear_error()
        for edit in (self.username, self.display_name, self.password):
            edit.clear()
        self.reload()

    def _refused(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.error.show_error(error)
