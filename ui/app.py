"""Starting the desktop app: fonts, language, the installation, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from haian_desk.cases import queries
from haian_desk.desk import Desk
from haian_desk.errors import HaianError
from ui.fonts import register_fonts, ui_font


class MainWindow(QMainWindow):
    """Placeholder until the full station UI lands: the station and its deadline counts."""

    def __init__(self, desk: Desk):
        super().__init__()
        self.desk = desk
        self.setWindowTitle(self.tr("海安群众事务代理工作台 — {0}").format(desk.installation.unit_name))
        counts = queries.deadline_counts(desk, desk.now())
        self.setCentralWidget(QLabel(desk.installation.unit_name))
        self.statusBar().showMessage(
            self.tr("超期 {0} 件，即将到期 {1} 件").format(counts["overdue"], counts["due_soon"]))
        self.resize(1100, 720)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("HaianDesk")
    register_fonts()
    app.setFont(ui_font())
    return app


def run_app(folder: Path, language: str | None = None) -> int:
    app = make_application()
    try:
        desk = Desk.open(folder)
    except HaianError as error:
        QMessageBox.critical(None, "海安群众事务代理工作台", str(error))
        return 2
    window = MainWindow(desk)
    window.show()
    return app.exec()
