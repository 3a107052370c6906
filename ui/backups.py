"""Backups in the running app: the daily copy, and the offer of the newest good
backup when the station's database is found damaged at start.

The rules (what is due, what is kept, what a good backup is) live in
``haian_desk.storage.backup`` and ``haian_desk.storage.recovery``; this module only
schedules them on the database worker and asks the clerk.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from haian_desk.core import paths
from haian_desk.storage import backup, recovery
from ui.widgets.feedback import in_words
from ui.worker import DbWorker

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60 * 60 * 1000  # the app stays open for days: look again every hour


class DailyBackups(QObject):
    """Takes the day's backup on the worker at start and whenever a new day has begun."""

    made = Signal(object)  # Path of the new backup
    failed = Signal(str)  # what went wrong, in Chinese

    def __init__(self, desk: Desk, worker: DbWorker, parent: QObject | None = None, every_ms: int = CHECK_EVERY_MS):
        super().__init__(parent)
        self.desk = desk
        self.worker = worker
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        self.run_now()
        self.timer.start()

    def run_now(self) -> None:
        desk = self.desk
        self.worker.submit(lambda: backup.run_daily(desk.db, desk.folder, desk.now()), self._done, self._failed)

    def _done(self, made: Path | None) -> None:
        if made is not None:
            self.made.emit(made)

    def _failed(self, error: BaseException) -> None:
        log.error("daily backup failed", exc_info=error)
        self.failed.emit(self.tr("今天的自动备份没有做成（{0}），请检查磁盘空间").format(in_words(error)))


class DamagedDatabaseDialog(QDialog):
    """Says the database is damaged and offers the newest good backup (on the worker)."""

    def __init__(
        self,
        folder: Path,
        health: recovery.Health,
        best: recovery.BackupInfo | None,
        worker: DbWorker,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("damagedDatabaseDialog")
        self.setWindowTitle(self.tr("数据库文件损坏"))
        self.folder, self.best, self.worker, self.health = folder, best, worker, health
        self.restored: recovery.Restored | None = None
        self.typed_passphrase: str | None = None  # opens the backups when the key file itself is lost
        layout = QVBoxLayout(self)
        self.message = QLabel(self._message(health), self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.message)
        self.passphrase: QLineEdit | None = None
        if health.key_file and best is None:
            layout.addLayout(self._passphrase_row())
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(520)

    def _message(self, health: recovery.Health) -> str:
        parts = [self.tr("本站的数据库文件损坏了，程序不能打开它。"), health.problem]
        if self.best is None and health.key_file:
            parts.append(self.tr("本站的备份要用本站口令才能打开。请在下面输入本站口令，程序用它找出最新的完好备份。"))
        elif self.best is None:
            parts.append(
                self.tr(
                    "数据目录里没有可用的备份。请找到U盘上的备份，运行 haian-desk restore 备份文件名；或联系技术支持。"
                )
            )
        else:
            parts.append(
                self.tr("最新的完好备份：{0}，备份于 {1}。").format(
                    self.best.describe(), recovery.made_at(self.best.path)
                )
            )
            parts.append(
                self.tr("恢复后，备份之后登记的内容需要重新录入。损坏的文件不会删除，会移到 {0} 里留底。").format(
                    self.folder / recovery.REPLACED_DIR
                )
            )
        return "\n\n".join(parts)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("用这个备份恢复"), self)
        self.restore_button.setVisible(self.best is not None)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore)
        self.quit_button = QPushButton(self.tr("退出"), self)
        self.quit_button.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(self.quit_button)
        return row

    def _passphrase_row(self) -> QHBoxLayout:
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("damage_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("本站口令"))
        self.passphrase.returnPressed.connect(self.find_with_passphrase)
        self.find_button = QPushButton(self.tr("用口令查找备份(&F)"), self)
        self.find_button.clicked.connect(self.find_with_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.find_button)
        return row

    def find_with_passphrase(self) -> None:
        assert self.passphrase is not None  # connected only from the passphrase row, which made it
        text, folder = self.passphrase.text(), self.folder
        if not text:
            return
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("正在用口令查找备份……"))
        self.worker.submit(
            lambda: recovery.newest_good_backup(folder, text), lambda best: self._found(best, text), self._failed
        )

    def _found(self, best: recovery.BackupInfo | None, text: str) -> None:
        self.find_button.setEnabled(True)
        if best is None:
            assert self.passphrase is not None  # the answer to find_with_passphrase
            self.passphrase.clear()
            self.status.setText(
                self.tr(
                    "这个口令打不开数据目录里的任何备份。请检查大小写和输入法后重新输入，"
                    "或找U盘上的备份、联系镇代理中心。"
                )
            )
            return
        self.best, self.typed_passphrase = best, text
        self.message.setText(self._message(recovery.Health("damaged", self.health.problem)))
        self.status.clear()
        self.restore_button.setVisible(True)
        self.restore_button.setFocus()

    def restore(self) -> None:
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("正在恢复，请稍候……"))
        best, folder, typed = self.best, self.folder, self.typed_passphrase
        assert best is not None  # the restore button is shown only once a backup is chosen
        self.worker.submit(
            lambda: recovery.restore(folder, best.path, allow_other_station=True, passphrase=typed),
            self._restored,
            self._failed,
        )

    def _restored(self, done: recovery.Restored) -> None:
        self.restored = done
        self.accept()

    def _failed(self, error: BaseException) -> None:
        log.error("restore at start failed", exc_info=error)
        self.status.setText(self.tr("恢复没有成功：{0}").format(in_words(error)))
        self.restore_button.setEnabled(True)
        if self.passphrase is not None:
            self.find_button.setEnabled(True)


def check_before_open(folder: Path, worker: DbWorker, parent: QWidget | None = None) -> bool:
    """True if the database may be opened: it is fine, not made yet, or was just restored."""
    if not paths.database_path(folder).exists():
        return True
    health = recovery.examine(folder)
    if health.state != "damaged":
        return True
    log.error("database in %s is damaged: %s", folder, health.problem)
    dialog = DamagedDatabaseDialog(folder, health, recovery.newest_good_backup(folder), worker, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.restored is not None
