"""The proxy workflow's rules, each with the case it refuses and what a refusal leaves behind."""

from __future__ import annotations

import pytest

from haian_desk.cases import operations, queries
from haian_desk.cases.fold import allowed_events
from haian_desk.core.errors import HaianError, NotFound, RuleRefused, ValidationError
from tests.haian_desk.conftest import event_count

AUTH = {"scope": "代为协调宅基地边界纠纷", "signed_on_paper": True, "date": "2026-03-04"}


def act(desk, case, type_, **payload):
    return operations.act(desk, "clerk", case.case_id, type_, **payload)


def test_intake_registers_and_accepts_in_one_go(desk, new_case):
    case = new_case()
    row = queries.get_case(desk, case.case_id)
    assert row.status == "in_progress"
    assert [e.type for e in queries.timeline(desk, case.case_id)] == ["registered", "accepted"]
    assert row.first_cadre_id == row.responsible_cadre_id


def test_errand_needs_a_catalogue_item(desk, new_case):
    before = event_count(desk)
    with pytest.raises(ValidationError) as caught:
        new_case(kind="errand")
    assert caught.value.field == "catalogue_code"
    assert event_count(desk) == before
    assert desk.db.scalar("SELECT count(*) FROM cases") == 0


def test_errand_copies_the_items_time_rule(desk, new_case):
    case = new_case(kind="errand", catalogue_code="MZ-001")
    row = queries.get_case(desk, case.case_id)
    assert row.matter_name and row.timing == "承诺" and row.time_limit


def test_matters_that_need_the_person_cannot_be_proxied(desk, new_case):
    code = desk.db.scalar("SELECT code FROM catalogue_items WHERE proxy_allowed = 0 LIMIT 1")
    with pytest.raises(RuleRefused) as caught:
        new_case(kind="errand", catalogue_code=code)
    assert "本人" in caught.value.message


def test_claim_cannot_be_accepted_without_authorisation(desk, new_case):
    case = new_case(kind="claim", accept=False)
    before = event_count(desk)
    with pytest.raises(RuleRefused) as caught:
        act(desk, case, "accepted")
    assert "授权委托" in caught.value.message
    assert event_count(desk) == before
    act(desk, case, "authorised", **AUTH)
    assert act(desk, case, "accepted")["status"] == "in_progress"


def test_claim_with_authorisation_at_intake_is_accepted(desk, new_case):
    case = new_case(kind="claim", authorisation=AUTH)
    assert case.status == "in_progress"


def test_authorisation_must_be_complete(desk, new_case):
    with pytest.raises(ValidationError):
        new_case(kind="claim", authorisation={"scope": "", "signed_on_paper": True, "date": "x"})
    with pytest.raises(ValidationError):
        new_case(kind="claim", authorisation={"scope": "讨薪", "date": "2026-03-04"})


def test_decline_needs_reason_and_remedy(desk, new_case):
    case = new_case(accept=False)
    with pytest.raises(ValidationError):
        act(desk, case, "declined", reason="不属于代理范围")
    state = act(desk, case, "declined", reason="不属于代理范围", remedy="请向镇司法所申请法律援助")
    assert state["status"] == "declined"
    assert state["closed_remedy"] == "请向镇司法所申请法律援助"


def test_missing_materials_are_listed_once_and_never_added_to(desk, new_case):
    case = new_case(kind="errand", catalogue_code="MZ-001", accept=False)
    act(desk, case, "materials_missing", missing=["户口簿", "收入证明"])
    act(desk, case, "resubmitted", materials_received=["户口簿"])
    with pytest.raises(RuleRefused) as caught:
        act(desk, case, "materials_missing", missing=["收入证明", "结婚证"])
    assert "一次性告知" in caught.value.message and "结婚证" in caught.value.message
    state = act(desk, case, "materials_missing", missing=["收入证明"])
    assert state["materials_missing"] == ["收入证明"]
    state = act(desk, case, "resubmitted", materials_received=["收入证明"])
    assert state["status"] == "registered" and state["materials_missing"] == []
    assert act(desk, case, "accepted")["status"] == "in_progress"


def test_refused_transitions_say_what_is_possible_and_write_nothing(desk, new_case):
    case = new_case()
    before = event_count(desk)
    with pytest.raises(RuleRefused) as caught:
        act(desk, case, "rated", level=5)
    assert "办理中" in caught.value.message and "办结" in caught.value.hint
    assert event_count(desk) == before
    assert queries.get_case(desk, case.case_id).status == "in_progress"


def test_full_path_to_rated(desk, new_case, clock):
    case = new_case()
    clock.advance(hours=5)
    act(desk, case, "completed", result="granted", note="路已修好")
    act(desk, case, "replied", method="phone")
    state = act(desk, case, "rated", level=5)
    assert state["status"] == "rated" and state["followup_open"] == 0


def test_refused_result_needs_reasons(desk, new_case):
    case = new_case()
    with pytest.raises(ValidationError):
        act(desk, case, "completed", result="refused")
    assert act(desk, case, "completed", result="refused", note="不符合低保条件：家庭收入超标")["result"] == "refused"


