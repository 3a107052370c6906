"""The case queue as a table model that reads SQLite a page at a time.

The model never holds the whole table: it asks the worker for the count and
the first page, and for the next page only when the view scrolls near the end
(Qt's canFetchMore/fetchMore). Filters and sorting are done by SQLite
(``queries.page_after`` with the CaseFilter's sort), so 100,000 cases cost what one
page costs. A reply for an older filter is dropped (the generation number).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal)
from PySide6.QtGui import QBrush, QColor, QFont

from haian_desk.cases import presentation, queries
from haian_desk.cases.queries import CaseFilter
from haian_desk.cases.vocabulary import KINDS, label
from haian_desk.core.timeutil import show
from ui.i18n import term
from ui.session import Session
from ui.widgets.feedback import alive, in_words, words
from ui.i18n import QT_TRANSLATE_NOOP

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TONE_ROLE = Qt.ItemDataRole.UserRole + 2

# Row colours by deadline tone; the status column carries the same news in words.
TONE_COLOURS = {
    presentation.OVERDUE: ("#fde0dc", "#8b1a10"),
    presentation.DUE_SOON: ("#fff1c2", "#5c3d00"),
}


@dataclass(frozen=True)
class Column:
    key: str
    title: str          # source text, shown through translate("CaseQueueModel", …)
    sort_key: str | None  # a key of queries.SORTABLE, or None when SQLite cannot sort by it


COLUMNS: tuple[Column, ...] = (
    Column("case_no", QT_TRANSLATE_NOOP("CaseQueueModel", "编号"), "case_no"),
    Column("villager", QT_TRANSLATE_NOOP("CaseQueueModel", "群众"), "villager"),
    Column("villager_phone", QT_TRANSLATE_NOOP("CaseQueueModel", "电话"), None),
    Column("kind", QT_TRANSLATE_NOOP("CaseQueueModel", "类型"), "kind"),
    Column("matter", QT_TRANSLATE_NOOP("CaseQueueModel", "事项 / 内容"), None),
    Column("status", QT_TRANSLATE_NOOP("CaseQueueModel", "状态与时限"), "status"),
    Column("deadline", QT_TRANSLATE_NOOP("CaseQueueModel", "办结期限"), "deadline"),
    Column("registered_at", QT_TRANSLATE_NOOP("CaseQueueModel", "登记时间"), "registered_at"),
    Column("flags", QT_TRANSLATE_NOOP("CaseQueueModel", "标记"), None),
)
COLUMN_KEYS = [c.key for c in COLUMNS]

FLAG_WORDS = (("urgency", QT_TRANSLATE_NOOP("CaseQueueModel", "紧急")),
              ("long_standing", QT_TRANSLATE_NOOP("CaseQueueModel", "久拖不决")),
              ("petition", QT_TRANSLATE_NOOP("CaseQueueModel", "信访")),
              ("followup_open", QT_TRANSLATE_NOOP("CaseQueueModel", "差评待整改")))


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseQueueModel", text)


class CaseQueueModel(QAbstractTableModel):
    loaded = Signal()             # a fresh first page (after a filter, sort or data change)
    totalChanged = Signal(int)
    failed = Signal(str)

    def __init__(self, session: Session, page_size: int = 200, parent=None):
        super().__init__(parent)
        self.session = session
        self.page_size = page_size
        self.filter = CaseFilter()
        self.rows: list = []
        self.total = 0
        self.now = session.desk.now()
        self.generation = 0
        self.fetching = False
        self.loading = False

    # --- loading ------------------------------------------------------------------------

    def set_filter(self, flt: CaseFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, keep_rows: bool = False) -> None:
        """Count and read the first page again (the rows shown stay until the answer comes).

        ``keep_rows``: read as many rows as are loaded now, so a clerk scrolled far down keeps
        the place (news from a sync or another window, not a new filter)."""
        self.generation += 1
        limit = max(self.page_size, len(self.rows)) if keep_rows else self.page_size
        generation, flt = self.generation, dataclasses.replace(self.filter)
        self.now = now = self.session.desk.now()
        self.loading = True
        self.session.run(
            lambda desk: (queries.count(desk, flt, now), queries.page(desk, flt, now, 0, limit)),
            alive(self, lambda result: self._first_page(generation, *result)),
            alive(self, self._failed))

    def _first_page(self, generation: int, total: int, rows: list) -> None:
        if generation != self.generation:
            return
        self.beginResetModel()
        self.rows, self.total, self.fetching, self.loading = list(rows), total, False, False
        self.endResetModel()
        self.totalChanged.emit(total)
        self.loaded.emit()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self.fetching and not self.loading \
            and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self.fetching = True
        generation, flt, now = self.generation, dataclasses.replace(self.filter), self.now
        # Keyset paging: the next page starts after the last row shown, so the
        # ten-thousandth page costs what the first does (an OFFSET re-reads all before it).
        last, limit = self.rows[-1], self.page_size
        self.session.run(lambda desk: queries.page_after(desk, flt, now, last, limit),
                         alive(self, lambda rows: self._more(generation, rows)),
                         alive(self, self._failed))

    def _more(self, generation: int, rows: list) -> None:
        if generation != self.generation:
            return
        self.fetching = False
        if rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def _failed(self, error: BaseException) -> None:
        self.fetching = self.loading = False
        self.failed.emit(in_words(error))

    def tick(self) -> None:
        """Time passes: time-left texts and colours move on without reading the database."""
        self.now = self.session.desk.now()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section].title)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort_key:
            return QCoreApplication.translate("CaseQueueModel", "点击表头按此列排序")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "matter":
            return row["description"]
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._colour(row, role)
        if role == Qt.ItemDataRole.FontRole and key == "status" and self.tone(row) == presentation.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == CASE_ID_ROLE:
            return row["id"]
        if role == TONE_ROLE:
            return self.tone(row)
        return None

    def tone(self, row) -> str:
        return presentation.time_left(row["status"], row["deadline"], self.now).tone

    def cell_text(self, row, key: str) -> str:
        if key == "villager_phone":
            return presentation.queue_value(key, row["villager_phone"])
        if key == "kind":
            return term(label(KINDS, row["kind"]))
        if key == "matter":
            return row["matter_name"] or _first_line(row["description"])
        if key == "status":
            # Domain wording, so queue, detail and tests say exactly the same thing.
            return words(presentation.status_message(row["status"], row["deadline"], self.now))
        if key in ("deadline", "registered_at"):
            return show(row[key])
        if key == "flags":
            return " ".join(_tr(word) for flag, word in FLAG_WORDS
                            if (row[flag] == "urgent" if flag == "urgency" else row[flag]))
        return presentation.queue_value(key, row[key])

    def _colour(self, row, role):
        colours = TONE_COLOURS.get(self.tone(row))
        if colours is None:
            return None
        return QBrush(QColor(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        sort_key = COLUMNS[column].sort_key
        if sort_key is None:
            return
        self.set_filter(dataclasses.replace(self.filter, sort=sort_key,
                                            descending=order == Qt.SortOrder.DescendingOrder))

    def sort_column(self) -> int:
        return next((i for i, c in enumerate(COLUMNS) if c.sort_key == self.filter.sort), -1)

    def case_id(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == case_id), -1)


def _first_line(text: str | None, width: int = 40) -> str:
    line = (text or "").splitlines()[0] if text else ""
    return line if len(line) <= width else line[:width] + "…"
