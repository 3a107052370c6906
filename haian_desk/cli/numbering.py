"""``haian-desk numbering``: where the station's numbering stands after a restore.

    haian-desk numbering                      known, or waiting for the hub (with the backup's age)
    haian-desk numbering --offline --as 登录名  work on without the hub: numbers from the offline range
"""

from __future__ import annotations

from pathlib import Path


def register(sub, common) -> None:
    cmd = sub.add_parser("numbering", parents=[common], help="恢复备份后：编号用到了哪里；无法联网时确认离线编号")
    cmd.add_argument("--offline", action="store_true", help="确认离线继续办理（办件编号带 L，记录序号跳过一段）")
    cmd.add_argument("--as", dest="actor", metavar="登录名", help="确认人的登录名（记入审计记录）")
    cmd.set_defaults(handler=run)


def run(args, folder: Path) -> int:
    from haian_desk.replication import numbering
    from haian_desk.desk import Desk
    from haian_desk.core.errors import HaianError

    desk = Desk.open(folder)
    try:
        if args.offline:
            if not args.actor:
                raise HaianError("请用 --as 说明是谁确认离线办理的", "例如：haian-desk numbering --offline --as clerk")
            numbering.confirm_offline(desk, args.actor)
        with desk.db.lock:
            state = numbering.status(desk.db.conn)
        print({"known": "编号：正常（与镇中心一致）",
               "unsure": "编号：恢复备份后还不知道用到了哪里，暂不能登记",
               "offline": "编号：离线办理中（办件编号带 L）"}[state.state])
        warning = state.warning(desk.now())
        if warning:
            print(warning)
        if state.state == "unsure":
            print("请先联网同步（haian-desk sync）；确实无法联网时：haian-desk numbering --offline --as 登录名")
    finally:
        desk.close()
    return 0
