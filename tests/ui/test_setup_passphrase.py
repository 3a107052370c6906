"""The passphrase asked at start: a wrong one says so and opens nothing; the right one opens the station;
a station from before encryption is encrypted with the passphrase chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from haian_desk.core import paths
from haian_desk.storage import db as dbmod, keys
from tests.conftest import TEST_PASSPHRASE
from tests.haian_desk.test_encryption_migration import make_plain
from tests.ui.helpers import type_text
from ui.setup_passphrase import PassphraseDialog
from ui.worker import DbWorker


@pytest.fixture
def worker():
    made = DbWorker()
    yield made
    made.shutdown()


def _dialog(qtbot, folder, worker, choose):
    dialog = PassphraseDialog(folder, worker, choose=choose)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_wrong_passphrase_is_refused_and_the_right_one_opens(qtbot, desk, worker, monkeypatch):
    folder = desk.folder
    desk.close()
    keys.forget_cached()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    dialog = _dialog(qtbot, folder, worker, choose=False)
    type_text(qtbot, dialog.passphrase, "not-the-passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "口令不对" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible()
    dialog.passphrase.clear()
    type_text(qtbot, dialog.passphrase, TEST_PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert keys.unlock(folder)  # held for the rest of the run


def test_a_station_from_before_encryption_is_encrypted_with_the_chosen_passphrase(qtbot, desk, worker, monkeypatch):
    folder, _ = make_plain(desk)
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    dialog = _dialog(qtbot, folder, worker, choose=True)
    for edit in (dialog.passphrase, dialog.confirm):
        type_text(qtbot, edit, "双楼村-新口令-2026")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert not dbmod.is_plain_file(paths.database_path(folder))
    keys.forget_cached()
    assert keys.unlock(folder, "双楼村-新口令-2026")
