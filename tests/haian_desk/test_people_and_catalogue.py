"""Users, villagers, cadres, the catalogue and the network."""

from __future__ import annotations

import json

import pytest

from haian_desk import network
from haian_desk.cases import catalogue
from haian_desk.core.errors import HaianError, SetupError, ValidationError
from haian_desk.core.paths import resource_path
from haian_desk.desk import initialise
from haian_desk.people import cadres, users, villagers


def test_passwords_are_stored_only_as_scrypt_hashes(desk):
    stored = desk.db.scalar("SELECT password_hash FROM users WHERE username = 'admin'")
    assert stored.startswith("scrypt$") and "secret-pw" not in stored
    assert users.authenticate(desk, "admin", "secret-pw").role == "admin"
    with pytest.raises(HaianError) as caught:
        users.authenticate(desk, "admin", "wrong")
    assert "密码" in caught.value.message


def test_user_rules(desk):
    with pytest.raises(ValidationError):
        users.add_user(desk, "xiaowang", "王小", "station_staff", "123", actor="admin")  # too short
    with pytest.raises(ValidationError):
        users.add_user(desk, "xiaowang", "王小", "boss", "long-enough", actor="admin")
    users.add_user(desk, "xiaowang", "王小", "station_staff", "long-enough", actor="admin")
    with pytest.raises(ValidationError):
        users.add_user(desk, "xiaowang", "另一个", "station_staff", "long-enough", actor="admin")


def test_villager_registry_checks_and_derives(desk):
    vid = villagers.register(
        desk,
        "admin",
        villagers.VillagerInput(
            name=" 李 䶮 ", id_number="110105491231002", phone="138 1234 5678", tags=("empty_nest", "disabled")
        ),
    )
    row = desk.db.one("SELECT * FROM villagers WHERE id = ?", (vid,))
    assert row["name"] == "李䶮" and row["id_number"] == "11010519491231002X"
    assert row["gender"] == "女" and row["birth_date"] == "1949-12-31"
    assert row["pinyin"].split()[0] == "liyan" and row["initials"] == "ly"
    assert json.loads(row["tags"]) == ["disabled", "empty_nest"]


def test_names_pasted_with_radical_lookalikes_are_normalised(desk):
    vid = villagers.register(desk, "admin", villagers.VillagerInput(name="\u2f2f\u2f08"))  # ⼯⼈
    assert desk.db.scalar("SELECT name FROM villagers WHERE id = ?", (vid,)) == "工人"


def test_the_same_id_number_cannot_be_registered_twice(desk, villager_id):
    with pytest.raises(ValidationError) as caught:
        villagers.register(desk, "admin", villagers.VillagerInput(name="张叁", id_number="11010519491231002X"))
    assert "张三" in caught.value.message


def test_villager_update_records_only_what_changed(desk, villager_id):
    villagers.update(
        desk,
        "admin",
        villager_id,
        villagers.VillagerInput(
            name="张三", id_number="11010519491231002X", phone="13900001111", address="曲塘镇双楼村3组"
        ),
    )
    last = desk.db.one("SELECT type, payload FROM events WHERE stream_id = ? ORDER BY seq DESC", (villager_id,))
    assert last["type"] == "updated" and json.loads(last["payload"]) == {"phone": "13900001111"}


def test_bad_villager_input_saves_nothing(desk):
    before = desk.db.scalar("SELECT count(*) FROM events")
    for bad in (
        villagers.VillagerInput(name=""),
        villagers.VillagerInput(name="王", id_number="123"),
        villagers.VillagerInput(name="王", phone="12"),
        villagers.VillagerInput(name="王", tags=("rich",)),
    ):
        with pytest.raises(ValidationError):
            villagers.register(desk, "admin", bad)
    assert desk.db.scalar("SELECT count(*) FROM events") == before


def test_cadres_directory(desk):
    cid = cadres.add(
        desk,
        "admin",
        cadres.CadreInput(
            name="仲维国", phone="13906271000", unit_code="320685102210", area="一组", service_items=("低保",)
        ),
    )
    row = desk.db.one("SELECT * FROM cadres WHERE id = ?", (cid,))
    assert row["on_public_board"] == 1 and json.loads(row["service_items"]) == ["低保"]
    with pytest.raises(ValidationError):
        cadres.add(desk, "admin", cadres.CadreInput(name="无电话", phone="", unit_code="320685102210"))


def test_shipped_catalogue_has_at_least_forty_real_matters(desk):
    items = catalogue.shipped_items()
    assert len(items) >= 40
    assert desk.db.scalar("SELECT count(*) FROM catalogue_items") == len(items)
    for item in items:
        assert item.level in ("村", "镇", "县") and item.materials
        assert (item.mode == "即办") == (item.time_limit is None)


