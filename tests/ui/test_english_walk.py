"""In English every screen says English: only data (names, matters, addresses) stays Chinese.

Walks each navigation page, a case's detail with each of its action forms, and
the settings tabs, in English, on the demo station; fails on any Chinese
character that is not part of something stored in the database.
"""

from __future__ import annotations

from tests.ui.english_walk import chinese_outside_data, data_strings
from tests.ui.helpers import wait_idle
from ui import i18n
from ui.cases.actions import ActionDialog
from ui.cases.detail import CaseDetailDialog
from ui.main_window import MainWindow
from ui.widgets.feedback import ErrorLabel


def _english_window(qtbot, session):
    i18n.install_language("en")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    wait_idle(qtbot, session)
    return window


def test_every_page_speaks_english(qtbot, demo_session, restore_appearance):
    window = _english_window(qtbot, demo_session)
    data = data_strings(demo_session.desk) + list(i18n.LANGUAGES.values())  # 简体中文 names itself
    problems = []
    for screen in window.screens:
        window.show_screen(screen.key)
        wait_idle(qtbot, demo_session)
        problems += [f"[{screen.key}] {p}" for p in chinese_outside_data(window, data)]
    assert not problems, "\n".join(problems)


def test_case_detail_and_its_actions_speak_english(qtbot, demo_session, restore_appearance):
    window = _english_window(qtbot, demo_session)
    data = data_strings(demo_session.desk)
    statuses = demo_session.desk.db.query("SELECT status, min(id) AS id FROM cases GROUP BY status ORDER BY status")
    problems = []
    for row in statuses:
        dialog = CaseDetailDialog(demo_session, row["id"], window)
        qtbot.addWidget(dialog)
        wait_idle(qtbot, demo_session)
        problems += [f"[{row['status']}] {p}" for p in chinese_outside_data(dialog, data)]
        for event_type in dialog.view.allowed:
            action = ActionDialog(demo_session, dialog.view, event_type, dialog)
            qtbot.addWidget(action)
            problems += [f"[{row['status']} → {event_type}] {p}" for p in chinese_outside_data(action, data)]
            if event_type in ("printed", "registered"):
                continue
            action.submit()  # as it stands: the domain's refusal or a missing field, said in English
            wait_idle(qtbot, demo_session)
            problems += [f"[{row['status']} → {event_type}, submitted] {p}" for p in chinese_outside_data(action, data)]
            action.close()
    assert not problems, "\n".join(problems)


def test_an_empty_intake_is_refused_in_english(qtbot, demo_session, restore_appearance):
    window = _english_window(qtbot, demo_session)
    data = data_strings(demo_session.desk)
    window.show_screen("intake")
    page = window.pages["intake"]
    page.save()
    wait_idle(qtbot, demo_session)
    shown = [label.text() for label in page.findChildren(ErrorLabel) if label.text()]
    assert shown, "the empty form was not refused"
    assert not chinese_outside_data(page, data)


def test_a_refused_restore_is_explained_in_english(tmp_path, restore_appearance):
    import pytest

    from haian_desk.core.errors import HaianError
    from haian_desk.storage import recovery
    from ui.widgets.feedback import explain, in_words

    not_a_backup = tmp_path / "照片.jpg"
    not_a_backup.write_bytes(b"\xff\xd8 not a database")
    with pytest.raises(HaianError) as refused:
        recovery.inspect(not_a_backup)
    i18n.install_language("en")
    assert (
        in_words(refused.value) == "照片.jpg is not a Haian Desk backup file (Choose a .hdbackup file made by a backup)"
    )
    assert explain(refused.value).endswith("\nChoose a .hdbackup file made by a backup")
    i18n.install_language("zh_CN")
    assert in_words(refused.value) == str(refused.value)  # Chinese reads exactly as the CLI says it


def test_login_and_first_run_wizard_speak_english(qtbot, tmp_path, demo_session, restore_appearance):
    from PySide6.QtWidgets import QWizard

    from ui.login import LoginDialog
    from ui.setup_wizard import SetupWizard

    i18n.install_language("en")
    data = data_strings(demo_session.desk)
    login = LoginDialog(demo_session.desk, demo_session.worker)
    qtbot.addWidget(login)
    problems = chinese_outside_data(login, data)
    wizard = SetupWizard(tmp_path / "new", demo_session.worker)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in wizard.pageIds():
        problems += [f"[wizard page {wizard.currentId()}] {p}" for p in chinese_outside_data(wizard, data)]
        wizard.button(QWizard.WizardButton.NextButton).click()  # on empty fields it stays put and says why
        problems += [f"[wizard page {wizard.currentId()}, next] {p}" for p in chinese_outside_data(wizard, data)]
    assert not problems, "\n".join(problems)
