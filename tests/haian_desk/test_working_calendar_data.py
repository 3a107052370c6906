"""The shipped working calendar against the ``chinesecalendar`` package and the official notices."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import chinese_calendar
import pytest

from haian_desk.calendar import shipped
from haian_desk.calendar.store import in_force
from tools import make_working_calendar


def every_day(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


def test_every_published_year_is_shipped_and_the_next_is_not():
    years = shipped.years()
    assert years == make_working_calendar.published_years()
    assert set(range(2020, 2027)) <= set(years)
    with pytest.raises(NotImplementedError):  # 2027: not published yet, a normal state
        chinese_calendar.is_workday(date(2027, 1, 4))
    assert 2027 not in years


def test_every_shipped_day_agrees_with_the_package(desk):
    with desk.db.read() as conn:
        calendar = in_force(conn)
    for year in shipped.years():
        for day in every_day(year):
            assert calendar.is_working(day) == chinese_calendar.is_workday(day), day


def test_the_resource_is_what_the_tool_makes_today():
    made = make_working_calendar.build()
    assert made["years"] == shipped.data()["years"]
    assert json.loads(make_working_calendar.render(made)) == made


def ranges(*spans: tuple[str, str]) -> set[date]:
    out = set()
    for first, last in spans:
        day, end = date.fromisoformat(first), date.fromisoformat(last)
        while day <= end:
            out.add(day)
            day += timedelta(days=1)
    return out


# 国务院办公厅关于2025年、2026年部分节假日安排的通知: days off, and weekend days worked.
OFFICIAL = {
    2025: (
        ranges(
            ("2025-01-01", "2025-01-01"),
            ("2025-01-28", "2025-02-04"),
            ("2025-04-04", "2025-04-06"),
            ("2025-05-01", "2025-05-05"),
            ("2025-05-31", "2025-06-02"),
            ("2025-10-01", "2025-10-08"),
        ),
        {date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11)},
    ),
    2026: (
        ranges(
            ("2026-01-01", "2026-01-03"),
            ("2026-02-15", "2026-02-23"),
            ("2026-04-04", "2026-04-06"),
            ("2026-05-01", "2026-05-05"),
            ("2026-06-19", "2026-06-21"),
            ("2026-09-25", "2026-09-27"),
            ("2026-10-01", "2026-10-07"),
        ),
        {
            date(2026, 1, 4),
            date(2026, 2, 14),
            date(2026, 2, 28),
            date(2026, 5, 9),
            date(2026, 9, 20),
            date(2026, 10, 10),
        },
    ),
}


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_official_schedule(desk, year):
    off, worked = OFFICIAL[year]
    with desk.db.read() as conn:
        calendar = in_force(conn)
    for day in every_day(year):
        expected = day in worked or (day.weekday() < 5 and day not in off)
        assert calendar.is_working(day) == expected, day
    for day in off:
        assert calendar.day(day).reason.startswith("法定节假日（"), day
    for day in worked:
        assert calendar.day(day).reason.startswith("调休上班（"), day


def test_reasons_name_the_festival(desk):
    with desk.db.read() as conn:
        calendar = in_force(conn)
    assert calendar.day(date(2026, 10, 3)).reason == "法定节假日（国庆节）"
    assert calendar.day(date(2026, 9, 25)).reason == "法定节假日（中秋节）"
    assert calendar.day(date(2026, 2, 14)).reason == "调休上班（春节）"
    assert calendar.day(date(2026, 3, 7)).reason == "周末"
    assert calendar.day(date(2026, 3, 9)).reason == "工作日"
    assert not calendar.day(date(2027, 1, 1)).known


def test_start_up_does_not_import_the_package():
    code = (
        "import sys, haian_desk.cli.main, haian_desk.desk, haian_desk.calendar.store, haian_desk.cases.operations;"
        "from haian_desk.calendar import shipped; shipped.data();"
        "sys.exit(1 if 'chinese_calendar' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
