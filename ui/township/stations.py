"""站点: the township's stations at a glance, the sync service, enrolment and USB batches.

Each enrolled station with its last contact, what is known to be missing or
held back, its clock, and its overdue and due-soon matters; a station silent
for longer than the centre's setting stands out at the top in red. Below:
enrol a station from its request file, revoke one, and import a station's
USB file (the reply for it is written beside it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haian_desk.core.timeutil import show
from haian_desk.replication import township
from sync import enrolment, keys as keymod, station_link
from ui.session import Session
from ui.sync.tables import ResultBox, fill_table, make_table, selected_keys
from ui.township.arrivals import watch_arrivals
from ui.township.hub import HubPanel, hub_for
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import alive, explain

if TYPE_CHECKING:
    from haian_desk.desk import Desk

REFRESH_MS = 60_000
SILENT_COLOUR, REVOKED_COLOUR = "#fde0dc", "#eeeeee"


def enrol_station(desk: Desk, request: Path, answer: Path, url: str | None):
    """Read a station's request, enrol it, write the signed answer (runs on the worker)."""
    own = keymod.load_or_create(desk.folder)
    child, document = enrolment.enrol(desk, own, enrolment.read_document(request), url)
    enrolment.write_document(document, answer)
    return child, keymod.fingerprint(child.sign_key)


