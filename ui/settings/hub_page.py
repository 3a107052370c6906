"""设置 at a hub kept on PostgreSQL (ui/hub_window.py): this PC's language and large print, and for
an admin the hub's logins, the same tabs a station's settings show. What else a station sets
(its address, papers, backups, calendar, idle lock) is not a server hub's: its backups are
``pg_dump``, its calendar comes down from the shipped one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.session import Session
from ui.settings.interface_tab import InterfaceTab
from ui.settings.page import scrolling_tab
from ui.settings.users_tab import UsersTab


class HubSettingsPage(QWidget):
    preferencesChanged = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        # The app saves the choice in this PC's folder (App.change_preferences): none here.
        self.interface = InterfaceTab(None)
        self.interface.preferencesChanged.connect(self.preferencesChanged)
        self.tabs.addTab(scrolling_tab(self.interface), self.tr("界面显示"))
        self.users: UsersTab | None = None
        if session.user.role == "admin":
            self.users = UsersTab(session)
            self.tabs.addTab(scrolling_tab(self.users), self.tr("工作人员"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)
