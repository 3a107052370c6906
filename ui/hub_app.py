"""The desktop app on a county, city or province hub kept on PostgreSQL:
``haian-desk gui --database postgresql://…``.

The same program as at a station, reaching the hub's server instead of a local file: the
login window shows at once while the hub's database is opened on the worker (a server far away
may take a moment), the hub's own logins are checked there (``hub user-add``), and the window
shows the screens a hub works with (ui/hub_window.py). Preferences (language, large print) and
the window's place are this PC's, kept in its data folder as at a station.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from haian_desk.core.errors import HaianError
from ui import crash
from ui.app import App, apply_preferences, make_application
from ui.login import LoginDialog
from ui.qt_app import qt_app
from ui.widgets.feedback import in_words

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.session import Session


def open_hub_desk(url: str, wall: Callable[[], datetime] | None = None):
    """On the worker: the hub's desk (refused plainly when unreachable, not a hub, or of another version)."""
    from haian_desk.hub_desk import HubDesk

    desk = HubDesk.open(url, wall) if wall is not None else HubDesk.open(url)
    import ui.hub_window  # noqa: F401  (warmed while the officer types, as at a station)

    return desk


class HubApp(App):
    def __init__(self, folder: Path, url: str, language: str | None = None, wall: Callable[[], datetime] | None = None):
        super().__init__(folder, language)
        self.url, self.wall = url, wall  # wall: the hub's clock (a test's; otherwise the PC's)

    def start(self) -> bool:
        apply_preferences(qt_app(), self.prefs, self.language_override)
        login = LoginDialog(None, self.worker)
        stopped: list[BaseException] = []
        url, wall = self.url, self.wall
        self.worker.submit(
            lambda: open_hub_desk(url, wall),
            lambda desk: self._station_open(login, desk),
            lambda error: self._stop_login(login, stopped, error),
        )
        accepted = login.exec() == QDialog.DialogCode.Accepted
        if stopped:
            raise stopped[0]
        if not accepted or login.user is None:
            return False
        self._open_session(login.user)
        return True

    def _open_session(self, user) -> None:
        from ui.session import Session

        assert self.desk is not None  # a session starts only on an open hub
        self.session = Session(self.desk, user, self.worker, self)
        self._show_window()  # no daily backups here: the server's are pg_dump (docs/operations.md)

    def _make_window(self, session: Session) -> MainWindow:
        from ui.hub_window import HubWindow

        return HubWindow(session)


def run_hub_app(folder: Path, url: str, language: str | None = None) -> int:
    app = make_application()
    crash.install(app)
    hub_app = HubApp(folder, url, language)
    try:
        started = hub_app.start()
    except HaianError as error:
        QMessageBox.critical(None, "海安群众事务代理工作台", in_words(error))
        hub_app.close()
        return 2
    if not started:
        hub_app.close()
        return 0
    code = app.exec()
    hub_app.close()
    return code
