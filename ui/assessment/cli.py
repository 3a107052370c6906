"""``haian-desk report``: the assessment of a period, as text, JSON, Excel and PDF.

Registered through the ``haian_desk.commands`` entry points. Only ``--pdf``
needs Qt (it draws the charts), and it is imported only then, so ``--json``
and ``--xlsx`` work on a machine with no display and no Qt platform plugin.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.assessment.fields import LEVELS
from haian_desk.assessment.periods import FORMS_HINT
from haian_desk.cli.dispatch import with_desk
from haian_desk.core import messages
from haian_desk.core.errors import HaianError
from haian_desk.core.messages import cli_tr

if TYPE_CHECKING:
    from haian_desk.desk import Desk

CLI_LEVELS = ("cadre", "station", "township", "county")


def register(sub, common) -> None:
    report = sub.add_parser("report", parents=[common], help=cli_tr("考核统计：按代理员、代理站、镇（街道）出数"))
    report.add_argument(
        "--period", required=True, help=cli_tr("考核期：{forms}", forms=messages.translate(messages.DOMAIN, FORMS_HINT))
    )
    report.add_argument("--level", choices=CLI_LEVELS, help=cli_tr("只出这一级（默认各级都出）"))
    report.add_argument("--xlsx", metavar="OUT", help=cli_tr("导出 Excel 文件（每级一张工作表）"))
    report.add_argument("--pdf", metavar="OUT", help=cli_tr("导出带图表的 PDF 报告"))
    report.add_argument("--json", action="store_true", help=cli_tr("以 JSON 输出"))
    report.set_defaults(handler=run)


def _period(args, _folder: Path | None = None):
    from haian_desk.assessment import parse_period

    return parse_period(args.period)


@with_desk(first=_period)
def run(args, desk: Desk) -> int:
    from haian_desk.assessment import build

    levels = (args.level,) if args.level else CLI_LEVELS
    report = build(desk, _period(args))
    if args.xlsx:
        _write_xlsx(report, Path(args.xlsx), levels)
    if args.pdf:
        _write_pdf(report, Path(args.pdf), levels)
    if args.json:
        print(json.dumps(report.to_json(levels), ensure_ascii=False, indent=1))
    elif not (args.xlsx or args.pdf):
        _print_table(report, levels)
    return 0


def _write_xlsx(report, path: Path, levels) -> None:
    from haian_desk.assessment.xlsx import write_workbook

    _check_folder(path)
    write_workbook(report, path, levels)
    print(cli_tr("已导出 Excel：{path}", path=path), file=sys.stderr)  # stdout stays clean for --json


def _write_pdf(report, path: Path, levels) -> None:
    from ui.assessment.pdf import write_pdf

    _check_folder(path)
    write_pdf(report, path, levels)
    print(cli_tr("已导出 PDF：{path}", path=path), file=sys.stderr)


def _check_folder(path: Path) -> None:
    if not path.parent.exists():
        raise HaianError(f"文件夹 {path.parent} 不存在", "请先建好文件夹，或换一个保存位置")


def _percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _print_table(report, levels) -> None:
    period = report.period
    print(
        cli_tr(
            "{unit}  {title}（{first} 至 {last}）",
            unit=report.unit_name,
            title=period.title,
            first=period.first_day,
            last=period.last_day,
        )
    )
    for level in levels:
        print(cli_tr("\n【{level}】", level=messages.translate(messages.VOCABULARY, LEVELS[level])))
        print(cli_tr("代码/名称\t登记\t办结\t按时办结率\t满意率\t差评\t超期未办结"))
        for row in report.rows[level]:
            print(
                f"{row['name']}\t{row['registered']}\t{row['completed']}\t{_percent(row['on_time_rate'])}\t"
                f"{_percent(row['satisfaction_rate'])}\t{row['bad_reviews']}\t{row['open_overdue']}"
            )
