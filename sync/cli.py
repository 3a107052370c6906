"""``haian-desk sync …``: exchange with the hub, export and import files, and show the status."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import with_desk
from haian_desk.core.messages import cli_tr
from sync import recover_cli
from sync.enrol_cli import _nested_common
from sync.limits import DEFAULT_BATCH, DEFAULT_STALL

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    nested = _nested_common()
    parser = sub.add_parser("sync", parents=[common], help=cli_tr("与上级同步中心同步；或导出、导入同步文件，查看状态"))
    parser.add_argument("--hub", help=cli_tr("同步中心网址，如 http://192.168.1.10:8765（会记住）"))
    parser.add_argument("--tls-ca", help=cli_tr("同步中心用 https 时，它的证书文件（会记住）"))
    parser.add_argument("--retries", type=int, default=3, help=cli_tr("出错后重试几次（等待时间逐次加倍，最多10分钟）"))
    parser.add_argument("--stall-timeout", type=float, default=DEFAULT_STALL, help=cli_tr("多少秒没有进展就算超时"))
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, help=cli_tr("每批最多几条记录"))
    parser.set_defaults(handler=_exchange)
    actions = parser.add_subparsers(dest="sync_action")
    export = actions.add_parser(
        "export", parents=[nested], help=cli_tr("把还没上报的记录导出成文件（用U盘带到镇中心）")
    )
    export.add_argument("--out", required=True, type=Path)
    export.set_defaults(handler=_export)
    imp = actions.add_parser(
        "import", parents=[nested], help=cli_tr("导入同步文件（镇中心导入站点的文件，站点导入回执）")
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--reply", type=Path, help=cli_tr("（镇中心）回执文件的保存位置，默认在原文件旁"))
    imp.set_defaults(handler=_import)
    clock = actions.add_parser(
        "clock",
        parents=[nested],
        help=cli_tr("检查（--repair 修复）时间戳远超本机时钟的记录（时钟被拨乱或数据被篡改）"),
    )
    clock.add_argument("--repair", action="store_true", help=cli_tr("把这些记录从记录中取出，留存待核查，并重置时钟"))
    clock.set_defaults(handler=_clock)
    status = actions.add_parser("status", parents=[nested], help=cli_tr("待上报的记录、上次成功、上次出错"))
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)
    recover_cli.register(sub, common)  # haian-desk recover (a dead station rebuilt from its township)


@with_desk
def _exchange(args, desk: Desk) -> int:
    from sync import keys as keymod
    from sync.backoff import Backoff
    from sync.errors import SyncError
    from sync.exchange import exchange

    try:
        report = exchange(
            desk,
            keymod.load(desk.folder),
            url=args.hub,
            tls_ca=args.tls_ca,
            retries=args.retries,
            backoff=Backoff(),
            stall_timeout=args.stall_timeout,
            limit=args.batch_size,
            sleep=_announced_sleep,
        )
    except SyncError as error:
        partial = getattr(error, "report", None)
        if partial is not None and (partial.sent or partial.received):
            print(cli_tr("中断前已完成：{summary}", summary=partial.summary()), file=sys.stderr)
        raise
    for line in report.lines():
        print(line)
    return 0


def _announced_sleep(seconds: float) -> None:
    import time

    print(cli_tr("同步出错，{seconds:.0f} 秒后重试……", seconds=seconds), file=sys.stderr, flush=True)
    time.sleep(seconds)


@with_desk
def _export(args, desk: Desk) -> int:
    from sync import keys as keymod
    from sync.files import export_file

    result = export_file(desk, keymod.load(desk.folder), args.out)
    print(
        cli_tr(
            "已导出 {events} 条记录到 {path}（{size} 字节，已加密，只有镇中心能打开）",
            events=result.events,
            path=result.path,
            size=result.size,
        )
    )
    return 0


@with_desk
def _import(args, desk: Desk) -> int:
    from sync import keys as keymod
    from sync.files import import_file

    result = import_file(desk, keymod.load(desk.folder), args.file, args.reply)
    for line in import_lines(result):
        print(line)
    return 0


def import_lines(result) -> list[str]:
    receipt, report = result.receipt, result.receipt.report
    lines = [cli_tr("已导入 {unit} 的同步文件（批次 {batch}）", unit=receipt.peer.unit_name, batch=report.batch_id)]
    if report.duplicate:
        lines.append(
            cli_tr("  这一批已经收到过（第一次于 {when}），没有重复写入：already received", when=report.received_before)
        )
    lines.append(
        cli_tr(
            "  新增 {applied} 条，早已有 {already} 条，拒收 {rejected} 条",
            applied=report.applied,
            already=report.already,
            rejected=len(report.rejected),
        )
    )
    lines += [cli_tr("  拒收 {event}：{reason}", event=r.event_id, reason=r.reason) for r in report.rejected]
    if report.held:
        lines.append(cli_tr("  其中 {held} 条要等它之前的记录到达后才会显示（已保存）", held=report.held))
    if report.conflicts:
        lines.append(cli_tr("  {count} 件办件出现两处同时办理的冲突，请核对", count=len(report.conflicts)))
    if result.reply_path:
        lines.append(
            cli_tr(
                "  回执文件已写到 {path}（{events} 条），请带回站点导入",
                path=result.reply_path,
                events=result.reply_events,
            )
        )
    return lines


@with_desk
def _clock(args, desk: Desk) -> int:
    from haian_desk.replication import clock_repair

    report = clock_repair.repair(desk) if args.repair else clock_repair.examine(desk)
    for line in report.lines():
        print(line)
    return 1 if report.poisoned and not report.repaired else 0


@with_desk
def _status(args, desk: Desk) -> int:
    from haian_desk.replication.status import sync_status

    status = sync_status(desk)
    if args.json:
        print(json.dumps(status.to_dict(), ensure_ascii=False, indent=1))
    else:
        for line in status.lines():
            print(line)
    return 0
