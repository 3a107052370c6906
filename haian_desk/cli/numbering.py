"""``haian-desk numbering``: where the station's numbering stands after a restore.

haian-desk numbering                      known, or waiting for the hub (with the backup's age)
haian-desk numbering --offline --as 登录名  work on without the hub: numbers from the offline range
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import with_desk
from haian_desk.core import messages
from haian_desk.core.errors import Message
from haian_desk.core.messages import cli_tr

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    cmd = sub.add_parser(
        "numbering", parents=[common], help=cli_tr("恢复备份后：编号用到了哪里；无法联网时确认离线编号")
    )
    cmd.add_argument(
        "--offline", action="store_true", help=cli_tr("确认离线继续办理（办件编号带 L，记录序号跳过一段）")
    )
    cmd.add_argument("--as", dest="actor", metavar=cli_tr("登录名"), help=cli_tr("确认人的登录名（记入审计记录）"))
    cmd.set_defaults(handler=run)


@with_desk
def run(args, desk: Desk) -> int:
    from haian_desk.core.errors import HaianError
    from haian_desk.replication import numbering

    if args.offline:
        if not args.actor:
            raise HaianError("请用 --as 说明是谁确认离线办理的", "例如：haian-desk numbering --offline --as clerk")
        numbering.confirm_offline(desk, args.actor)
    with desk.db.read() as conn:
        state = numbering.status(conn)
    print(
        {
            "known": cli_tr("编号：正常（与镇中心一致）"),
            "unsure": cli_tr("编号：恢复备份后还不知道用到了哪里，暂不能登记"),
            "offline": cli_tr("编号：离线办理中（办件编号带 L）"),
        }[state.state]
    )
    warning = state.warning(desk.now())
    if isinstance(warning, Message):  # "" when all is well
        print(messages.message_text(warning))
    if state.state == "unsure":
        print(cli_tr("请先联网同步（haian-desk sync）；确实无法联网时：haian-desk numbering --offline --as 登录名"))
    return 0
