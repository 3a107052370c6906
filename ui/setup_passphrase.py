"""The station passphrase: chosen in the first-run wizard, asked at start when no key store holds the key.

The rules (length, derivation, where the key is kept) live in
``haian_desk.storage.keys``; deriving the key takes about 0.1 s, so it runs
on the database worker, never on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from haian_desk.core import paths
from haian_desk.core.errors import HaianError
from haian_desk.storage import encrypt_plain, keys
from ui.widgets.feedback import ErrorLabel, alive
from ui.worker import DbWorker


def _secret_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PassphrasePage(QWizardPage):
    """First run: the passphrase that encrypts the station's data and backups."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("本站口令"))
        # In the page body, not the wizard's subtitle: the subtitle's height is fixed and the
        # English (or large print) needs more lines than it gives.
        why = QLabel(
            self.tr("本站的数据和备份都用这个口令加密。请抄在只有站长知道的地方：电脑坏了、换新电脑时要用它恢复数据。")
        )
        why.setWordWrap(True)
        self.passphrase = _secret_edit("station_passphrase")
        self.confirm = _secret_edit("station_passphrase_confirm")
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("本站口令(&K)"), self.passphrase)
        form.addRow(self.tr("再输一次口令(&R)"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def chosen(self) -> str:
        return self.passphrase.text()

    def summary(self) -> list[str]:
        """The confirm page's line: never the passphrase itself."""
        return [self.tr("本站口令：已设置（数据和备份将加密）")]

    def validatePage(self) -> bool:
        try:
            keys.check_passphrase_rules(self.passphrase.text())
        except HaianError as error:
            self.error.show_error(error)
            self.passphrase.setFocus()
            return False
        if self.passphrase.text() != self.confirm.text():
            self.error.show_error(self.tr("两次输入的口令不一样，请重新输入"))
            self.confirm.setFocus()
            return False
        self.error.clear_error()
        return True


class PassphraseDialog(QDialog):
    """At start: type the passphrase to open the station (or choose one, for a station made
    before encryption, whose data is then encrypted)."""

    def __init__(self, folder: Path, worker: DbWorker, choose: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.folder, self.worker, self.choose = folder, worker, choose
        self.setWindowTitle(self.tr("本站口令 — 海安群众事务代理工作台"))
        self.passphrase = _secret_edit("passphrase")
        self.confirm = _secret_edit("passphrase_confirm")
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_passphrase)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        text = (
            self.tr("本站数据还没有加密。请设置本站口令，程序会加密数据库和备份（数据多时要等一会儿）。")
            if self.choose
            else self.tr(
                "这台电脑没有保存本站的钥匙，请输入本站口令。忘记口令时，请站长联系镇代理中心用镇里的钥匙恢复。"
            )
        )
        intro = QLabel(text)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("本站口令(&K)"), self.passphrase)
        if self.choose:
            form.addRow(self.tr("再输一次口令(&R)"), self.confirm)
        else:
            self.confirm.hide()
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def try_passphrase(self) -> None:
        text = self.passphrase.text()
        if self.choose and text != self.confirm.text():
            self.error.show_error(self.tr("两次输入的口令不一样，请重新输入"))
            return
        self.buttons.setEnabled(False)
        self.error.show_error(self.tr("正在核对口令……"))
        folder, choose = self.folder, self.choose
        work = (lambda: encrypt_plain.run(folder, text)) if choose else (lambda: keys.unlock(folder, text))
        self.worker.submit(work, alive(self, lambda _: self.accept()), alive(self, self._failed))

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(error)
        self.passphrase.selectAll()
        self.passphrase.setFocus()


def unlock_station(folder: Path, worker: DbWorker, parent: QWidget | None = None) -> bool:
    """True once the station key is at hand (OS store, environment, demo, or typed); False if given up."""
    if not paths.database_path(folder).exists():
        return True
    try:
        if keys.read_key_file(folder) is None and encrypt_plain.needed(folder):
            return PassphraseDialog(folder, worker, choose=True, parent=parent).exec() == QDialog.DialogCode.Accepted
        keys.unlock(folder)
    except keys.PassphraseNeeded:
        return PassphraseDialog(folder, worker, choose=False, parent=parent).exec() == QDialog.DialogCode.Accepted
    except keys.KeyFileDamaged:
        return True  # damage: the check that follows (ui.backups.check_before_open) says so and offers a backup
    return True
