"""The main window fits the screen it opens on and comes back where it was, onto a screen that exists."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QCheckBox, QStyle

from tests.ui.helpers import wait_idle
from ui import window_place
from ui.main_window import MainWindow
from ui.widgets.appearance import apply_font

ROOT = Path(__file__).resolve().parents[2]


class FakeScreen:
    def __init__(self, rect: QRect):
        self.rect = rect

    def availableGeometry(self) -> QRect:
        return self.rect


LAPTOP = FakeScreen(QRect(0, 0, 1366, 728))  # 1366×768 less the taskbar
SECOND = FakeScreen(QRect(1366, 0, 1920, 1040))


def test_the_preferred_size_shrinks_to_a_small_screen_and_is_centred():
    rect = window_place.fitted(QRect(0, 0, 1366, 728), QSize(1280, 800), QSize(16, 39))
    assert rect.size() == QSize(1280, 689)
    assert rect.top() >= 0 and rect.bottom() + 39 <= 728
    assert window_place.fitted(QRect(0, 0, 1920, 1040), QSize(1280, 800)).size() == QSize(1280, 800)


def test_a_place_on_a_screen_that_is_gone_is_not_restored():
    on_second = QRect(1500, 100, 1200, 800)
    assert window_place.restored(on_second, [LAPTOP, SECOND]) == on_second
    assert window_place.restored(on_second, [LAPTOP]) is None  # the projector was unplugged


def test_a_place_half_off_its_screen_is_pulled_back_and_shrunk():
    rect = window_place.restored(QRect(900, 300, 1600, 900), [LAPTOP])
    assert QRect(0, 0, 1366, 728).contains(rect)
    assert rect.size() == QSize(1366, 728)


def test_the_place_is_kept_on_closing_and_used_next_time(qtbot, admin_session, tmp_path):
    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    window.remember_place(tmp_path)
    window.show()
    qtbot.waitExposed(window)
    window.setGeometry(QRect(120, 80, 1100, 640))
    window.close()
    saved = json.loads((tmp_path / window_place.FILENAME).read_text(encoding="utf-8"))
    assert (saved["width"], saved["height"], saved["maximised"]) == (1100, 640, False)
    again = MainWindow(admin_session)
    qtbot.addWidget(again)
    again.remember_place(tmp_path)
    assert again.geometry() == QRect(120, 80, 1100, 640)
    wait_idle(qtbot, admin_session)


@pytest.mark.parametrize("text", ["", "{not json", json.dumps({"x": 1, "y": 2, "width": -5, "height": 9})])
def test_an_unreadable_or_nonsense_place_falls_back_to_fitting(qtbot, admin_session, tmp_path, text):
    (tmp_path / window_place.FILENAME).write_text(text, encoding="utf-8")
    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    window.remember_place(tmp_path)
    assert window.size() == QSize(1280, 800)  # the tests' screen is 1920×1080
    wait_idle(qtbot, admin_session)


OPEN_AND_MEASURE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from haian_desk.people import users
from haian_desk.desk import initialise
from ui.app import make_application
from ui.main_window import MainWindow
from ui.session import Session
app = make_application()
desk = initialise(Path(sys.argv[1]), "320685102210", "曲塘镇双楼村代理站", "station", admin=("admin", "pw-123456"))
session = Session(desk, users.get(desk, "admin"))
window = MainWindow(session)
window.remember_place(Path(sys.argv[1]))
window.show()
for _ in range(20):
    app.processEvents()
room = app.primaryScreen().availableGeometry()
print(json.dumps({"room": [room.x(), room.y(), room.width(), room.height()],
                  "window": [window.x(), window.y(), window.width(), window.height()],
                  "status_bottom": window.statusBar().mapTo(window, window.statusBar().rect().bottomLeft()).y()}))
session.worker.shutdown()
desk.close()
"""


@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_the_app_window_fits_a_1366x768_laptop_at_windows_scaling(tmp_path, scale):
    """The real program on an emulated 1366×768 screen, scaled as Windows would (QT_SCALE_FACTOR)."""
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}]}
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": scale}
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_MEASURE, str(tmp_path / "station")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    room, window = QRect(*seen["room"]), QRect(*seen["window"])
    assert room.contains(window), seen
    assert seen["status_bottom"] < window.height(), seen  # the status bar is on the screen


def test_large_print_check_boxes_grow_with_the_font(ui_app, restore_appearance):
    apply_font(ui_app, large_print=False)
    normal = ui_app.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    normal_box = QCheckBox("紧急").sizeHint()
    apply_font(ui_app, large_print=True)
    assert ui_app.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) >= normal * 1.3
    assert ui_app.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) > normal
    assert QCheckBox("紧急").sizeHint().height() > normal_box.height()
    apply_font(ui_app, large_print=False)
    assert ui_app.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) == normal
