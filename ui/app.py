"""Starting the desktop app: font, language, first-run set-up or login, the main window.

The ``App`` object outlives windows: when the language or large-print mode
changes, the main window is rebuilt in the new mode with the same session
(drafts and data live in the database, so nothing typed is lost).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from haian_desk.core import paths
from haian_desk.core.errors import HaianError
from haian_desk.desk import Desk
from haian_desk.people.users import User
from haian_desk.storage import recovery
from ui import crash, i18n
from ui.backups import DailyBackups, check_before_open
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.qt_app import qt_app
from ui.session import Session
from ui.settings import preferences
from ui.settings.preferences import Preferences
from ui.setup_passphrase import unlock_station
from ui.setup_wizard import SetupWizard
from ui.widgets.appearance import apply_font
from ui.widgets.feedback import in_words
from ui.worker import DbWorker

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None:
        QApplication(argv or sys.argv[:1])
    app = qt_app()
    app.setApplicationName("HaianDesk")  # no display name: Linux would append it to every title
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "haian_desk.png"))))
    apply_font(app, large_print=False)
    return app


def apply_preferences(app: QApplication, prefs: Preferences, language: str | None = None) -> str:
    """Font size and interface language, before any window is made."""
    apply_font(app, prefs.large_print)
    return i18n.install_language(language or prefs.language)


class App(QObject):
    """One run of the program: the installation, who is logged in, and the main window."""

    def __init__(self, folder: Path, language: str | None = None):
        super().__init__()
        self.folder = folder
        self.language_override = language
        self.worker = DbWorker(self)
        self.desk: Desk | None = None
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self.backups: DailyBackups | None = None
        self.prefs = preferences.load(folder)

    def start(self) -> bool:
        """Set up (first run) or log in, then show the main window; False if the user gave up."""
        apply_preferences(qt_app(), self.prefs, self.language_override)
        if not paths.database_path(self.folder).exists():
            return self._set_up()
        if not unlock_station(self.folder, self.worker):
            return False  # the passphrase was not given: nothing can be opened
        self._restore_if_scheduled()
        if not check_before_open(self.folder, self.worker):
            return False  # damaged and not restored: nothing to open
        self.desk = Desk.open(self.folder)
        return self._log_in()

    def _restore_if_scheduled(self) -> None:
        """A restore chosen in settings last time: done now, before the database is opened."""
        try:
            done = recovery.apply_pending_restore(self.folder)
        except HaianError as error:
            QMessageBox.warning(
                None, self.tr("海安群众事务代理工作台"), self.tr("没有恢复备份：{0}").format(in_words(error))
            )
            return
        if done is not None:
            QMessageBox.information(
                None,
                self.tr("海安群众事务代理工作台"),
                self.tr("已恢复备份：{0}。原来的数据库另存在 {1}。").format(done.info.describe(), done.set_aside),
            )

    def _set_up(self) -> bool:
        wizard = SetupWizard(self.folder, self.worker)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return False
        self.desk = wizard.desk
        assert wizard.user is not None  # an accepted wizard has made and logged in the admin
        self._open_session(wizard.user)
        return True

    def _log_in(self) -> bool:
        assert self.desk is not None  # opened (or made by the wizard) before anyone logs in
        login = LoginDialog(self.desk, self.worker)
        if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
            return False
        self._open_session(login.user)
        return True

    def _open_session(self, user: User) -> None:
        desk = self.desk
        assert desk is not None  # a session starts only on an open station
        self.session = Session(desk, user, self.worker, self)
        self._show_window()
        if self.backups is None:  # once per run, not per login
            self.backups = DailyBackups(desk, self.worker, self)
            self.backups.failed.connect(self._backup_failed)
            self.backups.start()

    def _backup_failed(self, message: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(message, 60_000)

    def _show_window(self, screen: str | None = None) -> None:
        old = self.window
        assert self.session is not None  # a window only after logging in
        self.window = MainWindow(self.session)
        self.window.preferencesChanged.connect(self.change_preferences)
        self.window.logoutRequested.connect(self.log_out)
        if screen:
            self.window.show_screen(screen)
        if old is not None:
            self.window.place_folder = self.folder
            self.window.setGeometry(old.geometry())
            old.place_folder = None  # the new window keeps the place from now on
            old.close()
            old.deleteLater()
        else:
            self.window.remember_place(self.folder)
        self.window.show()
        # Straight after login the keyboard belongs to the main window: no click needed first.
        self.window.raise_()
        self.window.activateWindow()

    def change_preferences(self, prefs: Preferences) -> None:
        """Save, then rebuild the window in the new language and size."""
        preferences.save(self.folder, prefs)
        self.prefs = prefs
        self.language_override = None
        apply_preferences(qt_app(), prefs)
        self._show_window(screen=self.window.current_key() if self.window else None)

    def log_out(self) -> None:
        window, self.window = self.window, None
        qt_app().setQuitOnLastWindowClosed(False)
        if window is not None:
            window.close()
            window.deleteLater()
        if not self._log_in():
            qt_app().quit()
        qt_app().setQuitOnLastWindowClosed(True)

    def close(self) -> None:
        self.worker.shutdown()
        if self.desk is not None:
            self.desk.close()


def run_app(folder: Path, language: str | None = None) -> int:
    app = make_application()
    crash.install(app)  # an unplanned error: logged, explained, and the app keeps running
    desk_app = App(folder, language)
    try:
        started = desk_app.start()
    except HaianError as error:
        QMessageBox.critical(None, "海安群众事务代理工作台", in_words(error))
        return 2
    if not started:
        desk_app.close()
        return 0
    code = app.exec()
    desk_app.close()
    return code
