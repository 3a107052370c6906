"""``haian-desk sync …``: exchange with the hub, export and import files, and show the status."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sync import recover_cli
from sync.enrol_cli import _nested_common
from sync.limits import DEFAULT_BATCH, DEFAULT_STALL


def register(sub, common) -> None:
    nested = _nested_common()
    parser = sub.add_parser("sync", parents=[common], help="与上级同步中心同步；或导出、导入同步文件，查看状态")
    parser.add_argument("--hub", help="同步中心网址，如 http://192.168.1.10:8765（会记住）")
    parser.add_argument("--tls-ca", help="同步中心用 https 时，它的证书文件（会记住）")
    parser.add_argument("--retries", type=int, default=3, help="出错后重试几次（等待时间逐次加倍，最多10分钟）")
    parser.add_argument("--stall-timeout", type=float, default=DEFAULT_STALL, help="多少秒没有进展就算超时")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, help="每批最多几条记录")
    parser.set_defaults(handler=_exchange)
    actions = parser.add_subparsers(dest="sync_action")
    export = actions.add_parser("export", parents=[nested], help="把还没上报的记录导出成文件（用U盘带到镇中心）")
    export.add_argument("--out", required=True, type=Path)
    export.set_defaults(handler=_export)
    imp = actions.add_parser("import", parents=[nested], help="导入同步文件（镇中心导入站点的文件，站点导入回执）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--reply", type=Path, help="（镇中心）回执文件的保存位置，默认在原文件旁")
    imp.set_defaults(handler=_import)
    clock = actions.add_parser("clock", parents=[nested],
                               help="检查（--repair 修复）时间戳远超本机时钟的记录（时钟被拨乱或数据被篡改）")
    clock.add_argument("--repair", action="store_true", help="把这些记录从记录中取出，留存待核查，并重置时钟")
    clock.set_defaults(handler=_clock)
    status = actions.add_parser("status", parents=[nested], help="待上报的记录、上次成功、上次出错")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)
    recover_cli.register(sub, common)  # haian-desk recover (a dead station rebuilt from its township)


def _exchange(args, folder: Path) -> int:
    from haian_desk.desk import Desk
    from sync import keys as keymod
    from sync.client import Backoff
    from sync.errors import SyncError
    from sync.exchange import exchange

    desk = Desk.open(folder)
    try:
        report = exchange(desk, keymod.load(folder), url=args.hub, tls_ca=args.tls_ca, retries=args.retries,
                          backoff=Backoff(), stall_timeout=args.stall_timeout, limit=args.batch_size,
                          sleep=_announced_sleep)
    except SyncError as error:
        partial = getattr(error, "report", None)
        if partial is not None and (partial.sent or partial.received):
            print(f"中断前已完成：{partial.summary()}", file=sys.stderr)
        raise
    finally:
        desk.close()
    for line in report.lines():
        print(line)
    return 0


def _announced_sleep(seconds: float) -> None:
    import time

    print(f"同步出错，{seconds:.0f} 秒后重试……", file=sys.stderr, flush=True)
    time.sleep(seconds)


def _export(args, folder: Path) -> int:
    from haian_desk.desk import Desk
    from sync import keys as keymod
    from sync.files import export_file

    desk = Desk.open(folder)
    try:
        result = export_file(desk, keymod.load(folder), args.out)
    finally:
        desk.close()
    print(f"已导出 {result.events} 条记录到 {result.path}（{result.size} 字节，已加密，只有镇中心能打开）")
    return 0


def _import(args, folder: Path) -> int:
    from haian_desk.desk import Desk
    from sync import keys as keymod
    from sync.files import import_file

    desk = Desk.open(folder)
    try:
        result = import_file(desk, keymod.load(folder), args.file, args.reply)
    finally:
        desk.close()
    for line in import_lines(result):
        print(line)
    return 0


def import_lines(result) -> list[str]:
    receipt, report = result.receipt, result.receipt.report
    lines = [f"已导入 {receipt.peer.unit_name} 的同步文件（批次 {report.batch_id}）"]
    if report.duplicate:
        lines.append(f"  这一批已经收到过（第一次于 {report.received_before}），没有重复写入：already received")
    lines.append(f"  新增 {report.applied} 条，早已有 {report.already} 条，拒收 {len(report.rejected)} 条")
    lines += [f"  拒收 {r.event_id}：{r.reason}" for r in report.rejected]
    if report.held:
        lines.append(f"  其中 {report.held} 条要等它之前的记录到达后才会显示（已保存）")
    if report.conflicts:
        lines.append(f"  {len(report.conflicts)} 件办件出现两处同时办理的冲突，请核对")
    if result.reply_path:
        lines.append(f"  回执文件已写到 {result.reply_path}（{result.reply_events} 条），请带回站点导入")
    return lines


def _clock(args, folder: Path) -> int:
    from haian_desk.replication import clock_repair
    from haian_desk.desk import Desk

    desk = Desk.open(folder)
    try:
        report = clock_repair.repair(desk) if args.repair else clock_repair.examine(desk)
    finally:
        desk.close()
    for line in report.lines():
        print(line)
    return 1 if report.poisoned and not report.repaired else 0


def _status(args, folder: Path) -> int:
    from haian_desk.desk import Desk
    from sync.status import sync_status

    desk = Desk.open(folder)
    try:
        status = sync_status(desk)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(status.to_dict(), ensure_ascii=False, indent=1))
    else:
        for line in status.lines():
            print(line)
    return 0
