"""``haian-desk print``, ``board`` and ``print-card``: case papers, the public board and
the keyboard card, to a PDF file or to the default printer, from the command line.

Registered through the ``haian_desk.commands`` entry points (they need Qt to
render). Every mistake (an unknown case number, document or paper) is one
line on stderr and exit code 2, raised as HaianError before anything is
written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import with_desk
from haian_desk.core import messages
from haian_desk.core.errors import HaianError, fill
from haian_desk.core.messages import cli_tr

if TYPE_CHECKING:
    from haian_desk.desk import Desk

_app: list = []  # the Qt application, kept alive for the command's lifetime


def register(sub, common) -> None:
    papers = "a4|a5|80mm|58mm"
    case = sub.add_parser("print", parents=[common], help=cli_tr("打印办件文书（回执、告知单、委托书），或另存为PDF"))
    case.add_argument("case_no", help=cli_tr("办件编号，如 102210-260304-001"))
    case.add_argument(
        "--doc",
        default="receipt",
        help=cli_tr(
            "receipt 受理回执｜missing 补正告知单｜decline 不予受理告知书｜completion 办结告知单｜"
            "authorisation 授权委托书（默认 receipt）"
        ),
    )
    case.add_argument("--paper", help=cli_tr("纸张：{papers}（默认用本站设置）", papers=papers))
    case.add_argument(
        "--stub", action=argparse.BooleanOptionalAction, default=None, help=cli_tr("回执下方带存根（默认用本站设置）")
    )
    case.add_argument("--pdf", metavar="OUT.pdf", help=cli_tr("另存为PDF文件；不写就送到默认打印机"))
    # Every copy is recorded on the case with who printed it; roles are checked in the domain.
    case.add_argument(
        "--as", dest="actor", metavar=cli_tr("登录名"), required=True, help=cli_tr("打印人的登录名（记入办件历史）")
    )
    case.set_defaults(handler=print_case)
    board = sub.add_parser("board", parents=[common], help=cli_tr("打印本站的群众事务代理公示牌"))
    board.add_argument("--paper", default="a4", help=cli_tr("纸张：a4|a3（默认 a4）"))
    board.add_argument("--pdf", metavar="OUT.pdf", help=cli_tr("另存为PDF文件；不写就送到默认打印机"))
    board.set_defaults(handler=print_board)
    card = sub.add_parser("print-card", parents=[common], help=cli_tr("打印快捷键卡（A4，受理和办件的按键）"))
    card.add_argument("--pdf", metavar="OUT.pdf", help=cli_tr("另存为PDF文件；不写就送到默认打印机"))
    card.set_defaults(handler=print_card)


def _case_paper_known(args, _folder: Path) -> None:
    from haian_desk import documents
    from ui.printing import papers

    if args.doc not in documents.CASE_DOCUMENTS:
        raise HaianError(f"没有“{args.doc}”这种文书", "可选：" + "、".join(documents.CASE_DOCUMENTS))
    if args.paper:
        papers.paper(args.paper)
    _check_target(args.pdf)


@with_desk(first=_case_paper_known)
def print_case(args, desk: Desk) -> int:
    from haian_desk import documents
    from haian_desk.people import permissions
    from ui.printing import actions

    with desk.db.read() as conn:  # refused before any paper comes out, not after
        permissions.require(conn, args.actor, "case.handle")
    case_id = documents.by_case_number(desk, args.case_no)
    request = actions.Request(case_id, args.doc, args.paper, args.stub)
    document, paper = actions.prepare(desk, request)
    where, medium = _output(document, paper, args.pdf)
    documents.prints.record(desk, args.actor, case_id, args.doc, document.copy, paper.code, medium)
    copy = f"{cli_tr('，')}{_term(document.reprint_mark)}" if document.reprint_mark else ""
    _done(args.pdf, document.title, paper.label + copy, where)
    return 0


def _board_paper(args, _folder: Path | None = None):
    from ui.printing import papers

    paper = papers.paper(args.paper, papers.BOARD_PAPERS)
    _check_target(args.pdf)
    return paper


@with_desk(first=_board_paper)
def print_board(args, desk: Desk) -> int:
    from haian_desk import documents

    paper = _board_paper(args)
    document = documents.build_board(desk)
    where, _medium = _output(document, paper, args.pdf)
    _done(args.pdf, document.title, paper.label, where)
    return 0


def print_card(args, folder: Path) -> int:
    """The keyboard card needs no station: it lists the program's keys."""
    from ui.printing import keyboard_card

    _check_target(args.pdf)
    _ensure_gui()
    document = keyboard_card.build()
    where, _medium = _output(document, keyboard_card.CARD_PAPER, args.pdf)
    _done(args.pdf, document.title, "A4", where)
    return 0


def _check_target(pdf: str | None) -> None:
    if pdf is None:
        return
    folder = Path(pdf).expanduser().resolve().parent
    if not folder.is_dir():
        raise HaianError(f"文件夹 {folder} 不存在", "请先建好文件夹，或换一个保存位置")


def _output(document, paper, pdf: str | None) -> tuple[str, str]:
    """Render to the PDF file or the default printer; returns (where, medium)."""
    _ensure_gui()
    from ui.printing import render

    if pdf:
        target = Path(pdf).expanduser().resolve()
        render.write_pdf(document, paper, target)
        return str(target), "pdf"
    from PySide6.QtPrintSupport import QPrinter

    from ui.printing.actions import installed_printer

    info = installed_printer()
    if info is None:
        raise HaianError("这台电脑没有安装打印机", "用 --pdf 文件名 另存为PDF")
    render.print_to(QPrinter(info, QPrinter.PrinterMode.HighResolution), document, paper)
    return info.printerName(), "printer"


def _ensure_gui() -> None:
    """Qt draws text only with an application object; with no display, draw offscreen."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    if QCoreApplication.instance() is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app.append(QGuiApplication(["haian-desk"]))


def _done(to_pdf: bool, title: str, paper: str, where) -> None:
    """已保存受理回执（A4）：… / Saved Receipt (A4): …"""
    template = cli_tr("已保存{title}（{paper}）：{where}") if to_pdf else cli_tr("已打印{title}（{paper}）：{where}")
    print(fill(template, {"title": _term(title), "paper": paper, "where": where}))


def _term(word: str) -> str:
    return messages.translate(messages.VOCABULARY, word)
