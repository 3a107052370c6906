"""The status bar's sync line: 全部已上报 / N 件待上报 / 同步失败：原因, and the warning on quitting.

The words are the runner's state put plainly; a click opens the sync screen.
Quitting while cases are still waiting asks first (nothing is ever thrown
away: the records stay in this PC and go with the next sync).
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.i18n import QT_TRANSLATE_NOOP
from ui.session import Session
from ui.sync.runner import RunnerState, runner_for
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import words
from ui.widgets.shortened import ShortenedLabel

OK_COLOUR, WAITING_COLOUR, FAILED_COLOUR = QColor("#1b6e20"), QColor("#8a5300"), QColor("#b00020")
_windows_in_order: list = []  # weak references to the windows that carry a sync line, oldest first


def status_text(state: RunnerState) -> tuple[str, QColor | None]:
    """What the line says for ``state``, and its colour."""
    if not state.known:
        return QCoreApplication.translate("SyncStatus", "正在读取同步状态…"), None
    if state.running:
        text = QCoreApplication.translate("SyncStatus", "正在同步：已发送 {0} / {1}")
        return text.format(state.sent, state.total), None
    if state.problem is not None and state.enrolled:
        text = QCoreApplication.translate("SyncStatus", "同步失败：{0}")
        return text.format(words(state.problem.title)), FAILED_COLOUR
    if not state.enrolled:
        return QCoreApplication.translate("SyncStatus", "未登记到镇中心：办件只保存在本机"), WAITING_COLOUR
    if state.rejected:
        text = QCoreApplication.translate("SyncStatus", "{0} 条记录被镇中心拒收")
        return text.format(state.rejected), FAILED_COLOUR
    if state.waiting_records == 0:
        return QCoreApplication.translate("SyncStatus", "全部已上报"), OK_COLOUR
    if state.waiting_cases:
        text = QCoreApplication.translate("SyncStatus", "{0} 件待上报")
        return text.format(state.waiting_cases), WAITING_COLOUR
    text = QCoreApplication.translate("SyncStatus", "{0} 条记录待上报")
    return text.format(state.waiting_records), WAITING_COLOUR


def hub_text(state) -> tuple[str, QColor | None]:
    """At a township: whether its sync service runs (stations can reach it only then)."""
    from ui.township import hub

    words = {
        hub.RUNNING: (QT_TRANSLATE_NOOP("SyncStatus", "同步服务运行中"), OK_COLOUR),
        hub.ELSEWHERE: (QT_TRANSLATE_NOOP("SyncStatus", "同步服务运行中（另一程序）"), OK_COLOUR),
        hub.STARTING: (QT_TRANSLATE_NOOP("SyncStatus", "同步服务正在启动…"), None),
        hub.STOPPING: (QT_TRANSLATE_NOOP("SyncStatus", "同步服务正在停止…"), None),
        hub.FAILED: (QT_TRANSLATE_NOOP("SyncStatus", "同步服务没能启动"), FAILED_COLOUR),
    }
    text, colour = words.get(state.phase, (QT_TRANSLATE_NOOP("SyncStatus", "同步服务未运行"), WAITING_COLOUR))
    return QCoreApplication.translate("SyncStatus", text), colour


def _hub_of(session: Session):
    from haian_desk.replication.township import HUB_ROLES

    if session.desk.installation.role not in HUB_ROLES:
        return None
    from ui.township.arrivals import watch_arrivals
    from ui.township.hub import hub_for

    watch_arrivals(session)
    control = hub_for(session)
    control.begin()
    return control


class SyncStatusLabel(ShortenedLabel):
    """One line in the status bar; click (or Enter on it) to open the sync screen."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.session = session
        self.setFont(scaled_font(1.0, bold=True))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.runner = runner_for(session)
        self.runner.stateChanged.connect(self.show_state)
        self.hub = _hub_of(session)  # at a township: its own sync service matters most
        if self.hub is not None:
            self.hub.stateChanged.connect(self._hub_changed)
        self.show_state(self.runner.state)
        self.runner.start()
        self.guard: QuitGuard | None = None
        # Made with the main window as parent, it knows its window now: a window that
        # replaces another (new language) must be known before the old one closes.
        if parent is not None:
            self._guard_window()
        else:
            QTimer.singleShot(0, self._guard_window)

    def show_state(self, state: RunnerState) -> None:
        if self.hub is not None and not state.enrolled:
            text, colour = hub_text(self.hub.state)
        else:
            text, colour = status_text(state)
        tip = problem_text(state.problem) if state.problem else self.tr("点击查看同步详情")
        self.set_line(text, tip)
        palette = QApplication.palette(self)
        if colour is not None:
            palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)

    def _hub_changed(self, _state) -> None:
        self.show_state(self.runner.state)

    def mousePressEvent(self, event) -> None:
        window = self.window()
        if hasattr(window, "show_screen"):
            window.show_screen("stations" if self.hub is not None and not self.runner.state.enrolled else "sync")
        super().mousePressEvent(event)

    def _guard_window(self) -> None:
        if not shiboken6.isValid(self) or self.guard is not None:
            return
        window = self.window()
        if window is self:
            return
        _windows_in_order.append(weakref.ref(window))
        self.guard = QuitGuard(self, window)


