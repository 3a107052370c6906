"""办件 with its place in the network: at a station, whether each case reached the township;
at the township, which station took each case in, with a filter by station.

The queue itself is the work screens' (``ui.cases``); this adds one column and,
at the township, a station filter (CaseFilter.unit_code). The column's words
are read on the worker for the rows loaded so far, never for the whole table.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout

from haian_desk.cases.queries import CaseFilter
from haian_desk.cases.records import QueueRow
from haian_desk.network import name_from_code
from haian_desk.replication import reached, township
from ui.cases.queue_model import CASE_ID_ROLE, COLUMNS, TONE_ROLE, CaseQueueModel
from ui.cases.queue_page import QueuePage
from ui.i18n import QT_TRANSLATE_NOOP
from ui.session import SYNC, Session
from ui.widgets.feedback import alive

EXTRA = len(COLUMNS)  # the added column comes after the work screens' own

REACH_WORDS = {
    reached.REACHED: QT_TRANSLATE_NOOP("NetworkQueue", "已上报"),
    reached.PARTLY: QT_TRANSLATE_NOOP("NetworkQueue", "有新情况待上报"),
    reached.NOT_YET: QT_TRANSLATE_NOOP("NetworkQueue", "未上报"),
    reached.NOT_ENROLLED: QT_TRANSLATE_NOOP("NetworkQueue", "未登记同步"),
    reached.FROM_ABOVE: QT_TRANSLATE_NOOP("NetworkQueue", "上级下发"),
}
WAITING_COLOUR = "#8a5300"


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkQueue", text)


def reach_text(code: str | None) -> str:
    return _tr(REACH_WORDS[code]) if code in REACH_WORDS else ""


def is_hub(session: Session) -> bool:
    return session.desk.installation.role in township.HUB_ROLES


class NetworkQueueModel(CaseQueueModel):
    extraLoaded = Signal()  # the added column's words arrived (the page sizes the column then)

    def __init__(self, session: Session, page_size: int = 200, parent=None):
        super().__init__(session, page_size, parent)
        self.hub = is_hub(session)
        self.marks: dict[str, str] = {}  # case id → reach code (station)
        self.names: dict[str, str] = {}  # unit code → name (township)
        self.loaded.connect(self.annotate)
        self.rowsInserted.connect(lambda _parent, first, last: self.annotate(first, last))
        session.changed.connect(self._sync_changed)

    def _sync_changed(self, changes) -> None:
        if SYNC in changes:
            self.annotate()

    def annotate(self, first: int = 0, last: int | None = None) -> None:
        """Read the added column for loaded rows ``first``..``last`` (all by default)."""
        # The rows held (a long queue forgets pages scrolled far away: those are read again later).
        end = len(self.rows) if last is None else last + 1
        held = list(self.rows) if last is None and first == 0 else self.rows[first:end]
        rows = [r for r in held if r is not None]
        if self.hub:
            self.session.run(township.unit_names, alive(self, self._take_names))
        elif rows:
            ids = [r.id for r in rows]
            self.session.run(lambda desk: reached.reach(desk, ids), alive(self, self._take_marks))

    def _take_names(self, names: dict[str, str]) -> None:
        self.names = names
        self._column_changed()

    def _take_marks(self, marks: dict[str, str]) -> None:
        self.marks.update(marks)
        self._column_changed()

    def _column_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, EXTRA), self.index(len(self.rows) - 1, EXTRA))
        self.extraLoaded.emit()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else EXTRA + 1

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if section == EXTRA and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("NetworkQueue", "站点")
                if self.hub
                else QCoreApplication.translate("NetworkQueue", "上报镇中心")
            )
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() != EXTRA or index.row() >= len(self.rows):
            return super().data(index, role)
        row = self.rows[index.row()]
        if row is None:  # a page forgotten while scrolled away: the work screens' model reads it again
            return super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.extra_text(row)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and not self.hub
            and self.marks.get(row.id) in (reached.NOT_YET, reached.PARTLY)
        ):
            return QBrush(QColor(WAITING_COLOUR))
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, CASE_ID_ROLE, TONE_ROLE):
            return super().data(self.index(index.row(), 0), role)  # the row's colour and keys
        return None

    def extra_text(self, row: QueueRow) -> str:
        if self.hub:
            return self.names.get(row.unit_code) or name_from_code(row.unit_code)
        return reach_text(self.marks.get(row.id))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column < EXTRA:
            super().sort(column, order)


class NetworkQueuePage(QueuePage):
    model_class = NetworkQueueModel

    def __init__(self, session: Session, parent=None):
        super().__init__(session, parent)
        assert isinstance(self.model, NetworkQueueModel)  # model_class above
        self.model.extraLoaded.connect(lambda: self.table.resizeColumnToContents(EXTRA))
        self.station = QComboBox()
        self.station.setObjectName("queue_station")
        if not is_hub(session):
            return
        self.station.addItem(self.tr("全部站点"), None)
        self._place_station_filter()
        self.station.currentIndexChanged.connect(self.apply_filters)
        session.run(township.station_choices, alive(self, self._fill_stations))

    def _place_station_filter(self) -> None:
        page = self.layout()
        assert page is not None  # the queue page lays itself out before this
        for i in range(page.count()):
            item = page.itemAt(i)
            row = item.layout() if item is not None else None
            if isinstance(row, QHBoxLayout) and row.indexOf(self.kind) >= 0:
                row.insertWidget(row.indexOf(self.kind), self.station)
                return

    def _fill_stations(self, choices: list[tuple[str, str]]) -> None:
        chosen = self.station.currentData()
        self.station.blockSignals(True)
        while self.station.count() > 1:
            self.station.removeItem(1)
        for code, name in choices:
            self.station.addItem(name, code)
        self.station.setCurrentIndex(max(0, self.station.findData(chosen)))
        self.station.blockSignals(False)

    def current_filter(self) -> CaseFilter:
        base = super().current_filter()
        station = getattr(self, "station", None)  # not there yet while the page is being built
        return dataclasses.replace(base, unit_code=station.currentData() if station is not None else None)
