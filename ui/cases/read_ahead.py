"""Pages of the queue read before the view asks for them, a few at most.

When the view scrolls to the end of the rows it has, the next page should
already be here: it goes in at once, and the clerk never waits for SQLite.
One page ahead is enough for someone reading; a few let the worker get far
enough ahead that a slow read (the PC busy with something else for a moment)
is spent from pages already here rather than by the clerk.

Plain Python (no Qt): the model (``queue_model``) asks the worker for the pages
there is room for, one request at a time, and keeps the answers here; tests/ui/test_read_ahead.py checks that
pages come out in order and the end is known.
"""

from __future__ import annotations

from collections import deque
from typing import Any


class ReadAhead:
    """Pages that follow the last row shown, oldest first, at most ``depth`` of them."""

    def __init__(self, depth: int, page_size: int):
        if depth < 1 or page_size < 1:
            raise ValueError("read a page ahead at least, of a row at least")
        self.depth, self.page_size = depth, page_size
        self._pages: deque[list] = deque()
        self.asking = False  # a page is on its way from the worker
        self.end = False  # the last page is among those held: nothing follows them

    def clear(self) -> None:
        """Forget what was read (a new filter, or news: it belongs to the old rows)."""
        self._pages.clear()
        self.asking = self.end = False

    def __len__(self) -> int:
        """How many pages are held."""
        return len(self._pages)

    def rows(self) -> int:
        """How many rows are held (the rows shown plus these are where the next page starts)."""
        return sum(len(page) for page in self._pages)

    def last_row(self) -> Any:
        """The last row held (the next page starts after it); None when none is held."""
        return self._pages[-1][-1] if self._pages else None

    def room(self) -> int:
        """How many more pages may be held."""
        return max(0, self.depth - len(self._pages))

    def wants_more(self) -> bool:
        """Whether to ask the worker for the next page now."""
        return not self.asking and not self.end and len(self._pages) < self.depth

    def add(self, rows: list) -> None:
        """The page the worker read (a short or empty one is the last)."""
        if len(rows) > self.page_size:
            raise ValueError("more rows than a page holds")
        self.asking = False
        if len(rows) < self.page_size:
            self.end = True
        if rows:
            self._pages.append(list(rows))

    def take(self) -> list:
        """The oldest page held, for the view (IndexError when none is)."""
        return self._pages.popleft()
