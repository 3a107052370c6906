"""The calendar's counting, over many starts and limits (hypothesis), on the shipped schedules,
a year with no schedule, and local closures."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings, strategies as st

from haian_desk.calendar import shipped
from haian_desk.calendar.model import CLOSED, WorkingCalendar
from haian_desk.core.timeutil import CST


def official() -> WorkingCalendar:
    calendar = WorkingCalendar()
    for year in shipped.years():
        calendar.years[year] = "shipped"
        calendar.entries.update(shipped.entries(year))
    return calendar


CALENDAR = official()
starts = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2027, 12, 1)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=CST)
)


def working_days_between(calendar, first: date, last: date) -> int:
    """Working days after ``first`` up to and including ``last``."""
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        count += calendar.is_working(day)
    return count


def working_time_between(calendar, start: datetime, end: datetime) -> timedelta:
    total, moment = timedelta(0), start
    while moment < end:
        midnight = datetime.combine(moment.date() + timedelta(days=1), datetime.min.time(), CST)
        step = min(midnight, end) - moment
        if calendar.is_working(moment.date()):
            total += step
        moment += step
    return total


@settings(max_examples=300, deadline=None)
@given(start=starts, days=st.integers(min_value=1, max_value=40))
def test_n_working_days_land_on_the_nth_working_day_at_the_same_time(start, days):
    due = CALENDAR.add_working_days(start, days)
    assert due.time() == start.time()
    assert CALENDAR.is_working(due.date())
    assert working_days_between(CALENDAR, start.date(), due.date()) == days


@settings(max_examples=200, deadline=None)
@given(start=starts, hours=st.integers(min_value=1, max_value=120))
def test_hours_on_working_days_are_exactly_that_many_working_hours(start, hours):
    due = CALENDAR.add_working_hours(start, hours)
    assert working_time_between(CALENDAR, start, due) == timedelta(hours=hours)
    assert due - start >= timedelta(hours=hours)
    assert CALENDAR.is_working((due - timedelta(minutes=1)).date())  # it never ends on a rest day


def test_a_year_not_known_counts_weekends_and_says_so():
    start = datetime(2027, 9, 30, 10, 0, tzinfo=CST)
    assert CALENDAR.add_working_days(start, 1).date() == date(2027, 10, 1)  # not known: a Friday works
    assert CALENDAR.fallback_years(start, start + timedelta(days=3)) == [2027]
    assert CALENDAR.fallback_years(datetime(2026, 12, 30, tzinfo=CST), datetime(2027, 1, 4, tzinfo=CST)) == [2027]


def test_a_closure_is_not_a_working_day():
    calendar = official()
    calendar.entries[date(2026, 9, 14)] = (CLOSED, "台风")
    start = datetime(2026, 9, 11, 16, 0, tzinfo=CST)  # a Friday
    assert calendar.add_working_days(start, 1).date() == date(2026, 9, 15)
    assert calendar.add_working_hours(start, 48) == datetime(2026, 9, 16, 16, 0, tzinfo=CST)
    assert calendar.day(date(2026, 9, 14)).reason == "停止办公（台风）"


def test_accepted_on_a_rest_day_starts_counting_at_the_next_working_day():
    start = datetime(2026, 10, 3, 10, 0, tzinfo=CST)  # 国庆节
    assert CALENDAR.add_working_hours(start, 48) == datetime(2026, 10, 10, 0, 0, tzinfo=CST)


def test_is_working_says_what_the_day_says():
    """The quick answer a deadline asks for every date agrees with the full Day, closures included."""
    calendar = official()
    calendar.entries[date(2025, 7, 24)] = (CLOSED, "台风")
    day = date(2003, 1, 1)  # a year with no schedule, then the shipped ones
    while day < date(2028, 1, 1):
        assert calendar.is_working(day) == calendar.day(day).working, day
        day += timedelta(days=1)
