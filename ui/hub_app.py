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

from ui.app import App, run

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
    keeps_backups = False  # the server's backups are pg_dump (docs/operations.md)

    def __init__(self, folder: Path, url: str, language: str | None = None, wall: Callable[[], datetime] | None = None):
        super().__init__(folder, language)
        self.url, self.wall = url, wall  # wall: the hub's clock (a test's; otherwise the PC's)

    def _needs_set_up(self) -> bool:
        return False  # a hub is made on its server (init --database), not from an office PC

    def _open_behind(self, login, opened, failed) -> None:
        url, wall = self.url, self.wall
        self.worker.submit(lambda: open_hub_desk(url, wall), opened, failed)

    def _make_window(self, session: Session) -> MainWindow:
        from ui.hub_window import HubWindow

        return HubWindow(session)


def run_hub_app(folder: Path, url: str, language: str | None = None) -> int:
    return run(lambda: HubApp(folder, url, language))
