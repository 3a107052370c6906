"""Assessment periods: half years, years and custom date ranges, in Beijing dates.

A period is a range of local (Beijing) calendar dates, both ends included, as
people say it ("2026年上半年" = 1 January to 30 June). Stored times are UTC, so
a period is turned into a half-open UTC range [start, end) once, here, and
every figure compares stored timestamps against that range as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

from haian_desk.core.errors import N_, ValidationError
from haian_desk.core.timeutil import CST, from_iso, local, to_iso

_HALF = re.compile(r"^(\d{4})H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$")
FORMS_HINT = N_("可写成 2026H1（上半年）、2026H2（下半年）、2026（全年）或 2026-01-01:2026-03-31")


@dataclass(frozen=True)
class Period:
    label: str
    first_day: date
    last_day: date

    @cached_property
    def start(self) -> str:
        """First instant of the period, as a stored (UTC) timestamp."""
        return to_iso(datetime.combine(self.first_day, time(), CST))

    @cached_property
    def end(self) -> str:
        """First instant after the period (exclusive), as a stored timestamp."""
        return to_iso(datetime.combine(self.last_day + timedelta(days=1), time(), CST))

    def contains(self, stamp: str | None) -> bool:
        return stamp is not None and self.start <= stamp < self.end

    @property
    def title(self) -> str:
        """How the period is written on a report: 2026年上半年, 2026年1月1日至3月31日."""
        half = _HALF.match(self.label)
        if half:
            return f"{half[1]}年{'上' if half[2] == '1' else '下'}半年"
        if _YEAR.match(self.label):
            return f"{self.label}年"
        return f"{_cn_date(self.first_day)}至{_cn_date(self.last_day)}"

    def year_earlier(self) -> Period:
        """The same dates one year before (29 February becomes 28 February)."""
        first, last = _year_before(self.first_day), _year_before(self.last_day)
        return Period(_relabel(self.label, first, last), first, last)

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every calendar month the period touches, in order."""
        out, year, month = [], self.first_day.year, self.first_day.month
        while (year, month) <= (self.last_day.year, self.last_day.month):
            out.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def parse_period(text: str) -> Period:
    """2026H1, 2026H2, 2026 or FROM:TO (YYYY-MM-DD, both days included)."""
    text = (text or "").strip().upper()
    if m := _HALF.match(text):
        year = int(m[1])
        if m[2] == "1":
            return Period(text, date(year, 1, 1), date(year, 6, 30))
        return Period(text, date(year, 7, 1), date(year, 12, 31))
    if m := _YEAR.match(text):
        year = int(m[1])
        return Period(text, date(year, 1, 1), date(year, 12, 31))
    if m := _RANGE.match(text):
        first, last = _day(m[1]), _day(m[2])
        if last < first:
            raise ValidationError(
                "考核期的结束日期 {value} 早于开始日期 {value2}",
                "请把开始日期写在前面",
                field="period",
                params={"value": m[2], "value2": m[1]},
            )
        return Period(text, first, last)
    raise ValidationError(
        "看不懂考核期“{text}”", "{FORMS_HINT}", field="period", params={"text": text, "FORMS_HINT": FORMS_HINT}
    )


def month_key(stamp: str) -> tuple[int, int]:
    """The Beijing calendar month a stored timestamp falls in."""
    moment = local(from_iso(stamp))
    return moment.year, moment.month


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            "日期“{text}”不存在", "{FORMS_HINT}", field="period", params={"text": text, "FORMS_HINT": FORMS_HINT}
        ) from None


def _year_before(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def _relabel(label: str, first: date, last: date) -> str:
    if m := _HALF.match(label):
        return f"{int(m[1]) - 1}H{m[2]}"
    if _YEAR.match(label):
        return str(int(label) - 1)
    return f"{first.isoformat()}:{last.isoformat()}"


def _cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
