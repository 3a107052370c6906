"""The questions asked at save time: a likely duplicate, and materials not received."""

from __future__ import annotations

import json

from haian_desk.cases import catalogue, counter_checks, operations, queries
from haian_desk.cases.operations import Intake


def errand(villager_id, cadre_id, **fields) -> Intake:
    return Intake(
        kind="errand",
        villager_id=villager_id,
        first_cadre_id=cadre_id,
        description="申请低保",
        catalogue_code="MZ-001",
        **fields,
    )


def test_the_same_open_matter_of_the_same_villager_is_a_likely_duplicate(desk, villager_id, cadre_id):
    first = operations.take_in(desk, "clerk", errand(villager_id, cadre_id))
    found = counter_checks.likely_duplicates(desk, errand(villager_id, cadre_id))
    assert [d.case_no for d in found] == [first.case_no]
    assert found[0].what == "最低生活保障申请" and found[0].status == "in_progress"


def test_another_matter_or_a_closed_one_is_not(desk, villager_id, cadre_id):
    other = desk.db.scalar("SELECT code FROM catalogue_items WHERE code != 'MZ-001' AND proxy_allowed = 1")
    case = operations.take_in(desk, "clerk", errand(villager_id, cadre_id))
    another = Intake(
        kind="errand", villager_id=villager_id, first_cadre_id=cadre_id, description="x", catalogue_code=other
    )
    assert counter_checks.likely_duplicates(desk, another) == []
    operations.act(desk, "clerk", case.case_id, "withdrawn", reason="重复登记")
    assert counter_checks.likely_duplicates(desk, errand(villager_id, cadre_id)) == []


def test_opinions_match_on_what_was_said_ignoring_spaces_and_punctuation(desk, villager_id, cadre_id):
    said = Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="3组路灯坏了。")
    operations.take_in(desk, "clerk", said)
    again = Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description=" 3组 路灯坏了")
    assert len(counter_checks.likely_duplicates(desk, again)) == 1
    different = Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="修桥")
    assert counter_checks.likely_duplicates(desk, different) == []


def test_materials_not_ticked_are_listed_in_catalogue_order(desk, villager_id, cadre_id):
    wanted = json.loads(catalogue.get(desk, "MZ-001")["materials"])
    intake = errand(villager_id, cadre_id, materials_received=[wanted[1]])
    assert counter_checks.materials_not_received(desk, intake) == [
        m for m in wanted if m != wanted[1] and "如有" not in m
    ]
    assert any("如有" in m for m in wanted)  # asked for only when there is one: never "missing"
    assert counter_checks.materials_not_received(desk, errand(villager_id, cadre_id, materials_received=wanted)) == []


def test_registered_as_awaiting_materials_in_one_go(desk, villager_id, cadre_id):
    case = operations.take_in(desk, "clerk", errand(villager_id, cadre_id, missing_materials=["户口簿", "收入证明"]))
    assert case.status == "materials_missing"
    row = queries.get_case(desk, case.case_id)
    assert row.materials_missing == ("户口簿", "收入证明") and row.missing_first == ("户口簿", "收入证明")
    assert [e.type for e in queries.timeline(desk, case.case_id)] == ["registered", "materials_missing"]
