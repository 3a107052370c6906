"""What the work screens call to put a case paper on paper: preview, print, save as PDF.

Each call builds the document on the database worker (it reads the case),
paints it on the press's own thread (ui/printing/press.py: a slow printer
holds up neither the database nor the window), and records the copy on the
case back on the worker. Only the preview paints on the GUI thread, because
the preview dialog asks for the pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from haian_desk import documents, station_settings
from haian_desk.documents import Document, prints
from ui.printing import papers, render
from ui.printing.papers import Paper
from ui.printing.press import Job, press_for
from ui.session import Session
from ui.widgets.feedback import alive, explain

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    """Which paper of which case; paper and stub default to the station's settings."""

    case_id: str
    doc: str = "receipt"
    paper: str | None = None
    stub: bool | None = None


@dataclass(frozen=True)
class Printed:
    """What happened, for a status line: the copy (2+ = 补打) and where it went."""

    document: Document
    paper: Paper
    where: str  # a printer's name or the PDF's path


def prepare(desk: Desk, request: Request) -> tuple[Document, Paper]:
    """The document and paper for ``request`` (runs on the worker)."""
    settings = station_settings.load(desk)
    paper = papers.paper(request.paper or settings.receipt_paper)
    stub = settings.receipt_stub if request.stub is None else request.stub
    document = documents.build(desk, request.case_id, request.doc, stub=stub and request.doc == "receipt")
    return document, paper


def _record(desk: Desk, actor: str, request: Request, document: Document, paper: Paper, medium: str) -> None:
    prints.record(desk, actor, request.case_id, request.doc, document.copy, paper.code, medium)
    log.info(
        "printed %s copy %s of case %s on %s (%s) by %s",
        request.doc,
        document.copy,
        request.case_id,
        paper.code,
        medium,
        actor,
    )


