"""The typed reads of villagers, the catalogue and logins, on a real station file, without a window."""

from __future__ import annotations

import dataclasses

import pytest

from haian_desk.cases import catalogue
from haian_desk.cases.catalogue_queries import CatalogueItem, find_items, get_item, item_history, item_with_history
from haian_desk.cases.operations import Intake, take_in
from haian_desk.core.errors import NotFound
from haian_desk.events.columns import read_as
from haian_desk.people import cadres, users, villagers
from haian_desk.people.user_queries import cadre_choices, list_users
from haian_desk.people.villager_queries import LIST_LIMIT, Villager, find_villagers, get_villager, villager_profile
from tests.conftest import STATION_CODE

GROUP = STATION_CODE + "003"


def _register(desk, name: str, **fields) -> str:
    return villagers.register(desk, "admin", villagers.VillagerInput(name=name, **fields))


# --- villagers ----------------------------------------------------------------------------------


def test_a_villager_comes_back_typed_with_its_tags_decoded(desk):
    vid = _register(desk, "李䶮", phone="13812345678", tags=("empty_nest", "disabled"))
    villager = get_villager(desk, vid)
    assert isinstance(villager, Villager)
    assert villager.name == "李䶮" and villager.phone == "13812345678"
    assert villager.tags == ("disabled", "empty_nest")  # stored sorted
    with pytest.raises(dataclasses.FrozenInstanceError):
        villager.name = "别人"  # type: ignore[misc]


def test_an_unknown_villager_is_none_not_an_empty_record(desk):
    assert get_villager(desk, "no-such-id") is None
    assert villager_profile(desk, "no-such-id") is None


def test_the_list_is_everyone_in_pinyin_order_until_something_is_typed(desk):
    for name in ("王五", "张三", "李四"):
        _register(desk, name)
    assert [v.name for v in find_villagers(desk, "")] == ["李四", "王五", "张三"]
    assert [v.name for v in find_villagers(desk, "  ")] == ["李四", "王五", "张三"]
    assert [v.name for v in find_villagers(desk, "zhangsan")] == ["张三"]
    assert [v.name for v in find_villagers(desk, "", limit=2)] == ["李四", "王五"]
    assert find_villagers(desk, "没有这个人") == []
    assert LIST_LIMIT == 200


def test_a_profile_holds_the_household_and_the_cases_newest_first(desk, clock, cadre_id):
    me = _register(desk, "张三", household_no="H1", unit_code=GROUP, tags=("widowed",))
    _register(desk, "张小", household_no="H1", unit_code=GROUP)
    _register(desk, "同号别组", household_no="H1", unit_code=STATION_CODE + "004")
    first = take_in(
        desk, "clerk", Intake(kind="opinion", villager_id=me, description="路灯坏了", first_cadre_id=cadre_id)
    )
    clock.advance(hours=1)
    second = take_in(
        desk, "clerk", Intake(kind="opinion", villager_id=me, description="井盖丢了", first_cadre_id=cadre_id)
    )
    profile = villager_profile(desk, me)
    assert profile.villager.id == me and profile.villager.tags == ("widowed",)
    assert [m.name for m in profile.household] == ["张小"]  # the same number in another group is not family
    assert [c.id for c in profile.cases] == [second.case_id, first.case_id]
    assert profile.cases[0].description == "井盖丢了" and profile.cases[0].kind == "opinion"


def test_a_villager_without_a_household_number_has_no_household(desk):
    alone = _register(desk, "独居")
    _register(desk, "也没户号")
    profile = villager_profile(desk, alone)
    assert profile.household == () and profile.cases == ()


def test_a_column_the_record_does_not_name_is_left_out(desk):
    """A later schema version may add columns: the reader takes the fields it knows."""
    vid = _register(desk, "张三")
    row = dict(desk.db.one("SELECT * FROM villagers WHERE id = ?", (vid,)), added_later="x")
    assert read_as(Villager, row, villagers.JSON_COLUMNS).name == "张三"


# --- the catalogue ------------------------------------------------------------------------------


