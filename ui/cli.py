"""The ``gui`` subcommand (also what ``haian-desk`` runs with no subcommand)."""

from __future__ import annotations


def register(sub, common) -> None:
    gui = sub.add_parser("gui", parents=[common], help="打开桌面程序（默认）")
    gui.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认简体中文）")
    gui.set_defaults(handler=_run)


def _run(args, folder) -> int:
    from ui.app import run_app

    return run_app(folder, language=args.lang)
