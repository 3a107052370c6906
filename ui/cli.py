"""The ``gui`` subcommand (also what ``haian-desk`` runs with no subcommand)."""

from __future__ import annotations

from haian_desk.core.messages import cli_tr


def register(sub, common) -> None:
    gui = sub.add_parser("gui", parents=[common], help=cli_tr("打开桌面程序（默认）"))
    # --lang comes with the common options (haian_desk/cli/main.py); here only what was typed counts
    gui.set_defaults(handler=_run)


def _run(args, folder) -> int:
    from ui.app import run_app

    return run_app(folder, language=args.lang or args.top_lang)
