"""Complaints about handling: received from a hotline, investigated, closed with a result."""

from __future__ import annotations

import pytest

from haian_desk.cases.operations import Intake, take_in
from haian_desk.community import complaints
from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.storage.check import run_check


@pytest.fixture
def case(desk, villager_id, cadre_id):
    return take_in(
        desk,
        "clerk",
        Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="反映路灯不亮"),
    )


def test_a_complaint_about_a_case_names_its_cadre_and_station(desk, case, cadre_id):
    complaint = complaints.receive(
        desk,
        "clerk",
        complaints.ComplaintInput(
            channel="county_hotline",
            content="反映代理员答应三天修好路灯，一周了没人管",
            case_no=case.case_no,
            complainant="王大妈",
            complainant_phone="13812345678",
        ),
    )
    row = complaints.get(desk, complaint)
    assert (row["case_no"], row["cadre_id"], row["cadre_name"]) == (case.case_no, cadre_id, "仲维国")
    assert row["unit_code"] == desk.installation.unit_code and row["status"] == "received"


def test_investigated_then_closed_with_a_result(desk, case):
    complaint = complaints.receive(
        desk, "clerk", complaints.ComplaintInput(channel="township_hotline", content="办事拖拉", case_no=case.case_no)
    )
    complaints.investigate(desk, "admin", complaint, findings="经核查，确有拖延两天", actions="已约谈代理员")
    assert complaints.get(desk, complaint)["status"] == "investigating"
    complaints.close(desk, "admin", complaint, "partly")
    row = complaints.get(desk, complaint)
    assert (row["status"], row["result"], row["findings"], row["actions"]) == (
        "closed",
        "partly",
        "经核查，确有拖延两天",
        "已约谈代理员",
    )
    with pytest.raises(RuleRefused, match="已经办结"):
        complaints.investigate(desk, "admin", complaint, findings="再查")
    assert complaints.complaints(desk, open_only=True) == []
    assert run_check(desk).ok


def test_closing_needs_a_result_and_findings(desk):
    complaint = complaints.receive(desk, "clerk", complaints.ComplaintInput(channel="letter", content="态度差"))
    with pytest.raises(ValidationError, match="核查情况"):
        complaints.close(desk, "admin", complaint, "unfounded")
    with pytest.raises(ValidationError, match="属实、部分属实、不属实"):
        complaints.close(desk, "admin", complaint, "maybe", findings="查无此事")
    complaints.close(desk, "admin", complaint, "unfounded", findings="查无此事")
    assert complaints.get(desk, complaint)["result"] == "unfounded"


def test_bad_input_is_refused_with_what_to_do(desk):
    with pytest.raises(ValidationError, match="举报渠道"):
        complaints.receive(desk, "clerk", complaints.ComplaintInput(channel="rumour", content="x"))
    with pytest.raises(NotFound, match="没有编号为"):
        complaints.receive(
            desk, "clerk", complaints.ComplaintInput(channel="letter", content="x", case_no="999-999-999")
        )
    with pytest.raises(ValidationError, match="举报内容"):
        complaints.receive(desk, "clerk", complaints.ComplaintInput(channel="letter", content="  "))
    assert complaints.complaints(desk) == []
