"""First run: who this installation is (its place in the network), its first admin, its cadres.

Nothing is written until the last page: each page checks its own fields with
the domain's rules and says what is wrong, so a mistake never leaves a
half-made installation behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from haian_desk import network
from haian_desk.core.errors import ValidationError
from haian_desk.desk import Desk, initialise
from haian_desk.people import users
from haian_desk.people.users import User
from ui import recover_dialog
from ui.cadres.setup_page import CadresPage
from ui.i18n import term
from ui.setup_passphrase import PassphrasePage
from ui.widgets.appearance import set_scaled_font
from ui.widgets.feedback import ErrorLabel, alive, explain, show_problems
from ui.worker import DbWorker

THREE_DIGITS = r"\d{0,3}"


def _digits_edit(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setValidator(QRegularExpressionValidator(THREE_DIGITS))
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(3)
    return edit


class StationPage(QWizardPage):
    """The unit: role, township from the division list, village and group numbers, name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("本站信息"))
        self.setSubTitle(self.tr("选择所在的镇（街道），填写村和组的代码。代码以统计用区划代码为准。"))
        self.role = QComboBox()
        self.role.setObjectName("role")
        for code, name in network.ROLES.items():
            self.role.addItem(term(name), code)
        self.township = QComboBox()
        self.township.setObjectName("township")
        for unit in network.townships():
            self.township.addItem(f"{unit.code[-3:]} {unit.name}", unit.code)
        self.village = _digits_edit("village", self.tr("3位，如 210"))
        self.group = _digits_edit("group", self.tr("组代理点才填，3位"))
        self.name = QLineEdit()
        self.name.setObjectName("station_name")
        self.name.setPlaceholderText(self.tr("如：曲塘镇双楼村代理站"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.code_preview = QLabel()
        self.code_preview.setObjectName("code_preview")
        set_scaled_font(self.code_preview, 1.2, bold=True)
        self.error = ErrorLabel()
        self._lay_out()
        for signal in (
            self.role.currentIndexChanged,
            self.township.currentIndexChanged,
            self.village.textChanged,
            self.group.textChanged,
        ):
            signal.connect(self._code_changed)
        self._code_changed()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("身份(&R)"), self.role)
        form.addRow(self.tr("所在镇（街道）(&T)"), self.township)
        form.addRow(self.tr("村代码(&V)"), self.village)
        form.addRow(self.tr("组号(&G)"), self.group)
        form.addRow(self.tr("单位代码"), self.code_preview)
        # Alt+N is 下一步; the name is Alt+S (站名), so no key does two things.
        form.addRow(self.tr("站名(&S)"), self.name)
        form.addRow(self.tr("地址(&A)"), self.address)
        form.addRow(self.tr("联系电话(&H)"), self.phone)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def is_township(self) -> bool:
        return self.role.currentData() == "township"

    def unit_code(self) -> str:
        code = self.township.currentData()
        if self.is_township():
            return code
        code += self.village.text().zfill(3) if self.village.text() else ""
        return code + (self.group.text().zfill(3) if self.group.text() else "")

    def _code_changed(self) -> None:
        for edit in (self.village, self.group):
            edit.setEnabled(not self.is_township())
        self.code_preview.setText(self.unit_code())
        self.error.clear_error()

    def validatePage(self) -> bool:
        return show_problems(self.error, self._problems())

    def _problems(self) -> list[tuple[str, QWidget]]:
        """Everything missing or wrong on the page, in the order of the boxes."""
        problems: list[tuple[str, QWidget]] = []
        try:
            network.check_unit_code(self.unit_code(), self.role.currentData())
        except ValidationError as error:
            problems.append((explain(error), self.village if self.village.isEnabled() else self.township))
        if not self.name.text().strip():
            problems.append((self.tr("请填写本站名称（例如：曲塘镇杨庄村代理站）"), self.name))
        return problems

    def summary(self) -> list[str]:
        return [
            self.tr("单位：{0}（{1}）").format(self.name.text().strip(), self.unit_code()),
            self.tr("身份：{0}").format(self.role.currentText()),
        ]


class AdminPage(QWizardPage):
    """The first administrator's login."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("第一位管理员"))
        self.setSubTitle(self.tr("管理员可以添加其他工作人员、修改事项目录。请牢记密码。"))
        self.username = QLineEdit()
        self.username.setObjectName("admin_username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("admin_display_name")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.confirm = QLineEdit()
        self.confirm.setObjectName("admin_confirm")
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("登录名(&U)"), self.username)
        form.addRow(self.tr("姓名(&D)"), self.display_name)
        form.addRow(self.tr("密码(&P)"), self.password)
        form.addRow(self.tr("再输一次密码(&C)"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def validatePage(self) -> bool:
        return show_problems(self.error, self._problems())

    def _problems(self) -> list[tuple[str, QWidget]]:
        problems: list[tuple[str, QWidget]] = []
        if not self.username.text().strip():
            problems.append((self.tr("请填写管理员的登录名"), self.username))
        if len(self.password.text()) < users.MIN_PASSWORD:
            problems.append((self.tr("密码至少{0}位").format(users.MIN_PASSWORD), self.password))
        elif self.password.text() != self.confirm.text():
            problems.append((self.tr("两次输入的密码不一样，请重新输入"), self.confirm))
        return problems

    def summary(self) -> list[str]:
        return [self.tr("管理员：{0}").format(self.username.text().strip())]


class ConfirmPage(QWizardPage):
    """What will be created; pressing 完成 creates it."""

    def __init__(self, pages: list[QWizardPage], parent: QWidget | None = None):
        super().__init__(parent)
        self.pages = pages
        self.setTitle(self.tr("确认"))
        self.setSubTitle(self.tr("按“完成”建站。建好后可在“设置”里查看本站信息。"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        # A page may offer summary(): the lines it adds here.
        self.summary.setText("\n".join(line for page in self.pages for line in getattr(page, "summary", list)()))


class SetupWizard(QWizard):
    """Creates the installation in ``folder``; ``desk`` and ``user`` are set once it is made."""

    def __init__(self, folder: Path, worker: DbWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        self.worker = worker
        self.desk: Desk | None = None
        self.user: User | None = None
        self.recover_dialog: QDialog | None = None  # 从镇中心恢复, once opened (ui.recover_dialog)
        self.setWindowTitle(self.tr("首次设置 — 海安群众事务代理工作台"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.station = StationPage()
        self.admin = AdminPage()
        self.passphrase = PassphrasePage()
        self.cadres = CadresPage(self.station, self.admin)
        # The pages in order. A page may offer summary() (lines for the confirm
        # page) and made(desk, user) (its part, run on the worker once the
        # installation and its admin exist); a new page is one more entry here.
        self.steps: list[QWizardPage] = [self.station, self.admin, self.passphrase, self.cadres]
        self.confirm = ConfirmPage(self.steps)
        for page in (*self.steps, self.confirm):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        recover_dialog.add_to_wizard(self)  # 从镇中心恢复本站数据: a dead station rebuilt (ui.recover_dialog)

    def accept(self) -> None:
        """Create the installation on the worker; close only when it exists."""
        if self.desk is not None:
            super().accept()
            return
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.confirm.error.clear_error()
        self.worker.submit(self._create, alive(self, self._created), alive(self, self._failed))

    def _create(self) -> tuple[Desk, User]:
        station, admin = self.station, self.admin
        username = admin.username.text().strip()
        # The admin page has already checked what add_user checks, so the
        # installation is never left without its administrator.
        desk = initialise(
            self.folder,
            station.unit_code(),
            station.name.text(),
            station.role.currentData(),
            address=station.address.text(),
            phone=station.phone.text(),
            passphrase=self.passphrase.chosen(),
        )
        user = users.add_user(
            desk, username, admin.display_name.text().strip() or username, "admin", admin.password.text()
        )
        for page in self.steps:
            if hasattr(page, "made"):
                user = page.made(desk, user) or user
        return desk, user

    def _created(self, made: tuple[Desk, User]) -> None:
        self.desk, self.user = made
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.confirm.error.show_error(error)
