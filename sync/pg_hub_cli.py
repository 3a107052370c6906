"""``haian-desk hub serve|enrol|revoke|import --database URL --data-dir KEYS``: the same commands
for a county, city or province hub kept in PostgreSQL (sync/hub_cli.py hands over to these).

Which hub a command means: ``--database`` given, or the URL in the environment
(HAIAN_DESK_DATABASE) while ``--data-dir`` holds no installation of its own: a township's
folder always holds its SQLite database, so a township whose machine has the variable set
still serves itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from haian_desk.core import paths
from haian_desk.core.errors import SetupError
from haian_desk.core.messages import cli_tr
from haian_desk.core.timeutil import to_iso
from haian_desk.storage.postgres import DATABASE_ENV


def database_option(parser) -> None:
    parser.add_argument(
        "--database",
        default=None,
        help=cli_tr(
            "县、市、省中心的 PostgreSQL 数据库，如 postgresql://用户@主机/库名（也可用环境变量 {env}）；"
            "此时 --data-dir 是中心密钥所在的文件夹",
            env=DATABASE_ENV,
        ),
    )


def pg_url(args, folder: Path) -> str | None:
    if getattr(args, "database", None):
        return args.database
    env = os.environ.get(DATABASE_ENV)
    return env if env and not paths.database_path(folder).exists() else None


def serve(args, folder: Path, url: str) -> int:
    from sync import pg_serve

    if args.workers < 1:
        raise SetupError("--workers 至少为 1", "一般与服务器的处理器核数相同")
    # Everything a worker would refuse is refused here, once, before a port is opened.
    hub, backend = pg_serve.open_served(url, folder)
    backend.db.close()
    scheme = "https" if args.tls_cert else "http"
    print(
        cli_tr(
            "{unit_name} 同步服务（PostgreSQL，{workers} 个进程）：{scheme}://{host}:{port}（Ctrl+C 停止）",
            unit_name=hub.backend.own.unit_name,
            workers=args.workers,
            scheme=scheme,
            host=args.host,
            port=args.port,
        ),
        flush=True,
    )
    pusher = _pusher(args, url, folder)
    try:
        pg_serve.serve(
            url,
            folder,
            args.host,
            args.port,
            workers=args.workers,
            tls_cert=args.tls_cert,
            tls_key=args.tls_key,
            max_body=args.max_body,
        )
    finally:
        if pusher is not None:
            pusher.stop()
    return 0


def _pusher(args, url: str, folder: Path):
    """The background push to the parent (sync/pg_autopush.py), unless ``--push-every 0``."""
    from sync.pg_autopush import PUSH_EVERY, AutoPush

    every = PUSH_EVERY if args.push_every is None else args.push_every
    if every < 0:
        raise SetupError("--push-every 不能是负数", "填秒数，如 300；填 0 则不自动上报")
    if every == 0:
        return None
    print(cli_tr("有上级中心时，每 {seconds} 秒自动上报一次（--push-every）", seconds=f"{every:g}"), flush=True)
    return AutoPush(url, folder, every).start()


def enrol(args, folder: Path, url: str) -> int:
    from sync import enrolment, pg_serve
    from sync.enrol_cli import say_enrolled

    hub, backend = pg_serve.open_served(url, folder)
    with backend.db:
        child, answer = enrolment.enrol_with(
            backend.own,
            to_iso(backend.now()),
            hub.keys,
            enrolment.read_document(args.request),
            args.url,
            backend.enrol,
        )
    enrolment.write_document(answer, args.out)
    say_enrolled(child, args.out)
    return 0


def revoke(args, url: str) -> int:
    from haian_desk.replication.pg_hub import PgHub, open_hub
    from sync import enrolment

    with open_hub(url, 2) as db:
        backend = PgHub(db)
        chosen = enrolment.choose_child(backend.children(), args.station)
        backend.revoke(chosen.id, to_iso(backend.now()))
    print(
        cli_tr(
            "已注销：{unit_name}（{unit_code}），安装编号 {id}；它已上报的数据保留",
            unit_name=chosen.unit_name,
            unit_code=chosen.unit_code,
            id=chosen.id,
        )
    )
    return 0


def import_file(args, folder: Path, url: str) -> int:
    from sync import pg_serve
    from sync.cli import import_lines
    from sync.files import import_into

    hub, backend = pg_serve.open_served(url, folder)
    with backend.db:
        result = import_into(hub, args.file, args.reply)
    for line in import_lines(result):
        print(line)
    return 0


def refuse_workers_without_database(args) -> bool:
    if getattr(args, "workers", 1) != 1:
        print(
            cli_tr("错误：--workers 只用于 PostgreSQL 中心（--database）；镇中心的同步服务只开一个进程"),
            file=sys.stderr,
        )
        return True
    return False
