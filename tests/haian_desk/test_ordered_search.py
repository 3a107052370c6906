"""Paging by key returns exactly what paging by offset does, for any filter, sort and search.

The queue never reads by offset (ui/cases/queue_model.py); these check that
what it reads instead, ``queries.page_after`` page by page (a broad search
walking the order, a narrow one answered from the search keys) and
``queries.bounds``, gives the same rows in the same order as one big
``queries.page``, on a demo station's 300 cases.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.cases import ordered_search, queries, search
from haian_desk.cli.demo import make_demo
from haian_desk.desk import Desk

NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
EVERYTHING = 10**6
CHECKS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ordered") / "demo"
    make_demo(folder, cases=300, now=NOW).close()
    desk = Desk.open(folder, wall=lambda: NOW)
    yield desk
    desk.close()


@pytest.fixture(scope="module")
def pieces(station):
    """Texts a clerk might type: bits of names, readings, initials, numbers and descriptions."""
    found = set("王张生sh13-")
    for row in station.db.query(
        "SELECT v.name, v.pinyin, v.initials, v.phone, c.case_no, c.description "
        "FROM cases c JOIN villagers v ON v.id = c.villager_id LIMIT 60"
    ):
        for text in (
            row["name"],
            row["pinyin"].split()[0],
            row["initials"].split()[0],
            row["phone"] or "",
            row["case_no"],
            row["case_no"][7:],
            row["description"][:3],
        ):
            found.update({text[:1], text[:2], text[-2:], text})
    return sorted(p for p in found if search.normalise(p))


filters = st.fixed_dictionaries(
    {
        "sort": st.sampled_from(sorted(queries.SORTABLE)),
        "descending": st.booleans(),
        "status": st.sampled_from([None, "registered", "in_progress", "completed"]),
        "overdue": st.booleans(),
    }
)


def _pages(desk, flt, size: int) -> list[str]:
    ids, last = [], None
    while True:
        rows = queries.page_after(desk, flt, NOW, last, size)
        assert len(rows) <= size
        ids += [r.id for r in rows]
        if len(rows) < size:
            return ids
        last = queries.key_of(flt, rows[-1])


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
    assert _pages(station, flt, size) == wanted
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
