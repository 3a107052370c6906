"""The print controls the work screens embed.

``ReceiptButtons``: on the intake screen once a matter is registered, the
receipt in one key press (Ctrl+P) or a preview first (Ctrl+Shift+P).
``PrintMenuButton``: in a case's detail, every paper the case can have, each
to print (补打 once a copy exists), preview or save as PDF, on a chosen paper.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QWidget

from haian_desk import documents
from haian_desk.cases.records import Case
from haian_desk.documents import prints
from ui.i18n import term
from ui.printing import actions, papers
from ui.printing.actions import Printed, Request
from ui.session import Session
from ui.widgets.feedback import alive

PRINT_KEYS = "Ctrl+P"
PREVIEW_KEYS = "Ctrl+Shift+P"


def done_text(printed: Printed) -> str:
    """A status line a clerk reads after printing: what, which copy, where."""
    copy = f"（{printed.document.reprint_mark}）" if printed.document.reprint_mark else ""
    text = QCoreApplication.translate("Printing", "已打印{0}{1}：{2}")
    return text.format(term(printed.document.title), copy, printed.where)


class ReceiptButtons(QWidget):
    """Print or preview the receipt of the matter just registered."""

    printed = Signal(object)  # Printed

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.case_id: str | None = None
        self.papers: tuple[str, ...] = ("receipt",)
        self.print_button = QPushButton(self.tr("打印回执（Ctrl+P）"))
        self.print_button.setObjectName("print_receipt")
        self.print_button.setShortcut(QKeySequence(PRINT_KEYS))
        self.preview_button = QPushButton(self.tr("预览（Ctrl+Shift+P）"))
        self.preview_button.setObjectName("preview_receipt")
        self.preview_button.setShortcut(QKeySequence(PREVIEW_KEYS))
        self.status = QLabel()
        self.status.setObjectName("print_status")
        self.status.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.print_button)
        row.addWidget(self.preview_button)
        row.addWidget(self.status, 1)
        self.print_button.clicked.connect(self.print_receipt)
        self.preview_button.clicked.connect(self.preview_receipt)
        self.show_case(None)

    def show_case(self, case_id: str | None, with_receipt: tuple[str, ...] = ()) -> None:
        """The case whose receipt Ctrl+P prints, and any papers that go with it."""
        self.case_id = case_id
        self.papers = ("receipt", *with_receipt)
        self.print_button.setText(
            self.tr("打印回执和授权委托书（Ctrl+P）")
            if "authorisation" in with_receipt
            else self.tr("打印回执（Ctrl+P）")
        )
        self.print_button.setShortcut(QKeySequence(PRINT_KEYS))  # setText clears a button's shortcut
        self.status.clear()
        self.print_button.setEnabled(case_id is not None)
        self.preview_button.setEnabled(case_id is not None)

    def print_receipt(self) -> None:
        self.print_papers(self.papers)

    def print_papers(self, papers: tuple[str, ...], case_id: str | None = None) -> None:
        """Print each paper of the case in turn (the next once the one before has gone)."""
        case_id = case_id or self.case_id
        if not case_id or not papers:
            return

        def done(printed: Printed) -> None:
            self._done(printed)
            self.print_papers(papers[1:], case_id)

        actions.print_now(self, self.session, Request(case_id, papers[0]), on_done=done)

    def preview_receipt(self) -> None:
        if self.case_id:
            actions.preview(self, self.session, Request(self.case_id), on_done=self._done)

    def _done(self, printed: Printed) -> None:
        self.status.setText(done_text(printed))
        self.printed.emit(printed)


class PrintMenuButton(QToolButton):
    """打印/补打: a menu of the papers this case can have."""

    printed = Signal(object)  # Printed

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.case: Case | None = None
        self.paper_code: str | None = None  # None: the station's receipt paper
        self.setObjectName("print_menu")
        self.setText(self.tr("打印（Ctrl+P）"))
        self.setShortcut(QKeySequence(PRINT_KEYS))  # opens the menu of papers
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.setEnabled(False)

    def show_case(self, case: Case) -> None:
        """Rebuild the menu for ``case`` once the copies printed so far are known."""
        self.case = case
        case_id, docs = case.id, documents.available(case)
        self.session.run(
            lambda desk: {doc: prints.copies_printed(desk, case_id, doc) for doc in docs}, alive(self, self._fill)
        )

    def _fill(self, copies: dict[str, int]) -> None:
        menu = self.menu()
        menu.clear()
        for doc, count in copies.items():
            self._document_menu(menu, doc, count)
        menu.addSeparator()
        self._paper_menu(menu)
        self.setText(self.tr("打印/补打（Ctrl+P）") if any(copies.values()) else self.tr("打印（Ctrl+P）"))
        self.setShortcut(QKeySequence(PRINT_KEYS))  # setText clears a button's shortcut
        self.setEnabled(bool(copies))

    def _document_menu(self, menu: QMenu, doc: str, count: int) -> None:
        title = term(documents.CASE_DOCUMENTS[doc].title)
        sub = menu.addMenu(title if not count else self.tr("{0}（已打印{1}份）").format(title, count))
        sub.setObjectName(f"print_{doc}")
        again = self.tr("补打") if count else self.tr("打印")
        sub.addAction(again, lambda: actions.print_now(self, self.session, self._request(doc), on_done=self._done))
        sub.addAction(
            self.tr("预览…"), lambda: actions.preview(self, self.session, self._request(doc), on_done=self._done)
        )
        sub.addAction(
            self.tr("另存为PDF…"), lambda: actions.save_pdf(self, self.session, self._request(doc), on_done=self._done)
        )

    def _paper_menu(self, menu: QMenu) -> None:
        sub = menu.addMenu(self.tr("纸张"))
        group = QActionGroup(sub)
        choices = [(None, self.tr("按本站设置"))] + [(code, papers.PAPERS[code].label) for code in papers.CASE_PAPERS]
        for code, text in choices:
            action = sub.addAction(text)
            action.setCheckable(True)
            action.setChecked(code == self.paper_code)
            action.triggered.connect(lambda _on=False, c=code: setattr(self, "paper_code", c))
            group.addAction(action)

    def _request(self, doc: str) -> Request:
        assert self.case is not None  # the menu is filled only for a case
        return Request(self.case.id, doc, self.paper_code)

    def _done(self, printed: Printed) -> None:
        self.printed.emit(printed)
