"""The calendar that travels down the sync tree, and the calendar in force here.

Two reference streams, like the catalogue's:

- ``calendar``: one stream per (year, publishing installation), id
  ``"2027/<installation id>"``. ``published`` carries a whole year's
  schedule (every 法定节假日 and 调休上班 date) and replaces what was known of
  that year; ``adjusted`` carries local changes (停止办公 for a typhoon, a
  moved working day) laid over it.
- ``calendar_rule``: the county's choice for the 48-hour rule, one stream per
  publishing installation.

What is in force here is the shipped schedules, then the publications of
this installation and of those above it (never of those below: a township's
typhoon closure does not close its neighbours, nor the county), in the order
they were made.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from haian_desk.calendar import shipped
from haian_desk.calendar.model import FIRST_YEAR, KINDS, LAST_YEAR, WorkingCalendar
from haian_desk.cases.deadlines import DEFAULT_GENERAL_RULE, GENERAL_RULES
from haian_desk.core.errors import RuleRefused, ValidationError
from haian_desk.events.columns import decoded, decoded_value
from haian_desk.storage.eventlog import Event

STREAMS = ("calendar", "calendar_rule")
YEAR_JSON_COLUMNS = ("days", "adjustments")
RULE_JSON_COLUMNS: tuple[str, ...] = ()

# Origins that reached this installation from below (sync_origins via a child).
_FROM_BELOW = """SELECT o.origin FROM sync_origins o JOIN sync_peers p ON p.id = o.via
                 WHERE p.relation = 'child'"""


def stream_id(year: int, origin: str) -> str:
    return f"{year}/{origin}"


# -- folding the streams -------------------------------------------------------------


def apply_year(state: dict | None, event: Event) -> dict:
    p = event.payload
    year = check_year(p.get("year"))
    if event.stream_id != stream_id(year, event.origin):
        raise ValidationError("工作日历记录的编号与年份、发布单位不符")
    days = check_days(p.get("days"), year)
    new = dict(state) if state else _new_year(event, year)
    if event.type == "published":
        new.update(days=days, source=_text(p, "source"), publisher=_text(p, "publisher"), published_at=event.wall_time)
    elif event.type == "adjusted":
        new["adjustments"] = dict(sorted({**new["adjustments"], **days}.items()))
    else:
        raise ValidationError("未知的工作日历事件：{type}", params={"type": event.type})
    return new


def _new_year(event: Event, year: int) -> dict:
    p = event.payload
    return {
        "id": event.stream_id,
        "year": year,
        "origin": event.origin,
        "publisher": _text(p, "publisher"),
        "source": _text(p, "source"),
        "days": None,
        "adjustments": {},
        "published_at": None,
        "created_at": event.wall_time,
    }


def apply_rule(state: dict | None, event: Event) -> dict:
    if event.type != "set":
        raise ValidationError("未知的时限规则事件：{type}", params={"type": event.type})
    if event.stream_id != event.origin:
        raise ValidationError("时限规则记录的编号与发布单位不符")
    rule = event.payload.get("general_rule")
    if rule not in GENERAL_RULES:
        raise ValidationError("一般事项48小时的计算方式应为：" + "；".join(GENERAL_RULES.values()))
    new = dict(state) if state else {"id": event.stream_id, "created_at": event.wall_time}
    new.update(general_rule=rule, publisher=_text(event.payload, "publisher"))
    return new


def _text(payload: dict, key: str) -> str:
    return str(payload.get(key) or "").strip()


def check_year(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValidationError(
            "年份“{value}”超出范围，应在{FIRST_YEAR}年到{LAST_YEAR}年之间",
            "请检查年份",
            params={"value": value, "FIRST_YEAR": FIRST_YEAR, "LAST_YEAR": LAST_YEAR},
        )
    return value


def check_days(days, year: int) -> dict[str, list[str]]:
    """Dates of one year → [kind, name]; anything else is refused in words."""
    if not isinstance(days, dict):
        raise ValidationError("工作日历的日期清单格式不正确")
    clean = {}
    for text, entry in days.items():
        try:
            day = date.fromisoformat(text)
        except (TypeError, ValueError):
            raise ValidationError("日期“{text}”看不懂", "日期请写成 2027-01-01 这样", params={"text": text}) from None
        if day.year != year:
            raise ValidationError(
                "日期 {text} 不在 {year} 年内", "一份日历只写一年的日期", params={"text": text, "year": year}
            )
        if not isinstance(entry, (list, tuple)) or len(entry) != 2 or entry[0] not in KINDS:
            raise ValidationError(f"{text} 的类别不正确，应为：" + "、".join(KINDS.values()))
        clean[day.isoformat()] = [entry[0], str(entry[1] or "").strip()]
    return dict(sorted(clean.items()))  # one order, however the payload listed them


# -- what is in force here -------------------------------------------------------------


@dataclass(frozen=True)
class YearSource:
    year: int
    source: str  # where the schedule came from, in words
    official: bool  # False: no schedule here, weekends only
    adjustments: int  # local changes laid over it


def _trusted_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT * FROM calendar_years WHERE origin NOT IN ({_FROM_BELOW}) ORDER BY last_hlc, id"
    ).fetchall()


def in_force(conn: sqlite3.Connection) -> WorkingCalendar:
    calendar = WorkingCalendar()
    for year in shipped.years():
        calendar.years[year] = shipped.SHIPPED_SOURCE
        calendar.entries.update(shipped.entries(year))
    rows = [decoded(row, YEAR_JSON_COLUMNS) for row in _trusted_rows(conn)]
    for row in rows:
        if row["days"] is not None:
            _replace_year(calendar, row["year"], row["days"])
            calendar.years[row["year"]] = f"{row['publisher']}发布（{row['source']}）"
    for row in rows:
        for text, (kind, name) in row["adjustments"].items():
            calendar.entries[date.fromisoformat(text)] = (kind, name)
    return calendar


def _replace_year(calendar: WorkingCalendar, year: int, days: dict) -> None:
    for day in [d for d in calendar.entries if d.year == year]:
        del calendar.entries[day]
    for text, (kind, name) in days.items():
        calendar.entries[date.fromisoformat(text)] = (kind, name)


def general_rule(conn: sqlite3.Connection) -> str:
    row = conn.execute(
        f"SELECT general_rule FROM calendar_rules WHERE id NOT IN ({_FROM_BELOW}) ORDER BY last_hlc DESC LIMIT 1"
    ).fetchone()
    return row["general_rule"] if row else DEFAULT_GENERAL_RULE


def year_sources(conn: sqlite3.Connection, this_year: int) -> list[YearSource]:
    """Every year known here, and the next year or two even if not (shown as weekends only)."""
    calendar = in_force(conn)
    changes: dict[int, int] = {}
    for row in _trusted_rows(conn):
        adjustments = decoded_value(row, "adjustments", YEAR_JSON_COLUMNS)
        changes[row["year"]] = changes.get(row["year"], 0) + len(adjustments)
    years = set(calendar.years) | set(changes) | {this_year, this_year + 1}
    return [
        YearSource(y, calendar.years.get(y, "尚未公布，暂只按周末计算"), y in calendar.years, changes.get(y, 0))
        for y in sorted(years)
    ]


def sets_the_rule(conn: sqlite3.Connection, role: str) -> bool:
    """The 48-hour rule is the county's: a county sets it, or an installation with no hub above it."""
    has_parent = conn.execute("SELECT 1 FROM sync_peers WHERE relation = 'parent' AND status = 'enrolled'").fetchone()
    return role == "county" or not has_parent


def require_top_of_tree(conn: sqlite3.Connection, role: str) -> None:
    if not sets_the_rule(conn, role):
        raise RuleRefused("一般事项48小时的计算方式由县里统一设定", "本站会在同步时收到县里的设定")
