"""The search order table (haian_desk.cases.search_order) answers exactly what the keys do.

Pages read from the table (all of it, or an upgraded database's newest cases
with the older ones read as before) are the rows and the order of one big
offset read; the table follows intakes and renamed villagers; an upgraded
database fills its newest cases once, at the next open.
"""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from haian_desk.cases import first_page, operations, queries, search, search_order
from haian_desk.people import villagers
from tests.haian_desk.search_station import CHECKS, EVERYTHING, NOW, demo_station, pages_by_key, typed_pieces


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    yield from demo_station(tmp_path_factory, "order")


@pytest.fixture(scope="module")
def pieces(station):
    return typed_pieces(station)


def _rows(desk) -> list[tuple]:
    return [tuple(r) for r in desk.db.query("SELECT * FROM case_search_order ORDER BY registered_at, case_no")]


filters = st.fixed_dictionaries(
    {
        "descending": st.booleans(),
        "status": st.sampled_from([None, "registered", "in_progress", "completed"]),
        "overdue": st.booleans(),
    }
)


@CHECKS
@given(
    data=st.data(),
    size=st.integers(1, 70),
    window=st.one_of(st.none(), st.integers(1, 320)),
    by_villager=st.booleans(),
    shape=filters,
)
def test_pages_read_from_the_table_are_the_offset_rows_in_the_same_order(
    station, pieces, monkeypatch, data, size, window, by_villager, shape
):
    needle = data.draw(st.sampled_from(pieces))
    with station.db.write() as conn:  # all the cases, or an upgraded database's newest ones
        start = search_order.fill(conn, window)
    # The table answers whatever the needle (ordinarily only a broad or middling one), either way.
    monkeypatch.setattr(first_page, "FROM_ORDER", 0)
    monkeypatch.setattr(first_page, "BY_VILLAGER_FROM", 0)
    monkeypatch.setattr(first_page, "SCAN_FROM", EVERYTHING if by_villager else 0)
    monkeypatch.setattr(first_page, "_few_elsewhere", lambda desk, needle: True)
    monkeypatch.setattr(first_page, "_share", lambda desk, start: float("inf"))
    flt = queries.CaseFilter(search=needle, **shape)
    how = first_page.plan(station, flt, search.normalise(needle), None, size)
    assert (how is not None) == (flt.descending or start == "")
    assert how is None or how.by_villager == by_villager
    wanted = [r.id for r in queries.page(station, flt, NOW, 0, EVERYTHING)]
    assert pages_by_key(station, flt, size) == wanted


@pytest.mark.parametrize("window", [1, 7, 40])
def test_a_page_found_short_among_the_newest_goes_on_below_them_once(station, monkeypatch, window):
    """The oldest case the table holds is found once, and the page goes on with the older ones."""
    with station.db.write() as conn:
        start = search_order.fill(conn, window)
    oldest = station.db.one("SELECT case_no, villager_id FROM cases WHERE registered_at = ?", (start,))
    name = station.db.scalar("SELECT name FROM villagers WHERE id = ?", (oldest["villager_id"],))
    monkeypatch.setattr(first_page, "FROM_ORDER", 0)
    monkeypatch.setattr(first_page, "_share", lambda desk, start: float("inf"))
    for needle, by_villager in ((oldest["case_no"], False), (name, False), (name, True)):
        monkeypatch.setattr(first_page, "SCAN_FROM", EVERYTHING if by_villager else 0)
        monkeypatch.setattr(first_page, "BY_VILLAGER_FROM", 0)
        monkeypatch.setattr(first_page, "_few_elsewhere", lambda desk, needle: True)
        flt = queries.CaseFilter(search=needle)
        wanted = [r.id for r in queries.page(station, flt, NOW, 0, EVERYTHING)]
        assert queries.page_after(station, flt, NOW, None, EVERYTHING) == queries.page(station, flt, NOW, 0, EVERYTHING)
        assert pages_by_key(station, flt, 3) == wanted


