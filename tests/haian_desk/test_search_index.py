"""The search keys find exactly what the search rule says, through every write path."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.cases import operations, queries, search
from haian_desk.desk import initialise
from haian_desk.people import villager_queries, villagers
from haian_desk.people.idnumber import check_character
from haian_desk.storage import eventlog, migrations
from tests.conftest import ADMIN, STATION_CODE, Clock, staffed

# Common, polyphonic (单 曾 王) and rare characters (䶮, and 𠮷 outside the BMP).
NAME_CHARS = "王张李单曾欧阳秀英三丰䶮堃喆𠮷国华长乐"
SLOW = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def id_numbers():
    return st.builds(
        lambda place, day, seq: _id(f"{place}{day:%Y%m%d}{seq:03d}"),
        st.sampled_from(["320621", "320685", "110105"]),
        st.dates(min_value=datetime(1930, 1, 1).date(), max_value=datetime(2020, 1, 1).date()),
        st.integers(0, 999),
    )


def _id(first17: str) -> str:
    return first17 + check_character(first17)


people = st.lists(
    st.tuples(
        st.text(NAME_CHARS, min_size=1, max_size=4),
        st.one_of(st.just(""), id_numbers()),
        st.one_of(
            st.just(""), st.from_regex(r"1[3-9]\d{9}", fullmatch=True), st.from_regex(r"0513[2-9]\d{7}", fullmatch=True)
        ),
    ),
    min_size=1,
    max_size=8,
)


def _station(tmp_path_factory):
    clock = Clock(datetime(2026, 3, 4, 2, tzinfo=UTC))
    return staffed(initialise(tmp_path_factory.mktemp("s") / "s", STATION_CODE, "站", admin=ADMIN, wall=clock))


def _needles(data, rows):
    """Pieces of what was stored (any part of any field, as typed) and some noise."""
    row = data.draw(st.sampled_from(rows))
    text = data.draw(
        st.sampled_from(
            [
                row["search_text"],
                row["name"],
                row["pinyin"],
                row["initials"],
                row["id_number"] or "x",
                row["phone"] or "1",
            ]
        )
    )
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    piece = text[start : start + data.draw(st.integers(1, 8))]
    return [piece, piece.upper(), data.draw(st.text("zsw01x3王䶮 ", min_size=1, max_size=3))]


@SLOW
@given(people=people, data=st.data())
def test_index_finds_exactly_what_the_rule_finds(tmp_path_factory, people, data):
    desk = _station(tmp_path_factory)
    ids = [
        villagers.register(desk, "admin", villagers.VillagerInput(name=n, id_number=i, phone=p))
        for n, i, p in _unique_ids(people)
    ]
    # Some people change name or phone: the keys must follow the row.
    for villager_id in data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)):
        villagers.update(
            desk,
            "admin",
            villager_id,
            villagers.VillagerInput(
                name=data.draw(st.text(NAME_CHARS, min_size=1, max_size=3)),
                phone=data.draw(st.one_of(st.just(""), st.just("13912345678"))),
            ),
        )
    rows = desk.db.query("SELECT * FROM villagers")
    for needle in _needles(data, rows):
        with desk.db.read() as conn:
            found = {r["id"] for r in search.find_villagers(conn, needle, limit=None)}
        wanted = {r["id"] for r in rows if search.matches(r, search.normalise(needle))}
        assert found == wanted, needle
        # Never more than the old full scan over search_text found.
        assert all(search.normalise(needle) in r["search_text"] for r in rows if r["id"] in found)
    desk.close()


def _unique_ids(people):
    seen = set()
    for name, id_number, phone in people:
        if id_number in seen:
            id_number = ""
        seen.add(id_number or None)
        yield name, id_number, phone


@SLOW
@given(data=st.data())
def test_case_search_finds_exactly_what_the_rule_finds(tmp_path_factory, data):
    desk = _station(tmp_path_factory)
    from haian_desk.people import cadres

    cadre = cadres.add(desk, "admin", cadres.CadreInput(name="甲", phone="13900000000", unit_code=STATION_CODE))
    people_ids = [
        villagers.register(desk, "admin", villagers.VillagerInput(name=n, phone=p))
        for n, p in [("张三", "13812345678"), ("王䶮", ""), ("李秀英", "051388123456")]
    ]
    for _ in range(data.draw(st.integers(1, 6))):
        operations.take_in(
            desk,
            "clerk",
            operations.Intake(
                kind="opinion",
                villager_id=data.draw(st.sampled_from(people_ids)),
                first_cadre_id=cadre,
                description=data.draw(st.text("路灯不亮王三A-b 3组", min_size=1, max_size=12)).strip() or "路灯",
            ),
        )
    cases = desk.db.query("SELECT c.*, v.name AS v_name FROM cases c JOIN villagers v ON v.id = c.villager_id")
    people_by_id = {r["id"]: r for r in desk.db.query("SELECT * FROM villagers")}
    row = data.draw(st.sampled_from(cases))
    text = data.draw(st.sampled_from([row["case_no"], row["description"], row["v_name"]]))
    start = data.draw(st.integers(0, len(text) - 1))
    for needle in (text[start : start + data.draw(st.integers(1, 10))], "-", "zs", "ab"):
        found = {r.id for r in queries.page(desk, queries.CaseFilter(search=needle), desk.now(), limit=1000)}
        typed = search.normalise(needle)
        wanted = {
            c["id"]
            for c in cases  # nothing but spaces typed: no search, the whole queue
            if not typed or search.case_matches(c, people_by_id[c["villager_id"]], typed)
        }
        assert found == wanted, needle
        assert queries.count(desk, queries.CaseFilter(search=needle), desk.now()) == len(wanted)
    desk.close()


@pytest.fixture
def crowd(desk):
    for name, id_number, phone in [
        ("张三", "320621194912310018", "13812345678"),
        ("张三丰", "", ""),
        ("单田芳", "", "051388123456"),
        ("王𠮷", "440524188001010014", ""),
    ]:
        villagers.register(desk, "admin", villagers.VillagerInput(name=name, id_number=id_number, phone=phone))
    return desk


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("三", ["张三", "张三丰"]),  # part of a name: the shorter rest first
        ("shantianfang", ["单田芳"]),  # a second reading of a polyphonic surname
        ("dtf", ["单田芳"]),
        ("tf", ["单田芳"]),  # initials, or part of them
        ("19491231", ["张三"]),  # the birth date inside an ID number
        ("0018", ["张三"]),  # the end of an ID number
        ("88123456", ["单田芳"]),  # a landline without its area code
        ("𠮷", ["王𠮷"]),
    ],
)
def test_what_a_clerk_types_finds_the_person(crowd, typed, expected):
    assert [r.name for r in villager_queries.villager_search(crowd, typed)] == expected


def test_the_middle_of_a_pinyin_reading_finds_nobody(crowd):
    """The one narrowing from the old full scan: pinyin counts from the start of a reading."""
    assert villager_queries.villager_search(crowd, "angsan") == []
    assert [r.name for r in villager_queries.villager_search(crowd, "zhangsan")] == ["张三", "张三丰"]


def test_a_limited_search_is_the_start_of_the_full_answer(crowd):
    with crowd.db.read() as conn:
        everyone = [r["id"] for r in search.find_villagers(conn, "z", limit=None)]
    with crowd.db.read() as conn:
        assert [r["id"] for r in search.find_villagers(conn, "z", limit=1)] == everyone[:1]
    assert len(everyone) == 2


def test_the_migration_fills_the_same_keys_the_ledger_keeps(crowd, new_case):
    new_case(description="反映3组路灯不亮")
    kept = _keys(crowd)
    with crowd.db.write() as conn:
        for table in ("villager_search_keys", "villager_numbers", "case_text_ids"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("INSERT INTO case_text (case_text) VALUES ('delete-all')")
        for statement in migrations.V5_SEARCH_KEYS[4:]:
            conn.execute(statement)
    assert _keys(crowd) == kept
    assert [r.description for r in queries.page(crowd, queries.CaseFilter(search="路灯"), crowd.now())] == [
        "反映3组路灯不亮"
    ]


def test_bulk_rebuild_gives_the_same_keys(crowd, new_case):
    new_case()
    kept = _keys(crowd)
    with crowd.db.write() as conn:
        search.rebuild(conn)
    assert _keys(crowd) == kept


def _keys(desk):
    return sorted(
        (r[0], r[1])
        for r in desk.db.query(
            "SELECT k.key, m.villager_id FROM villager_search_keys k JOIN villager_numbers m ON m.n = k.n"
        )
    )


def test_events_from_elsewhere_are_found_after_ingest(tmp_path, clock, crowd, new_case):
    new_case(description="建议增设快递代收点")
    hub = initialise(tmp_path / "hub", "320685102", "曲塘镇代理中心", "township", wall=clock)
    rows = crowd.db.query(f"SELECT {', '.join(eventlog.COLUMNS)} FROM events ORDER BY seq")
    hub.ledger.ingest(eventlog.Event.from_row(r) for r in rows)
    assert [r.name for r in villager_queries.villager_search(hub, "zsf")] == ["张三丰"]
    found = queries.page(hub, queries.CaseFilter(search="快递"), hub.now())
    assert [r.villager for r in found] == ["张三"]
    hub.close()
