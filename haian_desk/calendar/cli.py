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
from typing import TYPE_CHECKING

from haian_desk.cases.deadlines import GENERAL_RULES
from haian_desk.cli.dispatch import with_desk
from haian_desk.core import messages
from haian_desk.core.errors import LIST_SEPARATOR, ValidationError
from haian_desk.core.messages import cli_tr

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    parser = sub.add_parser("calendar", parents=[common], help=cli_tr("工作日历：查看、导入、推算办结时限"))
    actions = parser.add_subparsers(dest="calendar_action", required=True, metavar="{show,import,due,rule}")
    show = actions.add_parser("show", parents=[common], help=cli_tr("已知的年份及来源；--year 看某一年的每个特殊日子"))
    show.add_argument("--year", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    load = actions.add_parser("import", parents=[common], help=cli_tr("导入公布的放假安排（CSV 或 JSON）"))
    load.add_argument("file", type=Path)
    load.add_argument("--source", default="", help=cli_tr("文件依据，如：国办发明电〔2026〕…号"))
    load.add_argument("--change", action="store_true", help=cli_tr("局部调整（如台风停止办公），不是全年安排"))
    load.set_defaults(handler=_import)
    due = actions.add_parser("due", parents=[common], help=cli_tr("推算办结时刻"))
    due.add_argument("--from", dest="start", required=True, help=cli_tr("受理时刻，如 2026-09-30T10:00（北京时间）"))
    due.add_argument("--limit", required=True, help=cli_tr("1wd（工作日）、48h（小时）或 5d（自然日）"))
    due.set_defaults(handler=_due)
    rule = actions.add_parser("rule", parents=[common], help=cli_tr("一般事项48小时的计算方式（县里设定）"))
    rule.add_argument("choice", nargs="?", choices=sorted(GENERAL_RULES))
    rule.set_defaults(handler=_rule)


@with_desk
def _show(args, desk: Desk) -> int:
    from haian_desk.calendar import operations

    if args.year is None:
        return _print_years(operations.years_known(desk), args.json)
    calendar, _ = operations.here(desk)
    return _print_year(calendar, args.year, args.json)


def _print_years(years, as_json: bool) -> int:
    if as_json:
        print(
            json.dumps(
                [
                    {"year": y.year, "official": y.official, "source": y.source, "adjustments": y.adjustments}
                    for y in years
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for y in years:
        extra = cli_tr("，另有局部调整{days}天", days=y.adjustments) if y.adjustments else ""
        print(cli_tr("{year}年  {source}{extra}", year=y.year, source=_term(y.source), extra=extra))
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
        print(
            json.dumps(
                {
                    "year": year,
                    "official": calendar.known(year),
                    "source": source,
                    "days": [{"date": d.day.isoformat(), "working": d.working, "reason": d.reason} for d in days],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    print(cli_tr("{year}年工作日历：{source}", year=year, source=_term(source)))
    print(
        cli_tr(
            "工作日 {working} 天，休息日 {resting} 天",
            working=sum(d.working for d in days),
            resting=sum(not d.working for d in days),
        )
    )
    for d in days:
        if d.reason not in ("工作日", "周末"):
            print(
                cli_tr(
                    "  {day} {weekday}  {reason}", day=d.day.isoformat(), weekday=weekday(d.day), reason=_term(d.reason)
                )
            )
    return 0


@with_desk
def _import(args, desk: Desk) -> int:
    from haian_desk.calendar import files, operations
    from haian_desk.calendar.signature import verifier

    today = desk.now().date()
    schedule = files.read(
        args.file, today=today, source=args.source, kind=files.ADJUSTED if args.change else None, verify=verifier(desk)
    )
    result = operations.publish(desk, operations.SYSTEM_ACTOR, schedule)
    print(
        cli_tr(
            "已导入{year}年：{days}（{source}）",
            year=schedule.year,
            days=_day_counts(schedule),
            source=_term(schedule.source),
        )
    )
    if result.recomputed:
        print(
            cli_tr(
                "按新日历重算了 {count} 件办件的办结时限：{cases}",
                count=len(result.recomputed),
                cases=_listed(result.recomputed),
            )
        )
    return 0


def _start(args, _folder: Path | None = None):
    from haian_desk.core.timeutil import from_iso

    try:
        return from_iso(args.start)
    except ValueError:
        raise ValidationError(
            "受理时刻“{start}”看不懂", "请写成 2026-09-30T10:00", params={"start": args.start}
        ) from None


@with_desk(first=_start)
def _due(args, desk: Desk) -> int:
    from haian_desk.calendar import operations

    answer = operations.due(desk, _start(args), args.limit)
    print(
        cli_tr(
            "从 {start} 起，{limit}：{due}",
            start=operations.show_moment(answer.start),
            limit=_limit_words(answer.limit),
            due=due_words(answer.due),
        )
    )
    for year in answer.fallback_years:
        print(cli_tr("注意：{year}年工作日历尚未公布，暂只按周末计算，公布后会重新计算", year=year))
    return 0


def weekday(day: date) -> str:
    names = (
        cli_tr("星期一"),
        cli_tr("星期二"),
        cli_tr("星期三"),
        cli_tr("星期四"),
        cli_tr("星期五"),
        cli_tr("星期六"),
        cli_tr("星期日"),
    )
    return names[day.weekday()]


def due_words(deadline) -> str:
    """The due moment in plain words: 2026年10月9日（星期五）10:00前 / by 10:00 on Friday 9 October 2026."""
    from haian_desk.core.timeutil import local

    moment = local(deadline)
    return cli_tr(
        "{year}年{month}月{day}日（{weekday}）{time}前",
        year=moment.year,
        month=moment.month,
        day=moment.day,
        weekday=weekday(moment.date()),
        time=f"{moment:%H:%M}",
    )


def _limit_words(words: str) -> str:
    """48小时 / 1个工作日 / a rule's name, in the reader's language (the unit is a domain word)."""
    for unit in ("个工作日", "小时", "天"):
        amount = words.removesuffix(unit)
        if amount != words and amount.isdigit():
            return cli_tr("{amount}{unit}", amount=amount, unit=_term(unit))
    return _term(words)


def _term(word: str) -> str:
    """A word of the calendar's own (周末, a rule's name, 尚未公布…) in the reader's language."""
    return messages.translate(messages.VOCABULARY, word)


def _listed(items) -> str:
    return messages.translate(messages.DOMAIN, LIST_SEPARATOR).join(items)


def _day_counts(schedule) -> str:
    from haian_desk.calendar.model import KINDS

    counts = {k: sum(1 for v in schedule.days.values() if v[0] == k) for k in KINDS}
    return cli_tr("，").join(cli_tr("{kind}{days}天", kind=_term(KINDS[k]), days=n) for k, n in counts.items() if n)


@with_desk
def _rule(args, desk: Desk) -> int:
    from haian_desk.calendar import operations

    if args.choice:
        operations.set_general_rule(desk, operations.SYSTEM_ACTOR, args.choice)
    _, rule = operations.here(desk)
    print(cli_tr("一般事项：{rule}", rule=_term(GENERAL_RULES[rule])))
    return 0
