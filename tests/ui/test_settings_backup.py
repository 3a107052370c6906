"""Backup to a chosen folder and a restore chosen in settings, done at the next start."""

from __future__ import annotations

from haian_desk.storage import recovery
from ui.settings.backup_tab import BackupTab


def make_tab(qtbot, session) -> BackupTab:
    tab = BackupTab(session)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_backup_to_a_chosen_folder(qtbot, admin_session, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    tab = make_tab(qtbot, admin_session)
    tab.back_up_to(stick)
    qtbot.waitUntil(lambda: "已备份到" in tab.message.text())
    made = list(stick.glob("*.hdbackup"))
    assert len(made) == 1 and recovery.inspect(made[0]).unit_code == "320685102210"


def test_a_checked_backup_is_scheduled_for_the_next_start(qtbot, admin_session, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    tab = make_tab(qtbot, admin_session)
    tab.back_up_to(stick)
    qtbot.waitUntil(lambda: "已备份到" in tab.message.text())
    tab.schedule_restore(next(stick.glob("*.hdbackup")))
    qtbot.waitUntil(lambda: "检查无误" in tab.message.text())
    assert recovery.pending_restore(admin_session.desk.folder) is not None


def test_a_bad_file_is_refused_in_words(qtbot, admin_session, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"nope" * 500)
    tab = make_tab(qtbot, admin_session)
    tab.schedule_restore(junk)
    qtbot.waitUntil(lambda: "没有完成" in tab.message.text())
    assert recovery.pending_restore(admin_session.desk.folder) is None
