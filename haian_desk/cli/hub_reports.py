"""``haian-desk hub report`` and ``hub check``: a hub's assessment and integrity check, from
its SQLite folder or, for a county, city or province hub, from PostgreSQL (``--database``).

Registered under ``hub`` by sync/hub_cli.py (this package never imports sync).
"""

from __future__ import annotations

import json
from pathlib import Path

from haian_desk.cli.hub_database import database_option, database_url
from haian_desk.core.messages import cli_tr
from haian_desk.core.timeutil import now_utc


def register(actions, nested) -> None:
    report = actions.add_parser("report", parents=[nested], help=cli_tr("本中心的考核报表（各级汇总）"))
    report.add_argument("--period", required=True, help=cli_tr("考核期：2026H1、2026H2、2026 或 起:止（YYYY-MM-DD）"))
    report.add_argument("--json", action="store_true", help=cli_tr("输出 JSON（全部数字）"))
    database_option(report)
    report.set_defaults(handler=_report)
    check = actions.add_parser("check", parents=[nested], help=cli_tr("完整性检查，并用事件日志重建核对"))
    database_option(check)
    check.set_defaults(handler=_check)


def _report(args, folder: Path) -> int:
    from haian_desk.assessment import build, parse_period

    period = parse_period(args.period)
    url = database_url(args)
    if url:
        from haian_desk.storage.postgres import hub

        with hub.open_hub(url) as db:
            made = hub.report(db, period, now_utc())
    else:
        from haian_desk.desk import Desk

        with Desk.open(folder) as desk:
            made = build(desk, period)
    if args.json:
        print(json.dumps(made.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_report(made)
    return 0


def _print_report(made) -> None:
    from haian_desk.assessment.fields import LEVELS
    from haian_desk.core.timeutil import show

    print(
        cli_tr(
            "{unit} 考核报表 {period}（截至 {as_of}）",
            unit=made.unit_name,
            period=made.period.title,
            as_of=show(made.as_of),
        )
    )
    for level in ("county", "township", "station", "cadre"):
        print(f"\n[{LEVELS[level]}]")
        for row in made.rows[level]:
            print(
                cli_tr(
                    "{code}  {name}  登记 {registered}  办结 {completed}  按时办结率 {rate}  超期未办结 {overdue}",
                    code=row["unit_code"] if level == "cadre" else row["code"],  # a cadre: where they serve
                    name=row["name"],
                    registered=row["registered"],
                    completed=row["completed"],
                    rate="—" if row["on_time_rate"] is None else f"{row['on_time_rate']:.0%}",
                    overdue=row["open_overdue"],
                )
            )


def _check(args, folder: Path) -> int:
    url = database_url(args)
    if not url:
        from haian_desk.cli.dispatch import dispatch
        from haian_desk.cli.main import _COMMANDS

        return dispatch(_COMMANDS["check"], args, folder)  # the SQLite hub: the same check as ``check``
    from haian_desk.storage.postgres import hub

    with hub.open_hub(url) as db:
        hub.identity(db)  # a schema with no hub in it (an init cut off) must not pass as an intact hub
        found = hub.check(db)
    if found.ok:
        print(
            cli_tr(
                "检查通过：{events} 条事件齐全、连续，{rows_checked} 条记录与事件日志重建结果一致",
                events=found.events,
                rows_checked=found.rows_checked,
            )
        )
        return 0
    for line in found.gaps:
        print(cli_tr("缺失：{line}", line=line))
    for line in found.differences:
        print(cli_tr("不一致：{line}", line=line))
    return 1
