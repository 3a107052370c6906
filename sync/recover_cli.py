"""``haian-desk recover …`` at the new PC and ``haian-desk hub reapprove`` at the township (sync.recover).

haian-desk recover request --station-code 320685102210 --out 恢复申请.json     (new PC)
haian-desk hub reapprove 恢复申请.json --out 恢复答复.json --as 管理员登录名     (township)
haian-desk recover --from-hub http://192.168.1.10:8765 --answer 恢复答复.json --admin 登录名 [--backup 文件]

A township hub is rebuilt from its county the same way: ``recover request --township-code
320685102`` and, at a county on PostgreSQL, ``hub reapprove … --database URL --data-dir KEYS``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import dispatch, with_desk
from haian_desk.core.messages import cli_tr
from sync import pg_hub_cli
from sync.enrol_cli import _nested_common

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    nested = _nested_common()
    parser = sub.add_parser("recover", parents=[common], help=cli_tr("电脑坏了：从镇中心（和最近的备份）恢复本站数据"))
    parser.add_argument("--from-hub", help=cli_tr("镇中心同步网址，如 http://192.168.1.10:8765"))
    parser.add_argument("--answer", type=Path, help=cli_tr("镇中心给的恢复答复文件"))
    parser.add_argument("--admin", help=cli_tr("新的管理员登录名（密码用环境变量 HAIAN_DESK_ADMIN_PASSWORD 提供）"))
    parser.add_argument("--backup", type=Path, help=cli_tr("本站最近的备份文件：镇中心没有的记录从这里补回"))
    parser.add_argument("--tls-ca", help=cli_tr("镇中心用 https 时，它的证书文件"))
    parser.set_defaults(handler=_recover)
    actions = parser.add_subparsers(dest="recover_action")
    request = actions.add_parser("request", parents=[nested], help=cli_tr("在新电脑上生成恢复申请文件，交给镇中心"))
    code = request.add_mutually_exclusive_group(required=True)
    code.add_argument("--station-code", help=cli_tr("本站的12位区划代码"))
    code.add_argument("--township-code", help=cli_tr("镇中心恢复时：本镇的9位区划代码（向县级中心申请）"))
    request.add_argument("--out", required=True, type=Path)
    request.set_defaults(handler=_request)


def register_hub(actions) -> None:
    nested = _nested_common()
    again = actions.add_parser(
        "reapprove", parents=[nested], help=cli_tr("为电脑损坏的站点重新批准：换新密钥，写恢复答复")
    )
    again.add_argument("request", type=Path, help=cli_tr("站点新电脑生成的恢复申请文件"))
    again.add_argument("--out", required=True, type=Path)
    again.add_argument(
        "--as", dest="actor", required=True, metavar=cli_tr("登录名"), help=cli_tr("办理人（本中心管理员）的登录名")
    )
    again.add_argument("--url", help=cli_tr("写进答复的本中心网址"))
    pg_hub_cli.database_option(again)
    again.set_defaults(handler=_reapprove)


def _request(args, folder: Path) -> int:
    from sync import enrolment, keys as keymod, recover

    if args.township_code:
        document = recover.make_request(folder, args.township_code, "township")
    else:
        document = recover.make_request(folder, args.station_code)
    enrolment.write_document(document, args.out)
    own = keymod.load(folder)
    print(
        cli_tr(
            "恢复申请已写到 {out}；本机新密钥指纹 {fingerprint}（办理时可电话核对）",
            out=args.out,
            fingerprint=keymod.fingerprint(own.sign_public),
        )
    )
    return 0


def _reapprove(args, folder: Path) -> int:
    url = pg_hub_cli.pg_url(args, folder)
    return _reapprove_at_pg(args, folder, url) if url else dispatch(_reapprove_here, args, folder)


@with_desk
def _reapprove_here(args, desk: Desk) -> int:
    from sync import enrolment, keys as keymod, recover
    from sync.hub import require_hub

    require_hub(desk)
    peer, answer = recover.reapprove(
        desk, keymod.load(desk.folder), enrolment.read_document(args.request), args.actor, args.url
    )
    return _answered(peer, answer, args.out)


def _reapprove_at_pg(args, folder: Path, url: str) -> int:
    """At a county, city or province on PostgreSQL: the same rule (``recover.reapprove``) on the
    hub's ``HubDesk``, signed with the keys the hub serves with (``--data-dir``)."""
    from haian_desk.core.errors import SetupError
    from haian_desk.hub_desk import HubDesk
    from sync import enrolment, keys as keymod, pg_serve, recover

    request = enrolment.read_document(args.request)  # a missing or broken file: before connecting
    if not keymod.key_folder(folder).exists():  # a re-approval never makes the hub's keys
        raise SetupError(
            "{folder} 里没有本中心的同步密钥",
            "请用 --data-dir 指明中心同步服务使用的密钥目录（hub serve 的 --data-dir）",
            params={"folder": folder},
        )
    hub, backend = pg_serve.open_served(url, folder)  # refuses keys other than the hub's own
    backend.db.close()
    with HubDesk.open(url) as desk:
        peer, answer = recover.reapprove(desk, hub.keys, request, args.actor, args.url)  # type: ignore[arg-type]
    return _answered(peer, answer, args.out)


def _answered(peer, answer: dict, out: Path) -> int:
    from sync import enrolment

    enrolment.write_document(answer, out)
    print(
        cli_tr(
            "已重新批准 {unit_name}（{unit_code}），旧密钥作废；恢复答复已写到 {out}",
            unit_name=peer.unit_name,
            unit_code=peer.unit_code,
            out=out,
        )
    )
    return 0


def _recover(args, folder: Path) -> int:
    from haian_desk.core.errors import HaianError
    from sync import enrolment, recover

    if not args.answer or not args.admin:
        raise HaianError(
            "请用 --answer 给出镇中心的恢复答复文件，用 --admin 给出新的管理员登录名",
            "先在新电脑上运行 haian-desk recover request，交镇中心办理",
        )
    password = os.environ.get("HAIAN_DESK_ADMIN_PASSWORD", "")
    if not password:
        raise HaianError("请用环境变量 HAIAN_DESK_ADMIN_PASSWORD 提供新的管理员密码")
    done = recover.recover(
        folder,
        enrolment.read_document(args.answer),
        (args.admin, password),
        url=args.from_hub,
        backup=args.backup,
        tls_ca=args.tls_ca,
    )
    for line in done.lines():
        print(line)
    return 0
