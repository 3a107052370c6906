"""Operations on the working calendar: publish a year or a change, set the 48-hour rule,
stamp a starting clock, and recompute the deadlines a newly arrived year concerns.

A deadline is counted once, on the calendar in force when the clock starts
(``clock_payload``). When a year that was counted on weekends only arrives —
imported here or received from above by sync — every open case of this
installation counted on that fallback is counted again, and the change is
recorded on the case (``deadline_recomputed``) with the reason, so the case
history shows why its deadline moved.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk.calendar import store
from haian_desk.calendar.files import ADJUSTED, Schedule
from haian_desk.calendar.reasons import recompute_reason
from haian_desk.cases import deadlines
from haian_desk.cases.fold import JSON_COLUMNS as CASE_JSON_COLUMNS, TIMED_OPEN
from haian_desk.core.errors import ValidationError
from haian_desk.core.timeutil import from_iso, local
from haian_desk.events.columns import decoded
from haian_desk.people import users
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

SYSTEM_ACTOR = "system"


@dataclass
class Published:
    year: int
    kind: str
    recomputed: list[str] = field(default_factory=list)  # case numbers whose deadline was counted again


def clock_payload(conn: sqlite3.Connection, case: dict, at: datetime) -> dict:
    """What an acceptance or reopening carries: the deadline on the calendar in force now."""
    return deadlines.clock_start(case, at, store.in_force(conn), store.general_rule(conn))


def publish(desk: Desk, actor: str, schedule: Schedule) -> Published:
    """Record a year's schedule (or a local change) made or received here, and recount deadlines."""
    payload = {
        "year": schedule.year,
        "days": schedule.days,
        "source": schedule.source,
        "publisher": desk.installation.unit_name,
    }
    if schedule.signed_by:
        payload["signed_by"] = schedule.signed_by
    _require_admin(desk, actor, "导入工作日历")
    result = Published(schedule.year, schedule.kind)
    with desk.db.write() as conn:
        desk.ledger.record(
            conn, "calendar", store.stream_id(schedule.year, desk.installation.id), schedule.kind, payload, actor
        )
        if schedule.kind != ADJUSTED:
            cause = {"imported_by": desk.installation.unit_name, "year": schedule.year, "source": schedule.source}
            result.recomputed = recompute_open_cases(desk, conn, actor, {schedule.year}, cause)
    return result


def set_general_rule(desk: Desk, actor: str, rule: str) -> None:
    _require_admin(desk, actor, "设定48小时的计算方式")
    with desk.db.write() as conn:
        store.require_top_of_tree(conn, desk.installation.role)
        desk.ledger.record(
            conn,
            "calendar_rule",
            desk.installation.id,
            "set",
            {"general_rule": rule, "publisher": desk.installation.unit_name},
            actor,
        )


def _require_admin(desk: Desk, actor: str, doing: str) -> None:
    # The command line runs as the installation itself (whoever holds its data folder).
    if actor != SYSTEM_ACTOR:
        users.require_role(desk, actor, "admin", doing)


def after_receiving(desk: Desk, conn: sqlite3.Connection, events: list[Event], from_below: bool) -> list[str]:
    """Called in the transaction that applied a sync batch: a year from above recounts deadlines."""
    if from_below:  # a child's calendar is its own business: it changes nothing here
        return []
    arrived: dict[int, str] = {}
    for event in events:
        if event.stream == "calendar" and event.type == "published":
            year = event.payload.get("year")
            if isinstance(year, int):
                arrived[year] = str(event.payload.get("publisher") or "上级")
    if not arrived:
        return []
    cause = {"arrived": [[year, who] for year, who in sorted(arrived.items())]}
    return recompute_open_cases(desk, conn, SYSTEM_ACTOR, set(arrived), cause)


