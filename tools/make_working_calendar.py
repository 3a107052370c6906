"""Write resources/working_calendar.json from the ``chinesecalendar`` package.

    python tools/make_working_calendar.py [resources/working_calendar.json]

The package carries the State Council general office's yearly schedules
(法定节假日 and 调休上班). The app never imports it at run time: start-up stays
light and the bundle stays small, so the schedules are copied into a resource
here, and tests/haian_desk/test_working_calendar_data.py checks the copy
against the package day by day. Run this again when a new package version
carries a newly published year.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "working_calendar.json"
FIRST_YEAR = 2004

# The package names festivals in English; the receipts and screens speak Chinese.
FESTIVALS = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def published_years() -> list[int]:
    years, year = [], FIRST_YEAR
    while True:
        try:
            chinese_calendar.is_workday(date(year, 1, 1))
        except NotImplementedError:  # the next year is not published yet: a normal state
            return years
        years.append(year)
        year += 1


def year_entries(year: int) -> dict[str, list[str]]:
    """The dates whose status differs from 'weekday works, weekend rests', and festival days."""
    entries: dict[str, list[str]] = {}
    day = date(year, 1, 1)
    while day.year == year:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        festival = FESTIVALS[name] if name else ""
        if on_holiday and festival:
            entries[day.isoformat()] = ["holiday", festival]
        elif not on_holiday and day.weekday() >= 5:
            entries[day.isoformat()] = ["workday", festival or "调休"]
        day += timedelta(days=1)
    return entries


def build() -> dict:
    return {
        "source": "国务院办公厅关于部分节假日安排的通知（据 chinesecalendar "
        f"{getattr(chinese_calendar, '__version__', '')} 生成）",
        "generated_by": "tools/make_working_calendar.py",
        "years": {str(y): year_entries(y) for y in published_years()},
    }


def render(data: dict) -> str:
    """JSON with one date a line, so a new year shows in a review as the lines it adds."""

    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    years = []
    for year, entries in sorted(data["years"].items()):
        lines = ",\n".join(f"   {dumps(day)}: {dumps(entry)}" for day, entry in sorted(entries.items()))
        years.append(f"  {dumps(year)}: {{\n{lines}\n  }}")
    return (
        f"{{\n {dumps('generated_by')}: {dumps(data['generated_by'])},\n"
        f" {dumps('source')}: {dumps(data['source'])},\n"
        f" {dumps('years')}: {{\n" + ",\n".join(years) + "\n }\n}\n"
    )


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else TARGET
    target.write_text(render(build()), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