def test_catalogue_search_by_chinese_pinyin_and_keyword(desk):
    assert any(r["code"] == "MZ-001" for r in catalogue.search(desk, "低保"))
    assert any(r["code"] == "MZ-001" for r in catalogue.search(desk, "zuidishenghuobaozhang"))
    assert any(r["code"] == "MZ-001" for r in catalogue.search(desk, "最低生活"))
    assert any(r["code"] == "MZ-001" for r in catalogue.search(desk, "dibao"))  # the keyword's pinyin


def test_catalogue_edits_are_admin_only_and_versioned(desk):
    item = catalogue.get(desk, "MZ-001")
    change = catalogue.Item(
        code="MZ-001",
        name=item["name"],
        level=item["level"],
        mode="承诺",
        time_limit={"amount": 20, "unit": "working_days"},
        materials=("申请书",),
    )
    with pytest.raises(HaianError) as caught:
        catalogue.edit(desk, "clerk", change)
    assert "管理员" in caught.value.message
    assert catalogue.edit(desk, "admin", change) == 2
    row = catalogue.get(desk, "MZ-001")
    assert row["version"] == 2 and row["updated_by"] == "admin"
    assert len(catalogue.history(desk, "MZ-001")) == 2
    with pytest.raises(ValidationError):
        catalogue.edit(desk, "admin", catalogue.Item(code="MZ-001", name="x", level="村", mode="承诺"))


def test_divisions_ship_haian_and_its_townships():
    assert network.county().code == "320685"
    codes = {t.code for t in network.townships()}
    assert {"320685102", "320685103"} <= codes
    assert json.loads(resource_path("divisions.json").read_text(encoding="utf-8"))["county"]["name"] == "海安市"


@pytest.mark.parametrize(
    "code, role, level",
    [
        ("320685102210", "station", "village"),
        ("320685102210005", "station", "group"),
        ("320685102", "township", "township"),
        ("320685", "county", "county"),
        ("320600", "city", "city"),
        ("320000", "province", "province"),
    ],
)
def test_unit_codes_by_role(code, role, level):
    assert network.check_unit_code(code, role) == level


@pytest.mark.parametrize(
    "code, role",
    [
        ("320685102", "station"),
        ("320685102210", "township"),
        ("32068510221", "station"),
        ("320685999210", "station"),
        ("abc", "station"),
        ("320685102210", "county"),
        ("320685", "city"),
        ("320000", "city"),
        ("3206", "city"),
        ("320600", "province"),
        ("000000", "province"),
        ("32000a", "province"),
    ],
)
def test_bad_unit_codes_are_refused(code, role):
    with pytest.raises(ValidationError):
        network.check_unit_code(code, role)


def test_an_installation_knows_its_unit_and_role(desk):
    inst = desk.installation
    assert inst.unit.level == "village" and inst.role == "station"
    assert inst.township_name.startswith("曲塘")


def test_initialising_twice_is_refused(tmp_path, clock):
    initialise(tmp_path / "s", "320685102210", "站", wall=clock).close()
    with pytest.raises(SetupError):
        initialise(tmp_path / "s", "320685102210", "站", wall=clock)


def test_admin_resets_a_forgotten_password(desk):
    users.reset_password(desk, "admin", "clerk", "old-password")
    with pytest.raises(HaianError):
        users.reset_password(desk, "clerk", "clerk", "new-password")  # staff may not
    with pytest.raises(ValidationError):
        users.reset_password(desk, "admin", "clerk", "123")
    users.reset_password(desk, "admin", "clerk", "new-password")
    assert users.authenticate(desk, "clerk", "new-password").username == "clerk"
    with pytest.raises(HaianError):
        users.authenticate(desk, "clerk", "old-password")


def test_a_stopped_login_cannot_log_in_or_act(desk):
    users.reset_password(desk, "admin", "clerk", "long-enough")
    users.set_active(desk, "admin", "clerk", False)
    with pytest.raises(HaianError):
        users.authenticate(desk, "clerk", "long-enough")
    users.set_active(desk, "admin", "clerk", True)
    assert users.authenticate(desk, "clerk", "long-enough")
    with pytest.raises(HaianError) as caught:
        users.set_active(desk, "admin", "admin", False)
    assert "自己" in caught.value.message
    users.add_user(desk, "boss2", "第二管理员", "admin", "long-enough", actor="admin")
    users.set_active(desk, "boss2", "admin", False)
    with pytest.raises(HaianError) as caught:
        users.set_active(desk, "admin", "boss2", False)  # a stopped admin can no longer act
    assert "停用" in caught.value.message
