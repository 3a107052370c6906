"""Paging by key returns exactly what paging by offset does, for any filter, sort and search.

The queue never reads by offset (ui/cases/queue_model.py); these check that
what it reads instead, ``queries.page_after`` page by page (a broad search
walking the order, a narrow one answered from the search keys) and
``queries.bounds``, gives the same rows in the same order as one big
``queries.page``, on a demo station's 300 cases.
"""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from haian_desk.cases import ordered_search, queries, search
from tests.haian_desk.search_station import CHECKS, EVERYTHING, NOW, demo_station, pages_by_key, typed_pieces


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    yield from demo_station(tmp_path_factory, "ordered")


@pytest.fixture(scope="module")
def pieces(station):
    return typed_pieces(station)


filters = st.fixed_dictionaries(
    {
        "sort": st.sampled_from(sorted(queries.SORTABLE)),
        "descending": st.booleans(),
        "status": st.sampled_from([None, "registered", "in_progress", "completed"]),
        "overdue": st.booleans(),
    }
)


@CHECKS
@given(data=st.data(), size=st.integers(1, 70), walk=st.booleans(), chunk=st.integers(1, 40), shape=filters)
def test_keyset_pages_are_the_offset_rows_in_the_same_order(
    station, pieces, monkeypatch, data, size, walk, chunk, shape
):
    needle = data.draw(st.one_of(st.just(""), st.sampled_from(pieces)))
    # Walk the order (as for 生) or use the keys (as for an ID number), whatever the needle.
    monkeypatch.setattr(ordered_search, "BROAD", 0 if walk else EVERYTHING)
    monkeypatch.setattr(ordered_search, "WALKABLE", tuple(queries.SORTABLE))  # every order, to test the walk
    monkeypatch.setattr(ordered_search, "FIRST_CHUNK", chunk)
    monkeypatch.setattr(ordered_search, "LARGEST_CHUNK", chunk * 4)
    flt = queries.CaseFilter(search=needle, **shape)
    wanted = [r.id for r in queries.page(station, flt, NOW, 0, EVERYTHING)]
    assert pages_by_key(station, flt, size) == wanted
    assert queries.count(station, flt, NOW) == len(wanted)


@CHECKS
@given(every=st.integers(1, 90), reach=st.one_of(st.none(), st.integers(0, 400)), shape=filters)
def test_page_bounds_are_the_keys_of_every_nth_row(station, every, reach, shape):
    flt = queries.CaseFilter(**shape)
    rows = queries.page(station, flt, NOW, 0, EVERYTHING if reach is None else reach)
    wanted = [queries.key_of(flt, r) for r in rows[every - 1 :: every]]
    assert queries.bounds(station, flt, NOW, every, reach) == wanted


@CHECKS
@given(data=st.data(), size=st.integers(5, 60), shape=filters)
def test_a_far_page_read_again_by_its_bound_is_the_same_page(station, data, size, shape):
    """What the queue does for a page it forgot: read after the bound of the page before."""
    flt = queries.CaseFilter(**shape)
    everything = queries.page(station, flt, NOW, 0, EVERYTHING)
    ends = queries.bounds(station, flt, NOW, size)
    number = data.draw(st.integers(0, len(ends)))
    start = ends[number - 1] if number else None
    assert queries.page_after(station, flt, NOW, start, size) == everything[number * size : (number + 1) * size]


def test_a_one_character_search_is_broad_and_an_id_number_is_not(station):
    common = station.db.scalar("SELECT substr(name, 1, 1) FROM villagers GROUP BY 1 ORDER BY count(*) DESC")
    assert search.estimated_cases(station.db, common, 10**6) > 2
    assert search.estimated_cases(station.db, "320685194912310018", 10**6) == 0
