"""The cadre roster: add, edit, retire, reinstate as events; the board and the counter follow."""

from __future__ import annotations

import json

import pytest

from haian_desk import documents
from haian_desk.cases.operations import Intake, take_in
from haian_desk.core.errors import HaianError, RuleRefused, ValidationError
from haian_desk.people import cadres, users
from haian_desk.storage.check import run_check
from tests.conftest import STATION_CODE


def _add(desk, **fields) -> str:
    data = {"name": "季红梅", "phone": "13906271037", "unit_code": STATION_CODE}
    data.update(fields)
    return cadres.add(desk, "admin", cadres.CadreInput(**data))


def test_a_cadre_has_role_party_membership_and_service_dates(desk):
    cid = _add(desk, role="站长", party_member=False, active_from="２０２５年３月１日", area=" 三组 ")
    row = cadres.as_json(cadres.get(desk, cid))
    assert row["role"] == "head" and row["role_label"] == "站长"
    assert row["party_member"] is False and row["active_from"] == "2025-03-01"
    assert row["area"] == "三组" and row["active"] and row["active_to"] is None


def test_the_import_helpers_call_still_works_with_the_old_fields(desk):
    cid = cadres.add(
        desk,
        "admin",
        cadres.CadreInput(name="丁海军", phone="13906271111", unit_code=STATION_CODE, title="代理员", area="五组"),
    )
    row = cadres.get(desk, cid)
    assert row["role"] == "agent" and row["party_member"] == 1 and row["active_from"] == "2026-03-04"


@pytest.mark.parametrize(
    "fields, field, words",
    [
        ({"name": " "}, "name", "姓名"),
        ({"phone": ""}, "phone", "公示"),
        ({"phone": "123"}, "phone", "11位"),
        ({"role": "书记"}, "role", "站长、代理员"),
        ({"active_from": "2026-02-30"}, "active_from", "不是有效日期"),
        ({"unit_code": ""}, "unit_code", "单位"),
        ({"name": "张\udc80"}, "name", "无法识别"),
    ],
)
def test_bad_details_are_refused_with_the_field_and_nothing_written(desk, fields, field, words):
    before = desk.db.scalar("SELECT count(*) FROM events")
    with pytest.raises(ValidationError) as caught:
        _add(desk, **fields)
    assert caught.value.field == field and words in str(caught.value)
    assert desk.db.scalar("SELECT count(*) FROM events") == before


def test_the_same_cadre_twice_is_refused(desk):
    _add(desk)
    with pytest.raises(ValidationError, match="已在代理员名录中"):
        _add(desk, phone="139 0627 1037")


def test_edit_records_only_what_changed(desk):
    cid = _add(desk, area="一组")
    changed = cadres.edit(
        desk,
        "admin",
        cid,
        cadres.CadreInput(name="季红梅", phone="13906271037", unit_code=STATION_CODE, area="二组", role="联络员"),
    )
    assert changed == {"area": "二组", "role": "liaison"}
    event = desk.db.one("SELECT type, payload FROM events WHERE stream = 'cadre' ORDER BY seq DESC")
    assert event["type"] == "updated" and json.loads(event["payload"]) == changed
    assert (
        cadres.edit(
            desk,
            "admin",
            cid,
            cadres.CadreInput(name="季红梅", phone="13906271037", unit_code=STATION_CODE, area="二组", role="liaison"),
        )
        == {}
    )


