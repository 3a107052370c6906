"""Creating a county, city or province hub in PostgreSQL (``haian-desk init --database``):
the schema, the hub's identity and the shipped catalogue, the last two in one transaction.

Run again for the same unit it changes nothing (the schema is applied once, the identity and
installation id are kept, the catalogue's records are the same records); a database that is
already another unit's hub is refused untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

from haian_desk import network
from haian_desk.cases.shipped_catalogue import shipped_events
from haian_desk.core.errors import SetupError
from haian_desk.core.ids import uuid7
from haian_desk.replication.hub_log import pg_store_new
from haian_desk.storage.postgres import hub, migrations

# The levels above the township a PostgreSQL hub serves; a station or township keeps SQLite.
PG_ROLES = ("county", "city", "province")


@dataclass(frozen=True)
class Created:
    identity: hub.HubIdentity
    new: bool  # False: the database already was this unit's hub


def create_hub(url: str, role: str, unit_code: str, unit_name: str, created_at: str) -> Created:
    check_unit(role, unit_code.strip(), unit_name)
    check_url(url)
    wanted = hub.HubIdentity(uuid7(), unit_code.strip(), unit_name.strip(), role)
    with hub.connect(url) as db:
        migrations.migrate(db)
        return db.run(lambda conn: _claim(conn, wanted, created_at))


def check_url(url: str) -> None:
    """Said before any connection is tried: psycopg's own complaint about a SQLite path or an
    http address ("missing = after …") would not tell anyone what to write instead."""
    if not url.startswith(("postgresql://", "postgres://")):
        raise SetupError(
            "--database 应为 PostgreSQL 数据库地址（postgresql://…）",
            "例如 postgresql://用户@主机:5432/库名；口令请放在环境变量 {env} 或 ~/.pgpass 里",
            params={"env": hub.DATABASE_ENV},
        )


def check_unit(role: str, code: str, name: str) -> None:
    if role not in PG_ROLES:
        raise SetupError(
            "代理站和镇代理中心的数据放在本机（SQLite），不用 --database",
            "建站或建镇中心请去掉 --database（和环境变量 {env}）；县、市、省中心才用 PostgreSQL",
            params={"env": hub.DATABASE_ENV},
        )
    network.check_unit_code(code, role)
    if not name.strip():
        raise SetupError("请填写本中心名称", "例如：南通市群众事务代理中心")


def _claim(conn, wanted: hub.HubIdentity, created_at: str) -> Created:
    """Write the identity unless the database already has one: the table lock makes two
    ``init`` runs against one database take turns, so only one unit can ever claim it."""
    conn.execute("LOCK TABLE meta IN SHARE ROW EXCLUSIVE MODE")
    held = {row[0]: row[1] for row in conn.execute("SELECT key, value FROM meta")}
    if "unit_code" in held:
        _same_unit(held, wanted)
        return Created(
            hub.HubIdentity(held["installation_id"], held["unit_code"], held["unit_name"], held["role"]), False
        )
    hub.write_identity(conn, wanted, created_at)
    pg_store_new(conn, shipped_events())  # the same records, with the same ids, as every SQLite installation
    return Created(wanted, True)


def _same_unit(held: dict[str, str], wanted: hub.HubIdentity) -> None:
    if (held["unit_code"], held.get("role")) != (wanted.unit_code, wanted.role):
        raise SetupError(
            "这个 PostgreSQL 数据库已经是 {name}（{code}）的中心，不能再建成另一个单位的中心",
            "请为本中心另建一个数据库，或检查 --database 是否写对",
            params={"name": held["unit_name"], "code": held["unit_code"]},
        )
