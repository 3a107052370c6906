"""``haian-desk hub …``: the township (or county) centre's side of sync."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.cli import hub_inbox, hub_reports
from haian_desk.cli.dispatch import dispatch, with_desk
from haian_desk.core.messages import cli_tr
from sync import pg_hub_cli, pg_push_cli, recover_cli
from sync.enrol_cli import _nested_common, say_enrolled
from sync.limits import DEFAULT_MAX_BODY

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    nested = _nested_common()
    parser = sub.add_parser("hub", parents=[common], help=cli_tr("同步中心：服务、登记、注销、站点一览"))
    actions = parser.add_subparsers(dest="hub_action", required=True)

    serve = actions.add_parser("serve", parents=[nested], help=cli_tr("启动同步服务（HTTP）"))
    serve.add_argument("--host", default="127.0.0.1", help=cli_tr("监听地址（局域网内用 0.0.0.0）"))
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--tls-cert", help=cli_tr("证书文件（PEM），与 --tls-key 一起启用 https"))
    serve.add_argument("--tls-key", help=cli_tr("证书私钥文件（PEM）"))
    serve.add_argument("--max-body", type=int, default=DEFAULT_MAX_BODY, help=cli_tr("单次请求的最大字节数"))
    serve.add_argument("--workers", type=int, default=1, help=cli_tr("服务进程数（只用于 PostgreSQL 中心）"))
    serve.add_argument(
        "--push-every",
        type=float,
        default=None,
        help=cli_tr("每隔多少秒自动上报上级中心（只用于 PostgreSQL 中心；默认 300，0 为不自动上报）"),
    )
    pg_hub_cli.database_option(serve)
    serve.set_defaults(handler=_serve)

    enrol = actions.add_parser("enrol", parents=[nested], help=cli_tr("为站点办理登记：读申请，写答复"))
    enrol.add_argument("request", type=Path, help=cli_tr("站点的登记申请文件"))
    enrol.add_argument("--out", required=True, type=Path, help=cli_tr("登记答复文件的保存位置"))
    enrol.add_argument("--url", help=cli_tr("写进答复的本中心网址，如 http://192.168.1.10:8765"))
    pg_hub_cli.database_option(enrol)
    enrol.set_defaults(handler=_enrol)

    imp = actions.add_parser(
        "import", parents=[nested], help=cli_tr("导入下级送来的同步文件，并写回执（县、市、省中心用 --database）")
    )
    imp.add_argument("file", type=Path, help=cli_tr("下级导出的同步文件（.hdsync）"))
    imp.add_argument("--reply", type=Path, help=cli_tr("回执文件的保存位置（默认与同步文件放在一起）"))
    pg_hub_cli.database_option(imp)
    imp.set_defaults(handler=_import)

    revoke = actions.add_parser("revoke", parents=[nested], help=cli_tr("注销一个站点（其数据保留）"))
    revoke.add_argument("station", help=cli_tr("站点的安装编号或单位代码"))
    pg_hub_cli.database_option(revoke)
    revoke.set_defaults(handler=_revoke)

    stations = actions.add_parser("stations", parents=[nested], help=cli_tr("列出登记的站点"))
    stations.add_argument("--json", action="store_true")
    pg_hub_cli.database_option(stations)
    stations.set_defaults(handler=_stations)

    openapi = actions.add_parser("openapi", parents=[nested], help=cli_tr("打印同步接口的 OpenAPI 描述"))
    openapi.set_defaults(handler=_openapi)
    recover_cli.register_hub(actions)
    pg_push_cli.register(actions, nested)
    hub_reports.register(actions, nested)
    hub_inbox.register(actions, nested)

    rescue = actions.add_parser(
        "restore-station", parents=[nested], help=cli_tr("用本中心的钥匙打开站点的备份（站点电脑和口令都没有了时）")
    )
    rescue.add_argument("file", type=Path, help=cli_tr("站点的备份文件（.hdbackup）"))
    rescue.add_argument("--out", required=True, type=Path, help=cli_tr("恢复出的站点数据目录（新建的空文件夹）"))
    rescue.set_defaults(handler=_restore_station)


def _serve(args, folder: Path) -> int:
    from sync import logs
    from sync.serve import make_server

    if bool(args.tls_cert) != bool(args.tls_key):
        print(cli_tr("错误：--tls-cert 和 --tls-key 要一起给出"), file=sys.stderr)
        return 2
    url = pg_hub_cli.pg_url(args, folder)
    if url:
        return pg_hub_cli.serve(args, folder, url)
    if pg_hub_cli.refuse_workers_without_database(args):
        return 2
    logs.configure(folder / "logs")
    server, desk = make_server(
        folder, args.host, args.port, tls_cert=args.tls_cert, tls_key=args.tls_key, max_body=args.max_body
    )
    scheme = "https" if args.tls_cert else "http"
    print(
        cli_tr(
            "{unit_name} 同步服务：{scheme}://{host}:{port}（Ctrl+C 停止）",
            unit_name=desk.installation.unit_name,
            scheme=scheme,
            host=args.host,
            port=args.port,
        ),
        flush=True,
    )
    with desk:
        server.run()
    return 0


def _enrol(args, folder: Path) -> int:
    url = pg_hub_cli.pg_url(args, folder)
    return pg_hub_cli.enrol(args, folder, url) if url else dispatch(_enrol_here, args, folder)


def _import(args, folder: Path) -> int:
    url = pg_hub_cli.pg_url(args, folder)
    if url:
        return pg_hub_cli.import_file(args, folder, url)
    from sync.cli import _import as import_here

    return dispatch(import_here, args, folder)


@with_desk
def _enrol_here(args, desk: Desk) -> int:
    from sync import enrolment, keys as keymod
    from sync.hub import require_hub

    require_hub(desk)
    own = keymod.load_or_create(desk.folder)
    child, answer = enrolment.enrol(desk, own, enrolment.read_document(args.request), args.url)
    enrolment.write_document(answer, args.out)
    say_enrolled(child, args.out)
    return 0


NEW_PASSPHRASE_ENV = "HAIAN_DESK_NEW_PASSPHRASE"


def _restore_station(args, folder: Path) -> int:
    """The township's recovery key opens the backup; the station gets a new passphrase."""
    import os

    from haian_desk.cli.backup import restored_words
    from haian_desk.core import paths
    from haian_desk.core.errors import HaianError
    from haian_desk.storage import recovery
    from sync import keys as keymod

    new = os.environ.get(NEW_PASSPHRASE_ENV, "")
    if not new:
        raise HaianError(
            "请给恢复出的站点设一个新口令",
            "用环境变量 {NEW_PASSPHRASE_ENV} 提供，至少8个字符；把它交给站长",
            params={"NEW_PASSPHRASE_ENV": NEW_PASSPHRASE_ENV},
        )
    if paths.database_path(args.out).exists():
        raise HaianError("{out} 里已经有站点数据，没有覆盖", "请指定一个新的空文件夹", params={"out": args.out})
    own = keymod.load(folder)
    done = recovery.restore(args.out, args.file, passphrase=new, township_box=own.box, allow_other_station=True)
    print(cli_tr("已恢复：{what}，写到 {out}", what=restored_words(done.info), out=args.out))
    print(cli_tr("请把这个文件夹拷到站点新电脑的数据目录，用新口令打开；再按 docs/keys-and-recovery.md 重新登记同步"))
    return 0


