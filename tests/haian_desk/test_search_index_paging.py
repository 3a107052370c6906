"""Keyset paging (queries.page_after) walks the queue in exactly the order offsets do."""

from __future__ import annotations

import pytest

from haian_desk.cases import operations, queries
from haian_desk.people import villagers


@pytest.fixture
def queue(desk, cadre_id, clock):
    people = [
        villagers.register(desk, "admin", villagers.VillagerInput(name=name)) for name in ("张三", "王五", "李四")
    ]
    for i in range(23):
        clock.advance(minutes=7 if i % 5 else 0)  # some cases share a registration time
        case = operations.take_in(
            desk,
            "clerk",
            operations.Intake(
                kind="opinion",
                villager_id=people[i % 3],
                description=f"第{i}件",
                first_cadre_id=cadre_id,
                accept=i % 4 != 0,
            ),
        )  # unaccepted ones have no deadline: NULLs sort last
        if i % 6 == 0:
            operations.act(desk, "clerk", case.case_id, "withdrawn", reason="不办了")
    return desk


@pytest.mark.parametrize("sort", ["registered_at", "case_no", "deadline", "villager", "status", "kind", "updated_at"])
@pytest.mark.parametrize("descending", [True, False])
def test_pages_after_the_last_row_are_the_offset_pages(queue, sort, descending):
    flt = queries.CaseFilter(sort=sort, descending=descending)
    now = queue.now()
    by_offset = [r.id for offset in range(0, 30, 4) for r in queries.page(queue, flt, now, offset, 4)]
    by_key, last = [], None
    while True:
        rows = queries.page_after(queue, flt, now, last, 4)
        if not rows:
            break
        by_key += [r.id for r in rows]
        last = rows[-1]
    assert by_key == by_offset
    assert len(by_key) == queries.count(queue, flt, now) == 23


def test_a_case_whose_villager_has_not_arrived_still_shows(queue):
    """Sync can bring a case before its villager: the queue shows it, the count agrees."""
    with queue.db.write() as conn:
        conn.execute("DELETE FROM villagers WHERE name = '王五'")
    rows = queries.page(queue, queries.CaseFilter(), queue.now(), 0, 100)
    assert len(rows) == queries.count(queue, queries.CaseFilter(), queue.now()) == 23
    assert sum(1 for r in rows if r.villager is None) == 8
