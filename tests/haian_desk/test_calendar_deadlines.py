"""Deadlines on the working calendar: every 2026 festival boundary, both kinds of limit,
the county's 48-hour rule, pauses, urgent matters, and the queue and assessment agreeing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from haian_desk.assessment import build, parse_period
from haian_desk.calendar import operations as working_calendar
from haian_desk.calendar.store import in_force
from haian_desk.cases import deadlines, operations, queries
from haian_desk.core.timeutil import CST, from_iso, to_iso


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def shown(moment: datetime) -> str:
    return moment.astimezone(CST).strftime("%Y-%m-%d %H:%M")


# start (Beijing time), 1 working day later, 48 hours counted on working days
BOUNDARIES = [
    # 元旦: 01-01..03 off, Sunday 01-04 worked
    ("2025-12-31 10:00", "2026-01-04 10:00", "2026-01-05 10:00"),
    ("2026-01-04 10:00", "2026-01-05 10:00", "2026-01-06 10:00"),
    # 春节: Saturday 02-14 worked, 02-15..23 off, Saturday 02-28 worked
    ("2026-02-13 10:00", "2026-02-14 10:00", "2026-02-24 10:00"),
    ("2026-02-14 10:00", "2026-02-24 10:00", "2026-02-25 10:00"),
    ("2026-02-27 10:00", "2026-02-28 10:00", "2026-03-02 10:00"),
    # 清明: 04-04..06 off (Saturday to Monday)
    ("2026-04-03 10:00", "2026-04-07 10:00", "2026-04-08 10:00"),
    ("2026-04-03 16:00", "2026-04-07 16:00", "2026-04-08 16:00"),  # the Friday 16:00 example
    # 劳动节: 05-01..05 off, Saturday 05-09 worked
    ("2026-04-30 10:00", "2026-05-06 10:00", "2026-05-07 10:00"),
    ("2026-05-08 10:00", "2026-05-09 10:00", "2026-05-11 10:00"),
    # 端午: 06-19..21 off (Friday to Sunday)
    ("2026-06-18 10:00", "2026-06-22 10:00", "2026-06-23 10:00"),
    # 中秋 + 国庆: Sunday 09-20 worked, 09-25..27 off, 10-01..07 off, Saturday 10-10 worked
    ("2026-09-18 10:00", "2026-09-20 10:00", "2026-09-21 10:00"),
    ("2026-09-24 10:00", "2026-09-28 10:00", "2026-09-29 10:00"),
    ("2026-09-30 10:00", "2026-10-08 10:00", "2026-10-09 10:00"),
    ("2026-10-09 10:00", "2026-10-10 10:00", "2026-10-12 10:00"),
]


@pytest.mark.parametrize("start, one_working_day, general", BOUNDARIES)
def test_festival_boundaries_2026(desk, start, one_working_day, general):
    with desk.db.read() as conn:
        calendar = in_force(conn)
    assert shown(deadlines.add_working_days(at(start), 1, calendar)) == one_working_day
    assert shown(deadlines.general_due(at(start), calendar, deadlines.WORKING_HOURS)) == general
    # Counted on the clock (the county's other choice), 48 hours are 48 hours.
    assert deadlines.general_due(at(start), calendar, deadlines.CLOCK_HOURS) == at(start) + timedelta(hours=48)


def test_five_working_days_across_national_day(desk):
    with desk.db.read() as conn:
        calendar = in_force(conn)
    # 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, worked), 10-12 (Mon), 10-13 (Tue)
    assert shown(deadlines.add_working_days(at("2026-09-30 10:00"), 5, calendar)) == "2026-10-13 10:00"


def take_general(desk, new_case, clock, when: str):
    clock.now = at(when)
    return new_case()


def test_intake_before_national_day_is_due_after_it_and_not_overdue_during_it(desk, new_case, clock):
    case = take_general(desk, new_case, clock, "2026-09-30 16:00")
    row = queries.get_case(desk, case.case_id)
    assert shown(from_iso(row.deadline)) == "2026-10-09 16:00"
    assert row.calendar_basis == {"general": "working_hours", "fallback_years": []}
    for day in range(1, 8):  # the whole holiday: nothing red
        assert queries.deadline_counts(desk, at(f"2026-10-0{day} 12:00"))["overdue"] == 0
    assert queries.deadline_counts(desk, at("2026-10-09 12:00")) == {"overdue": 0, "due_soon": 1}
    assert queries.deadline_counts(desk, at("2026-10-09 16:01"))["overdue"] == 1


def test_errand_in_working_days_counts_the_holidays(desk, new_case, clock):
    clock.now = at("2026-09-30 10:00")
    case = new_case(kind="errand", catalogue_code="MZ-001")  # 25 working days
    with desk.db.read() as conn:
        expected = deadlines.add_working_days(at("2026-09-30 10:00"), 25, in_force(conn))
    assert from_iso(queries.get_case(desk, case.case_id).deadline) == expected
    # 10-08, 09, 10 (Saturday, worked), 12 … : the 25th working day is Tuesday 11-10.
    assert shown(expected) == "2026-11-10 10:00"


def test_clock_rule_set_by_the_county_counts_clock_hours(desk, new_case, clock):
    working_calendar.set_general_rule(desk, "admin", "clock_hours")
    case = take_general(desk, new_case, clock, "2026-09-30 16:00")
    assert shown(from_iso(queries.get_case(desk, case.case_id).deadline)) == "2026-10-02 16:00"


def test_the_rule_in_force_at_acceptance_stays(desk, new_case, clock):
    case = take_general(desk, new_case, clock, "2026-09-30 16:00")
    working_calendar.set_general_rule(desk, "admin", "clock_hours")
    assert shown(from_iso(queries.get_case(desk, case.case_id).deadline)) == "2026-10-09 16:00"


def test_pause_extends_the_calendar_deadline_by_the_paused_time(desk, new_case, clock):
    case = take_general(desk, new_case, clock, "2026-09-30 10:00")
    clock.now = at("2026-10-08 09:00")
    operations.act(desk, "clerk", case.case_id, "paused", reason="等待鉴定")
    clock.now = at("2026-10-08 15:00")
    operations.act(desk, "clerk", case.case_id, "resumed")
    assert shown(from_iso(queries.get_case(desk, case.case_id).deadline)) == "2026-10-09 16:00"


def test_urgent_matters_keep_the_deadline_set_at_intake(desk, new_case, clock):
    clock.now = at("2026-09-30 16:00")
    due = at("2026-10-01 12:00")  # on National Day: urgent is urgent
    case = new_case(urgency="urgent", urgent_deadline=to_iso(due))
    assert from_iso(queries.get_case(desk, case.case_id).deadline) == due


def test_reopening_counts_again_on_the_calendar(desk, new_case, clock):
    case = take_general(desk, new_case, clock, "2026-09-21 10:00")
    clock.now = at("2026-09-22 10:00")
    operations.act(desk, "clerk", case.case_id, "completed", result="granted")
    clock.now = at("2026-09-30 10:00")
    operations.act(desk, "clerk", case.case_id, "reopened", reason="金额有误")
    assert shown(from_iso(queries.get_case(desk, case.case_id).deadline)) == "2026-10-09 10:00"


def test_assessment_counts_on_time_against_the_calendar(desk, new_case, clock):
    case = take_general(desk, new_case, clock, "2026-09-30 16:00")
    clock.now = at("2026-10-08 11:00")  # 40 clock hours after the old promise, on time on the calendar
    operations.act(desk, "clerk", case.case_id, "completed", result="granted")
    station = build(desk, parse_period("2026H2"), now=at("2026-12-01 00:00")).rows["station"][0]
    assert station["on_time"] == 1 and station["on_time_rate"] == 1.0


def test_days_past_a_known_year_fall_back_to_weekends_and_say_so(desk, new_case, clock):
    clock.now = at("2026-12-30 10:00")
    case = new_case(kind="errand", catalogue_code="MZ-001")
    row = queries.get_case(desk, case.case_id)
    assert row.calendar_basis["fallback_years"] == [2027]
    answer = working_calendar.due(desk, at("2026-12-30 10:00"), "5wd")
    assert answer.fallback_years == [2027]
    assert "2027年工作日历尚未公布" in answer.lines()[1]
