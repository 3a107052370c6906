"""The township's sync service inside its desktop app: start, stop, and say where it listens.

The hub is the sync engine's own server (``sync.serve.BackgroundHub``, uvicorn
on a thread of its own, with its own database connection). Starting and
stopping run off the GUI thread, since a batch being applied gets time to
finish. When the app did not start it, the panel asks the port whether a
hub runs there anyway (``haian-desk hub serve`` as its own process) and says so.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haian_desk.replication import township
from sync.serve import BackgroundHub
from ui.qt_app import qt_app
from ui.session import Session
from ui.sync.background import run_in_thread
from ui.widgets.feedback import alive, explain

if TYPE_CHECKING:
    from haian_desk.desk import Desk

STOPPED, STARTING, RUNNING, STOPPING, ELSEWHERE, FAILED = (
    "stopped",
    "starting",
    "running",
    "stopping",
    "elsewhere",
    "failed",
)
PROBE_MS = 15_000


@dataclass(frozen=True)
class HubState:
    phase: str = STOPPED
    host: str = ""
    port: int = 0
    message: str = ""

    def addresses(self) -> list[str]:
        """Where stations can reach the hub: every IPv4 address of this PC when it listens on all."""
        if self.host not in ("0.0.0.0", ""):
            return [f"http://{self.host}:{self.port}"]
        found = [
            a.toString()
            for a in QNetworkInterface.allAddresses()
            if a.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol and not a.isLoopback()
        ]
        return [f"http://{ip}:{self.port}" for ip in found] + [f"http://127.0.0.1:{self.port}"]


class HubControl(QObject):
    """The one hub of a township session; its state changes arrive on the GUI thread."""

    stateChanged = Signal(object)  # HubState

    def __init__(self, session: Session):
        super().__init__(session)
        self.session = session
        self.state = HubState()
        self.running: BackgroundHub | None = None
        self.probes = 0  # only the latest look at the port counts
        self.prober = QTimer(self, interval=PROBE_MS)
        self.prober.timeout.connect(self.probe)
        qt_app().aboutToQuit.connect(self.shutdown)

    def begin(self) -> None:
        """Once per session: look whether a hub already runs, and start ours if the centre asked for that."""
        if self.prober.isActive():
            return
        self.prober.start()
        self.session.run(township.load_settings, alive(self, self._begin_with))

    def _begin_with(self, settings: dict) -> None:
        host, port = settings["hub_host"], settings["hub_port"]
        if self.state.phase == STOPPED and not self.state.port:
            self._take(HubState(STOPPED, host, port), None)
        if settings["hub_autostart"]:
            self.start(host, port)
        else:
            self.probe(port)

    def _arrived(self, outcome: tuple) -> None:
        state, running, probe = outcome
        moved_on = (
            probe != self.probes
            or self.state.phase in (STARTING, RUNNING, STOPPING)
            or (self.state.port and state.port != self.state.port)
        )
        if probe and moved_on:
            return  # an older look, a look at another port, or the app has started its own hub since
        self._take(state, running)

    def _take(self, state: HubState, running) -> None:
        self.running = running
        self.state = state
        self.stateChanged.emit(state)

    def _in_background(self, work, probe: int = 0) -> None:
        # The work holds plain values only (see ui.sync.background).
        run_in_thread(self, "_arrived", lambda: (*work(), probe), "haian-hub-control")

    def start(self, host: str, port: int) -> None:
        if self.state.phase in (STARTING, RUNNING, STOPPING):
            return
        folder = self.session.desk.folder
        self._take(HubState(STARTING, host, port), self.running)

        def work():
            try:
                return HubState(RUNNING, host, port), BackgroundHub(folder, host=host, port=port).start()
            except OSError as error:
                return HubState(FAILED, host, port, _port_problem(port, error)), None
            except Exception as error:  # noqa: BLE001 - the panel says what happened
                return HubState(FAILED, host, port, explain(error)), None

        self._in_background(work)

    def stop(self) -> None:
        running, host, port = self.running, self.state.host, self.state.port
        if running is None or self.state.phase != RUNNING:
            return
        self._take(dataclasses.replace(self.state, phase=STOPPING), running)

        def work():
            running.stop()
            return HubState(STOPPED, host, port), None

        self._in_background(work)

    def probe(self, port: int | None = None) -> None:
        """Is a hub answering on the port though this app did not start one?"""
        if self.state.phase in (STARTING, RUNNING, STOPPING):
            return
        port = port or self.state.port
        if not port:
            return
        if port != self.state.port:  # a look at another port: what was known about the old one no longer holds
            self._take(HubState(STOPPED, self.state.host, port), None)
        host, failed = self.state.host, self.state if self.state.phase == FAILED else None
        self.probes += 1

        def work():
            try:
                answered = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                answered = False
            if answered:
                return HubState(ELSEWHERE, host, port), None
            return failed or HubState(STOPPED, host, port), None

        self._in_background(work, self.probes)

    def shutdown(self) -> None:
        """When the app closes: stop the hub (a batch being applied finishes first)."""
        self.prober.stop()
        if self.running is not None:
            self.running.stop()
            self.running = None


def _port_problem(port: int, error: OSError) -> str:
    return (
        f"端口 {port} 已被占用或不能使用（{error.strerror or error}）：可能同步服务已经在另一个程序里运行。"
        "请换一个端口，或先关掉另一个同步服务"
    )


def hub_for(session: Session) -> HubControl:
    found = session.findChild(HubControl)
    return found if found is not None else HubControl(session)


class HubPanel(QGroupBox):
    """同步服务: whether it runs and where; start and stop; the address and port to use."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("同步服务"))
        self.setObjectName("hub_panel")
        self.session = session
        self.control = hub_for(session)
        self.state_label = QLabel()
        self.state_label.setObjectName("hub_state")
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.host = QLineEdit()
        self.host.setObjectName("hub_host")
        self.host.setToolTip(self.tr("0.0.0.0：局域网里的站点都能连；127.0.0.1：只给本机用"))
        self.port = QSpinBox()
        self.port.setObjectName("hub_port")
        self.port.setRange(1024, 65535)
        self.autostart = QCheckBox(self.tr("打开本程序时自动启动"))
        self.autostart.setObjectName("hub_autostart")
        self.start_button = QPushButton(self.tr("启动同步服务"))
        self.start_button.setObjectName("hub_start")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("停止"))
        self.stop_button.setObjectName("hub_stop")
        self.stop_button.clicked.connect(self.control.stop)
        row = QHBoxLayout()
        for widget in (
            QLabel(self.tr("监听地址")),
            self.host,
            QLabel(self.tr("端口")),
            self.port,
            self.autostart,
            self.start_button,
            self.stop_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(row)
        self.control.stateChanged.connect(self.show_state)
        self.show_state(self.control.state)
        self.control.begin()
        session.run(township.load_settings, alive(self, self._settings))

    def _settings(self, settings: dict) -> None:
        state = self.control.state
        self.host.setText(state.host or settings["hub_host"])
        self.port.setValue(state.port or settings["hub_port"])
        self.autostart.setChecked(settings["hub_autostart"])
        self.autostart.toggled.connect(self._save_autostart)

    def start(self) -> None:
        host, port = self.host.text().strip() or "0.0.0.0", self.port.value()
        user = self.session.user.username
        self.session.run(
            lambda desk: (
                township.save_settings(desk, user, hub_host=host, hub_port=port) if _is_admin(desk, user) else None
            )
        )
        self.control.start(host, port)

    def _save_autostart(self, on: bool) -> None:
        user = self.session.user.username
        self.session.run(
            lambda desk: township.save_settings(desk, user, hub_autostart=on),
            on_error=alive(self, lambda error: self.state_label.setText(explain(error))),
        )

    def show_state(self, state: HubState) -> None:
        words = {
            STOPPED: self.tr("同步服务没有运行：站点现在连不上本中心（U盘同步不受影响）。"),
            STARTING: self.tr("正在启动同步服务…"),
            STOPPING: self.tr("正在停止同步服务（正在接收的一批会先收完）…"),
            ELSEWHERE: self.tr("同步服务正在运行（由另一个程序运行，如 haian-desk hub serve），端口 {0}。"),
            FAILED: self.tr("同步服务没有启动起来：{0}"),
            RUNNING: self.tr("同步服务正在运行。站点填写的镇中心网址：{0}"),
        }
        text = words[state.phase]
        if state.phase == RUNNING:
            text = text.format("、".join(state.addresses()))
        elif state.phase == ELSEWHERE:
            text = text.format(state.port)
        elif state.phase == FAILED:
            text = text.format(state.message)
        self.state_label.setText(text)
        colour = {RUNNING: "#1b6e20", ELSEWHERE: "#1b6e20", FAILED: "#b00020"}.get(state.phase, "#8a5300")
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        busy = state.phase in (STARTING, STOPPING)
        self.start_button.setEnabled(state.phase in (STOPPED, FAILED, ELSEWHERE))
        self.stop_button.setEnabled(state.phase == RUNNING)
        self.host.setEnabled(not busy and state.phase != RUNNING)
        self.port.setEnabled(not busy and state.phase != RUNNING)


def _is_admin(desk: Desk, username: str) -> bool:
    from haian_desk.people import users

    return users.get(desk, username).role == "admin"
