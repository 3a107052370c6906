"""Logins of this installation (admins only): who they are, and adding a new one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHeaderView, QLineEdit, QPushButton,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from haian_desk import users
from ui.i18n import term
from ui.session import SETTINGS, Session
from ui.settings.reading import cadre_choices, list_users
from ui.widgets.feedback import ErrorLabel, alive


class UsersTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("登录名"), self.tr("姓名"), self.tr("角色"), self.tr("关联代理员")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._add_form())
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
        self.password.setEchoMode(QLineEdit.Password)
        self.add_button = QPushButton(self.tr("添加(&D)"))
        self.add_button.setObjectName("add_user")
        self.add_button.clicked.connect(self.add_user)
        self.add_button.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
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

    def reload(self) -> None:
        self.session.run(lambda desk: (list_users(desk), cadre_choices(desk)),
                         alive(self, self._show))

    def _show(self, loaded) -> None:
        rows, cadres = loaded
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row["username"], row["display_name"], term(users.ROLES.get(row["role"], "")),
                      row["cadre_name"] or ""]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        chosen = self.cadre.currentData()
        self.cadre.clear()
        self.cadre.addItem(self.tr("（不关联）"), None)
        for cadre_id, name in cadres:
            self.cadre.addItem(name, cadre_id)
        self.cadre.setCurrentIndex(max(self.cadre.findData(chosen), 0))

    def add_user(self) -> None:
        actor = self.session.user.username
        fields = (self.username.text(), self.display_name.text(), self.role.currentData(),
                  self.password.text(), self.cadre.currentData())

        def work(desk):
            users.require_role(desk, actor, "admin", "添加工作人员")
            return users.add_user(desk, *fields)

        self.add_button.setEnabled(False)
        self.session.run(work, alive(self, self._added), alive(self, self._refused),
                         changes=(SETTINGS,))

    def _added(self, user) -> None:
        self.add_button.setEnabled(True)
        self.error.clear_error()
        for edit in (self.username, self.display_name, self.password):
            edit.clear()
        self.reload()

    def _refused(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.error.show_error(error)
