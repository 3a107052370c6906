"""Pages read ahead of the queue's view: in order, never more than the depth, the end known."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from ui.cases.read_ahead import ReadAhead


@given(
    size=st.integers(1, 10),
    depth=st.integers(1, 5),
    total=st.integers(0, 120),
    takes=st.lists(st.booleans(), max_size=60),
)
def test_pages_come_out_in_order_and_the_end_is_known(size, depth, total, takes):
    ahead, shown, read, last_read = ReadAhead(depth, size), [], 0, size
    for take in takes:
        if take and len(ahead):
            shown += ahead.take()
        elif ahead.wants_more():
            ahead.asking = True  # the model asks the worker for the rows after the last one read
            start = read
            read = min(total, start + size)
            last_read = read - start
            ahead.add(list(range(start, read)))
        assert len(ahead) <= depth and ahead.room() == depth - len(ahead)
        assert ahead.rows() == read - len(shown)
        assert ahead.last_row() == (read - 1 if len(ahead) else None)
        assert ahead.end == (last_read < size)  # known from a short or empty page, and only then
        assert not ahead.end or read == total
    assert shown == list(range(len(shown)))


def test_a_short_or_empty_page_is_the_last_and_nothing_more_is_asked():
    ahead = ReadAhead(3, 4)
    ahead.asking = True
    ahead.add([1, 2, 3, 4])
    assert ahead.wants_more() and not ahead.end
    ahead.asking = True
    assert not ahead.wants_more()  # one page on its way at a time
    ahead.add([])
    assert ahead.end and not ahead.wants_more() and len(ahead) == 1
    assert ahead.take() == [1, 2, 3, 4] and len(ahead) == 0
    ahead.clear()  # a new filter: start again
    assert ahead.wants_more() and not ahead.end
    ahead.add([5, 6])
    assert ahead.end and ahead.take() == [5, 6]


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError):
        ReadAhead(0, 10)
    with pytest.raises(ValueError):
        ReadAhead(2, 3).add([1, 2, 3, 4])
    with pytest.raises(IndexError):
        ReadAhead(2, 3).take()
