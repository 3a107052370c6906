"""The ``haian-desk`` command.

With no subcommand it opens the desktop app. Every subcommand takes
``--data-dir`` (or HAIAN_DESK_HOME); errors are one clear line on stderr and a
non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk import __version__
from haian_desk.cli.dispatch import dispatch, with_desk
from haian_desk.core import messages, paths
from haian_desk.core.errors import HaianError
from haian_desk.core.messages import cli_tr
from haian_desk.storage.db import DatabaseError
from haian_desk.storage.postgres import DATABASE_ENV

if TYPE_CHECKING:
    from haian_desk.desk import Desk

EXIT_ERROR = 2
PLUGIN_GROUP = "haian_desk.commands"
LANGUAGES = ("zh_CN", "en")
DEFAULT_COMMAND = "gui"


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="haian-desk", description=cli_tr("海安群众事务代理工作台 Haian Desk"))
    parser.add_argument("--version", action=_ShowVersion, nargs=0, help=cli_tr("显示版本和构建号并退出"))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", help=cli_tr("数据目录（默认用 HAIAN_DESK_HOME 或系统的用户数据目录）"))
    parser.add_argument("--data-dir", dest="top_data_dir", help=argparse.SUPPRESS)
    parser.add_argument("--lang", dest="top_lang", choices=LANGUAGES, help=argparse.SUPPRESS)
    common.add_argument(
        "--lang", choices=LANGUAGES, help=cli_tr("提示和界面的语言（默认看 LANG 环境变量，否则简体中文）")
    )
    sub = parser.add_subparsers(dest="command")

    init = sub.add_parser("init", parents=[common], help=cli_tr("在数据目录中建站"))
    init.add_argument("--station-code", required=True, help=cli_tr("单位代码：镇9位，村12位，组15位"))
    init.add_argument("--name", required=True, help=cli_tr("站名，如：曲塘镇双楼村代理站"))
    init.add_argument("--role", choices=["station", "township", "county", "city", "province"], default="station")
    init.add_argument("--address", default="")
    init.add_argument("--phone", default="")
    init.add_argument("--admin", help=cli_tr("首个管理员登录名（密码从 HAIAN_DESK_ADMIN_PASSWORD 读取）"))
    init.add_argument(
        "--database",
        help=cli_tr("PostgreSQL 中心数据库，如 postgresql://用户@主机/库名（也可用环境变量 {env}）", env=DATABASE_ENV),
    )

    demo = sub.add_parser("demo", parents=[common], help=cli_tr("生成演示站点（群众、代理员和各种状态的办件）"))
    demo.add_argument("--cases", type=_positive, default=300)
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--station-code", help=cli_tr("演示站的单位代码（默认 320685102210），建多个演示站时各用一个"))
    demo.add_argument("--name", help=cli_tr("演示站的站名（默认 曲塘镇双楼村代理站）"))

    cases = sub.add_parser("cases", parents=[common], help=cli_tr("列出办件"))
    cases.add_argument("--status")
    cases.add_argument("--kind", choices=["opinion", "errand", "claim"])
    cases.add_argument("--overdue", action="store_true")
    cases.add_argument("--due-soon", action="store_true")
    cases.add_argument("--search", default="")
    cases.add_argument("--limit", type=_positive, default=100)
    cases.add_argument("--json", action="store_true")

    sub.add_parser("check", parents=[common], help=cli_tr("完整性检查，并用事件日志重建核对"))
    if only is None:
        _register_builtin(sub, common)
    for register in _plugins(only):
        register(sub, common)
    return parser


class _ShowVersion(argparse.Action):
    """``--version``: the build label is only worked out when asked for (it may run git)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from haian_desk.core.build_info import build_label

        print(f"haian-desk {build_label()}")
        parser.exit()


def _register_builtin(sub, common) -> None:
    """This package's own command groups (imported here: opening the app needs none of them)."""
    from haian_desk.calendar import cli as calendar_cli
    from haian_desk.cli import backup, cadres, imports, numbering

    for module in (backup, numbering, cadres, calendar_cli, imports):
        module.register(sub, common)


