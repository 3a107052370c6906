"""The commands, run as a clerk would run them: enrolment in three steps, the hub as a real process,
one exchange, status, the stations list, USB files, revocation, and a graceful stop mid-upload."""

from __future__ import annotations

import json
import signal
import threading
import time

import pytest

from haian_desk.desk import Desk
from haian_desk.storage.check import run_check
from sync.errors import SyncError
from tests.sync.helpers import TOWNSHIP, VILLAGES, HubProcess, cli, free_port, make_node, sync, take_in


@pytest.fixture
def pair(tmp_path, clock):
    hub = make_node(tmp_path / "township", TOWNSHIP, "曲塘镇代理中心", "township", clock)
    station = make_node(tmp_path / "station", VILLAGES[0], "曲塘镇双楼村代理站", "station", clock)
    take_in(station, name="王秀英", phone="13812345678")
    hub.close()
    station.close()
    return tmp_path


@pytest.mark.slow
def test_enrol_serve_sync_status_and_files_from_the_command_line(pair):
    hub_dir, station_dir = str(pair / "township"), str(pair / "station")
    port = free_port()
    request, answer = pair / "request.json", pair / "answer.json"
    assert "密钥指纹" in cli("enrol", "request", "--data-dir", station_dir, "--out", str(request)).stdout
    enrolled = cli(
        "hub", "enrol", str(request), "--data-dir", hub_dir, "--out", str(answer), "--url", f"http://127.0.0.1:{port}"
    )
    assert "已登记：曲塘镇双楼村代理站" in enrolled.stdout
    assert "曲塘镇代理中心" in cli("enrol", "accept", str(answer), "--data-dir", station_dir).stdout
    assert "待上报：" in cli("sync", "status", "--data-dir", station_dir).stdout

    with HubProcess(pair / "township", port=port):
        moved = cli("sync", "--data-dir", station_dir, "--retries", "0").stdout
        assert "同步完成" in moved and "上传 " in moved and "核对：双方记录一致" in moved
        status = json.loads(cli("sync", "status", "--data-dir", station_dir, "--json").stdout)
        assert status["pending"] == 0 and status["last_success"] and status["last_error"] is None
        listed = json.loads(cli("hub", "stations", "--data-dir", hub_dir, "--json").stdout)
        assert [(s["unit_code"], s["status"]) for s in listed] == [(VILLAGES[0], "enrolled")]
        assert listed[0]["events_received"] > 0 and listed[0]["clock_drift_seconds"] is not None
        assert VILLAGES[0] in cli("hub", "stations", "--data-dir", hub_dir).stdout

    up = pair / "usb" / "up.hdsync"
    assert "已导出" in cli("sync", "export", "--data-dir", station_dir, "--out", str(up)).stdout
    imported = cli("sync", "import", str(up), "--data-dir", hub_dir).stdout
    assert "新增 0 条" in imported and "回执文件已写到" in imported
    back = cli("sync", "import", str(pair / "usb" / "up.reply.hdsync"), "--data-dir", station_dir).stdout
    assert "已导入 曲塘镇代理中心" in back
    again = cli("sync", "import", str(up), "--data-dir", hub_dir).stdout
    assert "already received" in again

    assert "已注销" in cli("hub", "revoke", VILLAGES[0], "--data-dir", hub_dir).stdout
    with HubProcess(pair / "township", port=port):
        refused = cli("sync", "--data-dir", station_dir, "--retries", "0", check=False)
        assert refused.returncode == 2 and "注销" in refused.stderr
    status = cli("sync", "status", "--data-dir", station_dir).stdout
    assert "上次出错" in status and "注销" in status
    document = json.loads(cli("hub", "openapi", "--data-dir", hub_dir).stdout)
    assert "/v1/hello" in document["paths"]


def test_a_station_cannot_be_a_hub_and_errors_are_one_line(pair):
    station_dir = str(pair / "station")
    refused = cli("hub", "serve", "--data-dir", station_dir, "--port", str(free_port()), check=False)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "代理站" in refused.stderr
    missing = cli("sync", "import", str(pair / "nothing.hdsync"), "--data-dir", station_dir, check=False)
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
    not_enrolled = cli("sync", "--data-dir", station_dir, "--hub", "http://127.0.0.1:1", check=False)
    assert not_enrolled.returncode == 2 and "还没有登记" in not_enrolled.stderr


@pytest.mark.slow
def test_stopping_the_hub_mid_upload_never_leaves_a_batch_half_applied(network, clock):
    hub, (station, _) = network
    for i in range(150):
        take_in(station, description=f"反映{i}组道路破损")
    hub.close()
    process = HubProcess(hub.folder).start()
    outcome: dict = {}

    def upload() -> None:
        try:
            outcome["report"] = sync(station, process.url, limit=20)
        except SyncError as error:
            outcome["error"] = error

    thread = threading.Thread(target=upload)
    thread.start()
    deadline = time.monotonic() + 60
    while _batches(hub.folder) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.process.send_signal(signal.SIGTERM)
    assert process.wait_dead() in (0, -signal.SIGTERM)  # uvicorn stops gracefully, then re-raises the signal
    thread.join(60)
    process.stop()
    assert "Finished server process" in process.log_path.read_text(encoding="utf-8")
    desk = Desk.open(hub.folder)
    try:
        applied = desk.db.scalar("SELECT coalesce(sum(applied), 0) FROM sync_batches")
        at_hub = desk.db.scalar("SELECT count(*) FROM events WHERE origin = ?", (station.id,))
        assert at_hub == applied > 0  # whole batches only
        assert run_check(desk).ok
    finally:
        desk.close()
    hub.reopen()
    with HubProcess(hub.folder) as again:
        sync(station, again.url)
    assert hub.desk.db.scalar("SELECT count(*) FROM events WHERE origin = ?", (station.id,)) == station.desk.db.scalar(
        "SELECT count(*) FROM events WHERE origin = ?", (station.id,)
    )


def _batches(folder) -> int:
    from tests.haian_desk import dbfiles

    return dbfiles.scalar(folder / "haian_desk.sqlite3", "SELECT count(*) FROM sync_batches")
