"""``hub push`` / ``hub export-up`` / ``hub import-reply`` for a hub on PostgreSQL (``--database``;
``--data-dir`` is the hub's key folder): talking to its own parent, by HTTP or by file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from haian_desk.core.errors import SetupError
from haian_desk.core.messages import cli_tr
from sync import pg_hub_cli


def register(actions, nested) -> None:
    push = actions.add_parser("push", parents=[nested], help=cli_tr("把本中心的数据上报上级中心（PostgreSQL 中心）"))
    push.add_argument("--hub", help=cli_tr("上级中心的网址（会记住）"))
    push.add_argument(
        "--status", action="store_true", help=cli_tr("只显示最近一次上报的情况（hub serve 自动上报的也在内）")
    )
    pg_hub_cli.database_option(push)
    push.set_defaults(handler=_push)

    up = actions.add_parser(
        "export-up", parents=[nested], help=cli_tr("把给上级中心的数据导出成文件（PostgreSQL 中心）")
    )
    up.add_argument("--out", required=True, type=Path, help=cli_tr("同步文件的保存位置（.hdsync）"))
    pg_hub_cli.database_option(up)
    up.set_defaults(handler=_export_up)

    reply = actions.add_parser(
        "import-reply", parents=[nested], help=cli_tr("导入上级中心发回的回执文件（PostgreSQL 中心）")
    )
    reply.add_argument("file", type=Path, help=cli_tr("上级中心的回执文件（.hdsync）"))
    pg_hub_cli.database_option(reply)
    reply.set_defaults(handler=_import_reply)
    register_enrolment(actions, nested)


def register_enrolment(actions, nested) -> None:
    request = actions.add_parser(
        "enrol-request", parents=[nested], help=cli_tr("写本中心向上级中心申请登记的文件（PostgreSQL 中心）")
    )
    request.add_argument("--out", required=True, type=Path, help=cli_tr("登记申请文件的保存位置"))
    pg_hub_cli.database_option(request)
    request.set_defaults(handler=_enrol_request)
    accept = actions.add_parser(
        "enrol-accept", parents=[nested], help=cli_tr("导入上级中心的登记答复（PostgreSQL 中心）")
    )
    accept.add_argument("answer", type=Path, help=cli_tr("上级中心写的登记答复文件"))
    accept.add_argument("--hub", help=cli_tr("上级中心的网址（不填则用答复里写的）"))
    pg_hub_cli.database_option(accept)
    accept.set_defaults(handler=_enrol_accept)


def _enrol_request(args, folder: Path) -> int:
    from sync import enrolment, pg_enrolment

    with _served(args, folder) as (hub, backend):
        enrolment.write_document(pg_enrolment.make_request(backend, hub.keys), args.out)
        own = backend.own
    print(
        cli_tr(
            "登记申请已写到 {out}：{unit_name}（{unit_code}）",
            out=args.out,
            unit_name=own.unit_name,
            unit_code=own.unit_code,
        )
    )
    return 0


def _enrol_accept(args, folder: Path) -> int:
    from sync import enrolment, pg_enrolment

    with _served(args, folder) as (hub, backend):
        parent = pg_enrolment.accept(backend, hub.keys, enrolment.read_document(args.answer), args.hub)
    print(cli_tr("已登记到“{unit_name}”（{unit_code}）", unit_name=parent.unit_name, unit_code=parent.unit_code))
    return 0


@contextmanager
def _served(args, folder: Path) -> Iterator[tuple]:
    """The hub these commands act for: its keys (``--data-dir``) and its database, checked as
    ``hub serve`` checks them, closed afterwards."""
    from sync import pg_serve

    hub, backend = pg_serve.open_served(_url(args, folder), folder)
    with backend.db:
        yield hub, backend


def _url(args, folder: Path) -> str:
    url = pg_hub_cli.pg_url(args, folder)
    if not url:
        raise SetupError(
            "这个命令只用于 PostgreSQL 中心", "请用 --database 指明中心的数据库；镇中心和代理站用 haian-desk sync"
        )
    return url


def _push(args, folder: Path) -> int:
    from sync.pg_push import push

    with _served(args, folder) as (hub, backend):
        if args.status:
            return _say_status(backend.db)
        report = push(backend.db, hub.keys, args.hub)
    print(
        cli_tr(
            "已上报：新送达 {sent} 条（上级已有 {already} 条），收到上级 {received} 条",
            sent=report.sent,
            already=report.already,
            received=report.received,
        )
    )
    return 0


def _export_up(args, folder: Path) -> int:
    from sync.pg_parent_files import export_up

    with _served(args, folder) as (hub, backend):
        made = export_up(backend.db, hub.keys, args.out)
    print(cli_tr("已导出 {n} 条给上级中心：{path}", n=made.events, path=made.path))
    return 0


def _import_reply(args, folder: Path) -> int:
    from sync.pg_parent_files import import_reply

    with _served(args, folder) as (hub, backend):
        report = import_reply(backend.db, hub.keys, args.file)
    if report.duplicate:
        print(cli_tr("这份回执以前已经导入过，没有再改动"))
    else:
        print(cli_tr("已导入上级回执：新增 {n} 条", n=report.applied))
    return 0


def _say_status(db) -> int:
    from haian_desk.core.timeutil import show
    from haian_desk.replication import pg_parent
    from haian_desk.replication.pg_push_status import status

    if not pg_parent.has_parent(db):
        print(cli_tr("本中心还没有登记上级中心：没有要上报的"))
        return 0
    found = status(db)
    if found.last_ok:
        print(cli_tr("最近一次上报成功：{at}，送达 {n} 条", at=show(found.last_ok), n=found.last_sent))
    else:
        print(cli_tr("还没有成功上报过"))
    if found.last_error:
        print(cli_tr("此后上报失败（{at}）：{words}", at=show(found.last_error_at), words=found.last_error))
        return 1
    return 0
