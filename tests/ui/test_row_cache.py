"""The queue's row cache: never more than its bound, and every row it hands out is the right one."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from ui.cases.row_cache import RowCache


def _key(row):
    return {"n": row}


def _page(number: int, size: int, total: int) -> list[int]:
    return list(range(number * size, min(total, (number + 1) * size)))


@given(
    size=st.integers(1, 12),
    bound=st.integers(2, 6),
    total=st.integers(0, 300),
    steps=st.lists(st.tuples(st.sampled_from(["grow", "look", "again"]), st.integers(0, 400)), max_size=80),
)
def test_the_cache_holds_at_most_its_bound_and_the_right_rows(size, bound, total, steps):
    cache = RowCache(size, bound, _key)
    for action, where in steps:
        if action == "grow" and not cache.complete:
            cache.append(_page(cache.page_of(len(cache)), size, total))
        elif action == "look" and len(cache):
            index = where % len(cache)
            assert cache.row(index) in (None, index)
        elif action == "again" and len(cache):
            number = cache.page_of(where % len(cache))
            start = cache.start_key(number)  # where a forgotten page is read from
            assert start == (None if number == 0 else {"n": number * size - 1})
            cache.put(number, _page(number, size, total))
        assert len(cache.held_pages()) <= bound
        assert cache.held_rows() <= bound * size
        assert all(row == i for i, row in enumerate(cache[:]) if row is not None)
        assert len(cache) <= total
    assert list(cache) == sorted(cache)


def test_the_page_looked_at_last_is_forgotten_last():
    cache = RowCache(10, 2, _key)
    for _ in range(3):
        cache.append(_page(cache.page_of(len(cache)), 10, 100))
    assert cache.held_pages() == [1, 2] and cache[5] is None and len(cache) == 30
    cache.row(15)  # page 1 used: page 2 goes next
    cache.put(0, _page(0, 10, 100))
    assert cache.held_pages() == [0, 1]
    assert cache.index_where(lambda row: row == 12) == 12 and cache.index_where(lambda row: row == 25) == -1


def test_a_short_page_is_the_end():
    cache = RowCache(10, 3, _key)
    cache.append(_page(0, 10, 14))
    assert not cache.complete
    cache.append(_page(1, 10, 14))
    assert cache.complete and len(cache) == 14
    with pytest.raises(ValueError):
        cache.append([99])


def test_a_refresh_keeps_the_place_with_new_bounds():
    cache = RowCache(10, 3, _key)
    cache.reset([{"n": 9}, {"n": 19}], 25)
    assert len(cache) == 25 and cache[20] is None and cache.start_key(2) == {"n": 19}
    cache.put(2, list(range(20, 30)))  # rows past the place reached are not taken
    assert cache[:][20:] == [20, 21, 22, 23, 24]