def test_bad_rating_needs_reason_and_opens_a_followup(desk, new_case, clock):
    case = new_case()
    act(desk, case, "completed", result="granted")
    act(desk, case, "replied", method="in_person")
    with pytest.raises(ValidationError):
        act(desk, case, "rated", level=2)
    state = act(desk, case, "rated", level=2, reason="跑了两趟")
    assert state["followup_open"] == 1
    flt = queries.CaseFilter(followup_open=True)
    assert queries.count(desk, flt, clock()) == 1
    with pytest.raises(RuleRefused):
        act(desk, case, "rated", level=5)  # one rating per matter
    clock.advance(hours=20)
    assert act(desk, case, "return_visit", note="上门回访")["followup_open"] == 1
    clock.advance(days=5)
    assert act(desk, case, "rectified", note="材料清单已一次性告知")["followup_open"] == 0


def test_rectification_only_follows_a_bad_review(desk, new_case):
    case = new_case()
    act(desk, case, "completed", result="granted")
    act(desk, case, "replied", method="phone")
    act(desk, case, "rated", level=4)
    with pytest.raises(RuleRefused):
        act(desk, case, "rectified", note="x")


def test_rating_levels_are_the_five_good_bad_levels(desk, new_case):
    case = new_case()
    act(desk, case, "completed", result="granted")
    act(desk, case, "replied", method="phone")
    with pytest.raises(ValidationError):
        act(desk, case, "rated", level=6)


def test_transfer_is_tracked_until_it_comes_back(desk, new_case):
    case = new_case()
    state = act(desk, case, "transferred", to_level="county", to_unit="海安市民政局", reason="需县级审批")
    assert state["status"] == "transferred" and state["holder"] == "海安市民政局"
    act(desk, case, "joint_handling", units=["曲塘镇代理中心", "海安市民政局"], note="三级联动会办")
    state = act(desk, case, "returned", outcome="已审批通过")
    assert state["status"] == "in_progress" and state["holder"] is None
    assert state["joint_units"] == ["曲塘镇代理中心", "海安市民政局"]


def test_transfer_needs_a_known_destination(desk, new_case):
    case = new_case()
    with pytest.raises(ValidationError):
        act(desk, case, "transferred", to_level="province", to_unit="省厅")


def test_withdrawn_and_declined_are_final(desk, new_case):
    case = new_case()
    act(desk, case, "withdrawn", reason="群众已自行办理")
    state = queries.get_case(desk, case.case_id).state()
    assert list(allowed_events(state)) == ["note"]
    with pytest.raises(RuleRefused):
        act(desk, case, "completed", result="granted")


def test_reopened_matter_runs_again_but_keeps_its_rating(desk, new_case, clock):
    case = new_case()
    act(desk, case, "completed", result="granted")
    act(desk, case, "replied", method="phone")
    act(desk, case, "rated", level=3)
    clock.advance(days=3)
    state = act(desk, case, "reopened", reason="补贴金额有误")
    assert state["status"] == "in_progress" and state["reopen_count"] == 1
    assert state["rating"] == 3 and state["completed_at"] is None
    act(desk, case, "completed", result="granted")
    assert act(desk, case, "replied", method="phone")["status"] == "rated"


def test_assigning_a_handler_keeps_the_first_contact(desk, new_case, cadre_id):
    from haian_desk.people import cadres

    other = cadres.add(desk, "admin", cadres.CadreInput(name="季红梅", phone="13906271037", unit_code="320685102210"))
    case = new_case()
    state = act(desk, case, "assigned", cadre_id=other)
    assert state["responsible_cadre_id"] == other and state["first_cadre_id"] == cadre_id
    with pytest.raises(NotFound):
        act(desk, case, "assigned", cadre_id="nobody")


def test_unknown_case_and_event_type_are_clear_errors(desk, new_case):
    case = new_case()
    with pytest.raises(NotFound):
        operations.act(desk, "clerk", "no-such-case", "note", text="x")
    with pytest.raises(HaianError):
        act(desk, case, "teleported")
    with pytest.raises(RuleRefused):
        act(desk, case, "registered")


def test_intake_for_unknown_villager_or_cadre_writes_nothing(desk, cadre_id, villager_id):
    before = event_count(desk)
    with pytest.raises(NotFound):
        operations.take_in(
            desk,
            "clerk",
            operations.Intake(kind="opinion", villager_id="ghost", description="x", first_cadre_id=cadre_id),
        )
    with pytest.raises(NotFound):
        operations.take_in(
            desk,
            "clerk",
            operations.Intake(kind="opinion", villager_id=villager_id, description="x", first_cadre_id="ghost"),
        )
    assert event_count(desk) == before


def test_events_are_append_only_in_the_database(desk, new_case):
    new_case()
    from haian_desk.storage.db import DatabaseError

    with pytest.raises(DatabaseError), desk.db.write() as conn:
        conn.execute("UPDATE events SET actor = 'someone else'")
    with pytest.raises(DatabaseError), desk.db.write() as conn:
        conn.execute("DELETE FROM events")
