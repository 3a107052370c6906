"""The ``gui`` subcommand (also what ``haian-desk`` runs with no subcommand)."""

from __future__ import annotations

import os

from haian_desk.core.messages import cli_tr
from haian_desk.storage.postgres import DATABASE_ENV


def register(sub, common) -> None:
    gui = sub.add_parser("gui", parents=[common], help=cli_tr("打开桌面程序（默认）"))
    gui.add_argument(
        "--database",
        default=None,
        help=cli_tr(
            "打开县、市、省中心的 PostgreSQL 数据库，如 postgresql://用户@主机/库名（也可用环境变量 {env}）；"
            "--data-dir 只存本机的界面偏好",
            env=DATABASE_ENV,
        ),
    )
    # --lang comes with the common options (haian_desk/cli/main.py); here only what was typed counts
    gui.set_defaults(handler=_run)


def _run(args, folder) -> int:
    language = args.lang or args.top_lang
    url = getattr(args, "database", None) or os.environ.get(DATABASE_ENV)
    if url:
        from ui.hub_app import run_hub_app

        return run_hub_app(folder, url, language)
    from ui.app import run_app

    return run_app(folder, language=language)
