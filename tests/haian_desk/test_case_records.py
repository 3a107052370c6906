"""Case reads come back as frozen records, their JSON columns already Python values."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import fields

import pytest

from haian_desk.cases import operations, queries
from haian_desk.cases.queue_order import QUEUE_COLUMNS, VILLAGER_JOIN
from haian_desk.cases.records import Case, QueueRow
from haian_desk.core.errors import NotFound
from haian_desk.people import villager_queries
from haian_desk.people.villager_queries import Villager

SIGNED = {"scope": "代为讨要拖欠的工资", "signed_on_paper": True, "date": "2026-03-04"}
TOWNSHIP = {"level": "township", "unit": "曲塘镇代理中心"}


def test_a_case_read_has_its_json_columns_decoded(desk, new_case):
    claim = new_case(kind="claim", authorisation=SIGNED, materials_received=["身份证", "欠条"])
    operations.act(desk, "clerk", claim.case_id, "transferred", to_level="township", to_unit=TOWNSHIP["unit"])
    case = queries.get_case(desk, claim.case_id)
    assert isinstance(case, Case)
    assert case.authorisation == SIGNED
    assert case.route_up == (TOWNSHIP,)
    assert case.materials_received == ("身份证", "欠条")
    assert case.materials_missing == () and case.joint_units == ()
    assert case.villager == "张三" and case.status == "transferred"
    assert queries.find_by_number(desk, claim.case_no) == case


def test_a_case_with_a_catalogue_item_has_its_limit_as_a_dict(desk, new_case):
    errand = new_case(kind="errand", description="代办低保", catalogue_code="MZ-001")
    case = queries.get_case(desk, errand.case_id)
    assert case.time_limit == {"amount": 25, "unit": "working_days"}
    assert isinstance(case.calendar_basis, dict | None)


def test_case_records_are_frozen(desk, new_case):
    case = queries.get_case(desk, new_case().case_id)
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.status = "completed"  # type: ignore[misc]
    row = queries.page(desk, queries.CaseFilter(), desk.now())[0]
    assert isinstance(row, QueueRow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.status = "completed"  # type: ignore[misc]
    assert not hasattr(row, "__dict__")  # slots: the queue holds thousands of these


def test_the_state_a_rule_reads_is_every_field(desk, new_case):
    case = queries.get_case(desk, new_case().case_id)
    state = case.state()
    assert list(state) == [f.name for f in fields(Case)]
    assert state["status"] == case.status == "in_progress"


def test_the_queue_record_has_the_queue_columns_in_order(desk, new_case):
    new_case()
    with desk.db.read() as conn:
        cursor = conn.execute(f"SELECT {QUEUE_COLUMNS} FROM cases c {VILLAGER_JOIN} LIMIT 1")
        selected = [d[0] for d in cursor.description]
    assert selected == [f.name for f in fields(QueueRow)]


def test_every_column_of_a_case_is_in_the_record(desk, new_case):
    new_case()
    with desk.db.read() as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(cases)")]
    assert [f.name for f in fields(Case)] == [*columns, "villager"]


def test_the_json_the_cli_prints_is_pinned(desk, new_case):
    case = new_case(description="反映3组路灯不亮")
    row = queries.page(desk, queries.CaseFilter(), desk.now())[0]
    printed = json.dumps([queries.as_json_row(row)], ensure_ascii=False, indent=1)
    assert printed == (
        "[\n {\n"
        f'  "case_no": "{case.case_no}",\n'
        '  "kind": "opinion",\n'
        '  "status": "in_progress",\n'
        f'  "deadline": "{row.deadline}",\n'
        '  "villager": "张三",\n'
        '  "matter": null,\n'
        f'  "registered_at": "{row.registered_at}",\n'
        '  "urgency": "normal",\n'
        '  "holder": null,\n'
        '  "flags": []\n'
        " }\n]"
    )


def test_a_number_not_here_is_not_found(desk):
    with pytest.raises(NotFound):
        queries.find_by_number(desk, "102210-260304-999")


def test_the_intake_picker_search_gives_villager_records(desk, villager_id):
    found = villager_queries.villager_search(desk, "zs")
    assert [(v.id, v.name) for v in found] == [(villager_id, "张三")]
    assert isinstance(found[0], Villager) and found[0].tags == ()
    assert villager_queries.villager_search(desk, "  ") == []  # no text, no one (the picker stays empty)