def test_a_retired_cadre_leaves_the_board_and_the_counter_but_keeps_their_matters(desk, villager_id):
    head = _add(desk, name="仲维国", phone="13906271000", role="head", title="")
    cid = _add(desk)
    case = take_in(
        desk, "clerk", Intake(kind="opinion", villager_id=villager_id, description="反映路灯不亮", first_cadre_id=cid)
    )
    names = [row[0] for row in documents.build_board(desk).section("代理员").table.rows]
    assert names == ["仲维国", "季红梅"]
    assert documents.build_board(desk).section("代理员").table.rows[0][1] == "站长"

    cadres.retire(desk, "admin", cid, on="2026-03-04", reason="调任镇里")
    row = cadres.get(desk, cid)
    assert (row["active"], row["active_to"], row["retired_reason"]) == (0, "2026-03-04", "调任镇里")
    assert [row[0] for row in documents.build_board(desk).section("代理员").table.rows] == ["仲维国"]
    assert [r["id"] for r in cadres.active_cadres(desk)] == [head]
    with pytest.raises(RuleRefused, match="停用|离任"):
        take_in(
            desk, "clerk", Intake(kind="opinion", villager_id=villager_id, description="又一件", first_cadre_id=cid)
        )
    assert desk.db.scalar("SELECT first_cadre_id FROM cases WHERE id = ?", (case.case_id,)) == cid
    with pytest.raises(RuleRefused, match="已经离任"):
        cadres.retire(desk, "admin", cid)

    cadres.reinstate(desk, "admin", cid)
    assert cadres.get(desk, cid)["active"] == 1 and cadres.get(desk, cid)["active_to"] is None
    assert run_check(desk).ok


def test_retiring_before_the_cadre_started_is_refused(desk):
    cid = _add(desk, active_from="2026-03-01")
    with pytest.raises(ValidationError, match="早于到任日期"):
        cadres.retire(desk, "admin", cid, on="2026-02-01")


def test_rebuilt_roster_equals_the_one_kept_incrementally(desk):
    cid = _add(desk)
    cadres.edit(
        desk,
        "admin",
        cid,
        cadres.CadreInput(name="季红梅", phone="0513-88881234", unit_code=STATION_CODE, party_member=False),
    )
    cadres.retire(desk, "admin", cid)
    cadres.reinstate(desk, "admin", cid)
    cadres.retire(desk, "admin", cid, reason="退休")
    report = run_check(desk)
    assert report.ok, report.differences


def test_a_login_is_linked_to_a_serving_cadre(desk):
    cid = _add(desk)
    users.link_cadre(desk, "admin", "admin", cid)
    assert users.get(desk, "admin").cadre_id == cid and users.cadre_of(desk, "admin") == cid
    cadres.retire(desk, "admin", cid)
    assert users.cadre_of(desk, "admin") is None  # a retired cadre is nobody's default
    with pytest.raises(HaianError, match="已离任"):
        users.link_cadre(desk, "admin", "admin", cid)
    with pytest.raises(HaianError, match="管理员"):
        users.link_cadre(desk, "clerk", "clerk", None)


def test_roster_order_head_first_then_names_retired_last(desk):
    a = _add(desk, name="丁海军", phone="13906271111")
    _add(desk, name="仲维国", phone="13906271000", role="head")
    _add(desk, name="许秀兰", phone="13906271222")
    cadres.retire(desk, "admin", a)
    assert [r["name"] for r in cadres.roster(desk)] == ["仲维国", "许秀兰"]
    assert [r["name"] for r in cadres.roster(desk, include_retired=True)] == ["仲维国", "许秀兰", "丁海军"]
    assert cadres.find(desk, "丁海军")["id"] == a


def test_the_roster_is_this_units_own_not_the_township_directory(desk):
    own = _add(desk)
    _add(desk, name="组长", phone="13906271999", unit_code=STATION_CODE + "003")  # a group point below
    _add(desk, name="镇干部", phone="13906271888", unit_code=STATION_CODE[:9])  # came down from above
    assert {r["name"] for r in cadres.roster(desk)} == {"季红梅", "组长"} and own
    assert {r[0] for r in documents.build_board(desk).section("代理员").table.rows} == {"季红梅", "组长"}


def test_the_same_person_may_serve_in_two_units(desk):
    _add(desk)
    assert _add(desk, unit_code=STATION_CODE[:9])  # also on the township's directory: not a twin
