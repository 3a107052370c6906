"""The app locks itself when nobody has touched it for a while.

A station PC stands in an office many people walk through. After the station's
``idle_lock_seconds`` (a setting, 10 minutes unless changed) with no key press
or click, every window of the app is hidden (the queue, a case's detail, a
half-typed intake: nothing shows behind the lock) and a lock screen asks the
same user's password. Another person can only log the user out from there,
never see their screens. Nothing is lost: the windows come back as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from haian_desk import station_settings
from haian_desk.people import users
from ui.qt_app import qt_app
from ui.session import SETTINGS, Session
from ui.widgets.appearance import set_scaled_font
from ui.widgets.feedback import ErrorLabel, alive

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
}


class LockScreen(QDialog):
    unlocked = Signal()
    logoutRequested = Signal()

    def __init__(self, session: Session):
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowTitleHint | Qt.WindowType.CustomizeWindowHint)
        self.session = session
        self.setObjectName("lock_screen")
        self.setWindowTitle(self.tr("已锁定 — 海安群众事务代理工作台"))
        title = QLabel(self.tr("工作台已锁定"))
        set_scaled_font(title, 1.6, bold=True)
        who = QLabel(
            self.tr("{0} 离开后无人操作，为保护群众信息已自动锁定。请输入密码继续。").format(session.user.display_name)
        )
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("{0} 的密码").format(session.user.username))
        self.password.returnPressed.connect(self.try_unlock)
        self.error = ErrorLabel()
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.clicked.connect(self.try_unlock)
        self.logout_button = QPushButton(self.tr("换人登录"))
        self.logout_button.clicked.connect(self.logoutRequested)
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addWidget(self.logout_button)
        layout = QVBoxLayout(self)
        for widget in (title, who, self.password, self.error):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.resize(520, 240)

    def try_unlock(self) -> None:
        name, password = self.session.user.username, self.password.text()
        self.unlock_button.setEnabled(False)
        self.session.worker.submit(
            lambda: users.authenticate(self.session.desk, name, password),
            alive(self, self._unlocked),
            alive(self, self._refused),
        )

    def _unlocked(self, _user) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.error.clear_error()
        self.unlocked.emit()

    def _refused(self, error: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.error.show_error(error)

    def reject(self) -> None:  # Escape does not get past the lock
        pass


class IdleLock(QObject):
    """Watches the whole application's input; locks after the station's idle time."""

    locked = Signal()
    logoutRequested = Signal()

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.hidden: list[QWidget] = []
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._read_setting()
        session.changed.connect(lambda kinds: self._read_setting() if SETTINGS in kinds else None)
        qt_app().installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def _read_setting(self) -> None:
        # One row from the settings table: far below what would need the worker.
        seconds = station_settings.load(self.session.desk).idle_lock_seconds
        self.timer.setInterval(seconds * 1000)
        if not self.is_locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.is_locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self.hidden:
            widget.hide()
        self.screen = LockScreen(self.session)
        self.screen.unlocked.connect(self.unlock)
        self.screen.logoutRequested.connect(self._logout)
        self.screen.show()
        self.screen.password.setFocus()
        self.locked.emit()

    def unlock(self) -> None:
        screen, self.screen = self.screen, None
        for widget in self.hidden:
            widget.show()
        self.hidden = []
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        self.timer.start()

    def _logout(self) -> None:
        self.unlock()
        self.logoutRequested.emit()

    def stop(self) -> None:
        """No more locking (the window is going away); a lock screen showing goes too."""
        self.timer.stop()
        qt_app().removeEventFilter(self)
        if self.screen is not None:
            self.screen.hide()
            self.screen.deleteLater()
            self.screen = None
