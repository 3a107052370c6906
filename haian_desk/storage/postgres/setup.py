"""``haian-desk init --database``: a county, city or province hub set up in PostgreSQL.

Schema, identity (``meta``) and the shipped catalogue are written in ONE transaction: a
failure anywhere (a broken migration file, the server gone, a kill) leaves the database as it
was, and running init again starts cleanly. The catalogue is the very same records a SQLite
installation seeds (``shipped_catalogue.shipped_events``: ids fixed by code and version), stored
and folded the way a hub stores what it receives, so an item seeded at two levels is one item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from haian_desk import network
from haian_desk.cases.shipped_catalogue import shipped_events
from haian_desk.core.errors import SetupError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import to_iso
from haian_desk.replication.hub_log import insert_events
from haian_desk.storage.postgres import DATABASE_ENV, migrations, projections
from haian_desk.storage.postgres.database import PgDatabase
from haian_desk.storage.postgres.hub import HubIdentity, reach, write_identity

PG_ROLES = ("county", "city", "province")
_SCHEMES = ("postgresql://", "postgres://")
# Taken for the whole set-up: two inits started together take turns, the second sees the first.
_INIT_LOCK = 0x4861_6961_6E49_6E74  # "HaianInt"


@dataclass(frozen=True)
class Outcome:
    identity: HubIdentity
    already: bool  # the database was already this hub: nothing but pending schema files written
    catalogue: int  # shipped catalogue records stored now
    upgraded: tuple[str, ...] = ()  # schema files applied to a hub that was already set up


def check_request(url: str, unit_code: str, unit_name: str, role: str) -> None:
    """Everything that can be refused before the server is asked."""
    if role not in PG_ROLES:
        raise SetupError(
            "角色 {role} 不用 PostgreSQL：代理站和镇代理中心用本机数据目录",
            "去掉 --database；只有县、市、省级中心（--role county/city/province）建在 PostgreSQL 上",
            params={"role": role},
        )
    if not url.startswith(_SCHEMES):
        raise SetupError(
            "--database 应为 PostgreSQL 地址（postgresql://…）",
            "例如 postgresql://用户@主机:5432/库名，口令请放在环境变量 {env} 或 ~/.pgpass 里",
            params={"env": DATABASE_ENV},
        )
    _check_code(unit_code.strip(), role)
    if not unit_name.strip():
        raise SetupError("请填写本中心名称", "例如：海安市群众事务代理中心")


def _check_code(code: str, role: str) -> None:
    if role == "county":
        network.check_unit_code(code, role)
        return
    # A city or province hub sits above this county: its 6-digit code shares the county's prefix.
    county = network.county().code
    keep = 4 if role == "city" else 2
    want = county[:keep] + "0" * (6 - keep)
    if code != want:
        raise SetupError(
            "{level}中心的单位代码应为6位代码 {want}",
            "请对照统计用区划代码填写",
            params={"level": "市级" if role == "city" else "省级", "want": want},
        )


def initialise(url: str, unit_code: str, unit_name: str, role: str, now: datetime) -> Outcome:
    check_request(url, unit_code, unit_name, role)
    wanted = HubIdentity(uuid7(), unit_code.strip(), unit_name.strip(), role)
    reach(url)
    pending = migrations.files()
    with PgDatabase(url, max_size=1) as db:
        return db.run(lambda conn: _set_up(conn, pending, wanted, to_iso(now)))


def _set_up(conn, pending, wanted: HubIdentity, created_at: str) -> Outcome:
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_INIT_LOCK,))
    held = _present(conn)
    if held is not None:
        # The same hub again: nothing to set up, only a newer release's schema files to apply.
        same = _same_or_refuse(held, wanted)
        return Outcome(same, already=True, catalogue=0, upgraded=tuple(migrations.apply(conn, pending)))
    migrations.apply(conn, pending)
    write_identity(conn, wanted, created_at)
    added = insert_events(conn, shipped_events())
    projections.refold_touched(conn, added)
    return Outcome(wanted, already=False, catalogue=len(added))


def _present(conn) -> HubIdentity | None:
    """The hub this database already is, if any (read before anything is migrated)."""
    if conn.execute("SELECT to_regclass('meta') IS NULL").fetchone()[0]:
        return None
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if "unit_code" not in meta:
        return None
    return HubIdentity(meta.get("installation_id", ""), meta["unit_code"], meta["unit_name"], meta.get("role", ""))


def _same_or_refuse(held: HubIdentity, wanted: HubIdentity) -> HubIdentity:
    if (held.unit_code, held.unit_name, held.role) == (wanted.unit_code, wanted.unit_name, wanted.role):
        return held
    raise SetupError(
        "这个 PostgreSQL 数据库已经是 {name}（{code}，{role}）的同步中心",
        "一个数据库只放一个中心：请换一个新建的空数据库，或检查 --database 是否写对",
        params={"name": held.unit_name, "code": held.unit_code, "role": held.role},
    )
