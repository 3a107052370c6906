"""A working calendar as data: for each date, working or not, and why.

A year is *known* when its official schedule (or a publication from above)
is here; a date in a year that is not known is decided by weekends alone, and
every count that touches such a year says so (``fallback_years``), so the
receipt and the screens can say so too and the deadline can be recomputed
when the year arrives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from haian_desk.core.timeutil import CST, local

HOLIDAY, WORKDAY, CLOSED = "holiday", "workday", "closed"
KINDS = {HOLIDAY: "法定节假日", WORKDAY: "调休上班", CLOSED: "停止办公"}
FIRST_YEAR, LAST_YEAR = 2000, 2100
# A limit never runs this far: a bound that stops a bad calendar looping for ever.
_MAX_DAYS = 3660


@dataclass(frozen=True)
class Day:
    day: date
    working: bool
    reason: str  # 工作日, 周末, 法定节假日（国庆节）, 调休上班（国庆节）, 停止办公（台风）
    known: bool  # False: the year's schedule is not here, weekends only


@dataclass
class WorkingCalendar:
    """Known years (year → where the schedule came from) and the special dates."""

    years: dict[int, str] = field(default_factory=dict)
    entries: dict[date, tuple[str, str]] = field(default_factory=dict)

    def known(self, year: int) -> bool:
        return year in self.years

    def day(self, day: date) -> Day:
        known = self.known(day.year)
        entry = self.entries.get(day)
        if entry is not None:
            kind, name = entry
            return Day(day, kind == WORKDAY, f"{KINDS[kind]}（{name}）" if name else KINDS[kind], known)
        if day.weekday() >= 5:
            return Day(day, False, "周末", known)
        return Day(day, True, "工作日", known)

    def is_working(self, day: date) -> bool:
        # ``day(...).working`` without building the Day and its reason: a deadline asks this
        # for every date it passes, and a hub folds hundreds of deadlines a batch.
        entry = self.entries.get(day)
        return entry[0] == WORKDAY if entry is not None else day.weekday() < 5

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The same clock time on the ``days``-th working day after ``start``'s date."""
        moment = local(start)
        remaining = days
        for _ in range(_MAX_DAYS):
            if remaining <= 0:
                return moment
            moment += timedelta(days=1)
            if self.is_working(moment.date()):
                remaining -= 1
        raise ValueError("工作日历中找不到足够的工作日")

    def add_working_hours(self, start: datetime, hours: int) -> datetime:
        """``hours`` counted only on working days (each a full 24 hours), from ``start``.

        Accepted at 16:00 on the Friday before a three-day holiday, 48 hours
        are 8 on Friday, 24 on the first working day after, and 16 on the
        second: due at 16:00 on the second working day after the holiday.
        """
        moment = local(start)
        remaining = timedelta(hours=hours)
        for _ in range(_MAX_DAYS):
            midnight = datetime.combine(moment.date() + timedelta(days=1), datetime.min.time(), CST)
            if self.is_working(moment.date()):
                if moment + remaining <= midnight:
                    return moment + remaining
                remaining -= midnight - moment
            moment = midnight
        raise ValueError("工作日历中找不到足够的工作日")

    def fallback_years(self, start: datetime, end: datetime) -> list[int]:
        """Years the span touches whose schedule is not here (counted on weekends only)."""
        first, last = local(start).year, local(end).year
        return [y for y in range(first, last + 1) if not self.known(y)]


def weekends_only() -> WorkingCalendar:
    """No schedule at all: Saturdays and Sundays rest, every other day works."""
    return WorkingCalendar()