class QuitGuard(QObject):
    """Asks before the last window closes while cases wait to go up; never discards anything."""

    def __init__(self, line: SyncStatusLabel, window: QWidget):
        super().__init__(line)
        self.line, self.window = line, window
        self.allowed = False
        self.question: QMessageBox | None = None
        window.installEventFilter(self)
        if hasattr(window, "logoutRequested"):  # logging out is not closing the day
            window.logoutRequested.connect(self._let_go)

    def _let_go(self) -> None:
        self.allowed = True

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self._should_ask():
            event.ignore()
            self.ask()
            return True
        return False

    def _should_ask(self) -> bool:
        state = self.line.runner.state
        return (
            not self.allowed
            and state.known
            and state.enrolled
            and state.waiting_records > 0
            and not _replaced(self.window)
        )

    def ask(self) -> QMessageBox:
        state = self.line.runner.state
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("还有没上报的办件"),
            self.tr(
                "还有 {0} 件办件（共 {1} 条记录）没有上报到镇中心。\n\n"
                "它们都已保存在本机，不会丢失；下次联网同步或用U盘同步时会一并上报。"
            ).format(state.waiting_cases, state.waiting_records),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setObjectName("unsent_warning")
        self.sync_first = box.addButton(self.tr("先同步，不退出"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_anyway = box.addButton(self.tr("照样退出"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.sync_first)
        box.finished.connect(lambda _r: self._answered(box.clickedButton()))
        self.question = box
        box.open()  # not exec(): the sync line keeps moving while the clerk decides
        return box

    def _answered(self, button) -> None:
        if button is self.quit_anyway:
            self.allowed = True
            self.window.close()
        elif button is self.sync_first:
            self.line.runner.sync_now()
            if hasattr(self.window, "show_screen"):
                self.window.show_screen("sync")


def _replaced(window: QWidget) -> bool:
    """True when a newer main window took this one's place (language or large print changed)."""
    alive = [ref() for ref in _windows_in_order if ref() is not None and shiboken6.isValid(ref())]
    _windows_in_order[:] = [weakref.ref(w) for w in alive]
    return bool(alive) and alive[-1] is not window and window in alive


def problem_text(problem) -> str:
    """A sync problem in the interface language: what happened, and what to do."""
    message = words(problem.said) if problem.said else problem.message
    todo = words(problem.todo_said) if problem.todo_said else problem.todo
    return QCoreApplication.translate("SyncStatus", "{0}：{1}\n怎么办：{2}").format(words(problem.title), message, todo)
