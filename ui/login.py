"""The login window: user name and password, checked by the domain on the worker."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from haian_desk.desk import Desk
from haian_desk.people import users
from haian_desk.people.users import User
from ui.i18n import term
from ui.widgets.appearance import set_scaled_font
from ui.widgets.feedback import ErrorLabel, alive
from ui.worker import DbWorker


class LoginDialog(QDialog):
    """Asks who is at the counter; ``user`` holds them once accepted."""

    def __init__(self, desk: Desk, worker: DbWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.worker = worker
        self.user: User | None = None
        self.setWindowTitle(self.tr("登录 — 海安群众事务代理工作台"))
        self._build()

    def _build(self) -> None:
        station = QLabel(self.desk.installation.unit_name)
        set_scaled_font(station, 1.4, bold=True)
        code = QLabel(self.tr("单位代码 {0}").format(self.desk.installation.unit_code))
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
        self.worker.submit(
            lambda: users.authenticate(self.desk, name, password),
            alive(self, self._logged_in),
            alive(self, self._refused),
        )

    def _logged_in(self, user: User) -> None:
        self.user = user
        self.role_label.setText(self.tr("{0}，身份：{1}").format(user.display_name, term(users.ROLES[user.role])))
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(error)
        self.adjustSize()
        self.password.clear()
        self.password.setFocus()