def _plugins(only: str | None = None):
    """Subcommands contributed by other packages (the app, sync …).

    They register through the ``haian_desk.commands`` entry-point group so this
    package never imports them: the domain stays free of Qt and of sync.
    ``only``: just that one (opening the app loads no sync or report modules).
    """
    for entry in sorted(entry_points(group=PLUGIN_GROUP), key=lambda e: e.name):
        if only is None or entry.name == only:
            yield entry.load()


TOP_OPTIONS = ("--data-dir", "--lang")


def _opens_the_app(argv: list[str]) -> bool:
    """No subcommand, only the top-level options: the desktop app, started without the other commands."""
    rest = iter(argv)
    for word in rest:
        if word in TOP_OPTIONS:
            next(rest, None)
        elif not word.startswith(tuple(f"{option}=" for option in TOP_OPTIONS)):
            return False
    return True


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(cli_tr("应为正整数，而不是 {text}", text=repr(text))) from None
    if value <= 0:
        raise argparse.ArgumentTypeError(cli_tr("应为正整数，而不是 {text}", text=value))
    return value


def language_asked(argv: list[str]) -> str | None:
    """``--lang en`` (or ``--lang=en``) anywhere on the line: known before the parser is built,
    so ``--help`` and argparse's complaints are in that language too."""
    for at, word in enumerate(argv):
        if word == "--lang" and at + 1 < len(argv):
            return argv[at + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    messages.set_language(language_asked(argv) or messages.language_from_environment())
    if _opens_the_app(argv):  # start-up is timed (bench/bench_startup.py): parse with the app's command only
        args = _parser(only=DEFAULT_COMMAND).parse_args([DEFAULT_COMMAND, *argv])
    else:
        args = _parser().parse_args(argv)
    if args.command is None:
        args = _parser().parse_args([DEFAULT_COMMAND, *argv])
    override = getattr(args, "data_dir", None) or args.top_data_dir
    folder = paths.data_dir(override)
    _start_log(args.command, folder, override)
    messages.set_language(getattr(args, "lang", None) or args.top_lang or messages.language_from_environment())
    handler = _COMMANDS.get(args.command) or args.handler
    try:
        return dispatch(handler, args, folder)
    except HaianError as error:
        print(messages.error_line(error), file=sys.stderr)
        return EXIT_ERROR
    except (sqlite3.DatabaseError, *DatabaseError, UnicodeDecodeError) as error:
        from haian_desk.storage.recovery import disk_error, is_damage

        if not is_damage(error):
            if _disk_trouble(error):
                print(messages.error_line(disk_error(folder, error)), file=sys.stderr)
                return EXIT_ERROR
            raise
        from haian_desk.storage.db import damage_text

        print(
            cli_tr(
                "错误：数据库文件已损坏（{damage}）（请用 haian-desk restore --latest 恢复最新的完好备份）",
                damage=damage_text(error),
            ),
            file=sys.stderr,
        )
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head`: the reader has what it wanted
        sys.stderr.close()
        return 0
    except OSError as error:
        if not _disk_trouble(error):
            raise
        from haian_desk.storage.recovery import disk_error

        print(messages.error_line(disk_error(folder, error)), file=sys.stderr)
        return EXIT_ERROR


def _disk_trouble(error: BaseException) -> bool:
    """A full disk or a folder that cannot be written: the station's problem, not a bug."""
    text = str(error).lower()
    return getattr(error, "errno", None) in (13, 28, 30) or any(
        w in text for w in ("disk is full", "readonly database", "read-only", "unable to open database")
    )


def _start_log(command: str, folder: Path, override: str | None) -> None:
    """The log file, set up once per run, beside the chosen data folder or in the user log folder."""
    import logging

    from haian_desk.core import logs

    try:
        logs.configure(logs.log_dir(override))
    except OSError:  # an unwritable log folder must not stop the station working
        return
    logging.getLogger(__name__).info(
        "haian-desk %s: %s (data folder %s, frozen %s)", __version__, command, folder, getattr(sys, "frozen", False)
    )


def _init(args, folder: Path) -> int:
    import os

    from haian_desk.cli import hub_init
    from haian_desk.desk import initialise

    if hub_init.wants_postgres(args):
        return hub_init.init_hub(args)
    admin = None
    if args.admin:
        password = os.environ.get("HAIAN_DESK_ADMIN_PASSWORD", "")
        if not password:
            raise HaianError("请用环境变量 HAIAN_DESK_ADMIN_PASSWORD 提供管理员密码")
        admin = (args.admin, password)
    with initialise(
        folder, args.station_code, args.name, args.role, address=args.address, phone=args.phone, admin=admin
    ) as desk:
        print(
            cli_tr(
                "已建站：{unit_name}（{unit_code}），数据目录 {folder}",
                unit_name=desk.installation.unit_name,
                unit_code=desk.installation.unit_code,
                folder=folder,
            )
        )
    return 0


def _demo(args, folder: Path) -> int:
    from haian_desk.cli.demo import DEMO_ADMIN, DEMO_UNIT, make_demo

    def progress(done: int, total: int) -> None:
        print(cli_tr("  已生成 {done}/{total} 件", done=done, total=total), file=sys.stderr)

    from haian_desk.storage import keys

    with make_demo(
        folder,
        cases=args.cases,
        seed=args.seed,
        progress=progress,
        unit=(args.station_code or DEMO_UNIT[0], args.name or DEMO_UNIT[1]),
    ) as desk:
        total = desk.db.scalar("SELECT count(*) FROM cases")
        print(
            cli_tr(
                "演示站已建好：{unit_name}，{total} 件办件，数据目录 {folder}",
                unit_name=desk.installation.unit_name,
                total=total,
                folder=folder,
            )
        )
    print(cli_tr("登录名 {login}，密码 {password}", login=DEMO_ADMIN[0], password=DEMO_ADMIN[1]))
    key_file = keys.read_key_file(folder)
    assert key_file is not None  # make_demo's initialise wrote it (keys.create)
    if key_file.demo:  # the published passphrase: the demo's data is invented
        print(
            cli_tr(
                "数据已加密，演示站口令 {DEMO_PASSPHRASE}（公开的，只用于演示）", DEMO_PASSPHRASE=keys.DEMO_PASSPHRASE
            )
        )
    return 0


def _known_status(args, _folder: Path) -> None:
    from haian_desk.cases.vocabulary import STATUSES

    if args.status and args.status not in STATUSES:
        raise HaianError(
            "没有“{status}”这种状态", "可选：{items}", params={"status": args.status, "items": list(STATUSES)}
        )


@with_desk(first=_known_status)
def _cases(args, desk: Desk) -> int:
    from haian_desk.cases import queries
    from haian_desk.cases.vocabulary import KINDS, STATUSES, label
    from haian_desk.core.timeutil import show

    flt = queries.CaseFilter(
        status=args.status, kind=args.kind, overdue=args.overdue, due_soon=args.due_soon, search=args.search
    )
    rows = queries.page(desk, flt, desk.now(), limit=args.limit)
    if args.json:
        print(json.dumps([queries.as_json_row(r) for r in rows], ensure_ascii=False, indent=1))
    else:
        for r in rows:
            kind, status = (
                messages.translate(messages.VOCABULARY, label(table, value))
                for table, value in ((KINDS, r.kind), (STATUSES, r.status))
            )
            print(
                f"{r.case_no}  {kind}  {status}  "
                f"{show(r.deadline) or '—':16}  {r.villager}  {r.matter_name or r.description[:20]}"
            )
    return 0


@with_desk
def _check(args, desk: Desk) -> int:
    from haian_desk.storage.check import run_check

    report = run_check(desk)
    if report.ok:
        print(
            cli_tr(
                "检查通过：数据库完好，{rows_checked} 条记录与事件日志重建结果一致", rows_checked=report.rows_checked
            )
        )
        return 0
    for line in report.integrity:
        if line != "ok":
            print(cli_tr("完整性：{line}", line=line))
    for line in report.differences:
        print(cli_tr("不一致：{line}", line=line))
    return 1


_COMMANDS = {"init": _init, "demo": _demo, "cases": _cases, "check": _check}
