"""Deadlines: when a matter must be settled (the rules: docs/calendar.md).

- A general matter is due 48 hours after acceptance. Whether those hours run
  on the clock or only on working days is a county-level setting
  (``GENERAL_RULES``; default: working days).
- A catalogue item whose statutory limit is longer keeps that limit; a limit
  in working days counts working days on the calendar in force at
  acceptance (法定节假日 rest, 调休上班 days work; a year whose schedule is not
  here yet counts weekends only and says so).
- Urgent matters carry the deadline set at intake; 即办件 are not timed.
- Time while the clock is paused (暂停计时) is added on when it resumes.

The deadline is worked out once, when the clock starts, and written into the
event (``clock_start``), so every installation folds the same deadline
whatever calendar it holds; a later calendar changes it only through a
recorded recomputation (haian_desk.calendar.operations).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from haian_desk.calendar.model import WorkingCalendar, weekends_only
from haian_desk.core.timeutil import from_iso, local, to_iso

if TYPE_CHECKING:
    from haian_desk.cases.records import Case

GENERAL_HOURS = 48
GENERAL_LIMIT = timedelta(hours=GENERAL_HOURS)
DUE_SOON_WINDOW = timedelta(hours=24)
WORKING_HOURS, CLOCK_HOURS = "working_hours", "clock_hours"
GENERAL_RULES = {WORKING_HOURS: "48小时只计工作日（节假日、周末不计）", CLOCK_HOURS: "48小时按自然时间连续计算"}
DEFAULT_GENERAL_RULE = WORKING_HOURS


def add_working_days(start: datetime, days: int, calendar: WorkingCalendar | None = None) -> datetime:
    return (calendar or weekends_only()).add_working_days(start, days)


def add_limit(start: datetime, limit: dict, calendar: WorkingCalendar | None = None) -> datetime:
    amount, unit = int(limit["amount"]), limit["unit"]
    if unit == "hours":
        return start + timedelta(hours=amount)
    if unit == "days":
        return start + timedelta(days=amount)
    if unit == "working_days":
        return add_working_days(start, amount, calendar)
    raise ValueError(f"unknown time-limit unit {unit!r}")


def general_due(start: datetime, calendar: WorkingCalendar | None, rule: str) -> datetime:
    if rule == WORKING_HOURS:
        return (calendar or weekends_only()).add_working_hours(start, GENERAL_HOURS)
    return start + GENERAL_LIMIT


def deadline_for(
    accepted_at: datetime,
    *,
    timing: str,
    time_limit: dict | None,
    urgency: str,
    urgent_deadline: datetime | None,
    calendar: WorkingCalendar | None = None,
    general_rule: str = CLOCK_HOURS,
) -> datetime | None:
    """The deadline; with no calendar and the clock rule, as events recorded before calendars did."""
    if urgency == "urgent" and urgent_deadline is not None:
        return urgent_deadline
    if timing == "即办":
        return None
    general = general_due(accepted_at, calendar, general_rule)
    if time_limit:
        return max(general, add_limit(accepted_at, time_limit, calendar))
    return general


def clock_start(case: dict, at: datetime, calendar: WorkingCalendar, general_rule: str) -> dict:
    """What an acceptance (or reopening) event carries: the deadline and what it was counted on."""
    urgent = case.get("urgent_deadline")
    due = deadline_for(
        at,
        timing=case["timing"],
        time_limit=case.get("time_limit"),
        urgency=case["urgency"],
        urgent_deadline=_moment(urgent),
        calendar=calendar,
        general_rule=general_rule,
    )
    counted = due is not None and not (case["urgency"] == "urgent" and urgent)
    basis = {"general": general_rule, "fallback_years": calendar.fallback_years(at, due) if counted and due else []}
    return {"deadline": to_iso(due) if due else None, "calendar": basis}


def _moment(text: str | None) -> datetime | None:
    return from_iso(text) if text else None


def describe_limit(timing: str, time_limit: dict | None) -> str:
    """The promise as printed for a villager: 即办, 48小时, 25个工作日."""
    if timing == "即办":
        return "即办"
    if not time_limit:
        return "48小时"
    words = {"hours": "小时", "days": "天", "working_days": "个工作日"}
    return f"{time_limit['amount']}{words[time_limit['unit']]}"


def describe_case_limit(case: Case) -> str:
    """The limit as counted for this case: 48小时（只计工作日）, 25个工作日."""
    text = describe_limit(case.timing, case.time_limit)
    basis = case.calendar_basis or {}
    if text == "48小时" and basis.get("general") == WORKING_HOURS:
        text += "（只计工作日）"
    return text


def describe_counting(case: Case) -> str:
    """For screens: the limit, and any year it was counted on weekends only for want of a calendar."""
    years = (case.calendar_basis or {}).get("fallback_years") or []
    text = describe_case_limit(case)
    if years:
        text += "；" + "、".join(f"{y}年" for y in years) + "放假安排尚未公布，暂只按周末计算，公布后自动重算"
    return text


def describe_due(deadline: datetime) -> str:
    """The due moment in plain words: 2026年10月9日（星期五）10:00前."""
    moment = local(deadline)
    weekday = "一二三四五六日"[moment.weekday()]
    return f"{moment.year}年{moment.month}月{moment.day}日（星期{weekday}）{moment:%H:%M}前"