def _refused(parent: QWidget, error: BaseException) -> QMessageBox:
    """Say what went wrong without blocking the app (the paper was not made)."""
    log.warning("printing refused: %s", error)
    title = QCoreApplication.translate("Printing", "没有打印")
    box = QMessageBox(QMessageBox.Icon.Warning, title, explain(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("print_refused")
    box.open()
    return box


# --- print on the station's printer -----------------------------------------------------


def installed_printer() -> QPrinterInfo | None:
    """The default printer, else the first one installed, else None."""
    default = QPrinterInfo.defaultPrinter()
    if not default.isNull():
        return default
    found = QPrinterInfo.availablePrinters()
    return found[0] if found else None


def print_now(
    parent: QWidget, session: Session, request: Request, on_done: Callable[[Printed], None] | None = None
) -> None:
    """One key press: the paper goes to the printer (or, with none installed, offer a PDF)."""
    printer_info = installed_printer()
    if printer_info is None:
        _offer_pdf_instead(parent, session, request, on_done)
        return
    name, actor = printer_info.printerName(), session.user.username

    def paint(prepared: tuple[Document, Paper]) -> None:
        printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
        render.print_to(printer, *prepared)

    def record(desk: Desk, prepared: tuple[Document, Paper]) -> Printed:
        document, paper = prepared
        _record(desk, actor, request, document, paper, "printer")
        return Printed(document, paper, name)

    press_for(session).run(
        Job(
            lambda desk: prepare(desk, request),
            paint,
            record,
            alive(parent, on_done or (lambda _p: None)),
            alive(parent, lambda error: _refused(parent, error)),
        )
    )


def _offer_pdf_instead(parent, session, request, on_done) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Printing", "没有打印机"),
        QCoreApplication.translate(
            "Printing", "这台电脑没有安装打印机。\n先另存为PDF文件，再拿到有打印机的电脑上打印吗？"
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("no_printer")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Save).setText(QCoreApplication.translate("Printing", "另存为PDF"))
    save = box.button(QMessageBox.StandardButton.Save)

    def finished(_result: int) -> None:
        if box.clickedButton() is save:
            save_pdf(parent, session, request, on_done=on_done)

    box.finished.connect(finished)
    box.open()  # not exec(): the app keeps running while the clerk decides
    return box


# --- save as PDF ------------------------------------------------------------------------


def save_pdf(
    parent: QWidget,
    session: Session,
    request: Request,
    path: Path | None = None,
    on_done: Callable[[Printed], None] | None = None,
) -> None:
    """Save the paper as a PDF; without ``path`` the clerk picks where."""
    actor = session.user.username

    def write(read: Callable, target: Path) -> None:
        def record(desk: Desk, result: tuple[Document, Paper]) -> Printed:
            document, paper = result
            _record(desk, actor, request, document, paper, "pdf")
            return Printed(document, paper, str(target))

        def paint(result: tuple[Document, Paper]) -> None:
            document, paper = result
            render.write_pdf(document, paper, target)

        press_for(session).run(
            Job(
                read,
                paint,
                record,
                alive(parent, on_done or (lambda _p: None)),
                alive(parent, lambda error: _refused(parent, error)),
            )
        )

    if path is not None:  # read, write and record as one job, so a second copy is numbered after this one
        write(lambda desk: prepare(desk, request), path)
        return

    def prepared(result: tuple[Document, Paper]) -> None:
        target = _ask_pdf_path(parent, result[0])  # the document names the file offered
        if target is not None:
            write(lambda _desk: result, target)

    session.run(
        lambda desk: prepare(desk, request),
        alive(parent, prepared),
        alive(parent, lambda error: _refused(parent, error)),
    )


def _ask_pdf_path(parent: QWidget, document: Document) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = f"{document.title}-{document.number}.pdf" if document.number else f"{document.title}.pdf"
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "另存为PDF"),
        str(Path(folder) / name),
        QCoreApplication.translate("Printing", "PDF 文件 (*.pdf)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    return target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf")


# --- preview ----------------------------------------------------------------------------


def preview(
    parent: QWidget,
    session: Session,
    request: Request,
    on_open: Callable[[QPrintPreviewDialog], None] | None = None,
    on_done: Callable[[Printed], None] | None = None,
) -> None:
    """Show the paper as it will print; printing from the preview records the copy."""
    actor = session.user.username

    def prepared(result: tuple[Document, Paper]) -> None:
        document, paper = result
        dialog = open_preview(parent, document, paper)

        def printed() -> None:
            printer = dialog.printer()
            medium = "pdf" if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else "printer"
            where = printer.outputFileName() if medium == "pdf" else printer.printerName()
            session.run(
                lambda desk: _record(desk, actor, request, document, paper, medium),
                alive(parent, lambda _r: (on_done or (lambda _p: None))(Printed(document, paper, where))),
                alive(parent, lambda error: _refused(parent, error)),
            )

        dialog.accepted.connect(printed)
        if on_open:
            on_open(dialog)

    session.run(
        lambda desk: prepare(desk, request),
        alive(parent, prepared),
        alive(parent, lambda error: _refused(parent, error)),
    )


def open_preview(parent: QWidget | None, document: Document, paper: Paper) -> QPrintPreviewDialog:
    """A preview dialog (opened, not modal) that paints ``document`` on ``paper``."""
    printer_info = installed_printer()
    printer = (
        QPrinter(printer_info, QPrinter.PrinterMode.HighResolution)
        if printer_info
        else QPrinter(QPrinter.PrinterMode.HighResolution)
    )
    printer.setPageLayout(render.page_layout(paper))
    dialog = QPrintPreviewDialog(printer, parent)
    title = QCoreApplication.translate("Printing", "打印预览：{0} {1}")
    dialog.setWindowTitle(title.format(document.title, document.number).strip())
    dialog.paintRequested.connect(lambda target: render.print_to(target, document, paper))
    dialog.resize(900, 1000)
    dialog._printer = printer  # type: ignore[attr-defined]  # the dialog does not own the printer: keep it alive as long as it
    dialog.open()
    return dialog


# --- the public board -------------------------------------------------------------------


def board_preview(
    parent: QWidget,
    session: Session,
    paper_code: str = "a4",
    on_open: Callable[[QPrintPreviewDialog], None] | None = None,
) -> None:
    paper = papers.paper(paper_code, papers.BOARD_PAPERS)

    def built(document: Document) -> None:
        dialog = open_preview(parent, document, paper)
        if on_open:
            on_open(dialog)

    session.run(documents.build_board, alive(parent, built), alive(parent, lambda error: _refused(parent, error)))
