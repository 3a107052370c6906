"""Case numbers a villager can read out, and search the way clerks type."""

from __future__ import annotations

import re

import pytest

from haian_desk.cases import operations, queries
from haian_desk.desk import Desk, initialise
from haian_desk.people import villager_queries, villagers
from tests.conftest import ADMIN, staffed


def test_number_format_is_unit_date_sequence(desk, new_case):
    first, second = new_case(), new_case()
    assert first.case_no == "102210-260304-001"
    assert second.case_no == "102210-260304-002"


def test_sequence_restarts_each_local_day(desk, new_case, clock):
    new_case()
    clock.advance(hours=14)  # 10:00 → 00:00 next day in Beijing
    assert new_case().case_no == "102210-260305-001"


def test_sequence_continues_after_reopening_the_database(desk, new_case, clock, tmp_path):
    new_case()
    desk.close()
    again = Desk.open(tmp_path / "station", wall=clock)
    intake = operations.Intake(
        kind="opinion",
        villager_id=again.db.scalar("SELECT id FROM villagers"),
        description="x",
        first_cadre_id=again.db.scalar("SELECT id FROM cadres"),
    )
    assert operations.take_in(again, "clerk", intake).case_no.endswith("-002")
    again.close()


def test_sequence_goes_past_999(desk, new_case):
    with desk.db.write():  # one transaction keeps a thousand intakes quick
        for _ in range(1000):
            last = new_case()
    assert last.case_no == "102210-260304-1000"
    assert new_case().case_no == "102210-260304-1001"


def test_two_installations_never_make_the_same_number(tmp_path, clock):
    made = set()
    for code in ("320685102210", "320685102211", "320685102"):
        role = "township" if len(code) == 9 else "station"
        d = staffed(initialise(tmp_path / code, code, "站", role, admin=ADMIN, wall=clock))
        from haian_desk.people import cadres

        cadre = cadres.add(d, "admin", cadres.CadreInput(name="甲", phone="13900000000", unit_code=code))
        person = villagers.register(d, "admin", villagers.VillagerInput(name="王"))
        for _ in range(3):
            made.add(
                operations.take_in(
                    d,
                    "clerk",
                    operations.Intake(kind="opinion", villager_id=person, description="x", first_cadre_id=cadre),
                ).case_no
            )
        d.close()
    assert len(made) == 9
    assert all(re.fullmatch(r"\d{3}(\d{3})?-\d{6}-\d{3}", n) for n in made)


@pytest.fixture
def people(desk):
    names = {}
    for name, id_number, phone in [
        ("张三", "11010519491231002X", "13812345678"),
        ("王", "", "13900001111"),
        ("欧阳娜娜", "440524188001010014", ""),
        ("李䶮", "", "051388123456"),
        ("张三丰", "", ""),
    ]:
        names[name] = villagers.register(
            desk, "admin", villagers.VillagerInput(name=name, id_number=id_number, phone=phone)
        )
    return names


@pytest.mark.parametrize(
    "query, expected",
    [
        ("张三", {"张三", "张三丰"}),
        ("王", {"王"}),
        ("三", {"张三", "张三丰"}),
        ("zhangsan", {"张三", "张三丰"}),
        ("zhang san", {"张三", "张三丰"}),
        ("ZS", {"张三", "张三丰"}),
        ("zsf", {"张三丰"}),
        ("䶮", {"李䶮"}),
        ("liyan", {"李䶮"}),
        ("欧阳", {"欧阳娜娜"}),
        ("1101051949", {"张三"}),
        ("0014", {"欧阳娜娜"}),
        ("13900001111", {"王"}),
        ("88123456", {"李䶮"}),
    ],
)
def test_villager_search(desk, people, query, expected):
    assert {r.name for r in villager_queries.villager_search(desk, query)} == expected


def test_closest_match_comes_first(desk, people):
    assert [r.name for r in villager_queries.villager_search(desk, "zs")] == ["张三", "张三丰"]


def test_case_search_by_number_name_pinyin_id_and_phone(desk, people, cadre_id):
    made = {}
    for name in ("张三", "王"):
        made[name] = operations.take_in(
            desk,
            "clerk",
            operations.Intake(
                kind="opinion", villager_id=people[name], description="反映路灯不亮", first_cadre_id=cadre_id
            ),
        ).case_no

    def found(text):
        return {r.case_no for r in queries.page(desk, queries.CaseFilter(search=text), desk.now())}

    assert found(made["王"]) == {made["王"]}
    assert found("王") == {made["王"]}
    assert found("zs") == {made["张三"]}
    assert found("13812345678") == {made["张三"]}
    assert found("路灯") == set(made.values())
    assert found("nobody-here") == set()


def test_queue_pages_never_overlap(desk, new_case, clock):
    made = set()
    for _i in range(7):
        clock.advance(minutes=1)
        made.add(new_case().case_no)
    flt = queries.CaseFilter(sort="case_no", descending=False)
    pages = [queries.page(desk, flt, clock(), offset=o, limit=3) for o in (0, 3, 6)]
    seen = [r.case_no for p in pages for r in p]
    assert seen == sorted(made)
    assert queries.count(desk, flt, clock()) == 7
