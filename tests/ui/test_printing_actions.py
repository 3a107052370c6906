"""What the work screens call: save as PDF, preview, print, and the offer of a PDF with no printer."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from haian_desk import station_settings
from haian_desk.cases import operations
from haian_desk.documents import prints
from tests.ui.helpers import wait_idle
from ui.printing import actions


@pytest.fixture
def case(desk, villager_id, cadre_id):
    return operations.take_in(
        desk,
        "admin",
        operations.Intake(
            kind="opinion", villager_id=villager_id, description="反映3组路灯不亮", first_cadre_id=cadre_id
        ),
    )


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def text_of(path) -> str:
    return re.sub(r"\s", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def test_save_pdf_writes_the_paper_and_counts_the_copy(qtbot, desk, admin_session, parent, case, tmp_path):
    done = []
    target = tmp_path / "回执.pdf"
    actions.save_pdf(parent, admin_session, actions.Request(case.case_id, paper="80mm"), target, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done[0].where == str(target) and done[0].paper.code == "80mm"
    assert case.case_no in text_of(target) and "补打" not in text_of(target)
    assert prints.copies_printed(desk, case.case_id, "receipt") == 1
    again = tmp_path / "again.pdf"
    actions.save_pdf(parent, admin_session, actions.Request(case.case_id, paper="80mm"), again, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10_000)
    assert "补打（第1次）" in text_of(again)


def test_the_station_setting_chooses_paper_and_stub(qtbot, desk, admin_session, parent, case, tmp_path):
    station_settings.save(desk, "admin", receipt_paper="58mm", receipt_stub=False)
    done = []
    actions.save_pdf(parent, admin_session, actions.Request(case.case_id), tmp_path / "r.pdf", on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done[0].paper.code == "58mm" and done[0].document.stub is None
    page = PdfReader(tmp_path / "r.pdf").pages[0]
    assert float(page.mediabox.width) == pytest.approx(58 * 72 / 25.4, abs=1.5)


def test_a_paper_the_case_cannot_have_is_explained(qtbot, desk, admin_session, parent, case, tmp_path):
    actions.save_pdf(parent, admin_session, actions.Request(case.case_id, doc="completion"), tmp_path / "x.pdf")
    box = _wait_for_message_box(qtbot)
    assert "还没有办结" in box.text()
    box.close()
    assert not (tmp_path / "x.pdf").exists()
    assert prints.copies_printed(desk, case.case_id, "completion") == 0


def test_preview_shows_the_pages_and_printing_from_it_counts(qtbot, desk, admin_session, parent, case):
    opened: list[QPrintPreviewDialog] = []
    actions.preview(parent, admin_session, actions.Request(case.case_id, paper="a5", stub=False), on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened) and opened[0].isVisible(), timeout=10_000)
    dialog = opened[0]
    assert case.case_no in dialog.windowTitle()
    shown = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: shown.pageCount() >= 1, timeout=10_000)
    assert prints.copies_printed(desk, case.case_id, "receipt") == 0  # looking is not printing
    dialog.accept()  # what the dialog does once it has printed
    qtbot.waitUntil(lambda: prints.copies_printed(desk, case.case_id, "receipt") == 1, timeout=10_000)
    wait_idle(qtbot, admin_session)


def test_with_no_printer_the_clerk_is_offered_a_pdf(qtbot, desk, admin_session, parent, case, tmp_path, monkeypatch):
    assert actions.installed_printer() is None  # this machine has none, like many station PCs
    monkeypatch.setattr(actions, "_ask_pdf_path", lambda _parent, _doc: tmp_path / "offered.pdf")
    done = []
    actions.print_now(parent, admin_session, actions.Request(case.case_id, paper="a4"), on_done=done.append)
    box = _wait_for_message_box(qtbot)
    assert "没有安装打印机" in box.text()
    box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert (tmp_path / "offered.pdf").exists()
    assert prints.copies_printed(desk, case.case_id, "receipt") == 1


def test_declining_the_pdf_offer_prints_nothing(qtbot, desk, admin_session, parent, case):
    actions.print_now(parent, admin_session, actions.Request(case.case_id))
    box = _wait_for_message_box(qtbot)
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_idle(qtbot, admin_session)
    assert prints.copies_printed(desk, case.case_id, "receipt") == 0


def test_board_preview_opens(qtbot, admin_session, parent, cadre_id):
    opened = []
    actions.board_preview(parent, admin_session, "a3", on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened) and opened[0].isVisible(), timeout=10_000)
    assert "公示牌" in opened[0].windowTitle()
    opened[0].close()


def _wait_for_message_box(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def visible_box() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible_box, timeout=10_000)
    return found[0]


def test_every_paper_made_is_written_to_the_log(qtbot, admin_session, parent, case, tmp_path, caplog):
    done = []
    with caplog.at_level("INFO", logger="ui.printing.actions"):
        actions.save_pdf(
            parent, admin_session, actions.Request(case.case_id, paper="a5"), tmp_path / "r.pdf", on_done=done.append
        )
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert any("printed receipt copy 1" in r.getMessage() and "a5" in r.getMessage() for r in caplog.records)


def test_a_slow_printer_does_not_hold_up_the_database(qtbot, desk, admin_session, parent, case, tmp_path, monkeypatch):
    import threading

    from ui.printing import render

    painting, release = threading.Event(), threading.Event()
    write_pdf = render.write_pdf

    def stuck_printer(*args):
        painting.set()
        assert release.wait(30)
        return write_pdf(*args)

    monkeypatch.setattr(render, "write_pdf", stuck_printer)
    done, read = [], []
    actions.save_pdf(parent, admin_session, actions.Request(case.case_id), tmp_path / "slow.pdf", on_done=done.append)
    qtbot.waitUntil(painting.is_set, timeout=10_000)
    admin_session.run(lambda d: d.db.scalar("SELECT case_no FROM cases"), read.append)
    qtbot.waitUntil(lambda: bool(read), timeout=10_000)  # the worker answers while the paper is stuck
    assert read == [case.case_no] and done == []
    assert prints.copies_printed(desk, case.case_id, "receipt") == 0  # recorded only once it is made
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert prints.copies_printed(desk, case.case_id, "receipt") == 1


def test_two_quick_prints_number_their_copies_in_turn(qtbot, desk, admin_session, parent, case, tmp_path):
    done = []
    for name in ("first.pdf", "second.pdf"):
        actions.save_pdf(parent, admin_session, actions.Request(case.case_id), tmp_path / name, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=20_000)
    assert [p.document.copy for p in done] == [1, 2]
    assert "补打" not in text_of(tmp_path / "first.pdf") and "补打" in text_of(tmp_path / "second.pdf")
