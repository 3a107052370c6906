"""A station's desk: one installation's database, its identity and its ledger.

Everything else in the domain takes a ``Desk``; tests make one on a temporary
folder, the CLI and the app make one on the installation's data folder.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from haian_desk import catalogue, network, paths, search, users, villagers
from haian_desk.errors import SetupError
from haian_desk.ids import uuid7
from haian_desk.ledger import Ledger
from haian_desk.network import Installation
from haian_desk.storage import migrations
from haian_desk.storage.db import Database
from haian_desk.timeutil import now_utc, to_iso

SYSTEM_ACTOR = "system"


class Desk:
    def __init__(self, db: Database, folder: Path | None, wall: Callable[[], datetime] = now_utc):
        self.db = db
        self.folder = folder
        self.wall = wall
        self.installation = _read_installation(db)
        self.ledger = Ledger(db, self.installation.id, lambda: self.wall())
        search.bring_up_to_date(db, villagers.respell)  # once, after the keys' recipe changed

    @classmethod
    def open(cls, folder: Path, wall: Callable[[], datetime] = now_utc) -> "Desk":
        """Open an initialised installation, migrating its schema if it is older."""
        db_path = paths.database_path(folder)
        if not db_path.exists():
            raise SetupError(f"{folder} 里还没有建站", "请先运行 haian-desk init 或在程序里完成首次设置")
        db = Database(db_path)
        try:
            migrations.migrate(db, backup_folder=paths.backups_dir(folder))
            return cls(db, folder, wall)
        except Exception:
            db.close()
            raise

    def now(self) -> datetime:
        return self.wall()

    def close(self) -> None:
        self.db.close()


def initialise(folder: Path, unit_code: str, unit_name: str, role: str = "station", *,
               address: str = "", phone: str = "", admin: tuple[str, str] | None = None,
               wall: Callable[[], datetime] = now_utc) -> Desk:
    """Create a new installation in ``folder``: schema, identity, catalogue, first admin."""
    network.check_unit_code(unit_code, role)
    if not unit_name.strip():
        raise SetupError("请填写本站名称", "例如：曲塘镇杨庄村代理站")
    folder.mkdir(parents=True, exist_ok=True)
    db_path = paths.database_path(folder)
    if db_path.exists():
        raise SetupError(f"{folder} 里已经建过站", "如要重建，请先备份并换一个数据目录")
    db = Database(db_path)
    migrations.migrate(db)
    meta = {"installation_id": uuid7(), "unit_code": unit_code.strip(), "unit_name": unit_name.strip(),
            "role": role, "address": address.strip(), "phone": phone.strip(),
            "created_at": to_iso(wall())}
    with db.write() as conn:
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
    desk = Desk(db, folder, wall)
    with db.write() as conn:
        catalogue.seed(desk, conn, SYSTEM_ACTOR)
    if admin:
        users.add_user(desk, admin[0], admin[0], "admin", admin[1])
    return desk


def _read_installation(db: Database) -> Installation:
    meta = {row["key"]: row["value"] for row in db.query("SELECT key, value FROM meta")}
    if "installation_id" not in meta:
        raise SetupError("数据库里没有本站信息", "请先完成首次设置（haian-desk init）")
    return Installation(meta["installation_id"], meta["unit_code"], meta["unit_name"], meta["role"],
                        meta.get("address", ""), meta.get("phone", ""))
