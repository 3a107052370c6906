"""Backup to a chosen place (a USB stick) and restore from a backup file.

The running app holds the database open, so a restore is checked at once and
carried out the next time the program starts (haian_desk.storage.recovery).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from haian_desk.storage import backup, recovery
from ui.session import Session
from ui.widgets.feedback import alive, in_words

if TYPE_CHECKING:
    from haian_desk.desk import Desk


class BackupTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.backup_button = QPushButton(self.tr("备份到U盘或文件夹(&B)…"))
        self.backup_button.clicked.connect(self._choose_backup_folder)
        self.restore_button = QPushButton(self.tr("从备份文件恢复(&R)…"))
        self.restore_button.clicked.connect(self._choose_restore_file)
        self.restore_button.setEnabled(session.user.role == "admin")
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(self.tr("程序每天自动备份到数据目录。恢复前会先检查备份文件；被替换的数据库另存一份，不会删除。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (note, self.backup_button, self.restore_button, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _choose_backup_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份存放的位置"))
        if chosen:
            self.back_up_to(Path(chosen))

    def back_up_to(self, folder: Path) -> None:
        def work(desk: Desk):
            name = backup.suggested_name(desk.installation.unit_code, desk.now())
            return backup.backup_to(desk.db, folder / name, unique=True)

        self.message.setText(self.tr("正在备份…"))
        self.session.run(
            work,
            alive(self, lambda path: self.message.setText(self.tr("已备份到 {0}").format(path))),
            alive(self, self._failed),
        )

    def _choose_restore_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), "", self.tr("加密备份 (*.hdbackup *.sqlite3);;所有文件 (*)")
        )
        if chosen:
            self.schedule_restore(Path(chosen))

    def schedule_restore(self, source: Path) -> None:
        folder = self.session.desk.folder
        self.session.run(
            lambda desk: recovery.schedule_restore(folder, source),
            alive(self, self._scheduled),
            alive(self, self._failed),
        )

    def _scheduled(self, info: recovery.BackupInfo) -> None:
        self.message.setText(
            self.tr("备份文件检查无误：{0}。请关闭程序再打开，打开时恢复这份备份。").format(info.describe())
        )

    def _failed(self, error: BaseException) -> None:
        self.message.setText(self.tr("没有完成：{0}").format(in_words(error)))
