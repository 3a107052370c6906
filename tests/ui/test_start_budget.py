"""What the app loads before its first window: nothing the login window does not need.

Start-up is the first thing a clerk waits for every morning (issue 15: the login window within
2x a bare PySide6 window). Each package below costs tens of milliseconds to import and belongs
to work that starts only after the login (search spelling, sync, imports, papers, the hub): a
module-level import of one of them on the login path would slow every start without a test
noticing it. The app is started as a user starts it, in its own process; nothing is timed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ADMIN

ROOT = Path(__file__).resolve().parents[2]

# Third-party packages the login window must not pull in (top-level import names).
NOT_BEFORE_LOGIN = {
    "pypinyin",  # search spelling
    "sqlite_utils",
    "pygments",
    "click",
    "httpx",  # the sync client
    "httpcore",
    "anyio",
    "uvicorn",  # the hub
    "starlette",
    "msgspec",
    "psycopg",
    "segno",  # QR codes on papers
    "pypdf",
    "openpyxl",  # imports of villagers' files
    "python_calamine",
    "odf",
    "dateutil",
    "chinese_calendar",
    "fontTools",
}
# Our own rooms that only the main window and later use.
OURS_NOT_BEFORE_LOGIN = (
    "sync",
    "ui.main_window",
    "ui.cases",
    "ui.township",
    "haian_desk.cases",
    "haian_desk.replication",
)

PROBE = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
import ui.app
from haian_desk.cli import main as cli

WANTED = sys.argv[2]

class Windows(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow():
            kind = type(watched).__name__
            if kind == "LoginDialog" and WANTED == "MainWindow":
                QTimer.singleShot(0, lambda: self.log_in(watched))
            elif kind != WANTED and WANTED == "MainWindow":
                return False
            else:
                print("WINDOW", kind)
                print("MODULES", " ".join(sorted(sys.modules)), flush=True)
                os._exit(0)
        return False

    def log_in(self, dialog):
        if dialog.username.text():
            return
        dialog.username.setText(sys.argv[3])
        dialog.password.setText(sys.argv[4])
        dialog.try_login()

spy = Windows()
make_application = ui.app.make_application

def watched(argv=None):
    app = make_application(argv)
    app.installEventFilter(spy)
    return app

ui.app.make_application = watched
sys.exit(cli.main(["--data-dir", sys.argv[1]]))
"""


def _first_window(folder: Path, wanted: str = "first") -> tuple[str, set[str]]:
    """The first window drawn (or, with ``wanted="MainWindow"``, the main window after a typed
    login) and the modules loaded by then."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder), wanted, *ADMIN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdin=subprocess.DEVNULL,
    )
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert "MODULES" in lines, done.stderr[-2000:]
    return lines["WINDOW"], set(lines["MODULES"].split())


def _loaded_of(modules: set[str], names) -> list[str]:
    return sorted(name for name in names if any(m == name or m.startswith(name + ".") for m in modules))


def test_the_login_window_comes_without_the_packages_of_later_work(desk):
    folder = desk.folder
    desk.close()
    window, modules = _first_window(folder)
    assert window == "LoginDialog"
    assert _loaded_of(modules, NOT_BEFORE_LOGIN) == []
    assert _loaded_of(modules, OURS_NOT_BEFORE_LOGIN) == []


def test_the_first_run_wizard_comes_without_them_too(tmp_path):
    window, modules = _first_window(tmp_path / "new-station")
    assert window == "SetupWizard"
    assert _loaded_of(modules, NOT_BEFORE_LOGIN - {"pypinyin"}) == []


# Loaded by the main window on the GUI thread while the clerk waits after the login; these
# load when their work first runs instead (the sync client on the sync thread, QR codes with
# the first paper).
NOT_WITH_THE_MAIN_WINDOW = {"httpx", "httpcore", "click", "pygments", "segno", "uvicorn", "psycopg", "openpyxl"}


def test_the_main_window_leaves_the_sync_client_and_papers_to_their_first_use(desk):
    folder = desk.folder
    desk.close()
    window, modules = _first_window(folder, "MainWindow")
    assert window == "MainWindow"
    assert _loaded_of(modules, NOT_WITH_THE_MAIN_WINDOW) == []