def test_an_older_page_than_the_table_holds_is_read_as_before(station, monkeypatch):
    with station.db.write() as conn:
        start = search_order.fill(conn, 10)
    monkeypatch.setattr(first_page, "FROM_ORDER", 0)
    monkeypatch.setattr(first_page, "SCAN_FROM", 0)
    monkeypatch.setattr(first_page, "_share", lambda desk, start: float("inf"))
    flt = queries.CaseFilter(search="1")
    older = {"registered_at": "2000-01-01T00:00:00Z", "case_no": "9"}
    assert first_page.plan(station, flt, "1", older, 5) is None
    assert first_page.plan(station, flt, "1", {"registered_at": start, "case_no": "9"}, 5) == (start, False)


def test_an_upgraded_database_fills_its_newest_cases_once(station, monkeypatch):
    with station.db.write() as conn:  # as migration 16 leaves a database that had cases
        conn.execute("DELETE FROM case_search_order")
        conn.execute("DELETE FROM meta WHERE key = ?", (search_order.COVERED_FROM,))
    monkeypatch.setattr(search_order, "WINDOW", 50)
    assert search_order.bring_up_to_date(station.db)
    newest = station.db.query("SELECT registered_at FROM cases ORDER BY registered_at DESC, case_no DESC LIMIT 50")
    with station.db.read() as conn:
        assert search_order.covered_from(conn) == newest[-1]["registered_at"]
    covered = station.db.query(
        "SELECT registered_at, case_no FROM cases WHERE registered_at >= ? ORDER BY 1, 2", (newest[-1][0],)
    )
    assert [r[:2] for r in _rows(station)] == [tuple(r) for r in covered]
    assert not search_order.bring_up_to_date(station.db)  # once


def test_the_rows_follow_intakes_and_renamed_villagers(desk, new_case, villager_id):
    new_case(description="反映3组路灯不亮")
    new_case(description="代为办理ＡＢＣ证明")  # kept folded: abc
    with desk.db.write() as conn:
        search_order.fill(conn, None)
    new_case(description="村口超市")
    villagers.update(desk, "admin", villager_id, villagers.VillagerInput(name="曾国华", phone="13812345678"))
    kept = _rows(desk)
    with desk.db.write() as conn:
        search_order.fill(conn, None)
    assert kept == _rows(desk)
    assert len(kept) == 3
    assert all("曾国华" in text and "13812345678" in text for *_, text in kept)
    assert any(text.endswith("abc证明") for *_, text in kept)


def test_an_intake_appends_one_row_and_a_status_changes_none(desk, new_case):
    before = len(_rows(desk))
    case_id = new_case(description="路灯不亮", accept=False).case_id
    case = desk.db.one("SELECT registered_at, case_no FROM cases WHERE id = ?", (case_id,))
    rows = _rows(desk)
    assert len(rows) == before + 1
    assert rows[-1][:2] == tuple(case)
    operations.act(desk, "clerk", case_id, "accepted")
    assert desk.db.scalar("SELECT status FROM cases WHERE id = ?", (case_id,)) != "registered"
    assert _rows(desk) == rows


def test_a_villager_arriving_after_their_case_fills_in_its_row(desk):
    """Sync can bring a case before its villager: the row is written unnamed, then named."""
    case = {"registered_at": "2026-03-04T02:00:00Z", "case_no": "X-1", "description": "路灯", "villager_id": "later"}
    villager = {"id": "later", "name": "王五", "pinyin": "wangwu", "initials": "ww", "id_number": None, "phone": None}
    with desk.db.write() as conn:
        search_order.case_saved(conn, None, case)
        unnamed = conn.execute("SELECT text FROM case_search_order WHERE case_no = 'X-1'").fetchone()[0]
        search_order.villager_saved(conn, None, villager)
        named = conn.execute("SELECT text FROM case_search_order WHERE case_no = 'X-1'").fetchone()[0]
    nobody = dict.fromkeys(("name", "pinyin", "initials", "id_number", "phone"), "")
    assert search_order.parts_of(unnamed) == (nobody, "路灯")
    assert search_order.parts_of(named)[0]["name"] == "王五"
    assert search.case_found({"case_no": "X-1"}, search_order.parts_of(named)[0], "ww", "路灯")
    assert not search.case_found({"case_no": "X-1"}, search_order.parts_of(unnamed)[0], "ww", "路灯")
