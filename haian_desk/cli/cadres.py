"""The ``cadres`` subcommand of ``haian-desk``: the station's cadre roster.

    haian-desk cadres list [--all] [--json]
    haian-desk cadres add --name 仲维国 --phone 13906271000 [--role 站长] [--area 一组、二组] …
    haian-desk cadres edit 仲维国 --phone 0513-88551234
    haian-desk cadres retire 仲维国 [--on 2026-06-30] [--reason 调任镇里]
    haian-desk cadres reinstate 仲维国

A cadre is named by the id ``list`` shows, or by name when only one has it.
Every change is an event on the cadre's stream (it syncs up to the township).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import with_desk
from haian_desk.core import messages
from haian_desk.core.messages import cli_tr
from haian_desk.people import cadres

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    top = sub.add_parser("cadres", help=cli_tr("代理员名录：列出、添加、修改、离任"))
    verbs = top.add_subparsers(dest="verb", required=True, metavar="list|add|edit|retire|reinstate")
    shared = argparse.ArgumentParser(add_help=False, parents=[common])
    shared.add_argument("--json", action="store_true", help=cli_tr("以 JSON 输出"))
    # Roles are enforced in the domain (haian_desk.people.permissions): the change is made as this login.
    shared.add_argument(
        "--actor", metavar=cli_tr("登录名"), help=cli_tr("做这项修改的人的登录名（必填，记入名录历史）")
    )

    listing = verbs.add_parser("list", parents=[shared], help=cli_tr("列出在任的代理员"))
    listing.add_argument("--all", action="store_true", help=cli_tr("也列出已离任的"))
    listing.set_defaults(handler=run_list)

    add = verbs.add_parser("add", parents=[shared], help=cli_tr("添加代理员"))
    _details(add, required=True)
    add.set_defaults(handler=run_add)

    edit = verbs.add_parser("edit", parents=[shared], help=cli_tr("修改代理员信息（只改给出的项）"))
    edit.add_argument("cadre", help=cli_tr("代理员编号或姓名"))
    _details(edit, required=False)
    edit.set_defaults(handler=run_edit)

    retire = verbs.add_parser("retire", parents=[shared], help=cli_tr("代理员离任（从公示牌撤下，不再受理新事项）"))
    retire.add_argument("cadre", help=cli_tr("代理员编号或姓名"))
    retire.add_argument("--on", default="", help=cli_tr("离任日期，默认今天"))
    retire.add_argument("--reason", default="", help=cli_tr("离任原因"))
    retire.set_defaults(handler=run_retire)

    back = verbs.add_parser("reinstate", parents=[shared], help=cli_tr("恢复已离任的代理员"))
    back.add_argument("cadre", help=cli_tr("代理员编号或姓名"))
    back.set_defaults(handler=run_reinstate)


def _details(parser, required: bool) -> None:
    parser.add_argument("--name", required=required, help=cli_tr("姓名"))
    parser.add_argument("--phone", required=required, help=cli_tr("公示电话"))
    # The domain takes a role's code or its Chinese word: English readers are shown the codes.
    chinese = messages.current_language() == "zh_CN"
    roles = "、".join(cadres.ROLES.values()) if chinese else ", ".join(cadres.ROLES)
    parser.add_argument("--role", help=cli_tr("角色：{roles}（默认代理员）", roles=roles))
    parser.add_argument("--title", help=cli_tr("职务，如：村党总支书记"))
    parser.add_argument("--area", help=cli_tr("负责片区，如：一组、二组"))
    parser.add_argument(
        "--party",
        dest="party_member",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=cli_tr("是否党员（默认是）"),
    )
    parser.add_argument("--from", dest="active_from", help=cli_tr("到任日期，默认今天"))
    parser.add_argument("--service-item", dest="service_items", action="append", help=cli_tr("服务事项（可写多次）"))
    parser.add_argument("--unit", dest="unit_code", help=cli_tr("所在单位代码，默认本站"))
    parser.add_argument(
        "--board",
        dest="on_public_board",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=cli_tr("是否上公示牌（默认上）"),
    )


def _input(args, desk: Desk, current=None) -> cadres.CadreInput:
    """What the command line gave, with the cadre's current details where it gave nothing."""
    now = cadres.as_json(current) if current is not None else {}

    def pick(key, default):
        given = getattr(args, key, None)
        return given if given is not None else now.get(key, default)

    return cadres.CadreInput(
        name=pick("name", ""),
        phone=pick("phone", ""),
        unit_code=pick("unit_code", desk.installation.unit_code),
        title=pick("title", "") or "",
        area=pick("area", "") or "",
        service_items=tuple(pick("service_items", ())),
        on_public_board=pick("on_public_board", True),
        role=pick("role", "agent"),
        party_member=pick("party_member", True),
        active_from=args.active_from or "",
    )


def _print(args, row) -> None:
    if args.json:
        print(json.dumps(cadres.as_json(row), ensure_ascii=False, indent=1))
    else:
        print(_line(row))


def _line(row) -> str:
    item = cadres.as_json(row)
    served = cli_tr("{start}至{end}", start=item["active_from"] or "—", end=item["active_to"] or cli_tr("今"))
    state = cli_tr("在任") if item["active"] else cli_tr("已离任")
    party = cli_tr("党员") if item["party_member"] else cli_tr("群众")
    role = messages.translate(messages.VOCABULARY, item["role_label"])
    return f"{item['id']}  {item['name']}  {role}  {item['phone']}  {item['area'] or '—'}  {party}  {served}  {state}"


@with_desk
def run_list(args, desk: Desk) -> int:
    rows = cadres.roster(desk, include_retired=args.all)
    if args.json:
        print(json.dumps([cadres.as_json(r) for r in rows], ensure_ascii=False, indent=1))
    elif not rows:
        print(cli_tr("代理员名录是空的：用 haian-desk cadres add --name 姓名 --phone 电话 添加"))
    else:
        for row in rows:
            print(_line(row))
    return 0


@with_desk
def run_add(args, desk: Desk) -> int:
    cadre_id = cadres.add(desk, args.actor, _input(args, desk))
    row = cadres.get(desk, cadre_id)
    _print(args, row)
    return 0


@with_desk
def run_edit(args, desk: Desk) -> int:
    current = cadres.find(desk, args.cadre)
    changed = cadres.edit(desk, args.actor, current["id"], _input(args, desk, current))
    row = cadres.get(desk, current["id"])
    if not changed and not args.json:
        print(cli_tr("没有要修改的内容"))
    _print(args, row)
    return 0


@with_desk
def run_retire(args, desk: Desk) -> int:
    current = cadres.find(desk, args.cadre)
    cadres.retire(desk, args.actor, current["id"], on=args.on, reason=args.reason)
    row = cadres.get(desk, current["id"])
    _print(args, row)
    return 0


@with_desk
def run_reinstate(args, desk: Desk) -> int:
    current = cadres.find(desk, args.cadre)
    cadres.reinstate(desk, args.actor, current["id"])
    row = cadres.get(desk, current["id"])
    _print(args, row)
    return 0
