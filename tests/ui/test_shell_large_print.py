"""Large print (长辈模式) makes everything bigger; no label or button is cut off, in either language."""

from __future__ import annotations

from dataclasses import replace

import pytest

from haian_desk.cases.catalogue_queries import get_item
from haian_desk.people.villager_queries import as_villager
from tests.ui.helpers import assert_nothing_clipped, wait_idle
from ui import i18n
from ui.catalogue.edit_dialog import CatalogueItemDialog
from ui.login import LoginDialog
from ui.main_window import SCREENS, MainWindow
from ui.setup_wizard import SetupWizard
from ui.villagers.edit_dialog import VillagerDialog
from ui.widgets.appearance import apply_font

MODES = [("zh_CN", False), ("zh_CN", True), ("en", False), ("en", True)]
MODE_IDS = ["chinese", "chinese-large", "english", "english-large"]


@pytest.fixture(params=MODES, ids=MODE_IDS)
def mode(request, ui_app, restore_appearance):
    language, large = request.param
    apply_font(ui_app, large)
    i18n.install_language(language)
    return request.param


def test_large_print_makes_the_text_bigger(qtbot, admin_session, restore_appearance, ui_app):
    normal = MainWindow(admin_session)
    qtbot.addWidget(normal)
    apply_font(ui_app, large_print=True)
    large = MainWindow(admin_session)
    qtbot.addWidget(large)
    assert large.font().pointSizeF() >= normal.font().pointSizeF() * 1.3
    assert large.user_label.fontMetrics().height() > normal.user_label.fontMetrics().height()
    assert large.nav.font().pointSizeF() > normal.nav.font().pointSizeF()
    wait_idle(qtbot, admin_session)


def test_no_text_is_cut_off_on_any_screen(qtbot, demo_session, mode):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for screen in SCREENS:
        window.show_screen(screen.key)
        wait_idle(qtbot, demo_session)
        assert_nothing_clipped(qtbot, window, screen.key)


def test_no_text_is_cut_off_in_the_dialogs(qtbot, demo_session, mode, tmp_path):
    desk = demo_session.desk
    villager = as_villager(desk.db.one("SELECT * FROM villagers LIMIT 1"))
    item = replace(get_item(desk, "MZ-001"), materials=("户口簿",), time_limit={"amount": 25, "unit": "working_days"})
    wizard = SetupWizard(tmp_path / "new", demo_session.worker)
    dialogs = [
        LoginDialog(desk, demo_session.worker),
        wizard,
        VillagerDialog(demo_session, villager),
        CatalogueItemDialog(demo_session, item),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_nothing_clipped(qtbot, dialog, type(dialog).__name__)
    wizard.station.village.setText("210")
    wizard.station.name.setText("曲塘镇双楼村代理站")
    wizard.next()
    for edit, text in (
        (wizard.admin.username, "wang"),
        (wizard.admin.password, "haian-2026"),
        (wizard.admin.confirm, "haian-2026"),
    ):
        edit.setText(text)
    wizard.next()
    assert_nothing_clipped(qtbot, wizard, "passphrase page")
    for edit in (wizard.passphrase.passphrase, wizard.passphrase.confirm):
        edit.setText("双楼村-口令-2026")
    wizard.next()
    assert wizard.currentPage() is wizard.cadres
    assert_nothing_clipped(qtbot, wizard, "cadre page")
    wizard.cadres.own.name.setText("王站长")
    wizard.cadres.own.phone.setText("13906271000")
    wizard.next()
    assert wizard.currentPage() is wizard.confirm
    assert_nothing_clipped(qtbot, wizard, "confirm page")
