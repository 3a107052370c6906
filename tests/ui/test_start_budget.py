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
# What the GUI thread itself does not need to draw the login window: our rooms that only the
# main window and later use, and the station's opening (on the worker, key derivation included).
OURS_NOT_BEFORE_LOGIN = (
    "sync",
    "ui.main_window",
    "ui.session",
    "ui.cases",
    "ui.township",
    "haian_desk.desk",
    "haian_desk.events",
    "haian_desk.people",
    "haian_desk.cases",
    "haian_desk.replication",
    "cryptography",
)


def _loaded(folder: Path, *flags: str) -> dict[str, set[str]]:
    """The modules loaded when each window was first drawn (bench/startup_probe.py, which
    starts the app as a user does and types the login)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", str(folder), ADMIN[1], "--modules", *flags],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdin=subprocess.DEVNULL,
    )
    found = {
        name.removeprefix("modules-"): set(rest.split())
        for name, _, rest in (line.partition(" ") for line in done.stdout.splitlines())
        if name.startswith("modules-")
    }
    assert found, done.stderr[-2000:]
    return found


def _loaded_of(modules: set[str], names) -> list[str]:
    return sorted(name for name in names if any(m == name or m.startswith(name + ".") for m in modules))


def test_the_login_window_comes_without_the_packages_of_later_work(desk):
    folder = desk.folder
    desk.close()
    # The station held back: what the GUI thread loaded for the login, never what the worker
    # happened to load by then (the main window's modules, while the clerk types).
    modules = _loaded(folder, "--hold-station")["login"]
    assert _loaded_of(modules, NOT_BEFORE_LOGIN) == []
    assert _loaded_of(modules, OURS_NOT_BEFORE_LOGIN) == []


def test_the_first_run_wizard_comes_without_them_too(tmp_path):
    modules = _loaded(tmp_path / "new-station")["wizard"]
    assert _loaded_of(modules, NOT_BEFORE_LOGIN - {"pypinyin"}) == []


# Loaded by the main window on the GUI thread while the clerk waits after the login; these
# load when their work first runs instead (the sync client on the sync thread, QR codes with
# the first paper).
NOT_WITH_THE_MAIN_WINDOW = {"httpx", "httpcore", "click", "pygments", "segno", "uvicorn", "psycopg", "openpyxl"}


def test_the_main_window_leaves_the_sync_client_and_papers_to_their_first_use(desk):
    folder = desk.folder
    desk.close()
    modules = _loaded(folder)["main"]
    assert _loaded_of(modules, NOT_WITH_THE_MAIN_WINDOW) == []
