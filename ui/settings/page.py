"""The settings screen: interface (language, large print), station details, papers, backups,
the working calendar, the idle lock and the audit trail, users (admins)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ui.session import Session
from ui.settings.backup_tab import BackupTab
from ui.settings.calendar_tab import CalendarTab
from ui.settings.interface_tab import InterfaceTab
from ui.settings.papers_tab import PapersTab
from ui.settings.security_tab import SecurityTab
from ui.settings.station_tab import StationTab
from ui.settings.users_tab import UsersTab


def scrolling_tab(widget: QWidget) -> QScrollArea:
    """Large print can make a tab taller than the window: let it scroll rather than squeeze."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class SettingsPage(QWidget):
    preferencesChanged = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.interface = InterfaceTab(session.desk.folder)
        self.interface.preferencesChanged.connect(self.preferencesChanged)
        self.tabs.addTab(scrolling_tab(self.interface), self.tr("界面显示"))
        self.tabs.addTab(scrolling_tab(StationTab(session.desk)), self.tr("本站信息"))
        self.papers = PapersTab(session)
        self.tabs.addTab(scrolling_tab(self.papers), self.tr("回执与公示"))
        self.backups = BackupTab(session)
        self.tabs.addTab(scrolling_tab(self.backups), self.tr("备份与恢复"))
        self.calendar = CalendarTab(session)
        self.tabs.addTab(scrolling_tab(self.calendar), self.tr("工作日历"))
        self.security = SecurityTab(session)  # the idle lock for all to see; the audit trail for head and admin
        self.tabs.addTab(scrolling_tab(self.security), self.tr("锁定与审计"))
        self.users: UsersTab | None = None
        if session.user.role == "admin":
            self.users = UsersTab(session)
            self.tabs.addTab(scrolling_tab(self.users), self.tr("工作人员"))  # scrolls on a low screen
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)
