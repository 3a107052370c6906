"""``haian-desk hub inbox | take-up | forward | return | user-add``: a centre's inbox from the
command line, for an officer without the desktop. With ``--database`` (or the environment's
URL) the centre is a county, city or province hub on PostgreSQL (``HubDesk``); without, the
installation in the data folder (a township's or a SQLite county's ``Desk``). Either way the
same functions act (haian_desk.cases.inbox, people/users.py): the CLI only reads arguments
and prints.

Registered under ``hub`` by sync/hub_cli.py (this package never imports sync).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from haian_desk.cli.hub_database import database_option, database_url
from haian_desk.core.errors import HaianError
from haian_desk.core.messages import cli_tr
from haian_desk.people.permissions import ROLES

PASSWORD_ENV = "HAIAN_DESK_USER_PASSWORD"


def register(actions, nested) -> None:
    listing = actions.add_parser(
        "inbox", parents=[nested], help=cli_tr("本中心收到的上报事项（待接收、办理中、已转出）")
    )
    listing.add_argument("--view", choices=["new", "in_hand", "sent_on"], help=cli_tr("只列一类（默认全部）"))
    _options(listing, actor=False)
    listing.set_defaults(handler=_inbox)

    take = actions.add_parser("take-up", parents=[nested], help=cli_tr("接收一件上报事项"))
    take.add_argument("case_no", help=cli_tr("办件编号"))
    _options(take)
    take.set_defaults(handler=_take_up)

    forward = actions.add_parser("forward", parents=[nested], help=cli_tr("把事项转送给部门或上级中心"))
    forward.add_argument("case_no", help=cli_tr("办件编号"))
    forward.add_argument("--to-level", required=True, choices=["department", "county", "city", "province"])
    forward.add_argument("--to-unit", required=True, help=cli_tr("接收单位名称，如：海安市民政局"))
    forward.add_argument("--reason", default="", help=cli_tr("转送理由"))
    _options(forward)
    forward.set_defaults(handler=_forward)

    back = actions.add_parser("return", parents=[nested], help=cli_tr("把事项连同办理结果退回下级"))
    back.add_argument("case_no", help=cli_tr("办件编号"))
    back.add_argument("--outcome", required=True, help=cli_tr("本级办理结果"))
    back.add_argument(
        "--to-level",
        choices=["township", "county", "city", "station"],
        help=cli_tr("退回到哪一级（默认原路退回上一站）"),
    )
    _options(back)
    back.set_defaults(handler=_return)

    user = actions.add_parser(
        "user-add", parents=[nested], help=cli_tr("为本中心添加登录账号（密码从 {env} 读取）", env=PASSWORD_ENV)
    )
    user.add_argument("username", help=cli_tr("登录名"))
    user.add_argument("--role", required=True, choices=list(ROLES))
    user.add_argument("--display-name", default="", help=cli_tr("姓名"))
    _options(user)
    user.set_defaults(handler=_user_add)


def _options(parser, actor: bool = True) -> None:
    database_option(parser)
    if actor:
        parser.add_argument("--as", dest="actor", required=True, help=cli_tr("办理人的登录名"))


@contextmanager
def _centre(args, folder: Path) -> Iterator[Any]:
    """The centre to act on: the PostgreSQL hub named, or the installation in the data folder."""
    url = database_url(args)
    if url:
        from haian_desk.hub_desk import HubDesk
        from haian_desk.storage.postgres.create import check_url

        check_url(url)
        with HubDesk.open(url) as hub:
            yield hub
    else:
        from haian_desk.desk import Desk

        with Desk.open(folder) as desk:
            yield desk


def _on_case(args, folder: Path, work: Callable[[Any, str], dict]) -> dict:
    from haian_desk.cases import queries

    with _centre(args, folder) as desk:
        case = queries.find_by_number(desk, args.case_no)
        return work(desk, case.id)


def _inbox(args, folder: Path) -> int:
    from haian_desk.cases import inbox
    from haian_desk.core.masking import mask_name
    from haian_desk.core.timeutil import show

    with _centre(args, folder) as desk:
        items = inbox.inbox(desk, desk.now(), args.view)
    if not items:
        print(cli_tr("收件箱里没有事项"))
    for item in items:
        # the villager's name masked: a terminal is read over shoulders and kept in scrollback
        print(
            f"{item.case_no}  {inbox.INBOX_VIEWS[item.view]}  {item.unit_name}  {mask_name(item.villager)}  "
            f"{item.matter}  {show(item.deadline) or '—'}  {item.holder or ''}"
        )
    return 0


def _take_up(args, folder: Path) -> int:
    from haian_desk.cases import inbox

    state = _on_case(args, folder, lambda desk, case_id: inbox.take_up(desk, args.actor, case_id))
    print(cli_tr("已接收 {case_no}", case_no=state["case_no"]))
    return 0


def _forward(args, folder: Path) -> int:
    from haian_desk.cases import inbox

    state = _on_case(
        args,
        folder,
        lambda desk, case_id: inbox.forward(desk, args.actor, case_id, args.to_level, args.to_unit, args.reason),
    )
    print(cli_tr("已把 {case_no} 转送 {unit}", case_no=state["case_no"], unit=args.to_unit))
    return 0


def _return(args, folder: Path) -> int:
    from haian_desk.cases import inbox

    state = _on_case(
        args, folder, lambda desk, case_id: inbox.return_down(desk, args.actor, case_id, args.outcome, args.to_level)
    )
    print(cli_tr("已把 {case_no} 退回下级", case_no=state["case_no"]))
    return 0


def _user_add(args, folder: Path) -> int:
    from haian_desk.people import users

    password = _password(PASSWORD_ENV)
    with _centre(args, folder) as desk:
        made = users.add_user(desk, args.username, args.display_name, args.role, password, actor=args.actor)
    print(cli_tr("已添加账号 {username}（{role}）", username=made.username, role=users.ROLES[made.role]))
    return 0


def _password(env: str) -> str:
    password = os.environ.get(env, "")
    if not password:
        raise HaianError("请用环境变量 {env} 提供密码", "密码不写在命令行上（会留在命令历史里）", params={"env": env})
    return password


def add_first_admin(url: str, username: str, password: str) -> bool:
    """The hub's first login, made by ``init --database … --admin`` (people/users.py's own
    rule: only the first login is added without an actor). False when the hub has logins."""
    from haian_desk.hub_desk import HubDesk
    from haian_desk.people import users

    with HubDesk.open(url) as hub:
        if hub.db.scalar("SELECT count(*) FROM users"):
            return False
        users.add_user(cast(Any, hub), username, "管理员", "admin", password)
    return True
