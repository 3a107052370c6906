"""First-run set-up, typed with the keyboard; wrong input says why and creates nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from haian_desk.core import paths
from haian_desk.desk import Desk
from haian_desk.people import users
from haian_desk.storage import keys
from tests.ui.helpers import type_text
from ui.setup_wizard import SetupWizard
from ui.worker import DbWorker


@pytest.fixture
def wizard(qtbot, tmp_path):
    worker = DbWorker()
    wizard = SetupWizard(tmp_path / "station", worker)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    worker.shutdown()


def _focused(wizard):
    return wizard.focusWidget()


def _press(qtbot, wizard, key, times=1):
    for _ in range(times):
        qtbot.keyClick(_focused(wizard), key)


def _type_station(qtbot, wizard, village="210", name="曲塘镇双楼村代理站"):
    """Role stays 代理站; township: two down from 海安镇 to 曲塘镇; then the village and name."""
    wizard.station.role.setFocus()
    _press(qtbot, wizard, Qt.Key.Key_Tab)
    assert _focused(wizard) is wizard.station.township
    _press(qtbot, wizard, Qt.Key.Key_Down, 2)
    _press(qtbot, wizard, Qt.Key.Key_Tab)
    qtbot.keyClicks(_focused(wizard), village)
    _press(qtbot, wizard, Qt.Key.Key_Tab, 2)  # past the group number (a village station has none)
    type_text(qtbot, _focused(wizard), name)
    _press(qtbot, wizard, Qt.Key.Key_Return)


def _type_admin(qtbot, wizard, password="haian-2026", confirm=None):
    for text in ("wang", "王站长", password):
        type_text(qtbot, _focused(wizard), text)
        _press(qtbot, wizard, Qt.Key.Key_Tab)
    assert _focused(wizard) is wizard.admin.confirm
    type_text(qtbot, _focused(wizard), confirm if confirm is not None else password)
    _press(qtbot, wizard, Qt.Key.Key_Return)


def _type_passphrase(qtbot, wizard, passphrase="双楼村-口令-2026", confirm=None):
    assert wizard.currentPage() is wizard.passphrase
    wizard.passphrase.passphrase.setFocus()
    type_text(qtbot, _focused(wizard), passphrase)
    _press(qtbot, wizard, Qt.Key.Key_Tab)
    type_text(qtbot, _focused(wizard), confirm if confirm is not None else passphrase)
    _press(qtbot, wizard, Qt.Key.Key_Return)


def _type_own_cadre(qtbot, wizard, phone="13906271000"):
    """The cadre page starts at the phone, the name already taken from the admin's."""
    assert wizard.currentPage() is wizard.cadres
    qtbot.waitUntil(lambda: _focused(wizard) is wizard.cadres.own.phone)
    type_text(qtbot, _focused(wizard), phone)
    _press(qtbot, wizard, Qt.Key.Key_Return)


def test_keyboard_setup_creates_a_working_installation(qtbot, wizard, tmp_path):
    _type_station(qtbot, wizard)
    assert wizard.currentPage() is wizard.admin
    wizard.admin.username.setFocus()
    _type_admin(qtbot, wizard)
    _type_passphrase(qtbot, wizard)
    assert wizard.cadres.own.name.text() == "王站长"
    _type_own_cadre(qtbot, wizard, "１３９ ０６２７ １０００")
    assert wizard.currentPage() is wizard.confirm
    assert "管理员账号关联到 王站长" in wizard.confirm.summary.text()
    assert "320685102210" in wizard.confirm.summary.text()
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.user.username == "wang" and wizard.user.role == "admin"
    assert wizard.user.cadre_id is not None
    wizard.desk.close()

    keys.forget_cached()
    with pytest.raises(keys.WrongPassphrase):  # the passphrase typed, not the test default, opens it
        Desk.open(tmp_path / "station")
    desk = Desk.open(tmp_path / "station", passphrase="双楼村-口令-2026")
    assert desk.installation.unit_code == "320685102210"
    assert desk.installation.unit_name == "曲塘镇双楼村代理站"
    assert users.authenticate(desk, "wang", "haian-2026").display_name == "王站长"
    assert desk.db.scalar("SELECT count(*) FROM catalogue_items") > 0
    cadre = desk.db.one("SELECT * FROM cadres")
    assert (cadre["name"], cadre["phone"]) == ("王站长", "13906271000")
    assert users.get(desk, "wang").cadre_id == cadre["id"]
    desk.close()


def test_missing_village_code_is_explained_and_nothing_is_created(qtbot, wizard, tmp_path):
    _type_station(qtbot, wizard, village="")
    assert wizard.currentPage() is wizard.station
    assert wizard.station.error.isVisible()
    assert "12位村代码" in wizard.station.error.text()
    assert not paths.database_path(tmp_path / "station").exists()


def test_missing_station_name_is_explained(qtbot, wizard, tmp_path):
    _type_station(qtbot, wizard, name="")
    assert wizard.currentPage() is wizard.station
    assert "请填写本站名称" in wizard.station.error.text()
    assert not (tmp_path / "station").exists()


