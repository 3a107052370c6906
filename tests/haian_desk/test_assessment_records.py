"""Assessment figures from paired support and complaints, against known answers."""

from __future__ import annotations

from datetime import datetime

import pytest

from haian_desk.assessment import build, parse_period
from haian_desk.cases.operations import Intake, take_in
from haian_desk.community import complaints, support
from haian_desk.core.timeutil import CST
from haian_desk.people import cadres, villagers


def bj(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d").replace(hour=10, tzinfo=CST)


@pytest.fixture
def world(desk, clock, cadre_id, villager_id):
    a = cadre_id
    b = cadres.add(
        desk, "admin", cadres.CadreInput(name="季红梅", phone="13906271037", unit_code=desk.installation.unit_code)
    )

    def household(name: str, tag: str, cadre: str, paired: str) -> str:
        clock.now = bj(paired)
        person = villagers.register(desk, "admin", villagers.VillagerInput(name=name, tags=(tag,)))
        return support.pair(desk, "admin", person, cadre)

    def visit(pairing: str, day: str) -> None:
        clock.now = bj(day)
        support.record_visit(desk, "clerk", support.VisitInput(pairing, note="走访"))

    # Monthly, visited every 25–28 days: as planned.
    h1 = household("钱七", "empty_nest", a, "2026-01-05")
    # Quarterly, visited on 1 March, then nothing: overdue from 30 May.
    h2 = household("孙八", "disabled", b, "2026-01-05")
    # Paired in December, visited 20 December, moved away on 10 January: as planned while paired.
    h3 = household("周九", "empty_nest", a, "2025-12-01")
    visit(h3, "2025-12-20")
    clock.now = bj("2026-01-10")
    support.end_pairing(desk, "admin", h3, "随子女迁居")
    for day in ("2026-02-01", "2026-03-01", "2026-03-28", "2026-04-25", "2026-05-20", "2026-06-15"):
        visit(h1, day)
    visit(h2, "2026-03-01")
    # Complaints: about A's case (upheld in March), about B (closed in July), one in July.
    clock.now = bj("2026-03-01")
    case = take_in(
        desk, "clerk", Intake(kind="opinion", villager_id=villager_id, first_cadre_id=a, description="反映路灯不亮")
    )
    clock.now = bj("2026-03-10")
    c1 = complaints.receive(
        desk, "clerk", complaints.ComplaintInput(channel="county_hotline", content="答应的事没办", case_no=case.case_no)
    )
    clock.now = bj("2026-03-20")
    complaints.close(desk, "admin", c1, "upheld", findings="属实", actions="已督促办结")
    clock.now = bj("2026-05-01")
    c2 = complaints.receive(
        desk, "clerk", complaints.ComplaintInput(channel="township_hotline", content="态度不好", cadre_id=b)
    )
    clock.now = bj("2026-07-05")
    complaints.close(desk, "admin", c2, "unfounded", findings="查无此事")
    household("吴十", "widowed", a, "2026-07-06")
    clock.now = bj("2026-07-10")
    complaints.receive(desk, "clerk", complaints.ComplaintInput(channel="letter", content="来信反映", cadre_id=a))
    clock.now = bj("2026-08-01")
    return {"a": a, "b": b}


def row(desk, period: str, level: str = "station", code: str | None = None) -> dict:
    rows = build(desk, parse_period(period)).rows[level]
    return next(r for r in rows if r["code"] == (code or desk.installation.unit_code))


def test_households_visited_as_planned_in_the_first_half(desk, world):
    station = row(desk, "2026H1")
    assert (station["households_paired"], station["households_visited"]) == (3, 2)
    assert station["visit_plan_rate"] == pytest.approx(2 / 3, abs=1e-4)
    a, b = row(desk, "2026H1", "cadre", world["a"]), row(desk, "2026H1", "cadre", world["b"])
    assert (a["households_paired"], a["households_visited"]) == (2, 2)
    assert (b["households_paired"], b["households_visited"], b["visit_plan_rate"]) == (1, 0, 0.0)


def test_a_running_period_judges_visits_up_to_now(desk, world, clock):
    # In H2 (judged on 1 August): 钱七 last visited 15 June, due 15 July: overdue.
    # 孙八 has been overdue since 30 May; 吴十 was paired on 6 July, due 5 August: fine.
    station = row(desk, "2026H2")
    assert (station["households_paired"], station["households_visited"]) == (3, 1)


def test_complaints_by_cadre_and_outcome(desk, world):
    h1 = row(desk, "2026H1")
    assert (h1["complaints"], h1["complaints_upheld"], h1["complaints_unfounded"], h1["complaints_open"]) == (
        2,
        1,
        0,
        1,
    )  # 孙八's cadre's complaint closed only in July
    year = row(desk, "2026")
    assert (year["complaints"], year["complaints_upheld"], year["complaints_unfounded"], year["complaints_open"]) == (
        3,
        1,
        1,
        1,
    )
    a, b = row(desk, "2026", "cadre", world["a"]), row(desk, "2026", "cadre", world["b"])
    assert (a["complaints"], a["complaints_upheld"], a["complaints_open"]) == (2, 1, 1)
    assert (b["complaints"], b["complaints_unfounded"]) == (1, 1)
    assert row(desk, "2026H1", "township", desk.installation.unit_code[:9])["complaints"] == 2


def test_a_visit_long_before_the_period_decides_nothing(desk, clock, cadre_id):
    clock.now = bj("2025-01-05")
    person = villagers.register(desk, "admin", villagers.VillagerInput(name="郑一", tags=("disabled",)))
    pairing = support.pair(desk, "admin", person, cadre_id)
    clock.now = bj("2025-03-01")
    support.record_visit(desk, "clerk", support.VisitInput(pairing, note="走访"))  # due again 30 May 2025
    clock.now = bj("2026-08-01")
    assert (row(desk, "2026H1")["households_paired"], row(desk, "2026H1")["households_visited"]) == (1, 0)
    clock.now = bj("2025-05-20")
    assert row(desk, "2025-03-01:2025-05-25")["households_visited"] == 1
