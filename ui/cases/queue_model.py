"""The case queue as a table model that reads SQLite a page at a time, by key.

The model never holds the whole table. A fresh filter asks the worker for the
first page alone and paints it at once; the count follows as a separate piece
of work (skipped if the filter changed before its turn), so a search that
finds 150,000 cases does not wait for them to be counted. Further pages come
when the view scrolls near the end (Qt's canFetchMore/fetchMore), each read
after the sort key of the last row before it (``queries.page_after``): no
page is ever read by offset, so the millionth row costs what the first does.

Rows are held in a ``RowCache`` of bounded size: pages scrolled far away are
forgotten and read again by key when the view comes back to them (the cell
is blank for the moment that takes), so memory stays the same however far a
clerk scrolls. A reply for an older filter is dropped (the generation number).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from haian_desk.cases import presentation, queries
from haian_desk.cases.queries import CaseFilter
from haian_desk.cases.records import QueueRow
from haian_desk.cases.vocabulary import KINDS, label
from haian_desk.core.timeutil import show
from ui.cases.row_cache import RowCache
from ui.i18n import QT_TRANSLATE_NOOP, term
from ui.session import Session
from ui.widgets.feedback import alive, in_words, words

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# Pages held at most: 25 pages of 200 rows, a few megabytes, whatever is scrolled.
MAX_PAGES = 25
# Pages read again (besides the first) when news comes while the clerk is scrolled down.
PAGES_KEPT_ON_NEWS = 3
# Cell texts and tones worked out once per row and kept until the rows or the clock move.
MEMO_LIMIT = 20_000


def _number(role) -> int:
    return role if type(role) is int else int(role.value)


CASE_ID_ROLE = _number(Qt.ItemDataRole.UserRole) + 1
TONE_ROLE = _number(Qt.ItemDataRole.UserRole) + 2
_BRUSHES: dict[str, QBrush] = {}  # one brush per colour, made when first painted
_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _FONT = (
    _number(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    )
)

# Row colours by deadline tone; the status column carries the same news in words.
TONE_COLOURS = {
    presentation.OVERDUE: ("#fde0dc", "#8b1a10"),
    presentation.DUE_SOON: ("#fff1c2", "#5c3d00"),
}


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # source text, shown through translate("CaseQueueModel", …)
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

FLAG_WORDS = (
    ("urgency", QT_TRANSLATE_NOOP("CaseQueueModel", "紧急")),
    ("long_standing", QT_TRANSLATE_NOOP("CaseQueueModel", "久拖不决")),
    ("petition", QT_TRANSLATE_NOOP("CaseQueueModel", "信访")),
    ("followup_open", QT_TRANSLATE_NOOP("CaseQueueModel", "差评待整改")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseQueueModel", text)


class CaseQueueModel(QAbstractTableModel):
    loaded = Signal()  # a fresh first page (after a filter, sort or data change)
    totalChanged = Signal(int)
    failed = Signal(str)

    def __init__(self, session: Session, page_size: int = 200, parent=None):
        super().__init__(parent)
        self.session = session
        self.page_size = page_size
        self.filter = CaseFilter()
        self.rows = RowCache(page_size, MAX_PAGES, lambda row: queries.key_of(self.filter, row))
        self.total = 0
        self.counting = False  # the count of a fresh filter is on its way
        self.now = session.desk.now()
        self.generation = 0
        self.fetching = False
        self.loading = False
        self._wanted: set[int] = set()  # forgotten pages being read again
        self._memo: dict = {}

    # --- loading ------------------------------------------------------------------------

    def set_filter(self, flt: CaseFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, keep_rows: bool = False) -> None:
        """Read the first page again (the rows shown stay until the answer comes), then count.

        ``keep_rows``: news from a sync or another window, not a new filter: the
        clerk keeps the place however far down it is (the page boundaries are
        walked again in SQLite and the pages last looked at are read again)."""
        self.generation += 1
        generation, flt = self.generation, dataclasses.replace(self.filter)
        self.now = now = self.session.desk.now()
        self.loading = True
        if keep_rows and len(self.rows) > self.page_size:
            reach = len(self.rows)
            pages = self.rows.recent_pages(min(PAGES_KEPT_ON_NEWS, self.rows.max_pages - 1))  # and the first
            self.session.run(
                lambda desk: self._read_again(desk, flt, now, reach, pages),
                alive(self, lambda result: self._place_kept(generation, *result)),
                alive(self, self._failed),
            )
            return
        size = self.page_size
        self.session.run(
            lambda desk: queries.page_after(desk, flt, now, None, size),
            alive(self, lambda rows: self._first_page(generation, rows)),
            alive(self, self._failed),
        )
        self.counting = True
        # The count comes after the first page, as its own piece of work: a broad search paints
        # its first rows without waiting for every match to be counted. When the clerk has typed
        # on before its turn comes, it is not run at all.
        self.session.run(
            lambda desk: None if generation != self.generation else queries.count(desk, flt, now),
            alive(self, lambda total: self._counted(generation, total)),
            alive(self, self._failed),
        )

    def _first_page(self, generation: int, rows: list[QueueRow]) -> None:
        if generation != self.generation:
            return
        self.beginResetModel()
        self.rows.reset()
        self._wanted.clear()
        self._memo.clear()
        self.rows.append(list(rows))
        if self.rows.complete:
            self.total = len(self.rows)  # all there is fits on one page: the count will say the same
        self.fetching = self.loading = False
        self.endResetModel()
        self.loaded.emit()

    def _counted(self, generation: int, total: int | None) -> None:
        if generation != self.generation or total is None:
            return
        self.total, self.counting = total, False
        self.totalChanged.emit(total)

    def _read_again(self, desk: Desk, flt: CaseFilter, now, reach: int, pages: list[int]):
        """On the worker: the count, the page boundaries down to the place reached, and the pages
        the clerk last looked at, read by those boundaries (never by offset)."""
        total = queries.count(desk, flt, now)
        ends = queries.bounds(desk, flt, now, self.page_size, min(reach, total))
        read = {}
        for page in sorted({0, *pages}):
            if page == 0 or page - 1 < len(ends):
                start = ends[page - 1] if page else None
                read[page] = queries.page_after(desk, flt, now, start, self.page_size)
        return total, ends, read

    def _place_kept(self, generation: int, total: int, ends: list, pages: dict) -> None:
        if generation != self.generation:
            return
        self.beginResetModel()
        self.rows.reset(ends, min(len(self.rows), total))
        self._wanted.clear()
        self._memo.clear()
        for number, rows in sorted(pages.items()):
            self.rows.put(number, rows)
        self.total, self.counting, self.fetching, self.loading = total, False, False, False
        self.endResetModel()
        self.totalChanged.emit(total)
        self.loaded.emit()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return (
            not parent.isValid()
            and not self.fetching
            and not self.loading
            and not self.rows.complete
            and (self.counting or len(self.rows) < self.total)
        )

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self.fetching = True
        generation, flt, now = self.generation, dataclasses.replace(self.filter), self.now
        # Keyset paging: the next page starts after the last row reached, so the
        # ten-thousandth page costs what the first does (an OFFSET re-reads all before it).
        last, limit = self.rows.start_key(self.rows.page_of(len(self.rows))), self.page_size
        self.session.run(
            lambda desk: queries.page_after(desk, flt, now, last, limit),
            alive(self, lambda rows: self._more(generation, rows)),
            alive(self, self._failed),
        )

    def _more(self, generation: int, rows: list[QueueRow]) -> None:
        if generation != self.generation:
            return
        self.fetching = False
        if not rows:
            self.rows.append([])  # the end: nothing more to fetch
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self.rows.append(list(rows))
        self.endInsertRows()

    def _want(self, page: int) -> None:
        """A forgotten page came back into view: read it again by the key it starts after."""
        if page in self._wanted:
            return
        self._wanted.add(page)
        generation, flt, now = self.generation, dataclasses.replace(self.filter), self.now
        start, limit = self.rows.start_key(page), self.page_size
        self.session.run(
            lambda desk: queries.page_after(desk, flt, now, start, limit),
            alive(self, lambda rows: self._came_back(generation, page, rows)),
            alive(self, self._failed),
        )

    def _came_back(self, generation: int, page: int, rows: list[QueueRow]) -> None:
        if generation != self.generation:
            return
        self._wanted.discard(page)
        self.rows.put(page, list(rows))
        first = page * self.page_size
        last = min(len(self.rows), first + len(rows)) - 1
        self._forget_looks()
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _failed(self, error: BaseException) -> None:
        self.fetching = self.loading = self.counting = False
        self._wanted.clear()
        self.failed.emit(in_words(error))

    def _forget_looks(self) -> None:
        self._memo.clear()

    def tick(self) -> None:
        """Time passes: time-left texts and colours move on without reading the database."""
        self.now = self.session.desk.now()
        self._forget_looks()
        if len(self.rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        role = _number(role)
        if role != _DISPLAY and role != _TOOLTIP:
            return None
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return _tr(COLUMNS[section].title)
        if orientation == Qt.Orientation.Horizontal and role == _TOOLTIP and COLUMNS[section].sort_key:
            return QCoreApplication.translate("CaseQueueModel", "点击表头按此列排序")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows.row(index.row())
        if row is None:  # forgotten while scrolled away: read again, blank for that moment
            self._want(self.rows.page_of(index.row()))
            return None
        # Roles as plain numbers: comparing with Qt's enum members costs microseconds each, and the
        # view asks for every visible cell in eight roles whenever it paints.
        role = role if type(role) is int else _number(role)
        key = COLUMNS[index.column()].key
        if role == _DISPLAY:
            return self._looked_up(("text", index.row(), key), lambda: self.cell_text(row, key))
        if role == _TOOLTIP and key == "matter":
            return row.description
        if role == _TOOLTIP and key == "status":  # whole, where a narrow column cuts it with "…"
            return self.cell_text(row, key)
        if role in (_BACKGROUND, _FOREGROUND):
            return self._colour(row, role)
        if role == _FONT and key == "status" and self.tone(row) == presentation.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == CASE_ID_ROLE:
            return row.id
        if role == TONE_ROLE:
            return self.tone(row)
        return None

    def tone(self, row: QueueRow) -> str:
        # The view asks once per cell and role: work the tone out once per row until the clock moves.
        return self._looked_up(
            ("tone", row.id), lambda: presentation.time_left(row.status, row.deadline, self.now).tone
        )

    def _looked_up(self, key, work):
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[key] = work()
        return found

    def cell_text(self, row: QueueRow, key: str) -> str:
        if key == "villager_phone":
            return presentation.queue_value(key, row.villager_phone)
        if key == "kind":
            return term(label(KINDS, row.kind))
        if key == "matter":
            return row.matter_name or _first_line(row.description)
        if key == "status":
            # Domain wording, so queue, detail and tests say exactly the same thing.
            return words(presentation.status_message(row.status, row.deadline, self.now))
        if key in ("deadline", "registered_at"):
            return show(getattr(row, key))
        if key == "flags":
            return " ".join(
                _tr(word)
                for flag, word in FLAG_WORDS
                if (row.urgency == "urgent" if flag == "urgency" else getattr(row, flag))
            )
        return presentation.queue_value(key, getattr(row, key))

    def _colour(self, row: QueueRow, role):
        colours = TONE_COLOURS.get(self.tone(row))
        if colours is None:
            return None
        colour = colours[0] if _number(role) == _BACKGROUND else colours[1]
        brush = _BRUSHES.get(colour)
        if brush is None:
            brush = _BRUSHES[colour] = QBrush(QColor(colour))
        return brush

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        sort_key = COLUMNS[column].sort_key
        if sort_key is None:
            return
        self.set_filter(
            dataclasses.replace(self.filter, sort=sort_key, descending=order == Qt.SortOrder.DescendingOrder)
        )

    def sort_column(self) -> int:
        return next((i for i, c in enumerate(COLUMNS) if c.sort_key == self.filter.sort), -1)

    def case_id(self, row: int) -> str | None:
        found = self.rows[row] if 0 <= row < len(self.rows) else None
        return found.id if found is not None else None

    def row_of(self, case_id: str) -> int:
        """Where a case is among the rows held (-1: not held)."""
        return self.rows.index_where(lambda r: r.id == case_id)


def _first_line(text: str | None, width: int = 40) -> str:
    line = (text or "").splitlines()[0] if text else ""
    return line if len(line) <= width else line[:width] + "…"
