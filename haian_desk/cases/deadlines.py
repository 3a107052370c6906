"""Deadlines: when a matter must be settled.

The Haian rule: general matters within 48 clock hours of acceptance; urgent
matters carry the deadline set at intake; a catalogue item whose statutory
limit is longer keeps that limit; 即办件 are settled on the spot and not timed;
time while the clock is paused does not count.

Working days skip Saturdays and Sundays. Public holidays and their make-up
working days are not modelled (see docs/operations.md): deadlines that span a
holiday come out earlier than the statutory ones, never later.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from haian_desk.timeutil import local

GENERAL_LIMIT = timedelta(hours=48)
DUE_SOON_WINDOW = timedelta(hours=24)


def add_working_days(start: datetime, days: int) -> datetime:
    moment = local(start)
    remaining = days
    while remaining > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            remaining -= 1
    return moment


def add_limit(start: datetime, limit: dict) -> datetime:
    amount, unit = int(limit["amount"]), limit["unit"]
    if unit == "hours":
        return start + timedelta(hours=amount)
    if unit == "days":
        return start + timedelta(days=amount)
    if unit == "working_days":
        return add_working_days(start, amount)
    raise ValueError(f"unknown time-limit unit {unit!r}")


def deadline_for(accepted_at: datetime, *, timing: str, time_limit: dict | None,
                 urgency: str, urgent_deadline: datetime | None) -> datetime | None:
    if urgency == "urgent" and urgent_deadline is not None:
        return urgent_deadline
    if timing == "即办":
        return None
    general = accepted_at + GENERAL_LIMIT
    if time_limit:
        return max(general, add_limit(accepted_at, time_limit))
    return general


def describe_limit(timing: str, time_limit: dict | None) -> str:
    """The promise as printed for a villager: 即办, 48小时, 25个工作日."""
    if timing == "即办":
        return "即办"
    if not time_limit:
        return "48小时"
    words = {"hours": "小时", "days": "天", "working_days": "个工作日"}
    return f"{time_limit['amount']}{words[time_limit['unit']]}"