def test_township_centre_uses_the_township_code(qtbot, wizard):
    station = wizard.station
    station.role.setCurrentIndex(station.role.findData("township"))
    station.township.setCurrentIndex(2)
    assert not station.village.isEnabled()
    assert station.code_preview.text() == "320685102"


@pytest.mark.parametrize(
    "password, confirm, reason",
    [
        ("12345", "12345", "密码至少6位"),
        ("haian-2026", "haian-2025", "两次输入的密码不一样"),
    ],
)
def test_bad_admin_password_is_explained_and_nothing_is_created(qtbot, wizard, tmp_path, password, confirm, reason):
    _type_station(qtbot, wizard)
    wizard.admin.username.setFocus()
    _type_admin(qtbot, wizard, password, confirm)
    assert wizard.currentPage() is wizard.admin
    assert reason in wizard.admin.error.text()
    assert not paths.database_path(tmp_path / "station").exists()


@pytest.mark.parametrize(
    "passphrase, confirm, reason",
    [
        ("short", "short", "至少要8个字符"),
        ("双楼村-口令-2026", "双楼村-口令-2025", "两次输入的口令不一样"),
    ],
)
def test_bad_passphrase_is_explained_and_nothing_is_created(qtbot, wizard, tmp_path, passphrase, confirm, reason):
    _type_station(qtbot, wizard)
    wizard.admin.username.setFocus()
    _type_admin(qtbot, wizard)
    _type_passphrase(qtbot, wizard, passphrase, confirm)
    assert wizard.currentPage() is wizard.passphrase
    assert reason in wizard.passphrase.error.text()
    assert not (tmp_path / "station").exists() or not any((tmp_path / "station").iterdir())


def test_an_existing_installation_is_not_overwritten(qtbot, wizard, desk):
    wizard.folder = desk.folder  # someone points the wizard at a folder already set up
    _type_station(qtbot, wizard)
    wizard.admin.username.setFocus()
    _type_admin(qtbot, wizard)
    _type_passphrase(qtbot, wizard)
    _type_own_cadre(qtbot, wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.confirm.error.isVisible(), timeout=10_000)
    assert "已经建过站" in wizard.confirm.error.text()
    assert wizard.isVisible() and wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert desk.db.scalar("SELECT count(*) FROM users WHERE username = 'wang'") == 0


def test_alt_n_is_next_and_never_the_station_name(qtbot, wizard):
    """Alt+N was both 站名 and 下一步; on empty fields 下一步 stayed put without a word."""
    wizard.station.role.setFocus()
    qtbot.keyClick(_focused(wizard), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.station.error.isVisible())
    assert wizard.currentPage() is wizard.station
    text = wizard.station.error.text()
    assert "12位村代码" in text and "请填写本站名称" in text  # everything missing, at once
    assert _focused(wizard) is wizard.station.village  # the first of them
    qtbot.keyClick(_focused(wizard), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert _focused(wizard) is wizard.station.name


def test_an_empty_admin_page_says_all_that_is_missing(qtbot, wizard):
    _type_station(qtbot, wizard)
    _press(qtbot, wizard, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin
    assert "登录名" in wizard.admin.error.text() and "密码至少" in wizard.admin.error.text()
    assert _focused(wizard) is wizard.admin.username


def test_the_cadre_page_needs_a_phone_and_checks_the_others(qtbot, wizard, tmp_path):
    _type_station(qtbot, wizard)
    wizard.admin.username.setFocus()
    _type_admin(qtbot, wizard)
    _type_passphrase(qtbot, wizard)
    qtbot.waitUntil(lambda: _focused(wizard) is wizard.cadres.own.phone)
    _press(qtbot, wizard, Qt.Key.Key_Return)  # no phone typed
    assert wizard.currentPage() is wizard.cadres
    assert "公示" in wizard.cadres.error.text() and _focused(wizard) is wizard.cadres.own.phone
    type_text(qtbot, _focused(wizard), "13906271000")
    table = wizard.cadres.others
    table.setCurrentCell(0, 0)
    table.setFocus()
    for text in ("季红梅", "123"):
        for char in text:  # the first key opens the cell's editor, which takes the rest
            type_text(qtbot, QApplication.focusWidget(), char)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    wizard.cadres.own.phone.setFocus()
    _press(qtbot, wizard, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.cadres
    assert "第1行" in wizard.cadres.error.text() and "11位" in wizard.cadres.error.text()
    assert (table.currentRow(), table.currentColumn()) == (0, 1)
    table.item(0, 1).setText("13906271037")
    wizard.cadres.own.phone.setFocus()
    _press(qtbot, wizard, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.confirm and "2 位" in wizard.confirm.summary.text()
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        qtbot.keyClick(wizard, Qt.Key.Key_Return)
    names = [r["name"] for r in wizard.desk.db.query("SELECT name FROM cadres ORDER BY name")]
    assert sorted(names) == sorted(["王站长", "季红梅"])
    wizard.desk.close()
