"""First run on a new PC after the old one died: 从镇中心恢复本站数据 (``sync.recover``).

Two steps with the township in between: write a recovery request (new keys)
to hand to the township, then, with the township's answer, rebuild the
station from its hub and the last backup. The network work runs on the
database worker; the wizard that opened this adopts the rebuilt station.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from haian_desk.desk import Desk
from haian_desk.people import users
from ui.widgets.feedback import ErrorLabel, alive
from ui.worker import DbWorker

if TYPE_CHECKING:
    from ui.setup_wizard import SetupWizard


class RecoverDialog(QDialog):
    def __init__(self, folder: Path, worker: DbWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder, self.worker = folder, worker
        self.desk: Desk | None = None
        self.user = None
        self.setObjectName("recover_dialog")
        self.setWindowTitle(self.tr("从镇中心恢复本站数据"))
        self.code = QLineEdit()
        self.code.setObjectName("recover_code")
        self.code.setPlaceholderText(self.tr("本站12位区划代码，如 320685102210"))
        self.request_path = self._path_edit("recover_request", self.tr("恢复申请文件的保存位置"))
        self.request_button = QPushButton(self.tr("① 生成恢复申请文件"))
        self.request_button.clicked.connect(self.write_request)
        self.answer_path = self._path_edit("recover_answer", self.tr("镇中心办理后给的恢复答复文件"))
        self.url = QLineEdit()
        self.url.setObjectName("recover_url")
        self.url.setPlaceholderText("http://192.168.1.10:8765")
        self.backup_path = self._path_edit("recover_backup", self.tr("可不填：本站最近的备份文件（U盘上）"))
        self.admin = QLineEdit()
        self.admin.setObjectName("recover_admin")
        self.password = QLineEdit()
        self.password.setObjectName("recover_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.start_button = QPushButton(self.tr("② 开始恢复"))
        self.start_button.setObjectName("recover_start")
        self.start_button.clicked.connect(self.start)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.error = ErrorLabel()
        self._lay_out()
        self.resize(640, self.sizeHint().height())

    def _path_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _row_with_browse(self, edit: QLineEdit, save: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(lambda: self._browse(edit, save))
        row.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit, save: bool) -> None:
        chosen = (QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName)(self, edit.placeholderText())
        if chosen[0]:
            edit.setText(chosen[0])

    def _lay_out(self) -> None:
        first = QFormLayout()
        first.addRow(self.tr("单位代码"), self.code)
        first.addRow(self.tr("申请文件"), self._row_with_browse(self.request_path, True))
        second = QFormLayout()
        second.addRow(self.tr("恢复答复"), self._row_with_browse(self.answer_path, False))
        second.addRow(self.tr("镇中心网址"), self.url)
        second.addRow(self.tr("最近的备份"), self._row_with_browse(self.backup_path, False))
        second.addRow(self.tr("新管理员登录名"), self.admin)
        second.addRow(self.tr("新管理员密码"), self.password)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "电脑坏了也不要紧：本站上报过的记录都在镇中心。先生成恢复申请文件交给镇中心办理，"
                "镇中心重新批准本站后，用它给的答复文件在这里恢复；最近的备份里镇中心没有的记录也会补回。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(first)
        layout.addWidget(self.request_button)
        layout.addLayout(second)
        layout.addWidget(self.start_button)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

    def write_request(self) -> None:
        code, out = self.code.text().strip(), Path(self.request_path.text().strip())
        if not self.request_path.text().strip():
            self.error.show_error(self.tr("请选择恢复申请文件的保存位置"))
            return
        self.error.clear_error()

        def work():
            # The sync client (httpx …) loads when asked for, not when the wizard opens.
            from sync import enrolment, recover

            enrolment.write_document(recover.make_request(self.folder, code), out)
            return out

        self.worker.submit(work, alive(self, self._request_written), alive(self, self.error.show_error))

    def _request_written(self, out: Path) -> None:
        self.message.setText(self.tr("恢复申请已写到 {0}。请交给镇中心办理，拿回恢复答复文件后继续第②步。").format(out))

    def start(self) -> None:
        answer, url = Path(self.answer_path.text().strip()), self.url.text().strip() or None
        backup = Path(self.backup_path.text().strip()) if self.backup_path.text().strip() else None
        admin = (self.admin.text().strip(), self.password.text())
        if not self.answer_path.text().strip() or not admin[0] or len(admin[1]) < users.MIN_PASSWORD:
            self.error.show_error(
                self.tr("请选择恢复答复文件，并填写新管理员登录名和密码（至少{0}位）").format(users.MIN_PASSWORD)
            )
            return
        self.error.clear_error()
        self.start_button.setEnabled(False)
        self.message.setText(self.tr("正在从镇中心取回本站数据……"))

        def work():
            from sync import enrolment, recover  # loaded when asked for, as above

            done = recover.recover(self.folder, enrolment.read_document(answer), admin, url=url, backup=backup)
            desk = Desk.open(self.folder)
            return done, desk, users.authenticate(desk, *admin)

        self.worker.submit(work, alive(self, self._recovered), alive(self, self._failed))

    def _recovered(self, made) -> None:
        done, self.desk, self.user = made
        self.message.setText("\n".join(done.lines()))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.message.clear()
        self.error.show_error(error)


def add_to_wizard(wizard: SetupWizard) -> None:
    """The wizard's extra button; a recovered station is adopted as if the wizard had made it."""
    wizard.setButtonText(
        QWizard.WizardButton.CustomButton1, QCoreApplication.translate("RecoverDialog", "从镇中心恢复本站数据")
    )
    wizard.setOption(QWizard.WizardOption.HaveCustomButton1, True)

    def open_dialog() -> None:
        dialog = RecoverDialog(wizard.folder, wizard.worker, wizard)
        wizard.recover_dialog = dialog

        def adopted() -> None:
            wizard.desk, wizard.user = dialog.desk, dialog.user
            # QWizard.done would first validate the (unfilled) page on screen: the station is made already.
            QDialog.done(wizard, QDialog.DialogCode.Accepted)

        dialog.accepted.connect(adopted)
        dialog.open()

    wizard.button(QWizard.WizardButton.CustomButton1).clicked.connect(open_dialog)
