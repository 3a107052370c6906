"""The keyboard card (快捷键卡): one A4 sheet listing the counter path's keys, from the command
line and from the help menu, read back from the PDF."""

from __future__ import annotations

import subprocess
import sys

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog

from tests.ui.helpers import wait_idle
from tests.ui.workscreens import focused, show_active
from ui.cases.actions import ACTION_KEYS, action_title
from ui.main_window import MainWindow
from ui.printing import keyboard_card, render


def text_of(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")


def test_the_cli_writes_a_one_page_a4_card_with_every_key(tmp_path):
    target = tmp_path / "快捷键卡.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "haian_desk", "print-card", "--pdf", str(target), "--data-dir", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "快捷键卡" in done.stdout
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4 in points
    text = text_of(target)
    for keys in ("F2", "F3", "Alt+1", "Alt+N", "Ctrl+S", "Ctrl+P", "Alt+V", "Alt+O"):
        assert keys in text
    for event_type in (
        "completed",
        "rated",
        "assigned",
        "note",
        "transferred",
        "joint_handling",
        "paused",
        "withdrawn",
        "signed",
    ):
        assert ACTION_KEYS[event_type] in text and action_title(event_type) in text


def test_a_folder_that_does_not_exist_is_refused_in_words(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "haian_desk", "print-card", "--pdf", str(tmp_path / "nowhere" / "card.pdf")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "不存在" in done.stderr


def test_the_help_menu_previews_the_card(qtbot, admin_session, tmp_path):
    window = MainWindow(admin_session)
    window.resize(1366, 768)
    show_active(qtbot, window)
    wait_idle(qtbot, admin_session)
    qtbot.keyClick(focused() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(window.findChildren(QPrintPreviewDialog)))
    preview = window.findChildren(QPrintPreviewDialog)[0]
    assert "快捷键卡" in preview.windowTitle()
    preview.close()
    target = tmp_path / "card.pdf"
    render.write_pdf(keyboard_card.build(), keyboard_card.CARD_PAPER, target)
    assert len(PdfReader(target).pages) == 1
