"""The whole life of a matter sent up, through both apps and a real hub on 127.0.0.1; and by USB stick."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from haian_desk.cases import queries
from haian_desk.replication import reached
from tests.sync.helpers import take_in
from tests.ui.helpers import type_text, wait_idle
from tests.ui.township_net import point_at
from ui.cases.detail import CaseDetailDialog
from ui.printing.actions import Request, save_pdf
from ui.sync.page import SyncPage
from ui.sync.runner import runner_for
from ui.township.inbox import InboxPage
from ui.township.stations import StationsPage

WAIT = 20_000


def exchange_now(qtbot, session) -> None:
    runner = runner_for(session)
    runner.sync_now()
    qtbot.waitUntil(
        lambda: not runner.state.running and runner.state.problem is None and runner.state.waiting_records == 0,
        timeout=WAIT,
    )


def open_detail(qtbot, session, case_id) -> CaseDetailDialog:
    dialog = CaseDetailDialog(session, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=WAIT)
    return dialog


def row_of(table, case_no: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == case_no)


def test_a_matter_goes_up_is_completed_at_the_township_and_its_notice_is_printed_at_the_station(
    qtbot, net, hub_server, sessions, tmp_path
):
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    case_id = take_in(station, description="申请困难残疾人生活补贴，材料已齐", name="王秀英")
    case_no = queries.get_case(station.desk, case_id).case_no
    at_station = sessions(station)

    # The station transfers it up from the case screen, and syncs.
    detail = open_detail(qtbot, at_station, case_id)
    form = detail.open_action("transferred")
    type_text(qtbot, form.inputs["to_unit"], "曲塘镇代理中心")
    type_text(qtbot, form.inputs["reason"], "需镇民政办审核")
    form.submit()
    qtbot.waitUntil(lambda: detail.view.case.status == "transferred", timeout=WAIT)
    qtbot.waitUntil(
        lambda: detail.findChild(type(detail.number), "case_reach").text() == "镇中心：未上报", timeout=WAIT
    )
    exchange_now(qtbot, at_station)
    qtbot.waitUntil(
        lambda: detail.findChild(type(detail.number), "case_reach").text() == "镇中心：已上报", timeout=WAIT
    )

    # The township receives it in its inbox and completes it.
    at_centre = sessions(net.hub)
    inbox = InboxPage(at_centre)
    qtbot.addWidget(inbox)
    inbox.show()
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    assert inbox.table.item(0, 0).text() == case_no and inbox.table.item(0, 1).text() == "曲塘镇第1村代理站"
    assert inbox.table.item(0, 6).text() == "未接收"
    inbox.table.selectRow(0)
    assert inbox.buttons["take_up"].isEnabled() and not inbox.buttons["completed"].isEnabled()
    inbox.buttons["take_up"].click()
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 0, timeout=WAIT)  # no longer waiting to be received
    inbox.view_buttons["in_hand"].setChecked(True)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    inbox.table.selectRow(0)
    inbox.buttons["completed"].click()
    qtbot.waitUntil(lambda: inbox.dialog is not None and inbox.dialog.isVisible(), timeout=WAIT)
    form = inbox.dialog
    assert isinstance(form.inputs["result"], QComboBox) and isinstance(form.inputs["note"], QPlainTextEdit)
    type_text(qtbot, form.inputs["note"], "镇民政办已审核通过，每月发放")
    form.submit()
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 0, timeout=WAIT)
    assert "已记录" in inbox.result.toPlainText()
    assert queries.get_case(net.hub.desk, case_id).status == "completed"

    # The station syncs, sees the completion, and prints the completion notice.
    exchange_now(qtbot, at_station)
    detail = open_detail(qtbot, at_station, case_id)  # opened again, as the clerk would
    qtbot.waitUntil(lambda: detail.view.case.status == "completed", timeout=WAIT)
    timeline = [line.what for line in detail.view.timeline]
    assert timeline[-2:] == ["上级接收", "办结"]
    pdf = tmp_path / "notice.pdf"
    done = []
    save_pdf(detail, at_station, Request(case_id, "completion"), path=pdf, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "办结告知单" in text and case_no in text and "镇民政办已审核通过" in text
    wait_idle(qtbot, at_station)


def test_usb_export_township_import_and_reply_import_through_the_screens(qtbot, net, sessions, tmp_path):
    station = net.station
    stick = tmp_path / "usb"
    stick.mkdir()
    case_id = take_in(station, description="反映河道垃圾无人清理")
    at_station = sessions(station)
    page = SyncPage(at_station)
    qtbot.addWidget(page)
    page.ask_folder = lambda: stick
    page.export_button.click()
    qtbot.waitUntil(lambda: "已导出" in page.usb_result.toPlainText(), timeout=WAIT)
    [exported] = list(stick.glob("*.hdsync"))
    assert exported.name.startswith(station.unit_code) and str(exported) in page.usb_result.toPlainText()

    at_centre = sessions(net.hub)
    stations = StationsPage(at_centre)
    qtbot.addWidget(stations)
    stations.ask_open = lambda: exported
    stations.import_button.click()
    qtbot.waitUntil(lambda: "回执文件已写到" in stations.result.toPlainText(), timeout=WAIT)
    summary = stations.result.toPlainText()
    assert "已导入 曲塘镇第1村代理站 的同步文件" in summary and "拒收 0 条" in summary
    assert queries.get_case(net.hub.desk, case_id).description == "反映河道垃圾无人清理"
    stations.import_button.click()  # the same stick again: nothing twice
    qtbot.waitUntil(lambda: "已经收到过" in stations.result.toPlainText(), timeout=WAIT)
    [reply] = list(stick.glob("*.reply.hdsync"))

    page.ask_open = lambda: reply
    page.import_button.click()
    qtbot.waitUntil(lambda: "已导入 曲塘镇代理中心 的同步文件" in page.usb_result.toPlainText(), timeout=WAIT)
    runner = runner_for(at_station)
    qtbot.waitUntil(lambda: runner.state.waiting_records == 0, timeout=WAIT)
    assert reached.reach(station.desk, [case_id]) == {case_id: reached.REACHED}
    qtbot.waitUntil(lambda: page.headline.text() == "全部已上报", timeout=WAIT)
    wait_idle(qtbot, at_station)


def test_a_damaged_stick_file_is_refused_in_words(qtbot, net, sessions, tmp_path):
    broken = tmp_path / "half.hdsync"
    broken.write_bytes(b"HDSYNC1\n\x00\x00")
    stations = StationsPage(sessions(net.hub))
    qtbot.addWidget(stations)
    stations.ask_open = lambda: broken
    stations.import_button.click()
    qtbot.waitUntil(lambda: "不完整" in stations.result.toPlainText(), timeout=WAIT)
    assert "重新拷贝" in stations.result.toPlainText()