def recompute_open_cases(desk: Desk, conn: sqlite3.Connection, actor: str, years: set[int], cause: dict) -> list[str]:
    """Count again every open case of this installation that was counted on weekends only in ``years``.

    ``cause`` says why, as data (``{"imported_by", "year", "source"}`` or ``{"arrived": [[year, publisher]]}``):
    the timeline says it in the reader's language (cases.presentation); ``reason`` keeps the Chinese
    sentence older releases show.
    """
    calendar, done = store.in_force(conn), []
    marks = ", ".join("?" * len(TIMED_OPEN))
    rows = conn.execute(
        f"SELECT * FROM cases WHERE status IN ({marks}) AND deadline IS NOT NULL "
        "AND urgency != 'urgent' AND unit_code = ? ORDER BY case_no",
        (*TIMED_OPEN, desk.installation.unit_code),
    ).fetchall()
    for row in rows:
        case = decoded(row, CASE_JSON_COLUMNS)
        basis = case["calendar_basis"]
        if not _counted_on_fallback(row, basis, years):
            continue
        started = _clock_started(conn, row["id"])
        rule = (basis or {}).get("general", deadlines.CLOCK_HOURS)
        new = deadlines.clock_start(case, started, calendar, rule)
        unchanged = new["deadline"] == row["deadline_base"]
        said = recompute_reason(cause, unchanged)
        payload = {**new, "reason": "，".join(map(str, said)), "cause": cause, "deadline_unchanged": unchanged}
        desk.ledger.record(
            conn, "case", row["id"], "deadline_recomputed", {**payload, "previous": row["deadline"]}, actor
        )
        done.append(row["case_no"])
    return done


def _counted_on_fallback(row, basis: dict | None, years: set[int]) -> bool:
    if basis is None:  # counted before calendars existed: weekends only, whatever the year
        return local(from_iso(row["deadline"])).year in years
    return bool(set(basis.get("fallback_years") or []) & years)


def _clock_started(conn: sqlite3.Connection, case_id: str) -> datetime:
    row = conn.execute(
        "SELECT wall_time FROM events WHERE stream = 'case' AND stream_id = ? "
        "AND type IN ('accepted', 'reopened') ORDER BY hlc DESC, origin, origin_seq LIMIT 1",
        (case_id,),
    ).fetchone()
    return from_iso(row["wall_time"])


# -- questions for staff and tests -------------------------------------------------------


@dataclass(frozen=True)
class Due:
    start: datetime
    due: datetime
    limit: str
    fallback_years: list[int]

    def lines(self) -> list[str]:
        out = [f"从 {show_moment(self.start)} 起，{self.limit}：{deadlines.describe_due(self.due)}"]
        for year in self.fallback_years:
            out.append(f"注意：{year}年工作日历尚未公布，暂只按周末计算，公布后会重新计算")
        return out


def show_moment(moment: datetime) -> str:
    return local(moment).strftime("%Y-%m-%d %H:%M")


def parse_limit(text: str) -> dict:
    """1wd, 5wd → working days; 48h → hours (the general rule when 48h); 5d → calendar days."""
    cleaned = text.strip().lower()
    for suffix, unit in (("wd", "working_days"), ("h", "hours"), ("d", "days")):
        number = cleaned[: -len(suffix)]
        if cleaned.endswith(suffix) and number.isdigit() and int(number) > 0:
            return {"amount": int(number), "unit": unit}
    raise ValidationError(
        "时限“{text}”看不懂", "请写成 1wd（工作日）、48h（小时）或 5d（自然日）", params={"text": text}
    )


def due(desk: Desk, start: datetime, limit_text: str) -> Due:
    limit = parse_limit(limit_text)
    calendar, rule = here(desk)
    if limit == {"amount": deadlines.GENERAL_HOURS, "unit": "hours"}:
        moment = deadlines.general_due(start, calendar, rule)
        words = deadlines.GENERAL_RULES[rule]
    else:
        moment = deadlines.add_limit(start, limit, calendar)
        words = deadlines.describe_limit("承诺", limit)
    return Due(start, moment, words, calendar.fallback_years(start, moment))


def this_year(desk: Desk) -> int:
    return local(desk.now()).year


def here(desk: Desk) -> tuple:
    """The calendar in force here and the 48-hour rule, read on the desk's connection."""
    with desk.db.read() as conn:
        return store.in_force(conn), store.general_rule(conn)


def years_known(desk: Desk) -> list[store.YearSource]:
    with desk.db.read() as conn:
        return store.year_sources(conn, this_year(desk))
