"""The app's real start-up in a fresh process, reporting when its windows are first painted.

Run as ``python -m bench.startup_probe DATA_DIR PASSWORD``: it starts the app
exactly as ``haian-desk --data-dir DATA_DIR`` does (haian_desk.cli.main.main), with
one addition, an event filter on the application that notes the first paint
of the login window, logs in as admin the way a clerk would (typing into the
dialog's fields), and notes the first paint of the main window. Prints
``login <time>`` and ``main <time>`` (time.time()) and exits.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

import ui.app
from haian_desk.cli import main as cli


class Watch(QObject):
    def __init__(self, password: str):
        super().__init__()
        self.password = password
        self.seen: set[str] = set()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow():
            kind = type(watched).__name__
            if kind == "LoginDialog" and "login" not in self.seen:
                self.seen.add("login")
                print(f"login {time.time():.6f}", flush=True)
                QTimer.singleShot(0, lambda: self._log_in(watched))
            elif kind == "MainWindow":
                print(f"main {time.time():.6f}", flush=True)
                os._exit(0)
        return False

    def _log_in(self, dialog) -> None:
        dialog.username.setText("admin")
        dialog.password.setText(self.password)
        dialog.try_login()


def main() -> None:
    folder, password = sys.argv[1], sys.argv[2]
    watch = Watch(password)
    make_application = ui.app.make_application

    def watched_application(argv=None):
        app = make_application(argv)
        app.installEventFilter(watch)
        return app

    ui.app.make_application = watched_application
    sys.exit(cli.main(["--data-dir", folder]))


if __name__ == "__main__":
    main()