def _revoke(args, folder: Path) -> int:
    url = pg_hub_cli.pg_url(args, folder)
    return pg_hub_cli.revoke(args, url) if url else dispatch(_revoke_here, args, folder)


@with_desk
def _revoke_here(args, desk: Desk) -> int:
    from sync import enrolment

    peer = enrolment.revoke(desk, args.station)
    print(
        cli_tr(
            "已注销：{unit_name}（{unit_code}），安装编号 {id}；它已上报的数据保留",
            unit_name=peer.unit_name,
            unit_code=peer.unit_code,
            id=peer.id,
        )
    )
    return 0


def _stations(args, folder: Path) -> int:
    url = pg_hub_cli.pg_url(args, folder)
    if not url:
        return dispatch(_stations_here, args, folder)
    from haian_desk.replication.pg_hub import PgHub, open_hub

    with open_hub(url, 2) as db:
        return _print_stations(args, PgHub(db).stations())


@with_desk
def _stations_here(args, desk: Desk) -> int:
    from haian_desk.replication.status import stations

    return _print_stations(args, stations(desk))


def _print_stations(args, rows: list[dict]) -> int:
    from haian_desk.core.timeutil import show

    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(cli_tr("还没有登记的站点"))
    for row in rows:
        print(_station_line(row, show))
    return 0


def _station_line(row, show) -> str:
    drift = row["clock_drift_seconds"]
    line = cli_tr(
        "{code}  {name}  {state}  最近联系 {contact}  已收 {events} 条  时钟偏差 {drift}  超期 {overdue} 件",
        code=row["unit_code"],
        name=row["unit_name"],
        state=cli_tr("已注销") if row["status"] == "revoked" else cli_tr("在用"),
        contact=show(row["last_contact"]) or cli_tr("从未"),
        events=row["events_received"],
        drift="—" if drift is None else cli_tr("{seconds} 秒", seconds=drift),
        overdue=row["overdue"],
    )
    if row["quarantined"]:
        line += cli_tr("  待核查 {count} 条", count=row["quarantined"])
    return line


def _openapi(args, folder: Path) -> int:
    from sync.openapi import openapi_document

    print(json.dumps(openapi_document(), ensure_ascii=False, indent=1))
    return 0
