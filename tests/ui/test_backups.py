"""Backups in the app: the daily copy on the worker, and the offer of the newest good backup at start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from haian_desk.core import paths
from haian_desk.desk import Desk
from haian_desk.storage import backup, recovery
from tests.haian_desk.test_backup_restore import smash_page
from ui.backups import DailyBackups, DamagedDatabaseDialog, check_before_open
from ui.worker import DbWorker


@pytest.fixture
def worker(qtbot):
    made = DbWorker()
    yield made
    made.shutdown()


def test_the_days_backup_is_taken_once_on_the_worker(qtbot, desk, worker, clock):
    daily = DailyBackups(desk, worker)
    with qtbot.waitSignal(daily.made) as made:
        daily.start()
    assert made.args[0].exists() and made.args[0].parent == paths.backups_dir(desk.folder)
    daily.run_now()  # same day: nothing more
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert len(backup.daily_backups(desk.folder)) == 1
    clock.advance(days=1)
    with qtbot.waitSignal(daily.made):
        daily.run_now()
    assert len(backup.daily_backups(desk.folder)) == 2
    daily.timer.stop()


@pytest.fixture
def damaged_folder(desk, clock):
    backup.run_daily(desk.db, desk.folder, clock.now)
    folder = desk.folder
    desk.close()
    smash_page(paths.database_path(folder), "events")
    return folder


def _visible(name):
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    return found[0] if found else None


def test_a_damaged_database_at_start_is_replaced_by_the_newest_good_backup(qtbot, damaged_folder, worker, clock):
    seen = {}

    def answer():
        dialog = _visible("damagedDatabaseDialog")
        seen["text"] = dialog.message.text()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    assert check_before_open(damaged_folder, worker) is True
    assert "损坏" in seen["text"] and "曲塘镇双楼村代理站" in seen["text"] and "replaced" in seen["text"]
    assert recovery.examine(damaged_folder).ok
    Desk.open(damaged_folder, wall=clock).close()


def test_without_a_backup_the_dialog_says_what_to_do_and_offers_no_restore(qtbot, desk):
    health = recovery.Health("damaged", "数据库文件已损坏（database disk image is malformed）")
    dialog = DamagedDatabaseDialog(desk.folder, health, None, DbWorker())
    qtbot.addWidget(dialog)
    dialog.show()
    assert "没有可用的备份" in dialog.message.text() and "haian-desk restore" in dialog.message.text()
    assert not dialog.restore_button.isVisible()
    dialog.worker.shutdown()


def test_a_healthy_database_opens_without_a_question(desk, worker):
    assert check_before_open(desk.folder, worker) is True


def test_a_lost_key_file_gets_the_damage_offer_and_the_typed_passphrase_finds_the_backup(
    qtbot, desk, worker, clock, monkeypatch
):
    """No key file and no passphrase at hand: the start says so and asks for the passphrase, not a traceback."""
    from haian_desk.storage import keys
    from tests.conftest import TEST_PASSPHRASE
    from ui.setup_passphrase import unlock_station

    backup.run_daily(desk.db, desk.folder, clock.now)
    folder = desk.folder
    desk.close()
    keys.key_path(folder).write_text("{garbled", encoding="utf-8")
    keys.forget_cached()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    assert unlock_station(folder, worker) is True  # not asked here: the damage check follows
    seen = {}

    def answer():
        dialog = _visible("damagedDatabaseDialog")
        seen["before"] = dialog.message.text()
        assert not dialog.restore_button.isVisible()
        dialog.passphrase.setFocus()
        qtbot.keyClicks(dialog.passphrase, "wrong-passphrase")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "打不开" in dialog.status.text(), timeout=20_000)
        qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(dialog.restore_button.isVisible, timeout=20_000)
        seen["after"] = dialog.message.text()
        qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)  # the focus is on it: one key restores

    QTimer.singleShot(0, answer)
    assert check_before_open(folder, worker) is True
    assert "钥匙文件" in seen["before"] and "口令" in seen["before"]
    assert "最新的完好备份" in seen["after"]
    keys.forget_cached()
    Desk.open(folder, wall=clock, passphrase=TEST_PASSPHRASE).close()