def test_an_item_comes_back_typed_with_materials_and_time_limit_decoded(desk):
    item = get_item(desk, "MZ-001")
    assert isinstance(item, CatalogueItem) and item.version == 1
    assert isinstance(item.materials, tuple) and all(isinstance(m, str) for m in item.materials)
    if item.mode == "承诺":
        assert set(item.time_limit) == {"amount", "unit"}


def test_an_unknown_code_is_refused_with_the_code_named(desk):
    with pytest.raises(NotFound) as caught:
        get_item(desk, "ZZ-999")
    assert "ZZ-999" in caught.value.message


def _changed(desk, code: str, **fields) -> None:
    current = get_item(desk, code)
    item = catalogue.Item(
        code=code,
        name=current.name,
        level=current.level,
        mode=current.mode,
        time_limit=current.time_limit,
        materials=current.materials,
        active=bool(current.active),
    )
    catalogue.edit(desk, "admin", dataclasses.replace(item, **fields))


def test_an_edit_is_a_new_version_in_the_history(desk):
    _changed(
        desk,
        "MZ-001",
        materials=("户口簿", "近期一寸照片1张"),
        mode="承诺",
        time_limit={"amount": 25, "unit": "working_days"},
    )
    loaded = item_with_history(desk, "MZ-001")
    assert loaded.item.version == 2 and loaded.item.updated_by == "admin"
    assert loaded.item.materials == ("户口簿", "近期一寸照片1张")
    assert loaded.item.time_limit == {"amount": 25, "unit": "working_days"}
    assert [(h.version, h.type, h.actor) for h in loaded.history] == [
        (1, "created", "system"),
        (2, "updated", "admin"),
    ]  # seeded at set-up, then edited
    assert item_history(desk, "MZ-001") == loaded.history


def test_a_stopped_item_is_found_only_when_asked_for(desk):
    name = get_item(desk, "MZ-001").name
    assert "MZ-001" in [i.code for i in find_items(desk, name)]
    _changed(desk, "MZ-001", active=False)
    assert "MZ-001" not in [i.code for i in find_items(desk, name)]
    stopped = [i for i in find_items(desk, name, include_inactive=True) if i.code == "MZ-001"]
    assert len(stopped) == 1 and not stopped[0].active


def test_a_search_that_matches_nothing_is_empty(desk):
    assert find_items(desk, "不存在的事项xyz") == []
    assert find_items(desk, "不存在的事项xyz", include_inactive=True) == []


# --- logins -------------------------------------------------------------------------------------


def test_logins_are_listed_oldest_first_with_their_cadre_and_no_hash(desk, cadre_id):
    users.link_cadre(desk, "admin", "clerk", cadre_id)
    users.set_active(desk, "admin", "clerk", False)
    logins = list_users(desk)
    assert [u.username for u in logins] == ["admin", "clerk"]
    clerk = logins[1]
    assert (clerk.cadre_id, clerk.cadre_name, clerk.active) == (cadre_id, "仲维国", False)
    assert logins[0].cadre_name is None and logins[0].active is True
    assert "password_hash" not in {f.name for f in dataclasses.fields(clerk)}


def test_only_active_cadres_can_be_linked(desk, cadre_id):
    other = cadres.add(desk, "admin", cadres.CadreInput(name="季红梅", phone="13906271001", unit_code=STATION_CODE))
    assert dict(cadre_choices(desk)) == {cadre_id: "仲维国", other: "季红梅"}
    cadres.retire(desk, "admin", other, reason="调离")
    assert dict(cadre_choices(desk)) == {cadre_id: "仲维国"}


def test_a_record_decodes_its_row_as_the_projector_does(desk):
    from haian_desk.cases.catalogue_queries import as_item
    from haian_desk.events.projection import projectors

    for row in desk.db.query("SELECT * FROM catalogue_items"):
        state, item = projectors()["catalogue"].from_row(row), as_item(row)
        assert (list(item.materials), item.time_limit) == (state["materials"], state["time_limit"])
