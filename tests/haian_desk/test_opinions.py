"""Opinions grouped by topic and village; meetings linked to opinions and the cases they became."""

from __future__ import annotations

import pytest

from haian_desk.cases.operations import Intake, act, take_in
from haian_desk.cases.queries import timeline
from haian_desk.community import opinions
from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.people import villagers
from haian_desk.storage.check import run_check


def opinion(desk, villager_id, cadre_id, text: str) -> str:
    return take_in(
        desk, "clerk", Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description=text)
    ).case_id


@pytest.mark.parametrize(
    "text, topic",
    [
        ("反映3组路灯不亮", "路灯照明"),
        ("反映5组道路破损，雨天积水", "道路交通"),
        ("建议村卫生室增加老年人体检次数", "医疗养老"),
        ("反映河道有垃圾漂浮", "水利河道"),
        ("反映自来水水压偏低", "饮水供水"),
        ("建议增设快递代收点", "便民服务"),
        ("希望多组织文艺活动", "其他"),
    ],
)
def test_topics_come_from_the_words(text, topic):
    assert opinions.topic_of(text) == topic


def test_opinions_grouped_by_topic_and_village(desk, villager_id, cadre_id):
    neighbour = villagers.register(desk, "admin", villagers.VillagerInput(name="李四", unit_code="320685102211003"))
    opinion(desk, villager_id, cadre_id, "反映3组路灯不亮")
    opinion(desk, villager_id, cadre_id, "建议在路口增设路灯")
    opinion(desk, neighbour, cadre_id, "反映路灯坏了")
    opinion(desk, villager_id, cadre_id, "反映道路破损")
    groups = {(topic, village): len(items) for topic, village, items in opinions.grouped(desk)}
    assert groups == {
        ("路灯照明", "曲塘镇双楼村代理站"): 2,
        ("路灯照明", "曲塘镇代理站 211"): 1,
        ("道路交通", "曲塘镇双楼村代理站"): 1,
    }
    assert opinions.grouped(desk)[0][:2] == ("路灯照明", "曲塘镇双楼村代理站")  # biggest group first


def test_a_meeting_feeds_back_and_its_opinions_stop_waiting(desk, clock, villager_id, cadre_id):
    lamp = opinion(desk, villager_id, cadre_id, "反映3组路灯不亮")
    road = opinion(desk, villager_id, cadre_id, "反映道路破损")
    clock.advance(days=1)
    told = opinion(desk, villager_id, cadre_id, "建议增设快递代收点")
    act(desk, "clerk", told, "completed", result="passed_on")
    act(desk, "clerk", told, "replied", method="phone")
    assert [o.case_id for o in opinions.awaiting_feedback(desk)] == [lamp, road]
    meeting = opinions.hold_meeting(
        desk,
        "clerk",
        opinions.MeetingInput(
            held_at="2026-03-06 14:30",
            topic="村级道路和照明",
            place="村部会议室",
            participants=["村民代表王某", "村民代表李某", "镇城建办"],
            participant_count=12,
            discussed=[lamp, road],
            host_cadre_id=cadre_id,
            summary="议定先修路灯",
        ),
    )
    opinions.record_feedback(desk, "clerk", meeting, lamp, "路灯已列入本月维修计划")
    assert [o.case_id for o in opinions.awaiting_feedback(desk)] == [road]
    detail = opinions.meeting_detail(desk, meeting)
    assert detail["participant_count"] == 12 and detail["held_at"] == "2026-03-06T06:30:00Z"
    assert [c["id"] for c in detail["discussed_cases"]] == [lamp, road]
    assert detail["feedback"] == {lamp: "路灯已列入本月维修计划"}
    notes = [e.payload.get("text") for e in timeline(desk, lamp) if e.type == "note"]
    assert notes == ["座谈会反馈：路灯已列入本月维修计划"]


def test_cases_that_came_out_of_a_meeting_are_linked(desk, villager_id, cadre_id):
    road = opinion(desk, villager_id, cadre_id, "反映5组道路破损")
    meeting = opinions.hold_meeting(
        desk,
        "clerk",
        opinions.MeetingInput(held_at="2026-03-06 14:30", topic="道路", participants=["村民代表"], discussed=[road]),
    )
    raised = opinions.raise_at_meeting(
        desk,
        "clerk",
        meeting,
        Intake(
            kind="claim",
            villager_id=villager_id,
            first_cadre_id=cadre_id,
            description="请求修复5组道路",
            authorisation={"scope": "道路维修", "signed_on_paper": False, "date": "2026-03-06"},
        ),
        from_opinion=road,
    )
    assert desk.db.scalar("SELECT channel FROM cases WHERE id = ?", (raised.case_id,)) == "meeting"
    detail = opinions.meeting_detail(desk, meeting)
    assert detail["became_cases"][0]["case_no"] == raised.case_no
    assert detail["became_cases"][0]["from_opinion"] == road
    by_id = {o.case_id: o for o in opinions.opinions(desk)}
    assert by_id[road].became == [raised.case_no]
    assert run_check(desk).ok


def test_meetings_refuse_what_is_not_an_opinion_and_need_people(desk, villager_id, cadre_id):
    claim = take_in(
        desk,
        "clerk",
        Intake(
            kind="claim",
            villager_id=villager_id,
            first_cadre_id=cadre_id,
            description="讨薪",
            authorisation={"scope": "讨薪", "signed_on_paper": True, "date": "今天"},
        ),
    ).case_id
    with pytest.raises(RuleRefused, match="不是民意代言件"):
        opinions.hold_meeting(
            desk,
            "clerk",
            opinions.MeetingInput(held_at="2026-03-06 14:30", topic="讨薪", participants=["王某"], discussed=[claim]),
        )
    with pytest.raises(ValidationError, match="参加人员"):
        opinions.hold_meeting(desk, "clerk", opinions.MeetingInput(held_at="2026-03-06 14:30", topic="道路"))
    with pytest.raises(NotFound):
        opinions.record_feedback(desk, "clerk", "no-such-meeting", claim, "x")
    assert opinions.meetings(desk) == []


def test_declined_opinions_do_not_wait_for_feedback(desk, villager_id, cadre_id):
    text = take_in(
        desk,
        "clerk",
        Intake(
            kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="反映邻居吵闹", accept=False
        ),
    ).case_id
    act(desk, "clerk", text, "declined", reason="属于邻里纠纷", remedy="请找村调解委员会")
    assert opinions.awaiting_feedback(desk) == []
