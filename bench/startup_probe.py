"""The app's real start-up in a fresh process, reporting when its windows are first painted.

Run as ``python -m bench.startup_probe DATA_DIR PASSWORD [--modules] [--hold-station]``: it
starts the app exactly as ``haian-desk --data-dir DATA_DIR`` does (haian_desk.cli.main.main),
with one addition, an event filter on the application that notes the first paint of the login
window, logs in as admin the way a clerk would (typing into the dialog's fields), and notes the
first paint of the main window. Prints ``login <time>`` and ``main <time>`` (time.time()) and
exits; a new installation's first-run wizard is noted as ``wizard <time>`` and ends the probe.

``--modules`` also prints, at each of those moments, ``modules-<moment> <every module loaded>``
(tests/ui/test_start_budget.py holds the start-up's import budget with it). ``--hold-station``
keeps the station from opening behind the login window, so what is loaded at the login's paint
is what the GUI thread loaded for it; the probe then ends at the login window.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from PySide6.QtCore import QEvent, QObject, QTimer

import ui.app
import ui.opening
from haian_desk.cli import main as cli

MOMENTS = {"LoginDialog": "login", "MainWindow": "main", "SetupWizard": "wizard"}


class Watch(QObject):
    def __init__(self, password: str, modules: bool, stop_at_login: bool):
        super().__init__()
        self.password = password
        self.modules = modules
        self.stop_at_login = stop_at_login
        self.seen: set[str] = set()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow():
            moment = MOMENTS.get(type(watched).__name__)
            if moment and moment not in self.seen:
                self.seen.add(moment)
                self._note(moment)
                if moment == "login" and not self.stop_at_login:
                    QTimer.singleShot(0, lambda: self._log_in(watched))
                else:
                    os._exit(0)
        return False

    def _note(self, moment: str) -> None:
        print(f"{moment} {time.time():.6f}", flush=True)
        if self.modules:
            print(f"modules-{moment} {' '.join(sorted(sys.modules))}", flush=True)

    def _log_in(self, dialog) -> None:
        dialog.username.setText("admin")
        dialog.password.setText(self.password)
        dialog.try_login()


def _hold_station() -> None:
    """The station's opening (on the database worker) waits for ever."""
    ui.opening.prepare = lambda *args, **kwargs: threading.Event().wait()


def main() -> None:
    folder, password, flags = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    if "--hold-station" in flags:
        _hold_station()
    watch = Watch(password, "--modules" in flags, "--hold-station" in flags)
    make_application = ui.app.make_application

    def watched_application(argv=None):
        app = make_application(argv)
        app.installEventFilter(watch)
        return app

    ui.app.make_application = watched_application
    sys.exit(cli.main(["--data-dir", folder]))


if __name__ == "__main__":
    main()
