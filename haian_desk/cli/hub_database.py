"""``--database`` for the hub commands that read or act on a county, city or province hub kept on
PostgreSQL (``hub report``, ``hub check``, ``hub inbox`` …): the option, once, and where the URL
comes from (the option, or the environment, which keeps a password off the command line)."""

from __future__ import annotations

import os

from haian_desk.core.messages import cli_tr
from haian_desk.storage.postgres import DATABASE_ENV


def database_option(parser) -> None:
    parser.add_argument(
        "--database",
        default=None,
        help=cli_tr("PostgreSQL 中心数据库，如 postgresql://用户@主机/库名（也可用环境变量 {env}）", env=DATABASE_ENV),
    )


def database_url(args) -> str | None:
    return args.database or os.environ.get(DATABASE_ENV) or None
