"""Opening the station behind the login window: the key, a scheduled restore, the health check, the desk.

The login window is the first thing a clerk sees, so it is shown at once and
the slow part of opening runs on the database worker meanwhile: deriving the
station key (scrypt, ~0.1 s on purpose), a restore chosen last time, SQLite's
quick check and opening the desk. What needs the clerk (a passphrase to type,
a damaged file to restore) is asked over the login window when the worker
finds it; the clerk can type the login name and password all the while.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from haian_desk.core.errors import HaianError
from ui.widgets.feedback import in_words
from ui.worker import DbWorker

if TYPE_CHECKING:  # kept out of the start-up imports: the login window needs none of them
    from haian_desk.desk import Desk
    from haian_desk.storage.recovery import BackupInfo, Health, Restored

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    """What the worker found: ``ok`` with the desk, or what the clerk must settle first."""

    state: str  # ok | choose | passphrase | damaged
    desk: Desk | None = None
    health: Health | None = None
    best: BackupInfo | None = None
    restored: Restored | None = None
    restore_error: HaianError | None = None


def prepare(folder: Path, restore_first: bool = True) -> Prepared:
    """On the worker: everything between the program starting and the desk being open."""
    from haian_desk.storage import encrypt_plain, keys, recovery

    if keys.read_key_file(folder) is None and encrypt_plain.needed(folder):
        return Prepared("choose")
    try:
        keys.unlock(folder)
    except keys.PassphraseNeeded:
        return Prepared("passphrase")
    found = Prepared("ok")
    if restore_first:
        try:
            found.restored = recovery.apply_pending_restore(folder)
        except HaianError as error:
            found.restore_error = error
    health = recovery.examine(folder)
    if health.state == "damaged":
        log.error("database in %s is damaged: %s", folder, health.problem)
        found.state, found.health, found.best = "damaged", health, recovery.newest_good_backup(folder)
        return found
    from haian_desk.desk import Desk

    found.desk = Desk.open(folder)
    _warm_up()
    return found


def _warm_up() -> None:
    """Import the main window's modules while the clerk types the password (pure imports)."""
    import ui.main_window
    import ui.session  # noqa: F401


class StationOpening(QObject):
    """Runs ``prepare`` on the worker and settles, over ``parent``, what it cannot do alone."""

    opened = Signal(object)  # the Desk
    failed = Signal(object)  # an exception that stops the start (shown by run_app)
    gave_up = Signal()  # the clerk declined (no passphrase, no restore)

    def __init__(self, folder: Path, worker: DbWorker, parent: QWidget):
        super().__init__(parent)
        self.folder, self.worker, self.window = folder, worker, parent

    def start(self, restore_first: bool = True) -> None:
        folder = self.folder
        self.worker.submit(lambda: prepare(folder, restore_first), self._prepared, self.failed.emit)

    def _prepared(self, found: Prepared) -> None:
        self._tell_restore(found)
        handlers: dict[str, Callable[[Prepared], None]] = {
            "ok": lambda f: self.opened.emit(f.desk),
            "choose": self._ask_passphrase,
            "passphrase": self._ask_passphrase,
            "damaged": self._offer_backup,
        }
        handlers[found.state](found)

    def _ask_passphrase(self, found: Prepared) -> None:
        from ui.setup_passphrase import PassphraseDialog

        dialog = PassphraseDialog(self.folder, self.worker, choose=found.state == "choose", parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start()
        else:
            self.gave_up.emit()

    def _offer_backup(self, found: Prepared) -> None:
        from ui.backups import DamagedDatabaseDialog

        assert found.health is not None  # "damaged" is only ever found with the health that says so
        dialog = DamagedDatabaseDialog(self.folder, found.health, found.best, self.worker, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.restored is not None:
            self.start(restore_first=False)
        else:
            self.gave_up.emit()

    def _tell_restore(self, found: Prepared) -> None:
        title = self.tr("海安群众事务代理工作台")
        if found.restore_error is not None:
            QMessageBox.warning(self.window, title, self.tr("没有恢复备份：{0}").format(in_words(found.restore_error)))
        elif found.restored is not None:
            done = found.restored
            QMessageBox.information(
                self.window,
                title,
                self.tr("已恢复备份：{0}。原来的数据库另存在 {1}。").format(done.info.describe(), done.set_aside),
            )
