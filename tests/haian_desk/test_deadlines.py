"""Deadlines: 48 clock hours, urgent, longer statutory limits, 即办, paused time; due soon and overdue."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from haian_desk.calendar import operations as working_calendar
from haian_desk.cases import catalogue, operations, queries
from haian_desk.cases.deadlines import add_working_days, describe_limit
from haian_desk.core.errors import ValidationError
from haian_desk.core.timeutil import CST, UTC, from_iso, to_iso


def deadline_of(desk, case):
    value = queries.get_case(desk, case.case_id).deadline
    return from_iso(value) if value else None


def test_general_matter_is_due_48_clock_hours_after_acceptance(desk, new_case, clock):
    case = new_case()
    assert deadline_of(desk, case) == clock() + timedelta(hours=48)


def test_acceptance_not_registration_starts_the_clock(desk, new_case, clock):
    case = new_case(accept=False)
    assert deadline_of(desk, case) is None
    clock.advance(hours=3)
    operations.act(desk, "clerk", case.case_id, "accepted")
    assert deadline_of(desk, case) == clock() + timedelta(hours=48)


def test_urgent_matter_uses_the_deadline_set_at_intake(desk, new_case, clock):
    due = clock() + timedelta(hours=6)
    case = new_case(urgency="urgent", urgent_deadline=to_iso(due), accept=False)
    assert case.status == "in_progress"  # urgent matters are accepted at once
    assert deadline_of(desk, case) == due


def test_urgent_matter_without_a_future_deadline_is_refused(desk, new_case, clock):
    with pytest.raises(ValidationError):
        new_case(urgency="urgent")
    with pytest.raises(ValidationError):
        new_case(urgency="urgent", urgent_deadline=to_iso(clock() - timedelta(hours=1)))


def test_longer_statutory_limit_in_working_days(desk, new_case, clock):
    # 最低生活保障: 25 working days; from Wednesday 4 March 2026 that skips five weekends
    # and Monday 6 April (清明节, 2026-04-04..06). Before the working calendar this test
    # expected 2026-04-08: the weekend-only count, one day short of the statutory limit.
    case = new_case(kind="errand", catalogue_code="MZ-001")
    limit = queries.get_case(desk, case.case_id).time_limit
    assert limit == {"amount": 25, "unit": "working_days"}
    assert deadline_of(desk, case).astimezone(CST).date().isoformat() == "2026-04-09"
    assert add_working_days(clock(), 25).date().isoformat() == "2026-04-08"  # weekends only


def test_on_the_spot_matters_are_not_timed(desk, new_case):
    code = desk.db.scalar("SELECT code FROM catalogue_items WHERE mode = '即办' AND proxy_allowed = 1")
    case = new_case(kind="errand", catalogue_code=code)
    assert deadline_of(desk, case) is None


def test_paused_time_does_not_count(desk, new_case, clock):
    case = new_case()
    first = deadline_of(desk, case)
    clock.advance(hours=10)
    operations.act(desk, "clerk", case.case_id, "paused", reason="等待伤残鉴定")
    clock.advance(days=4)
    assert queries.count(desk, queries.CaseFilter(overdue=True), clock()) == 0  # paused: never overdue
    operations.act(desk, "clerk", case.case_id, "resumed")
    assert deadline_of(desk, case) == first + timedelta(days=4)
    row = queries.get_case(desk, case.case_id)
    assert row.status == "in_progress" and row.paused_seconds == 4 * 86400


def test_pause_needs_a_reason(desk, new_case):
    case = new_case()
    with pytest.raises(ValidationError):
        operations.act(desk, "clerk", case.case_id, "paused", reason=" ")


def test_catalogue_edit_never_moves_an_existing_deadline(desk, new_case):
    case = new_case(kind="errand", catalogue_code="MZ-001")
    before = deadline_of(desk, case)
    item = catalogue.get(desk, "MZ-001")
    catalogue.edit(
        desk,
        "admin",
        catalogue.Item(
            code="MZ-001",
            name=item["name"],
            level=item["level"],
            mode="承诺",
            time_limit={"amount": 60, "unit": "days"},
        ),
    )
    assert deadline_of(desk, case) == before


def test_due_soon_and_overdue_queries(desk, new_case, clock):
    # Counted on the clock (the county may choose it): with the default, working hours, the
    # Thursday matter below would be due on Monday (tests/haian_desk/test_calendar_deadlines.py).
    working_calendar.set_general_rule(desk, "admin", "clock_hours")
    start = clock()
    old = new_case()  # due at start + 48h
    clock.advance(hours=30)
    fresh = new_case()  # due at start + 78h
    done = new_case()
    operations.act(desk, "clerk", done.case_id, "completed", result="granted")
    now = start + timedelta(hours=40)  # old has 8h left, fresh 38h
    counts = queries.deadline_counts(desk, now)
    assert counts == {"overdue": 0, "due_soon": 1}
    due_soon = queries.page(desk, queries.CaseFilter(due_soon=True), now)
    assert [r.case_no for r in due_soon] == [old.case_no]
    later = start + timedelta(hours=60)
    overdue = queries.page(desk, queries.CaseFilter(overdue=True), later)
    assert [r.case_no for r in overdue] == [old.case_no]
    assert queries.deadline_counts(desk, later) == {"overdue": 1, "due_soon": 1}
    assert fresh.case_no not in [r.case_no for r in overdue]


def test_completed_matters_are_never_overdue(desk, new_case, clock):
    case = new_case()
    clock.advance(hours=50)
    operations.act(desk, "clerk", case.case_id, "completed", result="granted")
    assert queries.deadline_counts(desk, clock() + timedelta(days=9))["overdue"] == 0


@pytest.mark.parametrize(
    "timing, limit, text",
    [("即办", None, "即办"), ("承诺", None, "48小时"), ("承诺", {"amount": 25, "unit": "working_days"}, "25个工作日")],
)
def test_promise_as_printed(timing, limit, text):
    assert describe_limit(timing, limit) == text


def test_working_days_skip_weekends():
    friday = datetime(2026, 3, 6, 2, 0, tzinfo=UTC)
    assert add_working_days(friday, 1).date().isoformat() == "2026-03-09"
