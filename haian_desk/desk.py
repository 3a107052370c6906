"""A station's desk: one installation's database, its identity and its ledger.

Everything else in the domain takes a ``Desk``; tests make one on a temporary
folder, the CLI and the app make one on the installation's data folder. A
desk is a context manager (``with Desk.open(folder) as desk:``); command
handlers marked ``@with_desk`` (haian_desk/cli/dispatch.py) are given one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from haian_desk import network
from haian_desk.cases import search, shipped_catalogue, upgrade
from haian_desk.core import failpoints, paths
from haian_desk.core.errors import HaianError, SetupError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import now_utc, to_iso
from haian_desk.events.ledger import Ledger
from haian_desk.network import Installation
from haian_desk.people import users, villagers
from haian_desk.storage import encrypt_plain, keys, migrations, setup_marker
from haian_desk.storage.db import Database

SYSTEM_ACTOR = "system"


class Desk:
    def __init__(self, db: Database, folder: Path, wall: Callable[[], datetime] = now_utc):
        self.db = db
        self.folder = folder
        self.wall = wall
        self.installation = _read_installation(db)
        self.ledger = Ledger(db, self.installation.id, lambda: self.wall())
        search.bring_up_to_date(db, villagers.respell)  # once, after the keys' recipe changed
        upgrade.finish_v12(db)  # once: routes of matters sent up, the catalogue's one identity

    @classmethod
    def open(cls, folder: Path, wall: Callable[[], datetime] = now_utc, passphrase: str | None = None) -> Desk:
        """Open an initialised installation, migrating its schema (and encrypting it) if it is older.

        The key comes from ``passphrase``, the OS key store or the environment
        (see storage/keys.py); without one this raises ``keys.PassphraseNeeded``.
        """
        from haian_desk.storage import recovery

        recovery.finish_interrupted(folder)
        db_path = paths.database_path(folder)
        if not db_path.exists():
            raise SetupError(
                "{folder} 里还没有建站", "请先运行 haian-desk init 或在程序里完成首次设置", params={"folder": folder}
            )
        paths.require_writable(folder)  # WAL needs to write beside the database, even to read
        if db_path.stat().st_size == 0:  # SQLite would take it for a new, empty database
            raise HaianError("数据库文件是空的（0字节），已损坏", "请用 haian-desk restore --latest 恢复最新的完好备份")
        if encrypt_plain.needed(folder):
            encrypt_plain.run(folder, passphrase)
        db = Database(db_path, keys.unlock(folder, passphrase))
        try:
            migrations.migrate(db, backup_folder=paths.backups_dir(folder))
            return cls(db, folder, wall)
        except Exception:
            db.close()
            raise

    def for_another_thread(self) -> Desk:
        """A second desk on this installation, with a connection of its own, for another thread.

        One owner per connection: the app's database worker keeps this desk and
        the background sync runs on its twin (WAL lets the two read while one
        writes; SQLite's busy wait orders their writes). It opens with the key
        this desk already holds, so nobody is asked for the passphrase again,
        and needs no migration (this desk did that). Close it when done.
        """
        if self.db.path is None:  # a test's :memory: database: a program's mistake, not a clerk's
            raise ValueError("an in-memory database has no second connection")
        db = Database(self.db.path, self.db.key)
        try:
            return Desk(db, self.folder, self.wall)
        except Exception:
            db.close()
            raise

    def now(self) -> datetime:
        return self.wall()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def initialise(
    folder: Path,
    unit_code: str,
    unit_name: str,
    role: str = "station",
    *,
    address: str = "",
    phone: str = "",
    admin: tuple[str, str] | None = None,
    wall: Callable[[], datetime] = now_utc,
    passphrase: str | None = None,
    demo: bool = False,
    unfinished: bool = False,
) -> Desk:
    """Create a new installation in ``folder``: key, schema, identity, catalogue, first admin.

    The passphrase (argument, else HAIAN_DESK_PASSPHRASE, else the published one
    for a demo station) derives the station key. Until ``setup_marker.done`` is
    called (here, or by the caller when ``unfinished``: the demo adds its
    cases first) the folder is marked as being set up, and a kill before then
    is rolled back at the next start.
    """
    paths.require_folder(folder)
    network.check_unit_code(unit_code, role)
    if not unit_name.strip():
        raise SetupError("请填写本站名称", "例如：曲塘镇杨庄村代理站")
    passphrase = passphrase or os.environ.get(keys.PASSPHRASE_ENV) or (keys.DEMO_PASSPHRASE if demo else "")
    if not passphrase:
        raise SetupError(
            "请设置本站口令（用来加密本站数据）",
            "命令行请用环境变量 {PASSPHRASE_ENV} 提供，至少{MIN_PASSPHRASE}个字符",
            params={"PASSPHRASE_ENV": keys.PASSPHRASE_ENV, "MIN_PASSPHRASE": keys.MIN_PASSPHRASE},
        )
    keys.check_passphrase_rules(passphrase)
    from haian_desk.storage import recovery

    recovery.finish_interrupted(folder)
    db_path = paths.database_path(folder)
    if db_path.exists():
        raise SetupError("{folder} 里已经建过站", "如要重建，请先备份并换一个数据目录", params={"folder": folder})
    setup_marker.begin(folder)
    # Marked as a demo only with the published passphrase: that is what lets it open without asking.
    db = Database(db_path, keys.create(folder, passphrase, demo=demo and passphrase == keys.DEMO_PASSPHRASE))
    migrations.migrate(db)
    meta = {
        "installation_id": uuid7(),
        "unit_code": unit_code.strip(),
        "unit_name": unit_name.strip(),
        "role": role,
        "address": address.strip(),
        "phone": phone.strip(),
        "created_at": to_iso(wall()),
    }
    with db.write() as conn:
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
    desk = Desk(db, folder, wall)
    failpoints.hit("init.identity")
    with db.write() as conn:
        shipped_catalogue.seed(conn)  # the same records at every installation, so the levels' copies are one
    if admin:
        users.add_user(desk, admin[0], admin[0], "admin", admin[1])
    if not unfinished:
        setup_marker.done(folder)
    return desk


def _read_installation(db: Database) -> Installation:
    meta = {row["key"]: row["value"] for row in db.query("SELECT key, value FROM meta")}
    if "installation_id" not in meta:
        raise SetupError("数据库里没有本站信息", "请先完成首次设置（haian-desk init）")
    return Installation(
        meta["installation_id"],
        meta["unit_code"],
        meta["unit_name"],
        meta["role"],
        meta.get("address", ""),
        meta.get("phone", ""),
    )
