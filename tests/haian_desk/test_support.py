"""Paired support: pairing vulnerable households, the visit log, overdue visits, cases on the spot."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from haian_desk.cases.operations import Intake
from haian_desk.community import support
from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.core.timeutil import UTC, to_iso
from haian_desk.people import cadres, villagers
from haian_desk.storage.check import run_check


def person(desk, name: str, *tags: str) -> str:
    return villagers.register(desk, "admin", villagers.VillagerInput(name=name, tags=tags, household_no="03012"))


def test_only_tagged_households_are_paired_and_only_once(desk, cadre_id):
    plain = person(desk, "赵六")
    with pytest.raises(RuleRefused, match="没有困难户标签"):
        support.pair(desk, "admin", plain, cadre_id)
    elder = person(desk, "钱七", "empty_nest")
    support.pair(desk, "admin", elder, cadre_id)
    with pytest.raises(RuleRefused, match="已经有结对代理员"):
        support.pair(desk, "admin", elder, cadre_id)
    with pytest.raises(NotFound):
        support.pair(desk, "admin", person(desk, "孙八", "disabled"), "no-such-cadre")
    assert [v["name"] for v in support.unpaired_vulnerable(desk)] == ["孙八"]


def test_overdue_households_stand_out_by_their_own_schedule(desk, clock, cadre_id):
    elder = support.pair(desk, "admin", person(desk, "钱七", "empty_nest"), cadre_id)  # monthly
    disabled = support.pair(desk, "admin", person(desk, "孙八", "disabled"), cadre_id)  # quarterly
    support.pair(desk, "admin", person(desk, "周九", "disabled", "widowed"), cadre_id)  # monthly wins
    clock.advance(days=20)
    support.record_visit(desk, "clerk", support.VisitInput(elder, note="身体好，米面充足"))
    clock.advance(days=20)  # 40 days after pairing
    overdue = support.overdue_households(desk, clock.now)
    assert [h.name for h in overdue] == ["周九"]
    assert overdue[0].overdue_days == 10 and overdue[0].interval_days == 30
    listed = support.households(desk, clock.now)
    assert [h.name for h in listed][0] == "周九"  # overdue ones first
    by_name = {h.name: h for h in listed}
    assert by_name["钱七"].visits == 1 and not by_name["钱七"].overdue
    assert by_name["孙八"].due_at == to_iso(clock.now + timedelta(days=50))
    clock.advance(days=15)  # 35 days after the visit to 钱七
    assert {h.name for h in support.overdue_households(desk, clock.now)} == {"周九", "钱七"}
    assert support.visit_log(desk, disabled) == []


def test_a_visit_can_take_in_a_matter_on_the_spot(desk, clock, cadre_id):
    pairing = support.pair(desk, "admin", person(desk, "钱七", "empty_nest"), cadre_id)
    visit = support.record_visit(
        desk,
        "clerk",
        support.VisitInput(
            pairing,
            note="老人反映屋顶漏雨",
            needs="修屋顶",
            matter=Intake(
                kind="claim",
                villager_id="",
                first_cadre_id="",
                description="屋顶漏雨，请求危房改造",
                authorisation={"scope": "危房改造申请", "signed_on_paper": True, "date": "2026-03-04"},
            ),
        ),
    )
    case = desk.db.one("SELECT * FROM cases WHERE id = ?", (visit.case.case_id,))
    assert case["channel"] == "home_visit" and case["first_cadre_id"] == cadre_id
    assert case["villager_id"] == desk.db.scalar("SELECT villager_id FROM pairings WHERE id = ?", (pairing,))
    log = support.visit_log(desk, pairing)
    assert log[0]["case_id"] == visit.case.case_id and log[0]["cadre_name"] == "仲维国"


def test_a_refused_matter_leaves_no_visit_behind(desk, cadre_id):
    pairing = support.pair(desk, "admin", person(desk, "钱七", "empty_nest"), cadre_id)
    events_before = desk.db.scalar("SELECT count(*) FROM events")
    with pytest.raises(ValidationError, match="事务代办必须选择具体事项"):
        support.record_visit(
            desk,
            "clerk",
            support.VisitInput(
                pairing,
                note="走访",
                matter=Intake(kind="errand", villager_id="", first_cadre_id="", description="代办"),
            ),
        )
    assert desk.db.scalar("SELECT count(*) FROM events") == events_before
    assert support.visit_log(desk, pairing) == []


def test_visits_cannot_be_in_the_future_or_without_a_note(desk, clock, cadre_id):
    pairing = support.pair(desk, "admin", person(desk, "钱七", "empty_nest"), cadre_id)
    with pytest.raises(ValidationError, match="不能晚于现在"):
        support.record_visit(
            desk, "clerk", support.VisitInput(pairing, note="走访", visited_at=to_iso(clock.now + timedelta(days=1)))
        )
    with pytest.raises(ValidationError, match="走访情况"):
        support.record_visit(desk, "clerk", support.VisitInput(pairing, note="  "))
    # A visit typed in afterwards keeps the day it happened.
    clock.advance(days=3)
    support.record_visit(desk, "clerk", support.VisitInput(pairing, note="上周走访", visited_at="2026-03-05 15:00"))
    assert support.visit_log(desk, pairing)[0]["visited_at"] == "2026-03-05T07:00:00Z"


def test_reassigned_and_ended_pairings(desk, clock, cadre_id):
    other = cadres.add(
        desk, "admin", cadres.CadreInput(name="季红梅", phone="13906271037", unit_code=desk.installation.unit_code)
    )
    elder = person(desk, "钱七", "empty_nest")
    pairing = support.pair(desk, "admin", elder, cadre_id)
    support.reassign(desk, "admin", pairing, other)
    assert support.households(desk, clock.now)[0].cadre_name == "季红梅"
    support.end_pairing(desk, "admin", pairing, "老人随子女迁居外地")
    assert support.households(desk, clock.now) == []
    with pytest.raises(RuleRefused, match="结对已经结束"):
        support.record_visit(desk, "clerk", support.VisitInput(pairing, note="走访"))
    support.pair(desk, "admin", elder, cadre_id)  # can be paired again
    assert run_check(desk).ok


def t(day: int) -> str:
    return to_iso(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=day))


@pytest.mark.parametrize(
    "visits, window, planned",
    [
        ([], (0, 30), True),  # due on day 30: never overdue inside the window
        ([], (0, 31), False),  # overdue from day 30
        ([25, 50], (0, 80), True),  # next due 55, 80
        ([25, 60], (0, 80), False),  # overdue days 55–60
        ([25, 60], (60, 80), True),  # that gap was before the window
        ([10], (100, 120), False),  # overdue since day 40, all through the window
    ],
)
def test_visited_as_planned_with_a_30_day_schedule(visits, window, planned):
    assert support.visited_as_planned(t(0), [t(v) for v in visits], 30, t(window[0]), t(window[1])) is planned


@given(st.lists(st.integers(0, 200), max_size=8), st.integers(0, 200), st.integers(0, 200))
def test_an_extra_visit_never_spoils_the_plan(visits, extra, window_start):
    stamps = [t(v) for v in visits]
    window = (t(window_start), t(window_start + 60))
    before = support.visited_as_planned(t(0), stamps, 30, *window)
    after = support.visited_as_planned(t(0), stamps + [t(extra)], 30, *window)
    assert after or not before
