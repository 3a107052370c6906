"""``haian-desk init --role county|city|province --database URL``: a hub kept in PostgreSQL
(haian_desk.storage.postgres.create), instead of a station folder in SQLite."""

from __future__ import annotations

import os

from haian_desk.cli import hub_inbox
from haian_desk.core.errors import SetupError
from haian_desk.core.messages import cli_tr
from haian_desk.core.timeutil import now_utc, to_iso
from haian_desk.storage.postgres import DATABASE_ENV

_ONLY_POSTGRES = ("city", "province")  # levels that exist only as PostgreSQL hubs


def wants_postgres(args) -> bool:
    """An explicit ``--database`` always; the environment's URL only for a county (a station
    set up on a machine where an operator exported it stays SQLite); a city or province always."""
    env = bool(os.environ.get(DATABASE_ENV))
    return bool(args.database) or args.role in _ONLY_POSTGRES or (args.role == "county" and env)


def init_hub(args) -> int:
    from haian_desk.storage.postgres.create import create_hub

    url = args.database or os.environ.get(DATABASE_ENV)
    if not url:
        raise SetupError(
            "市、省中心的数据放在 PostgreSQL 数据库里",
            "请用 --database postgresql://用户@主机/库名（或环境变量 {env}）指明数据库",
            params={"env": DATABASE_ENV},
        )
    _no_station_options(args)
    admin = _admin_password(args)
    made = create_hub(url, args.role, args.station_code, args.name, to_iso(now_utc()))
    own = made.identity
    if admin is not None and hub_inbox.add_first_admin(url, args.admin, admin):
        print(cli_tr("已添加管理员账号 {username}", username=args.admin))
    if made.new:
        print(
            cli_tr(
                "已建中心：{unit_name}（{unit_code}），数据在 PostgreSQL",
                unit_name=own.unit_name,
                unit_code=own.unit_code,
            )
        )
    else:
        print(
            cli_tr(
                "这个数据库已经是 {unit_name}（{unit_code}）的中心：结构已是最新，单位信息没有改动",
                unit_name=own.unit_name,
                unit_code=own.unit_code,
            )
        )
    return 0


def _no_station_options(args) -> None:
    """A PostgreSQL hub keeps no address or phone: say so rather than drop what was typed."""
    given = [name for name in ("address", "phone") if getattr(args, name)]
    if given:
        raise SetupError(
            "PostgreSQL 中心不用这些选项：{options}",
            "请去掉它们再运行（中心数据库不记地址电话）",
            params={"options": "、".join(f"--{name}" for name in given)},
        )


def _admin_password(args) -> str | None:
    """``--admin``'s password, read before anything is created (as the SQLite ``init`` reads it)."""
    if not args.admin:
        return None
    password = os.environ.get("HAIAN_DESK_ADMIN_PASSWORD", "")
    if not password:
        raise SetupError("请用环境变量 HAIAN_DESK_ADMIN_PASSWORD 提供管理员密码")
    return password
