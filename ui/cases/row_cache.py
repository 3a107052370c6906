"""The queue's rows, held a page at a time in a cache of bounded size.

A clerk may scroll through a million cases; holding every row read would cost
gigabytes. The cache keeps at most ``max_pages`` pages (the ones used last)
and forgets the rest. What it never forgets is where each page starts: the
sort key of the last row of every page reached (a few dozen bytes a page), so
a forgotten page is read again by key (``queries.page_after``), never by
offset.

Plain Python (no Qt), so the bound is tested on its own
(tests/ui/test_row_cache.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

Key = dict


class RowCache:
    """Rows 0 … ``len(self) - 1`` of an ordered list, some of them held.

    ``len`` is how far the list has been reached (the table's row count);
    ``self[i]`` is row i when its page is held, else None.
    """

    def __init__(self, page_size: int, max_pages: int, key_of: Callable[[Any], Key]):
        if page_size < 1 or max_pages < 2:
            raise ValueError("a page holds a row at least, and the cache two pages at least")
        self.page_size, self.max_pages, self.key_of = page_size, max_pages, key_of
        self._pages: OrderedDict[int, list] = OrderedDict()  # least recently used first
        self._newest = -1  # the page used last (the view asks for its rows cell by cell, role by role)
        self._ends: list[Key] = []  # _ends[p]: key of the last row of page p (full pages only)
        self._length = 0
        self._complete = False

    # --- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        page = self._pages.get(index // self.page_size)
        return None if page is None else page[index % self.page_size]

    def __iter__(self) -> Iterator:
        """The rows held, in order (a forgotten page is skipped)."""
        for number in sorted(self._pages):
            yield from self._pages[number]

    def row(self, index: int):
        """Row ``index`` if held (its page then counts as just used), else None."""
        number = index // self.page_size
        page = self._pages.get(number)
        if page is None:
            return None
        if number != self._newest:
            self._pages.move_to_end(number)
            self._newest = number
        return page[index % self.page_size]

    def index_where(self, wanted: Callable[[Any], bool]) -> int:
        """The index of the first held row ``wanted`` says yes to (-1: none)."""
        for number in sorted(self._pages):
            for offset, row in enumerate(self._pages[number]):
                if wanted(row):
                    return number * self.page_size + offset
        return -1

    def held_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    def held_pages(self) -> list[int]:
        return sorted(self._pages)

    def page_of(self, index: int) -> int:
        return index // self.page_size

    def holds(self, page: int) -> bool:
        return page in self._pages

    def touch(self, page: int) -> None:
        """The page was looked at: it is the last to be forgotten."""
        if page in self._pages:
            self._pages.move_to_end(page)
            self._newest = page

    def recent_pages(self, count: int) -> list[int]:
        return list(self._pages)[-count:]

    def start_key(self, page: int) -> Key | None:
        """The key the page starts after (None: the first page); KeyError if not yet reached."""
        return None if page == 0 else self._ends[page - 1]

    def ends(self) -> list[Key]:
        return list(self._ends)

    @property
    def complete(self) -> bool:
        """The end of the list has been reached (a page read at the end was not full)."""
        return self._complete

    # --- filling ------------------------------------------------------------------------

    def reset(self, ends: list[Key] | None = None, length: int = 0) -> None:
        """Forget everything (a new filter); ``ends``/``length`` keep the place after a refresh."""
        self._pages.clear()
        self._newest = -1
        self._ends = list(ends or [])
        self._length = length
        self._complete = False

    def append(self, rows: list) -> tuple[int, int]:
        """Rows that follow the last row reached; returns the first and last index they took."""
        start = self._length
        if start % self.page_size:
            raise ValueError("rows can only follow a full page")
        if not rows:
            self._complete = True
            return start, start - 1
        for offset in range(0, len(rows), self.page_size):
            self.put(self.page_of(start + offset), rows[offset : offset + self.page_size], grow=True)
        return start, self._length - 1

    def put(self, page: int, rows: list, grow: bool = False) -> None:
        """Hold a page read by key; ``grow``: it lies just past the end reached so far."""
        if len(rows) > self.page_size:
            raise ValueError("more rows than a page holds")
        first = page * self.page_size
        if grow:
            if first != self._length:
                raise ValueError("a page can only grow the list at its end")
            self._length = first + len(rows)
            if len(rows) < self.page_size:
                self._complete = True
        elif first >= self._length:
            return  # a late answer for rows no longer in the list (it was reset shorter)
        else:
            rows = rows[: self._length - first]
        if len(rows) == self.page_size and page == len(self._ends):
            self._ends.append(self.key_of(rows[-1]))
        self._pages[page] = list(rows)
        self._pages.move_to_end(page)
        self._newest = page
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
