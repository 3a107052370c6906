"""``haian-desk enrol request|accept``: the station's two steps of enrolment."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import with_desk
from haian_desk.core.messages import cli_tr

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    nested = _nested_common()
    parser = sub.add_parser("enrol", parents=[common], help=cli_tr("登记到上级同步中心（申请、接受答复）"))
    actions = parser.add_subparsers(dest="enrol_action", required=True)
    request = actions.add_parser("request", parents=[nested], help=cli_tr("生成登记申请文件，交给镇中心"))
    request.add_argument("--out", required=True, type=Path, help=cli_tr("登记申请文件的保存位置"))
    request.set_defaults(handler=_request)
    accept = actions.add_parser("accept", parents=[nested], help=cli_tr("导入镇中心的登记答复"))
    accept.add_argument("answer", type=Path, help=cli_tr("镇中心给的登记答复文件"))
    accept.add_argument("--hub", help=cli_tr("同步中心网址，如 http://192.168.1.10:8765"))
    accept.add_argument("--tls-ca", help=cli_tr("同步中心用 https 时，它的证书文件"))
    accept.set_defaults(handler=_accept)


def _nested_common():
    import argparse

    # Given after the action (enrol request --data-dir D); SUPPRESS keeps a value given before it.
    nested = argparse.ArgumentParser(add_help=False)
    nested.add_argument("--data-dir", default=argparse.SUPPRESS, help=cli_tr("数据目录"))
    return nested


@with_desk
def _request(args, desk: Desk) -> int:
    from sync import enrolment, keys as keymod

    own = keymod.load_or_create(desk.folder)
    document = enrolment.make_request(desk, own)
    enrolment.write_document(document, args.out)
    print(
        cli_tr(
            "登记申请已写到 {out}：{unit_name}（{unit_code}）",
            out=args.out,
            unit_name=desk.installation.unit_name,
            unit_code=desk.installation.unit_code,
        )
    )
    print(cli_tr("本机密钥指纹：{fingerprint}（办理时可电话核对）", fingerprint=keymod.fingerprint(own.sign_public)))
    return 0


@with_desk
def _accept(args, desk: Desk) -> int:
    from sync import enrolment, keys as keymod

    own = keymod.load(desk.folder)
    hub = enrolment.accept(desk, own, enrolment.read_document(args.answer), args.hub, args.tls_ca)
    print(
        cli_tr(
            "已登记到“{unit_name}”（{unit_code}），其密钥指纹 {fingerprint}",
            unit_name=hub.unit_name,
            unit_code=hub.unit_code,
            fingerprint=keymod.fingerprint(hub.sign_key),
        )
    )
    print(
        cli_tr(
            "同步中心网址：{url}", url=hub.url or cli_tr("未设置（可用 haian-desk sync --hub 网址 指明，或用U盘同步）")
        )
    )
    return 0


def say_enrolled(child, out: Path) -> None:
    """What an enrolment printed, for a SQLite or a PostgreSQL hub alike."""
    from sync import keys as keymod

    print(
        cli_tr(
            "已登记：{unit_name}（{unit_code}），安装编号 {id}",
            unit_name=child.unit_name,
            unit_code=child.unit_code,
            id=child.id,
        )
    )
    print(
        cli_tr(
            "其密钥指纹：{fingerprint}；登记答复已写到 {out}",
            fingerprint=keymod.fingerprint(child.sign_key),
            out=out,
        )
    )