def drift_words(seconds: int | None) -> str:
    """A child's clock against the hub's, as the stations tables show it (准, 快3分钟, 慢2小时)."""
    if seconds is None:
        return "—"
    if abs(seconds) < 60:
        return QCoreApplication.translate("StationsPage", "准")
    if seconds > 0:
        way = QCoreApplication.translate("StationsPage", "快")
    else:
        way = QCoreApplication.translate("StationsPage", "慢")
    minutes = abs(seconds) // 60
    if minutes >= 60:
        return QCoreApplication.translate("StationsPage", "{0}{1}小时").format(way, minutes // 60)
    return QCoreApplication.translate("StationsPage", "{0}{1}分钟").format(way, minutes)


class StationsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stations_page")
        self.session = session
        self.rows: list[township.StationHealth] = []
        self.threshold_known = False  # until the setting is read, the domain's own value is used
        self.ask_open = self._ask_open
        self.confirm_revoke = self._confirm_revoke
        self._build()
        watch_arrivals(session)
        session.changed.connect(self._data_changed)  # a method: the session outlives the page
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        session.run(township.load_settings, alive(self, self._settings))
        self.reload()

    def _settings(self, settings: dict) -> None:
        self.silent_hours.setValue(settings["silent_hours"])
        self.threshold_known = True
        self.reload()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("各站点同步情况"))
        title.setFont(scaled_font(1.3, bold=True))
        self.summary = QLabel()
        self.summary.setObjectName("stations_summary")
        self.summary.setWordWrap(True)
        self.table = make_table(
            "stations_table",
            [
                self.tr("站点"),
                self.tr("单位代码"),
                self.tr("状态"),
                self.tr("最近联系"),
                self.tr("已收记录"),
                self.tr("已知缺少"),
                self.tr("待核查"),
                self.tr("时钟偏差"),
                self.tr("超期"),
                self.tr("即将到期"),
                self.tr("办件"),
            ],
            stretch=0,
        )
        self.silent_hours = QSpinBox()
        self.silent_hours.setObjectName("silent_hours")
        self.silent_hours.setRange(1, 24 * 30)
        self.silent_hours.setSuffix(self.tr(" 小时"))
        save = QPushButton(self.tr("保存"))
        save.setObjectName("save_silent_hours")
        save.clicked.connect(self.save_silent_hours)
        threshold = QHBoxLayout()
        threshold.addWidget(QLabel(self.tr("超过这么久没有联系的站点标红：")))
        threshold.addWidget(self.silent_hours)
        threshold.addWidget(save)
        threshold.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(HubPanel(self.session, self))
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(threshold)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._actions())

    def _actions(self) -> QGroupBox:
        box = QGroupBox(self.tr("登记、注销与U盘文件"))
        self.enrol_button = QPushButton(self.tr("办理站点登记(&E)…"))
        self.enrol_button.setObjectName("enrol_station")
        self.enrol_button.clicked.connect(lambda: self._chosen(self.ask_open(), self.enrol))
        self.revoke_button = QPushButton(self.tr("注销选中的站点(&R)"))
        self.revoke_button.setObjectName("revoke_station")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.import_button = QPushButton(self.tr("导入站点的U盘文件(&I)…"))
        self.import_button.setObjectName("import_batch")
        self.import_button.clicked.connect(lambda: self._chosen(self.ask_open(), self.import_batch))
        self.result = ResultBox("stations_result")
        buttons = QHBoxLayout()
        for button in (self.enrol_button, self.revoke_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addLayout(buttons)
        column.addWidget(self.result)
        return box

    # --- reading ------------------------------------------------------------------------

    def _data_changed(self, _changes) -> None:
        self.reload()

    def reload(self) -> None:
        hours = self.silent_hours.value() if self.threshold_known else None
        self.session.run(
            lambda desk: township.station_health(desk, desk.now(), hours),
            alive(self, self._show),
            alive(self, lambda e: self.result.show_failure(explain(e))),
        )

    def _show(self, rows: list[township.StationHealth]) -> None:
        self.rows = rows
        fill_table(
            self.table,
            [(h.id, self._cells(h)) for h in rows],
            [REVOKED_COLOUR if not h.active else SILENT_COLOUR if h.silent else None for h in rows],
        )
        silent = [h for h in rows if h.active and h.silent]
        active = [h for h in rows if h.active]
        text = self.tr("登记在用的站点 {0} 个").format(len(active))
        if silent:
            text += self.tr("；{0} 个站点超过 {1} 小时没有联系：{2}").format(
                len(silent), self.silent_hours.value(), "、".join(h.unit_name for h in silent)
            )
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if silent else "")

    def _cells(self, h: township.StationHealth) -> list[str]:
        return [
            h.unit_name,
            h.unit_code,
            self._state_words(h),
            show(h.last_contact) or self.tr("从未联系"),
            str(h.events_received),
            str(h.missing),
            str(h.quarantined),
            drift_words(h.clock_drift),
            str(h.overdue),
            str(h.due_soon),
            str(h.cases),
        ]

    def _state_words(self, h: township.StationHealth) -> str:
        if not h.active:
            return self.tr("已注销")
        if h.silent_hours is None:
            return self.tr("还没有同步过")
        if h.silent:
            return self.tr("失联 {0} 小时").format(h.silent_hours)
        return self.tr("正常")

    def save_silent_hours(self) -> None:
        hours, user = self.silent_hours.value(), self.session.user.username
        self.session.run(
            lambda desk: township.save_settings(desk, user, silent_hours=hours),
            alive(self, lambda _s: self.reload()),
            alive(self, lambda e: self.result.show_failure(explain(e))),
        )

    # --- enrol, revoke, import ----------------------------------------------------------

    def enrol(self, request: Path) -> None:
        answer = request.with_name(request.stem.replace("登记申请", "") + "登记答复.json")
        addresses = hub_for(self.session).state.addresses() if hub_for(self.session).state.port else []
        url = addresses[0] if addresses else None

        def done(result) -> None:
            child, fingerprint = result
            self.result.show_lines(
                [
                    self.tr("已为“{0}”（{1}）办理登记。").format(child.unit_name, child.unit_code),
                    self.tr("其密钥指纹：{0}（可电话与站点核对）").format(fingerprint),
                    self.tr("登记答复已写到 {0}，请拷回站点，在站点的“同步”页面导入。").format(answer),
                    self.tr("答复里写的本中心网址：{0}").format(url)
                    if url
                    else self.tr("同步服务没有运行，答复里没有网址：站点需自己填写，或用U盘同步。"),
                ]
            )

        self.session.run(
            lambda desk: enrol_station(desk, request, answer, url),
            alive(self, done),
            alive(self, lambda e: self.result.show_failure(explain(e))),
        )

    def revoke_selected(self) -> None:
        chosen = selected_keys(self.table)
        row = next((h for h in self.rows if chosen and h.id == chosen[0]), None)
        if row is None:
            self.result.show_failure(self.tr("请先在表里选中要注销的站点"))
            return
        if not self.confirm_revoke(row):
            return
        self.session.run(
            lambda desk: enrolment.revoke(desk, row.id),
            alive(
                self,
                lambda peer: self.result.show_lines(
                    [self.tr("已注销“{0}”：它不能再同步，已上报的数据都保留。").format(peer.unit_name)]
                ),
            ),
            alive(self, lambda e: self.result.show_failure(explain(e))),
        )

    def import_batch(self, path: Path) -> None:
        self.result.show_lines([self.tr("正在导入 {0}…").format(path.name)])
        self.session.run(
            lambda desk: station_link.import_from_file(desk, path),
            alive(self, self.result.show_lines),
            alive(self, lambda e: self.result.show_failure(explain(e))),
        )

    # --- asking -------------------------------------------------------------------------

    def _chosen(self, path: Path | None, then) -> None:
        if path is not None:
            then(path)

    def _ask_open(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择站点给的文件"), folder, self.tr("登记申请或同步文件 (*.json *.hdsync);;所有文件 (*)")
        )
        return Path(chosen) if chosen else None

    def _confirm_revoke(self, row: township.StationHealth) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("注销站点"),
            self.tr("注销“{0}”后，它将不能再同步（已上报的数据保留）。确定注销吗？").format(row.unit_name),
        )
        return answer == QMessageBox.StandardButton.Yes
