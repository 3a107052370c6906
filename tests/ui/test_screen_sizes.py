"""Every main screen at every common desktop: nothing cut off or overlapping, the navigation whole.

Desktops: 1280×720, 1366×768 and 1920×1080 panels at Windows' 100 %, 125 % and
150 % scaling. How scaling is emulated: Qt 6 lays a window out in logical
pixels, and Windows at 150 % gives it a desktop 1.5 times smaller (1920×1080
becomes 1280×720) with fonts of the same logical size; only the rasterising
is finer. So each desktop is emulated in this one process by sizing the window
to its logical client area (the desktop less the taskbar and a maximised
window's title bar, see ``layout_checks.Desktop``), which gives the same
layout as ``QT_SCALE_FACTOR`` would, at a fraction of the cost of a process
per factor. (``test_window_place`` starts the real app once under
QT_SCALE_FACTOR on an emulated screen to show the two agree where it matters:
the window fits.)

Every combination: the nine desktops in Chinese and English, at normal and large
print, for a station's screens and a township's (at 1280×720 and 150 % a window
is about 853×410 logical pixels: the navigation packs tighter and the status
bar's lines shorten with "…", their whole text in the tooltip). Each picture is
written to ``$HAIAN_SCREENSHOT_DIR`` (or ``build/screens/``), which CI keeps as
an artifact.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.sync.helpers import act, by_file, take_in
from tests.ui.helpers import wait_idle
from tests.ui.layout_checks import Desktop, columns_out_of_view, layout_problems, navigation_problems
from ui import i18n
from ui.cases.queue_model import COLUMN_KEYS
from ui.main_window import SCREENS, MainWindow, screens_for
from ui.widgets.appearance import apply_font

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
EVERY = [Desktop(w, h, s) for w, h in SIZES for s in (1.0, 1.25, 1.5)]
MODES = [("zh_CN", False, EVERY), ("zh_CN", True, EVERY), ("en", False, EVERY), ("en", True, EVERY)]
MODE_IDS = ["chinese", "chinese-large", "english", "english-large"]
# At 1366 logical pixels and wider, these queue columns are in view without scrolling sideways.
ESSENTIAL = [COLUMN_KEYS.index(k) for k in ("case_no", "villager", "status", "deadline")]


def picture_folder() -> Path:
    folder = Path(os.environ.get("HAIAN_SCREENSHOT_DIR") or ROOT / "build" / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settled_problems(qtbot, check) -> list[str]:
    """The problems once layouts have settled (a text change re-lays out one level per pass)."""
    with contextlib.suppress(Exception):  # what is left is reported below
        qtbot.waitUntil(lambda: not check(), timeout=1_500)
    return check()


def must_not_scroll(mode: str, desktop: Desktop) -> bool:
    """Where every screen fits whole: normal print at 100 % and on 1920×1080 at any scaling, and
    large print (Chinese and English) on a 1366×768 laptop. Elsewhere (125 %/150 % on the small
    panels, large print at 1280×720) a screen may scroll inside its area: nothing is cut off and
    the navigation and status bar stay in view, but the clerk scrolls."""
    if "large" in mode:
        return (desktop.width, desktop.height, desktop.scale) == (1366, 768, 1.0)
    return desktop.scale == 1.0 or desktop.width >= 1920


def scrolled_screen(window) -> list[str]:
    """A screen that needs its area's scroll bars (see ``must_not_scroll`` for where that fails)."""
    area = window.findChild(QScrollArea, "screen_area")
    bars = [b for b in (area.horizontalScrollBar(), area.verticalScrollBar()) if b.maximum() > 0]
    return [f"the screen scrolls ({', '.join(str(b.maximum()) for b in bars)} px hidden)"] if bars else []


def shoot(widget, name: str) -> None:
    widget.grab().save(str(picture_folder() / f"{name}.png"))


def check_window(qtbot, session, window, desktop: Desktop, mode: str, keys: list[str] | None = None) -> list[str]:
    width, height = desktop.window()
    window.resize(width, height)
    problems = []
    for key in keys or [s.key for s in SCREENS]:
        window.show_screen(key)
        wait_idle(qtbot, session)
        where = f"{mode} {desktop.name} {key}"

        def check(key=key) -> list[str]:
            found = layout_problems(window) + navigation_problems(window)
            if (window.width(), window.height()) != (width, height):
                found.append(f"window needs {window.width()}x{window.height()}")
            if key == "queue" and desktop.logical()[0] >= 1366:
                found += columns_out_of_view(window.pages["queue"].table, ESSENTIAL)
            if must_not_scroll(mode, desktop):
                found += scrolled_screen(window)
            return found

        problems += [f"{where}: {p}" for p in settled_problems(qtbot, check)]
        shoot(window, f"{mode}-{desktop.name}-{key}")
    return problems


def check_case_detail(qtbot, session, window, desktop: Desktop, mode: str) -> list[str]:
    from ui.cases.detail import CaseDetailDialog

    case = session.desk.db.one("SELECT id FROM cases WHERE status = 'in_progress' ORDER BY registered_at DESC LIMIT 1")
    dialog = CaseDetailDialog(session, case["id"], window)
    qtbot.addWidget(dialog)
    width, height = desktop.window()
    wanted = (min(dialog.width(), width), min(dialog.height(), height))
    dialog.resize(*wanted)
    dialog.show()
    wait_idle(qtbot, session)

    def check() -> list[str]:
        found = layout_problems(dialog)
        if (dialog.width(), dialog.height()) != wanted:
            found.append(f"case window needs {dialog.width()}x{dialog.height()}, has {wanted}")
        return found

    problems = [f"{mode} {desktop.name} case detail: {p}" for p in settled_problems(qtbot, check)]
    shoot(dialog, f"{mode}-{desktop.name}-case-detail")
    dialog.close()
    return problems


@pytest.mark.parametrize("language, large, desktops", MODES, ids=MODE_IDS)
def test_every_screen_fits_every_desktop(qtbot, demo_session, ui_app, restore_appearance, language, large, desktops):
    apply_font(ui_app, large)
    i18n.install_language(language)
    mode = MODE_IDS[MODES.index((language, large, desktops))]
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems = []
    for desktop in desktops:
        problems += check_window(qtbot, demo_session, window, desktop, mode)
        problems += check_case_detail(qtbot, demo_session, window, desktop, mode)
    QApplication.processEvents()
    assert not problems, "\n".join(problems)


TOWNSHIP_MODES = MODES
TOWNSHIP_KEYS = ["inbox", "stations", "conflicts", "queue", "sync"]


@pytest.mark.parametrize("language, large, desktops", TOWNSHIP_MODES, ids=MODE_IDS)
def test_the_townships_screens_fit_with_the_whole_navigation(
    qtbot, net, sessions, tmp_path, ui_app, restore_appearance, language, large, desktops
):
    station = net.station
    case_id = take_in(station)
    act(station, case_id, "transferred", to_level="township", to_unit="曲塘镇代理中心")
    by_file(station, net.hub, tmp_path)
    apply_font(ui_app, large)
    i18n.install_language(language)
    mode = "township-" + MODE_IDS[MODES.index(next(m for m in MODES if m[:2] == (language, large)))]
    session = sessions(net.hub)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.nav.count() == len(screens_for("township"))
    problems = []
    for desktop in desktops:
        problems += check_window(qtbot, session, window, desktop, mode, TOWNSHIP_KEYS)
    assert not problems, "\n".join(problems)
