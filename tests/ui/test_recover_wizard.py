"""The first-run wizard's 从镇中心恢复本站数据: a dead station rebuilt on a new PC from its township."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWizard

from haian_desk.people import users
from sync import enrolment, recover
from sync.serve import BackgroundHub
from tests.sync.helpers import sync, take_in, township_with_stations
from tests.ui.helpers import type_text
from ui.setup_wizard import SetupWizard
from ui.worker import DbWorker

WAIT = 30_000


def test_the_wizard_rebuilds_a_station_from_its_township(qtbot, tmp_path, clock):
    hub, (station,) = township_with_stations(tmp_path / "net", clock, 1)
    worker = DbWorker()
    try:
        with BackgroundHub(hub.folder, wall=clock) as served:
            take_in(station, description="坏电脑上登记过的事")
            sync(station, served.url)
            station.close()
            wizard = SetupWizard(tmp_path / "new-pc", worker)
            qtbot.addWidget(wizard)
            wizard.show()
            assert wizard.buttonText(QWizard.WizardButton.CustomButton1) == "从镇中心恢复本站数据"
            wizard.button(QWizard.WizardButton.CustomButton1).click()
            dialog = wizard.recover_dialog
            qtbot.waitUntil(dialog.isVisible, timeout=WAIT)

            type_text(qtbot, dialog.code, station.unit_code)
            type_text(qtbot, dialog.request_path, str(tmp_path / "恢复申请.json"))
            dialog.request_button.click()
            qtbot.waitUntil(
                lambda: (tmp_path / "恢复申请.json").exists() and "已写到" in dialog.message.text(), timeout=WAIT
            )
            # at the township: re-approved by its admin
            request = enrolment.read_document(tmp_path / "恢复申请.json")
            _, answer = recover.reapprove(hub.desk, hub.keys, request, "admin", served.url)
            enrolment.write_document(answer, tmp_path / "恢复答复.json")

            dialog.start_button.click()  # nothing filled in: says what is missing
            assert dialog.error.isVisible() and wizard.desk is None
            type_text(qtbot, dialog.answer_path, str(tmp_path / "恢复答复.json"))
            type_text(qtbot, dialog.admin, "wang")
            type_text(qtbot, dialog.password, "new-pw-2026")
            dialog.start_button.click()
            qtbot.waitUntil(lambda: wizard.desk is not None, timeout=WAIT)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT)
        assert wizard.result() == QDialog.DialogCode.Accepted and wizard.user.username == "wang"
        assert wizard.desk.installation.id == station.id
        assert wizard.desk.db.scalar("SELECT description FROM cases") == "坏电脑上登记过的事"
        assert users.authenticate(wizard.desk, "wang", "new-pw-2026").role == "admin"
        wizard.desk.close()
    finally:
        worker.shutdown()
        hub.close()
