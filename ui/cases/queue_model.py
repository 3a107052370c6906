"""The case queue as a table model that reads SQLite a page at a time, by key.

The model never holds the whole table. A fresh filter asks the worker for the
first page alone and paints it at once; the count follows as a separate piece
of work (skipped if the filter changed before its turn), so a search that
finds 150,000 cases does not wait for them to be counted. Further pages come
when the view scrolls near the end (Qt's canFetchMore/fetchMore), each read
after the sort key of the last row before it (``queries.page_after``): no
page is ever read by offset, so the millionth row costs what the first does.

Pages past the last row reached are read ahead (``read_ahead.ReadAhead``): one
as soon as the first page is in, up to ``READ_AHEAD_PAGES`` once the clerk
scrolls. When the view
scrolls to the end, a page is already here and goes in at once, and the worker
reads on while the clerk reads. Scrolling waits for SQLite only when it
outruns the worker by more than the pages read ahead.

Rows are held in a ``RowCache`` of bounded size: pages scrolled far away are
forgotten and read again by key when the view comes back to them (the cell
is blank for the moment that takes), so memory stays the same however far a
clerk scrolls. A reply for an older filter is dropped (the generation number).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from haian_desk.cases import queries
from haian_desk.cases.queries import CaseFilter
from haian_desk.cases.records import QueueRow
from ui.cases import queue_looks
from ui.cases.queue_looks import COLUMN_KEYS, COLUMNS, STATUS_COLUMN, TONE_COLOURS, Look
from ui.cases.read_ahead import ReadAhead
from ui.cases.row_cache import RowCache
from ui.session import Session
from ui.widgets.feedback import alive, in_words

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# Pages held at most: 25 pages of 200 rows, a few megabytes, whatever is scrolled.
MAX_PAGES = 25
# Pages read past the last row shown, so scrolling on finds them here (ui/cases/read_ahead.py):
# eight pages is what a fast scroll spends in about 100 ms, the longest a page read was seen to
# wait for the disk on the shared county PC; about a megabyte.
READ_AHEAD_PAGES = 8
# Pages read in one piece of work: other work on the worker (a case opened) waits for one piece,
# a few page reads long, never for the whole read-ahead.
PAGES_PER_READ = 3
# Pages read again (besides the first) when news comes while the clerk is scrolled down.
PAGES_KEPT_ON_NEWS = 3
# Looks (queue_looks.Look) kept at most, for rows painted since the rows or the clock last moved.
LOOKS_LIMIT = 5_000


def _number(role) -> int:
    return role if type(role) is int else int(role.value)


CASE_ID_ROLE = _number(Qt.ItemDataRole.UserRole) + 1
TONE_ROLE = _number(Qt.ItemDataRole.UserRole) + 2
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
_HORIZONTAL = Qt.Orientation.Horizontal
# What the view asks of every cell on every paint and this model never answers: said at once.
_UNANSWERED = frozenset(
    _number(r)
    for r in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.EditRole,
    )
)

__all__ = ["CASE_ID_ROLE", "COLUMNS", "COLUMN_KEYS", "TONE_COLOURS", "TONE_ROLE", "CaseQueueModel"]


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
        self.fetching = False  # the view asked for more and waits for the page read ahead
        self.loading = False
        self._wanted: set[int] = set()  # forgotten pages being read again
        self._ahead = ReadAhead(READ_AHEAD_PAGES, page_size)  # pages after the last row reached
        self._scrolled = False  # the view has taken a page since the first: read further ahead
        self._looks: dict[str, Look] = {}  # case id → its look at ``self.now``

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
        self._ahead.clear()  # what was read ahead belongs to the old rows
        self._scrolled = False
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
        self._looks.clear()
        self.rows.append(list(rows))
        if self.rows.complete:
            self.total = len(self.rows)  # all there is fits on one page: the count will say the same
        self.fetching = self.loading = False
        self.endResetModel()
        self.loaded.emit()
        self._read_ahead()

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
        self._looks.clear()
        for number, rows in sorted(pages.items()):
            self.rows.put(number, rows)
        self.total, self.counting, self.fetching, self.loading = total, False, False, False
        self.endResetModel()
        self.totalChanged.emit(total)
        self.loaded.emit()
        self._read_ahead()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return (
            not parent.isValid()
            and not self.fetching
            and not self.loading
            and not self.rows.complete
            and (self.counting or len(self.rows) < self.total)
        )

    def fetchMore(self, parent=QModelIndex()) -> None:
        """The view reached the end: a page read ahead goes in now, or as soon as one arrives."""
        if not self.canFetchMore(parent):
            return
        if len(self._ahead):
            self._take_ahead()
            return
        self.fetching = True
        self._read_ahead()  # none on its way (the last one failed): ask now

    @property
    def read_ahead(self) -> bool:
        """A page after the last row reached is read and waits for the view to ask for it."""
        return len(self._ahead) > 0

    def _reach(self) -> int:
        return len(self.rows) + self._ahead.rows()

    def _read_ahead(self) -> None:
        """Ask for the pages after the last row read, before the view asks for them.

        Several in one piece of work: the answers come back only when the GUI thread is free
        between paints, so one page per answer would fall behind a view that scrolls on at once."""
        reach = self._reach()
        # One page ahead of a list nobody scrolls yet (a search typed, looked at, changed: the worker
        # is not kept busy for pages never shown); all there is room for once the clerk scrolls.
        count = min(self._ahead.room(), PAGES_PER_READ) if self._scrolled else 1 - len(self._ahead)
        if count < 1 or not self._ahead.wants_more() or self.loading or self.rows.complete:
            return
        if reach % self.page_size or (not self.counting and reach >= self.total):
            return  # the end is reached: nothing follows
        if not self.counting:  # no page past the end the count says there is
            count = min(count, -(-(self.total - reach) // self.page_size))
        generation, flt, now = self.generation, dataclasses.replace(self.filter), self.now
        # Keyset paging: the next page starts after the last row read, so the
        # ten-thousandth page costs what the first does (an OFFSET re-reads all before it).
        held = self._ahead.last_row()
        last = queries.key_of(flt, held) if held is not None else self.rows.start_key(self.rows.page_of(reach))
        size = self.page_size
        self._ahead.asking = True
        self.session.run(
            lambda desk: self._pages_after(desk, generation, flt, now, last, size, count),
            alive(self, lambda pages: self._ahead_arrived(generation, reach, pages)),
            alive(self, lambda error: self._ahead_failed(generation, error)),
        )

    def _pages_after(self, desk: Desk, generation: int, flt: CaseFilter, now, last, size: int, count: int):
        """On the worker: up to ``count`` pages, each read by key after the one before; it stops at
        the end of the list, or as soon as the clerk has moved on to another filter."""
        pages: list[list[QueueRow]] = []
        while len(pages) < count and generation == self.generation:
            rows = queries.page_after(desk, flt, now, last, size)
            pages.append(rows)
            if len(rows) < size:
                break
            last = queries.key_of(flt, rows[-1])
        return pages

    def _ahead_arrived(self, generation: int, reach: int, pages: list[list[QueueRow]]) -> None:
        if generation != self.generation:
            return  # for an older filter
        if reach != self._reach():  # for other rows than those read now: ask again from where they end
            self._ahead.asking = False
            self._read_ahead()
            return
        self._ahead.asking = False
        for rows in pages:
            self._ahead.add(rows)
        self._end_if_all_read()
        if self.fetching and len(self._ahead):  # the view asked while the pages were on their way
            self._take_ahead()
        else:
            self._read_ahead()

    def _ahead_failed(self, generation: int, error: BaseException) -> None:
        if generation == self.generation:
            self._ahead.asking = False  # the view's next fetchMore asks again
            self._failed(error)

    def _take_ahead(self) -> None:
        rows = self._ahead.take()
        self.fetching, self._scrolled = False, True
        for row in rows:  # a case read again further down is worked out afresh
            self._looks.pop(row.id, None)
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self.rows.append(rows)
        self.endInsertRows()
        self._end_if_all_read()
        self._read_ahead()

    def _end_if_all_read(self) -> None:
        """Every row is in once the pages held are taken and nothing follows: no more to fetch."""
        if self._ahead.end and not len(self._ahead) and not self.rows.complete:
            self.fetching = False
            self.rows.append([])

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
        for row in rows:  # read again: the case may have moved on since it was last painted
            self._looks.pop(row.id, None)
        first = page * self.page_size
        last = min(len(self.rows), first + len(rows)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _failed(self, error: BaseException) -> None:
        self.fetching = self.loading = self.counting = False
        self._wanted.clear()
        self.failed.emit(in_words(error))

    def tick(self) -> None:
        """Time passes: time-left texts and colours move on without reading the database."""
        self.now = self.session.desk.now()
        self._looks.clear()
        if len(self.rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        # No row numbers: a view that shows a row header asks it of every row it measures, each
        # time rows come in, so the answer is given before anything else is looked at.
        if orientation is not _HORIZONTAL:
            return None
        role = _number(role)
        if role == _DISPLAY:
            return _tr(COLUMNS[section].title)
        if role == _TOOLTIP and COLUMNS[section].sort_key:
            return QCoreApplication.translate("CaseQueueModel", "点击表头按此列排序")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # Roles as plain numbers: comparing with Qt's enum members costs microseconds each, and the
        # view asks for every visible cell in seven roles whenever it paints.
        role = role if type(role) is int else _number(role)
        if role in _UNANSWERED:
            return None
        number = index.row()  # -1 for an invalid index
        if number < 0 or number >= len(self.rows):
            return None
        row = self.rows.row(number)
        if row is None:  # forgotten while scrolled away: read again, blank for that moment
            self._want(self.rows.page_of(number))
            return None
        look = self._looks.get(row.id) or self._look(row)
        if role == _DISPLAY:
            return look.texts[index.column()]
        if role == _BACKGROUND:
            return look.background
        if role == _FOREGROUND:
            return look.foreground
        if role == _FONT:
            return look.status_font if index.column() == STATUS_COLUMN else None
        if role == _TOOLTIP:
            key = COLUMNS[index.column()].key
            if key == "matter":
                return row.description
            return look.texts[STATUS_COLUMN] if key == "status" else None  # whole, where "…" cuts it
        if role == CASE_ID_ROLE:
            return row.id
        if role == TONE_ROLE:
            return look.tone
        return None

    def _look(self, row: QueueRow) -> Look:
        """Work out a row's texts and tone once, when it is first painted (until the clock moves)."""
        if len(self._looks) >= LOOKS_LIMIT:
            self._looks.clear()
        found = self._looks[row.id] = queue_looks.look(row, self.now)
        return found

    def tone(self, row: QueueRow) -> str:
        return (self._looks.get(row.id) or self._look(row)).tone

    def cell_text(self, row: QueueRow, key: str) -> str:
        return queue_looks.cell_text(row, key, self.now)

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
