"""``haian-desk calendar …``: the working calendar from the command line.

    haian-desk calendar show [--year 2027] [--json]
    haian-desk calendar import 2027年放假安排.csv [--source 国办发明电〔2026〕…号] [--change]
    haian-desk calendar due --from 2026-09-30T10:00 --limit 1wd|48h|5d
    haian-desk calendar rule [working_hours|clock_hours]
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from haian_desk.cases.deadlines import GENERAL_RULES
from haian_desk.core.errors import ValidationError


def register(sub, common) -> None:
    parser = sub.add_parser("calendar", parents=[common], help="工作日历：查看、导入、推算办结时限")
    actions = parser.add_subparsers(dest="calendar_action", required=True, metavar="{show,import,due,rule}")
    show = actions.add_parser("show", parents=[common], help="已知的年份及来源；--year 看某一年的每个特殊日子")
    show.add_argument("--year", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    load = actions.add_parser("import", parents=[common], help="导入公布的放假安排（CSV 或 JSON）")
    load.add_argument("file", type=Path)
    load.add_argument("--source", default="", help="文件依据，如：国办发明电〔2026〕…号")
    load.add_argument("--change", action="store_true", help="局部调整（如台风停止办公），不是全年安排")
    load.set_defaults(handler=_import)
    due = actions.add_parser("due", parents=[common], help="推算办结时刻")
    due.add_argument("--from", dest="start", required=True, help="受理时刻，如 2026-09-30T10:00（北京时间）")
    due.add_argument("--limit", required=True, help="1wd（工作日）、48h（小时）或 5d（自然日）")
    due.set_defaults(handler=_due)
    rule = actions.add_parser("rule", parents=[common], help="一般事项48小时的计算方式（县里设定）")
    rule.add_argument("choice", nargs="?", choices=sorted(GENERAL_RULES))
    rule.set_defaults(handler=_rule)


def _open(folder: Path):
    from haian_desk.desk import Desk

    return Desk.open(folder)


def _show(args, folder: Path) -> int:
    from haian_desk.calendar import operations

    desk = _open(folder)
    try:
        if args.year is None:
            return _print_years(operations.years_known(desk), args.json)
        calendar, _ = operations.here(desk)
        return _print_year(calendar, args.year, args.json)
    finally:
        desk.close()


def _print_years(years, as_json: bool) -> int:
    if as_json:
        print(json.dumps([{"year": y.year, "official": y.official, "source": y.source,
                           "adjustments": y.adjustments} for y in years], ensure_ascii=False, indent=1))
        return 0
    for y in years:
        extra = f"，另有局部调整{y.adjustments}天" if y.adjustments else ""
        print(f"{y.year}年  {y.source}{extra}")
    return 0


def _print_year(calendar, year: int, as_json: bool) -> int:
    from haian_desk.calendar.store import check_year

    check_year(year)
    days = []
    day = date(year, 1, 1)
    while day.year == year:
        days.append(calendar.day(day))
        day += timedelta(days=1)
    source = calendar.years.get(year, "尚未公布，暂只按周末计算")
    if as_json:
        print(json.dumps({"year": year, "official": calendar.known(year), "source": source,
                          "days": [{"date": d.day.isoformat(), "working": d.working, "reason": d.reason}
                                   for d in days]}, ensure_ascii=False, indent=1))
        return 0
    print(f"{year}年工作日历：{source}")
    print(f"工作日 {sum(d.working for d in days)} 天，休息日 {sum(not d.working for d in days)} 天")
    for d in days:
        if d.reason not in ("工作日", "周末"):
            print(f"  {d.day.isoformat()} 星期{'一二三四五六日'[d.day.weekday()]}  {d.reason}")
    return 0


def _import(args, folder: Path) -> int:
    from haian_desk.calendar import files, operations
    from haian_desk.calendar.signature import verifier

    desk = _open(folder)
    try:
        today = desk.now().date()
        schedule = files.read(args.file, today=today, source=args.source,
                              kind=files.ADJUSTED if args.change else None, verify=verifier(desk))
        result = operations.publish(desk, operations.SYSTEM_ACTOR, schedule)
    finally:
        desk.close()
    print(f"已导入{files.describe(schedule)}（{schedule.source}）")
    if result.recomputed:
        print(f"按新日历重算了 {len(result.recomputed)} 件办件的办结时限：{'、'.join(result.recomputed)}")
    return 0


def _due(args, folder: Path) -> int:
    from haian_desk.calendar import operations
    from haian_desk.core.timeutil import from_iso

    try:
        start = from_iso(args.start)
    except ValueError:
        raise ValidationError("受理时刻“{start}”看不懂", "请写成 2026-09-30T10:00", params={"start": args.start}) from None
    desk = _open(folder)
    try:
        answer = operations.due(desk, start, args.limit)
    finally:
        desk.close()
    for line in answer.lines():
        print(line)
    return 0


def _rule(args, folder: Path) -> int:
    from haian_desk.calendar import operations

    desk = _open(folder)
    try:
        if args.choice:
            operations.set_general_rule(desk, operations.SYSTEM_ACTOR, args.choice)
        _, rule = operations.here(desk)
    finally:
        desk.close()
    print(f"一般事项：{GENERAL_RULES[rule]}")
    return 0
