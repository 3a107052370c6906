"""``sync status`` never says 全部已上报 while the hub refused or holds back records of ours."""

from __future__ import annotations

import shutil

import pytest

from haian_desk.replication.status import delivery_line, refusal_lines, sync_status
from tests.sync.helpers import cli, copy_installation, sync, take_in

pytestmark = pytest.mark.both_hubs  # network and served: a township on SQLite, a county on PostgreSQL


def _restore_by_copy(station, backup) -> None:
    station.close()
    shutil.rmtree(station.folder)
    shutil.copytree(backup, station.folder)
    station.reopen()


def test_a_sequence_clash_is_not_reported_as_all_sent(network, served, tmp_path):
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    station.close()
    backup = copy_installation(station.folder, tmp_path / "backup")
    station.reopen()
    take_in(station, description="备份之后登记的")
    sync(station, served.url)
    _restore_by_copy(station, backup)  # an old copy: its next numbers were already used
    take_in(station, description="恢复之后登记的")
    sync(station, served.url)

    status = sync_status(station.desk)
    assert status.pending == 0 and status.rejected
    text = "\n".join(status.lines())
    assert "全部已上报" not in text
    assert f"{len(status.rejected)} 条记录未被接收" in text
    assert "备份恢复" in text and "重发" in text  # why, and what to do
    shown = cli("sync", "status", "--data-dir", str(station.folder)).stdout
    assert "全部已上报" not in shown and "未被接收" in shown


def test_all_sent_only_when_nothing_waits_and_nothing_is_stuck():
    assert delivery_line(0, [], []) == "待上报：全部已上报"
    assert "3 条记录待发送" in delivery_line(3, [], [])
    refused = [
        {"event_id": "e1", "reason": "该站的这个记录序号已被另一条记录占用（该站可能从备份恢复过）：已留存待核查"}
    ]
    held = [{"event_id": "e2", "problem": "same_id_different_content", "reason": "同一编号的记录内容不同"}]
    line = delivery_line(0, refused, held)
    assert "全部已上报" not in line and "2 条记录未被接收" in line
    reasons = refusal_lines(refused, held)
    assert len(reasons) == 2 and all("处理：" in r for r in reasons)
