"""Starting the desktop app: font, language, first-run set-up or login, the main window.

The ``App`` object outlives windows: when the language or large-print mode
changes, the main window is rebuilt in the new mode with the same session
(drafts and data live in the database, so nothing typed is lost).

Start-up is measured (bench/bench_startup.py: the login window within 2× a
minimal PySide6 window), so this module imports only what the login window
needs; the set-up wizard, the main window and what they use are imported when
they are wanted (the main window's modules on the worker while the clerk types,
ui/opening.py), and the station is opened behind the login window.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from haian_desk.core import paths
from haian_desk.core.errors import HaianError
from ui import crash, heap, i18n
from ui.login import LoginDialog
from ui.opening import StationOpening
from ui.qt_app import qt_app
from ui.settings import preferences
from ui.settings.preferences import Preferences
from ui.widgets.appearance import apply_font
from ui.widgets.feedback import in_words
from ui.worker import DbWorker

if TYPE_CHECKING:
    from haian_desk.desk import Desk
    from haian_desk.people.users import User
    from ui.backups import DailyBackups
    from ui.main_window import MainWindow
    from ui.session import Session

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

    keeps_backups = True  # a station's daily copies of its file (a hub on a server has pg_dump)

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
        """Set up (first run) or log in, then show the main window; False if the user gave up.

        The login window shows at once; the station opens behind it (ui/opening.py):
        its key, a restore chosen last time, the health check, the desk.
        """
        apply_preferences(qt_app(), self.prefs, self.language_override)
        if self._needs_set_up():
            return self._set_up()
        login = LoginDialog(None, self.worker)
        stopped: list[BaseException] = []
        self._open_behind(
            login, lambda desk: self._station_open(login, desk), lambda error: self._stop_login(login, stopped, error)
        )
        accepted = login.exec() == QDialog.DialogCode.Accepted
        if stopped:
            raise stopped[0]  # run_app explains it, as when the station was opened before the window
        if not accepted or login.user is None:
            return False
        self._open_session(login.user)
        return True

    def _needs_set_up(self) -> bool:
        return not paths.database_path(self.folder).exists()

    def _open_behind(
        self, login: LoginDialog, opened: Callable[[Desk], None], failed: Callable[[BaseException], None]
    ) -> None:
        """Open the station on the worker while ``login`` shows (ui/opening.py)."""
        opening = StationOpening(self.folder, self.worker, login)
        opening.opened.connect(opened)
        opening.failed.connect(failed)
        opening.gave_up.connect(login.reject)
        opening.start()

    @staticmethod
    def _stop_login(login: LoginDialog, stopped: list[BaseException], error: BaseException) -> None:
        stopped.append(error)
        login.reject()

    def _station_open(self, login: LoginDialog, desk: Desk) -> None:
        self.desk = desk
        login.set_desk(desk)

    def _set_up(self) -> bool:
        from ui.setup_wizard import SetupWizard

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
        from ui.backups import DailyBackups
        from ui.session import Session

        desk = self.desk
        assert desk is not None  # a session starts only on an open station
        self.session = Session(desk, user, self.worker, self)
        self._show_window()
        if self.backups is None and self.keeps_backups:  # once per run, not per login
            self.worker.when_idle(desk.db.checkpoint)  # the WAL copied back when nobody waits
            self.backups = DailyBackups(desk, self.worker, self)
            self.backups.failed.connect(self._backup_failed)
            self.backups.start()

    def _backup_failed(self, message: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(message, 60_000)

    def _show_window(self, screen: str | None = None) -> None:
        old = self.window
        assert self.session is not None  # a window only after logging in
        self.window = self._make_window(self.session)
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
        # Python's full garbage collection once, now, rather than in the middle of a clerk's scroll.
        QTimer.singleShot(0, heap.settle)

    def _make_window(self, session: Session) -> MainWindow:
        from ui.main_window import MainWindow

        return MainWindow(session)

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
    return run(lambda: App(folder, language))


def run(make: Callable[[], App]) -> int:
    """The program from the first window to the last: ``make`` the run once Qt is up."""
    app = make_application()
    crash.install(app)  # an unplanned error: logged, explained, and the app keeps running
    desk_app = make()
    try:
        started = desk_app.start()
    except HaianError as error:
        QMessageBox.critical(None, "海安群众事务代理工作台", in_words(error))
        desk_app.close()
        return 2
    if not started:
        desk_app.close()
        return 0
    code = app.exec()
    desk_app.close()
    return code
