"""站点 at a county, city or province hub kept on PostgreSQL: the units enrolled below it,
when each was last heard from, what it sent, its overdue matters and what is held for checking,
read with the rule ``hub stations --database`` uses (``status.stations_from``).

Enrolling and revoking use the hub's keys, which stay on the server with ``hub serve``
(docs/postgres-hub.md, "Keys"): the page says so instead of offering buttons that could not work
from an office PC.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from haian_desk.core.timeutil import show
from haian_desk.replication import township
from haian_desk.replication.pg_hub import PgHub
from ui.session import Session
from ui.sync.tables import ResultBox, fill_table, make_table
from ui.township.arrivals import watch_arrivals
from ui.township.stations import REFRESH_MS, REVOKED_COLOUR, SILENT_COLOUR, drift_words
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import alive, explain

SILENT_HOURS = int(township.SETTING_DEFAULTS["silent_hours"])  # type: ignore[call-overload]


def children_of(desk) -> list[dict]:
    """On the worker: the hub's children with their figures (``HubDesk.pg`` is the hub's database)."""
    return PgHub(desk.pg, desk.now).stations(desk.now())


class ServerStationsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stations_page")
        self.session = session
        self.rows: list[dict] = []
        self._build()
        watch_arrivals(session)
        session.changed.connect(self._data_changed)  # a method: the session outlives the page
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("下级中心同步情况"))
        title.setFont(scaled_font(1.3, bold=True))
        self.summary = QLabel()
        self.summary.setObjectName("stations_summary")
        self.summary.setWordWrap(True)
        self.table = make_table(
            "stations_table",
            [
                self.tr("下级单位"),
                self.tr("单位代码"),
                self.tr("状态"),
                self.tr("最近联系"),
                self.tr("已收记录"),
                self.tr("待核查"),
                self.tr("时钟偏差"),
                self.tr("超期"),
            ],
            stretch=0,
        )
        where = QLabel(
            self.tr(
                "登记和注销下级要用中心的密钥，在服务器上办理："
                "haian-desk hub enrol / hub revoke --database …（见 docs/postgres-hub.md）。"
            )
        )
        where.setObjectName("enrol_where")
        where.setWordWrap(True)
        self.result = ResultBox("stations_result")
        self.result.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(where)
        layout.addWidget(self.result)

    def _data_changed(self, _changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.session.run(children_of, alive(self, self._show), alive(self, self._failed))

    def _failed(self, error: BaseException) -> None:
        self.result.show()
        self.result.show_failure(explain(error))

    def _show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.result.hide()
        now = self.session.desk.now()
        silent = [r for r in rows if r["status"] != "revoked" and _silent(r, now)]
        colours = [REVOKED_COLOUR if r["status"] == "revoked" else SILENT_COLOUR if r in silent else None for r in rows]
        fill_table(self.table, [(r["id"], self._cells(r, now)) for r in rows], colours)
        active = [r for r in rows if r["status"] != "revoked"]
        text = self.tr("登记在用的下级 {0} 个").format(len(active))
        if silent:
            text += self.tr("；{0} 个超过 {1} 小时没有联系：{2}").format(
                len(silent), SILENT_HOURS, "、".join(r["unit_name"] for r in silent)
            )
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if silent else "")

    def _cells(self, r: dict, now) -> list[str]:
        return [
            r["unit_name"],
            r["unit_code"],
            self._state(r, now),
            show(r["last_contact"]) or self.tr("从未联系"),
            str(r["events_received"]),
            str(r["quarantined"]),
            drift_words(r["clock_drift_seconds"]),
            str(r["overdue"]),
        ]

    def _state(self, r: dict, now) -> str:
        if r["status"] == "revoked":
            return self.tr("已注销")
        if not r["last_contact"]:
            return self.tr("还没有同步过")
        return self.tr("失联") if _silent(r, now) else self.tr("正常")


def _silent(row: dict, now) -> bool:
    return township.is_silent(township.hours_since(row["last_contact"], now), SILENT_HOURS)
