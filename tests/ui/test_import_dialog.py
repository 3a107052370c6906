"""The import dialog: file → mapping → preview with verdicts → import with progress → history and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.haian_desk import import_files as F
from ui.imports.dialog import ImportDialog

ROWS = [
    ["姓名", "身份证号", "手机号码", "住址"],
    ["张三", "11010519491231002X", "13812345678", "双楼村3组"],
    ["李四", "3.20621E+17", "13812345679", "双楼村3组"],
    ["王五", "", "13812345670", "双楼村4组"],
]


def opened(qtbot, session, path, kind="villagers"):
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.open_file(path, kind)
    qtbot.waitUntil(lambda: dialog.plan is not None or not dialog.error.isHidden(), timeout=10_000)
    return dialog


def column(table, index):
    return [table.item(r, index).text() for r in range(table.rowCount())]


def test_preview_mapping_and_verdicts_before_anything_is_written(qtbot, admin_session, desk, tmp_path):
    path = F.xlsx(tmp_path / "r.xlsx", [("一组", ROWS)])
    dialog = opened(qtbot, admin_session, path)
    assert column(dialog.mapping, 1) == ["姓名", "身份证号", "手机号码", "住址"]
    assert [dialog.mapping.cellWidget(r, 2).currentData() for r in range(4)] == [
        "name",
        "id_number",
        "phone",
        "address",
    ]
    assert column(dialog.preview, 2) == ["将新增", "不导入", "将新增"]
    assert "存成了数字" in dialog.preview.item(1, 10).text()
    assert dialog.preview.item(0, 4).text() == "110105********002X"  # masked as on every screen
    assert "将新增 2" in dialog.counts.text() and "不导入 1" in dialog.counts.text()
    assert desk.db.scalar("SELECT count(*) FROM villagers") == 0
    dialog.only_refused.setChecked(True)
    assert column(dialog.preview, 0) == ["4"]


def test_correcting_the_mapping_checks_again(qtbot, admin_session, tmp_path):
    path = F.xlsx(tmp_path / "r.xlsx", [("一组", ROWS)])
    dialog = opened(qtbot, admin_session, path)
    dialog.mapping.choose("住址", "note")
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.layouts[0].fields[3] == "note", timeout=10_000)
    assert dialog.preview.item(0, 9).text() == "双楼村3组"  # 备注 column of the preview


def test_import_with_progress_then_history_and_undo(qtbot, admin_session, desk, tmp_path):
    path = F.xlsx(tmp_path / "r.xlsx", [("一组", ROWS)])
    dialog = opened(qtbot, admin_session, path)
    seen = []
    dialog.relay.progressed.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert seen and seen[-1][0] == seen[-1][1]
    assert "新增 2" in dialog.outcome.text()
    assert desk.db.scalar("SELECT count(*) FROM villagers WHERE active = 1") == 2
    history = dialog.history
    dialog.show()
    dialog.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.table.rowCount() == 1, timeout=10_000)
    history.table.selectRow(0)
    assert history.undo_button.isEnabled()
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert history.confirm.isVisible()
    with qtbot.waitSignal(history.undone, timeout=10_000):
        qtbot.mouseClick(history.confirm, Qt.MouseButton.LeftButton)
    assert "撤回 2 条记录" in history.message.text()
    assert desk.db.scalar("SELECT count(*) FROM villagers WHERE active = 1") == 0
    qtbot.waitUntil(lambda: "已撤销" in history.table.item(0, 9).text(), timeout=10_000)


def test_cancel_writes_nothing(qtbot, admin_session, desk, tmp_path):
    path = F.xlsx(tmp_path / "r.xlsx", [("一组", ROWS)])
    dialog = opened(qtbot, admin_session, path)
    dialog.relay.cancel()  # pressed before the worker reaches the first row
    dialog.relay.reset = lambda: None  # (start_import would clear it: keep the press)
    dialog.start_import()
    qtbot.waitUntil(lambda: "已取消" in dialog.outcome.text(), timeout=10_000)
    assert desk.db.scalar("SELECT count(*) FROM villagers") == 0


def test_the_import_is_made_as_the_logged_in_user_and_a_clerk_is_refused(qtbot, make_session, desk, tmp_path):
    """The dialog passes who is logged in; the domain decides (only a station head or an admin imports)."""
    path = F.xlsx(tmp_path / "r.xlsx", [("一组", ROWS)])
    dialog = opened(qtbot, make_session(desk, "clerk"), path)
    dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "代理站工作人员不能从表格导入或撤销导入" in dialog.error.text()
    assert desk.db.scalar("SELECT count(*) FROM villagers") == 0
    assert desk.db.scalar("SELECT count(*) FROM imports") == 0


def test_a_file_that_is_not_a_spreadsheet_is_said_plainly(qtbot, admin_session, tmp_path):
    path = tmp_path / "x.xls"
    path.write_text("hello")
    dialog = opened(qtbot, admin_session, path)
    assert not dialog.error.isHidden() and "不是表格文件" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_reached_from_the_desk_menu(qtbot, admin_session):
    from ui.main_window import MainWindow

    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    action = window.findChild(type(window.screen_actions["intake"]), "importAction")
    assert action is not None and action.text().startswith("导入")
    dialog = window.open_import()
    assert dialog.isVisible()
    dialog.close()


def test_hidden_from_a_clerk_who_may_not_import(qtbot, desk, make_session):
    from haian_desk.people import users
    from ui.main_window import MainWindow

    def import_action(session):
        window = MainWindow(session)
        qtbot.addWidget(window)
        return window, window.findChild(type(window.screen_actions["intake"]), "importAction")

    window, action = import_action(make_session(desk, "clerk"))  # 代理站工作人员
    assert not action.isVisible() and window.open_import() is None
    users.add_user(desk, "head", "周站长", "station_head", "haian123", actor="admin")
    window, action = import_action(make_session(desk, "head"))
    assert action.isVisible()  # the station head may
    window.open_import().close()


def test_the_header_row_can_be_corrected(qtbot, admin_session, tmp_path):
    rows = [["姓名栏写全名", "电话栏写手机"], ["人员", "手机号码", "住处"], ["张三", "13812345678", "3组"]]
    path = F.xlsx(tmp_path / "h.xlsx", [("名册", rows)], title=None)
    dialog = opened(qtbot, admin_session, path)
    assert dialog.header_spin.value() == 1  # the note above mentions 姓名: a wrong guess
    dialog.header_spin.setValue(2)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.mapping.rowCount() == 3, timeout=10_000)
    assert "姓名是空的" in dialog.plan.rows[0].reason  # shown, so the name column can be chosen
    dialog.mapping.choose("人员", "name")
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.counts()["added"] == 1, timeout=10_000)
    assert dialog.header_spin.value() == 2 and dialog.plan.rows[0].fields["phone"] == "13812345678"
