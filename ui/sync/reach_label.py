"""One line in the case detail saying where the case stands in the network.

At a station: whether everything done on it here has reached the township
(已上报 / 有新情况待上报 / 未上报). At the township: which station took it in.
It follows syncs as they happen (Session.changed with SYNC).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from haian_desk.cases import queries
from haian_desk.replication import reached, township
from ui.session import SYNC, Session
from ui.township.queue import is_hub, reach_text
from ui.widgets.feedback import alive

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def read_place(desk: Desk, case_id: str, hub: bool) -> tuple[str, str]:
    """(reach code or '', station name or '') for one case."""
    if hub:
        unit = queries.get_case(desk, case_id).unit_code
        return "", township.unit_names(desk).get(unit, unit)
    return reached.reach(desk, [case_id])[case_id], ""


class ReachLabel(QLabel):
    def __init__(self, session: Session, case_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("case_reach")
        self.session, self.case_id = session, case_id
        self.hub = is_hub(session)
        session.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes) -> None:
        if SYNC in changes or "cases" in changes:
            self.refresh()

    def refresh(self) -> None:
        case_id, hub = self.case_id, self.hub
        self.session.run(
            lambda desk: read_place(desk, case_id, hub),
            alive(self, self._show),
            alive(self, lambda _error: self.clear()),
        )

    def _show(self, place: tuple[str, str]) -> None:
        code, station = place
        if self.hub:
            self.setText(self.tr("受理站点：{0}").format(station))
            return
        self.setText(self.tr("镇中心：{0}").format(reach_text(code)))
        waiting = code in (reached.NOT_YET, reached.PARTLY)
        self.setStyleSheet("color: #8a5300;" if waiting else "color: #1b6e20;" if code == reached.REACHED else "")
        self.setToolTip(self.tr("在本机办理的情况要同步后镇中心才能看到；见“同步”页面") if waiting else "")
