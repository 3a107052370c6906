"""Render each main screen of the app with demo data to PNG (``make screenshots``).

Runs offscreen (QT_QPA_PLATFORM=offscreen): no display needed. The demo
station is made in a temporary folder with a fixed "now", so the pictures
change only when the screens do. Usage: python tools/screenshots.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a 1920×1080 desktop, not Qt's 800×800 default
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
        Path(__file__).resolve().parent.parent / "tests" / "offscreen-1920x1080.json"
    )
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget

from haian_desk.cli.demo import make_demo
from haian_desk.core.timeutil import UTC
from haian_desk.people import users
from ui import i18n
from ui.app import make_application
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.widgets.appearance import apply_font

NOW = datetime(2026, 11, 25, 2, 30, tzinfo=UTC)  # a Wednesday, 10:30 in Haian
WINDOW_SIZE = (1280, 800)
CASES = 400


def settle(session: Session | None = None, rounds: int = 200) -> None:
    """Let queued events and database work finish so the picture shows loaded data."""
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()
        if session is None or session.worker.pending == 0:
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, session: Session | None = None) -> None:
    settle(session)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main_window(session: Session, language: str = "zh_CN", large: bool = False) -> MainWindow:
    apply_font(QApplication.instance(), large)
    i18n.install_language(language)
    window = MainWindow(session)
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def shoot_screens(clerk: Session, admin: Session, out: Path) -> None:
    """The counter's screens as a clerk sees them; settings as the admin (with user management)."""
    window = main_window(clerk)
    for number, key in enumerate(["intake", "queue", "villagers", "catalogue"], 2):
        window.show_screen(key)
        save(window, out, f"{number:02d}-{key}", clerk)
        if key == "queue":
            shoot_case(clerk, window, out)
    # The station's other work, named as README.md shows them.
    for key in ("support", "opinions", "complaints", "assessment"):
        window.show_screen(key)
        settle(clerk)
        save(window, out, key, clerk)
    window.close()
    window = main_window(admin)
    window.show_screen("settings")
    window.pages["settings"].tabs.setCurrentIndex(2)
    save(window, out, "06-settings", admin)
    window.close()


def shoot_case(session: Session, window: MainWindow, out: Path) -> None:
    row = session.desk.db.one("SELECT id FROM cases WHERE status = 'in_progress' ORDER BY registered_at DESC LIMIT 1")
    from ui.main_window import _import_optional

    detail = _import_optional("ui.cases.detail")
    if row is None or detail is None:
        return
    dialog = detail.CaseDetailDialog(session, row["id"], window)
    dialog.show()
    save(dialog, out, "03b-case-detail", session)
    dialog.close()


def shoot_modes(session: Session, out: Path) -> None:
    for language, large, name in (("zh_CN", True, "08-large-print"), ("en", False, "09-english")):
        window = main_window(session, language, large)
        window.show_screen("queue")
        save(window, out, name, session)
        window.close()
    apply_font(QApplication.instance(), False)
    i18n.install_language("zh_CN")


# A 1366×768 laptop at 100 %: the desktop less the taskbar (40) and a maximised window's title bar (31).
LAPTOP_WINDOW = (1366, 697)


def shoot_laptop(session: Session, out: Path) -> None:
    """The queue on a 1366×768 laptop; large print there: the intake and a case's window."""
    window = main_window(session)
    window.resize(*LAPTOP_WINDOW)
    window.show_screen("queue")
    save(window, out, "15-laptop-queue", session)
    window.close()
    window = main_window(session, large=True)
    window.resize(*LAPTOP_WINDOW)
    window.show_screen("intake")
    _errand_with_materials(window.pages["intake"], session)
    save(window, out, "16-laptop-large-print-intake", session)
    row = session.desk.db.one("SELECT id FROM cases WHERE status = 'in_progress' ORDER BY registered_at DESC LIMIT 1")
    if row is not None:
        from ui.cases.detail import CaseDetailDialog

        dialog = CaseDetailDialog(session, row["id"], window)
        dialog.resize(min(dialog.width(), LAPTOP_WINDOW[0]), min(dialog.height(), LAPTOP_WINDOW[1]))
        dialog.show()
        save(dialog, out, "17-laptop-large-print-case", session)
        dialog.close()
    window.close()
    apply_font(QApplication.instance(), False)


def _errand_with_materials(intake, session: Session) -> None:
    """An errand half filled in, so the picture shows the materials' tick boxes in large print."""
    from haian_desk.cases.catalogue_queries import as_item
    from haian_desk.cases.presentation import matter_summary

    row = session.desk.db.one("SELECT * FROM catalogue_items WHERE code = 'MZ-001'")
    if row is None or not hasattr(intake, "kind") or not hasattr(intake, "matter"):
        return
    item = as_item(row)
    intake.kind.buttons["errand"].click()  # as Alt+2 would
    settle(session)
    intake.matter.choose(matter_summary(item), ["申请书"])


def shoot_dialogs(desk, session: Session, out: Path, folder: Path) -> None:
    login = LoginDialog(desk, session.worker)
    login.username.setText("clerk")
    login.show()
    save(login, out, "01-login")
    login.close()
    wizard = SetupWizard(folder / "new-station", session.worker)
    wizard.station.township.setCurrentIndex(2)
    wizard.station.village.setText("210")
    wizard.station.name.setText("曲塘镇双楼村代理站")
    wizard.resize(720, 520)
    wizard.show()
    save(wizard, out, "07-setup-wizard")
    wizard.close()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    if i18n.qm_out_of_date():
        i18n.compile_translations()
    i18n.install_language("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        desk = make_demo(folder / "demo", cases=CASES, now=NOW)
        clerk = Session(desk, users.get(desk, "clerk"))
        admin = Session(desk, users.get(desk, "admin"), clerk.worker)
        shoot_dialogs(desk, clerk, out, folder)
        shoot_screens(clerk, admin, out)
        shoot_modes(clerk, out)
        shoot_laptop(clerk, out)
        settle(clerk)
        clerk.worker.shutdown()
        desk.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
