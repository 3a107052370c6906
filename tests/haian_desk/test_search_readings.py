"""Names are found by their surname readings and by the given name; text by its folded form."""

from __future__ import annotations

import pytest

from haian_desk.cases import queries, search
from haian_desk.core import paths
from haian_desk.desk import Desk
from haian_desk.people import villager_queries, villagers
from haian_desk.people.pinyin_keys import name_spellings
from haian_desk.storage.check import run_check
from tests.haian_desk import dbfiles


@pytest.fixture
def people(desk):
    for name in ("单雄", "曾国华", "解放", "仇大山", "区小华", "朴正", "王小明", "欧阳娜娜", "丹丹"):
        villagers.register(desk, "admin", villagers.VillagerInput(name=name))
    return desk


def _found(desk, typed):
    return [r.name for r in villager_queries.villager_search(desk, typed)]


@pytest.mark.parametrize(
    "typed, name",
    [
        ("shan", "单雄"),
        ("shanxiong", "单雄"),
        ("zeng", "曾国华"),
        ("xiefang", "解放"),
        ("qiu", "仇大山"),
        ("ou", "区小华"),
        ("piao", "朴正"),
        ("xiaoming", "王小明"),
        ("nana", "欧阳娜娜"),
        ("SHAN", "单雄"),
        ("ｓｈａｎ", "单雄"),
        ("sx", "单雄"),
        ("wxm", "王小明"),
    ],
)
def test_surname_readings_and_given_names_find_the_person(people, typed, name):
    assert name in _found(people, typed)


def test_the_common_reading_still_finds_a_polyphonic_surname(people):
    assert "单雄" in _found(people, "danxiong")
    assert name_spellings("单雄")[0].split()[0] == "shanxiong"  # the surname reading first


def test_descriptions_are_found_whatever_the_case_and_width(desk, new_case):
    new_case(description="村口ABC超市门前积水")
    new_case(description="村口ｘｙｚ超市门前积水")
    for typed, expected in (("ABC超市", 1), ("abc超市", 1), ("ａｂｃ超市", 1), ("XYZ超市", 1), ("超市门前", 2)):
        rows = queries.page(desk, queries.CaseFilter(search=typed), desk.now())
        assert len(rows) == expected, typed


def test_an_older_database_gets_the_new_keys_when_opened(tmp_path, desk, new_case, clock):
    """Keys written by the old recipe (no surname readings, unfolded descriptions) are rebuilt once."""
    villagers.register(desk, "admin", villagers.VillagerInput(name="单雄"))
    new_case(description="村口ABC超市")
    desk.close()
    dbfiles.execute(
        paths.database_path(tmp_path / "station"),
        "UPDATE villagers SET pinyin = 'danxiong chanxiong', initials = 'dx cx' WHERE name = '单雄'",
        "DELETE FROM villager_search_keys",
        "UPDATE case_text_ids SET folded = NULL",
        "DELETE FROM meta WHERE key = 'search_keys_version'",
    )

    reopened = Desk.open(tmp_path / "station", wall=clock)
    assert reopened.db.scalar("SELECT value FROM meta WHERE key = 'search_keys_version'") == search.KEYS_VERSION
    assert "单雄" in _found(reopened, "shan")
    assert len(queries.page(reopened, queries.CaseFilter(search="abc超市"), reopened.now())) == 1
    assert run_check(reopened).ok
    assert not search.bring_up_to_date(reopened.db, villagers.respell)  # once only
    reopened.close()
