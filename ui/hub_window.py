"""The main window of a county, city or province hub kept on PostgreSQL (``haian-desk gui
--database URL``): the screens that hub works with, on the same shell as a station's.

Such a hub takes no walk-ins and prints no receipts; its staff work the matters sent up
(上报事项), look through every matter below them (办件: paged as at a township; a search there
is a plain scan, the server keeps no search keys), watch the units below (站点), settle matters
two levels acted on at once (冲突核对), keep the service catalogue every station below shows
(事项目录: an admin's change reaches them all) and read the assessment of everything under
them (考核); 设置 holds this PC's language and large print and, for an admin, the hub's logins.
The station-only parts of the shell stay off: the counter's deadline counts, its own sync status
(the hub is the server: ``hub serve``), restore notices for a SQLite file.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.i18n import QT_TRANSLATE_NOOP
from ui.main_window import MainWindow, Screen
from ui.township.arrivals import watch_arrivals
from ui.widgets.status import UserLabel

SERVER_HUB_SCREENS: tuple[Screen, ...] = (
    Screen("inbox", QT_TRANSLATE_NOOP("Screens", "上报事项"), "F10", "ui.township.inbox", "InboxPage"),
    Screen("queue", QT_TRANSLATE_NOOP("Screens", "办件"), "F3", "ui.township.queue", "NetworkQueuePage"),
    Screen("catalogue", QT_TRANSLATE_NOOP("Screens", "事项目录"), "F5", "ui.catalogue.page", "CataloguePage"),
    Screen(
        "stations", QT_TRANSLATE_NOOP("Screens", "站点"), "F11", "ui.township.server_stations", "ServerStationsPage"
    ),
    Screen("conflicts", QT_TRANSLATE_NOOP("Screens", "冲突核对"), "F12", "ui.township.conflicts", "ConflictsPage"),
    Screen("assessment", QT_TRANSLATE_NOOP("Screens", "考核"), "Ctrl+F8", "ui.assessment.screen", "AssessmentScreen"),
    Screen("settings", QT_TRANSLATE_NOOP("Screens", "设置"), "F6", "ui.settings.hub_page", "HubSettingsPage"),
)


def server_location(url: str) -> str:
    """Where the hub's database is, for the status bar: host and database, never the password."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except ProgrammingError:  # shown only; an address psycopg cannot read was refused when opening
        return ""
    host = str(parts.get("host") or "localhost").split(",")[0]
    return f"{host}/{parts.get('dbname') or ''}"


class HubWindow(MainWindow):
    def _screens(self) -> tuple[Screen, ...]:
        return SERVER_HUB_SCREENS

    def _build_status_bar(self) -> None:
        self.user_label = UserLabel(self.session)
        self.arrivals = watch_arrivals(self.session, owner=self)  # what the serving workers store
        hub_db = self.session.desk.pg  # type: ignore[attr-defined]  # a HubDesk (ui/hub_app.py)
        self.server_label = QLabel(self.tr("中心数据库：{0}").format(server_location(hub_db.url)))
        self.server_label.setObjectName("server_label")
        bar = self.statusBar()
        bar.addPermanentWidget(self.server_label)
        bar.addPermanentWidget(self.user_label)

    def _after_opening(self) -> None:
        pass  # nothing restored on this PC: the database is the server's, backed up with pg_dump

    def may_import(self) -> bool:
        return False  # rosters and ledgers are imported at the stations, where the villagers are
