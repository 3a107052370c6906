"""The login window: user name and password, checked by the domain on the worker.

At start it is shown before the station is open (ui/opening.py opens it on
the worker meanwhile): ``desk`` is None until ``set_desk``, and a login asked
for before then waits for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from ui.i18n import term
from ui.widgets.appearance import set_scaled_font
from ui.widgets.feedback import ErrorLabel, alive
from ui.worker import DbWorker

if TYPE_CHECKING:
    from haian_desk.desk import Desk
    from haian_desk.people.users import User


class LoginDialog(QDialog):
    """Asks who is at the counter; ``user`` holds them once accepted."""

    def __init__(self, desk: Desk | None, worker: DbWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.worker = worker
        self.user: User | None = None
        self._login_waiting = False
        self.setWindowTitle(self.tr("登录 — 海安群众事务代理工作台"))
        self._build()
        if desk is not None:
            self.set_desk(desk)

    def set_desk(self, desk: Desk) -> None:
        """The station is open: name it, and carry out a login asked for while it opened."""
        self.desk = desk
        self.station.setText(desk.installation.unit_name)
        self.code.setText(self.tr("单位代码 {0}").format(desk.installation.unit_code))
        if self._login_waiting:
            self._login_waiting = False
            self.role_label.clear()
            self.try_login()

    def _build(self) -> None:
        self.station = station = QLabel(self.tr("正在打开本站数据……"))
        set_scaled_font(station, 1.4, bold=True)
        self.code = code = QLabel(" ")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("登录名(&U)"), self.username)
        form.addRow(self.tr("密码(&P)"), self.password)
        self.role_label = QLabel()
        self.role_label.setObjectName("role")
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (station, code):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.role_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Wide enough for the refusal in one or two lines, and the dialog grows to fit it
        # (a wrapped label in a dialog that keeps its first size gets cut off).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("海") * 26)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.username.setFocus()

    def try_login(self) -> None:
        name, password = self.username.text(), self.password.text()
        if not name.strip():
            self.error.show_error(self.tr("请填写登录名"))
            self.username.setFocus()
            return
        self.buttons.setEnabled(False)
        self.error.clear_error()
        if self.desk is None:  # still opening: set_desk logs in as soon as it is open
            self._login_waiting = True
            self.role_label.setText(self.tr("正在打开本站数据，请稍候……"))
            return
        from haian_desk.people import users

        desk = self.desk
        self.worker.submit(
            lambda: users.authenticate(desk, name, password),
            alive(self, self._logged_in),
            alive(self, self._refused),
        )

    def _logged_in(self, user: User) -> None:
        from haian_desk.people import users

        self.user = user
        self.role_label.setText(self.tr("{0}，身份：{1}").format(user.display_name, term(users.ROLES[user.role])))
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(error)
        self.adjustSize()
        self.password.clear()
        self.password.setFocus()
