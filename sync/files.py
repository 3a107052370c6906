"""Sync by file, for when there is no network: a USB stick carries the same sealed batches.

At a station, ``export`` writes everything the hub has not acknowledged into
one file sealed to the hub. At the hub, ``import_file`` applies it and writes
a reply sealed to the station: what concerns it from above, and how far the
hub now holds its log. The station imports the reply the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.core.errors import SetupError
from haian_desk.core.timeutil import to_iso
from haian_desk.replication import sync_state
from haian_desk.replication.sync_state import CHILD
from sync import outbox
from sync.batch import seal
from sync.errors import SyncError
from sync.hub import Hub, require_hub
from sync.inbox import Receipt, receive, take
from sync.keys import InstallationKeys
from sync.limits import MAX_RECORDS, MAX_SEALED

if TYPE_CHECKING:
    from haian_desk.desk import Desk

SUFFIX = ".hdsync"


@dataclass
class ExportReport:
    path: Path
    events: int
    size: int
    batch_id: str


@dataclass
class ImportReport:
    receipt: Receipt
    reply_path: Path | None = None
    reply_events: int = 0


def export_file(desk: Desk, own: InstallationKeys, out: Path) -> ExportReport:
    hub = sync_state.parent(desk.db)
    if hub is None:
        raise SetupError("本机还没有登记到上级同步中心", "请先办理登记（haian-desk enrol request / enrol accept）")
    batch = outbox.up_batch(desk, hub, hub.acked, limit=MAX_RECORDS)
    data = seal(batch, own, hub.box_key)
    write_atomically(out, data)
    with desk.db.write() as conn:
        log_id = sync_state.log_start(conn, hub.id, "file", to_iso(desk.now()))
        sync_state.log_finish(conn, log_id, to_iso(desk.now()), True, f"导出 {len(batch.events)} 条到 {out}")
    return ExportReport(out, len(batch.events), len(data), batch.batch_id)


def import_file(desk: Desk, own: InstallationKeys, path: Path, reply: Path | None = None) -> ImportReport:
    """Apply a batch file; at a hub, also write the reply for the station that sent it."""
    data = _read_batch_file(path)
    receipt = receive(desk, own, data, "file")
    result = ImportReport(receipt)
    with desk.db.write() as conn:
        sync_state.note_contact(conn, receipt.peer.id, to_iso(desk.now()))
        log_id = sync_state.log_start(conn, receipt.peer.id, "file", to_iso(desk.now()))
        sync_state.log_finish(
            conn, log_id, to_iso(desk.now()), True, f"导入 {path.name}：新增 {receipt.report.applied} 条"
        )
    if receipt.peer.relation == CHILD:
        require_hub(desk)
        result.reply_path = reply or default_reply_path(path)
        after = int(receipt.batch.header.get("cursor") or 0)
        rejected = [r.to_dict() for r in receipt.report.rejected]
        data = Hub.of(desk, own).give(receipt.peer, after, limit=MAX_RECORDS, rejected=rejected)
        write_atomically(result.reply_path, data)
        result.reply_events = _count_down(desk, receipt.peer, after)
    return result


def import_into(hub: Hub, path: Path, reply: Path | None = None) -> ImportReport:
    """Apply a township's (or station's) batch file at a hub of any storage (PostgreSQL: ``hub
    import --database``) and write the reply sealed to the sender."""
    receipt = take(hub.backend, hub.keys, _read_batch_file(path), "file")
    hub.backend.note_contact(receipt.peer.id, to_iso(hub.backend.now()))
    result = ImportReport(receipt, reply or default_reply_path(path))
    after = int(receipt.batch.header.get("cursor") or 0)
    rejected = [r.to_dict() for r in receipt.report.rejected]
    data = hub.give(receipt.peer, after, limit=MAX_RECORDS, rejected=rejected)
    assert result.reply_path is not None  # set just above
    write_atomically(result.reply_path, data)
    result.reply_events = len(hub.backend.down(receipt.peer, after, MAX_RECORDS)[0])
    return result


def _read_batch_file(path: Path) -> bytes:
    """The file's bytes, or a message a clerk can act on (never a traceback)."""
    try:
        if path.is_dir():
            raise SyncError(
                "not_a_file",
                "{path} 是一个文件夹，不是同步文件",
                "请选择文件夹里以 .hdsync 结尾的文件",
                params={"path": path},
            )
        if path.stat().st_size > MAX_SEALED + 8192:
            raise SyncError(
                "too_large",
                "{name} 太大，不是一份同步文件",
                "请选择由“导出同步文件”生成的文件",
                params={"name": path.name},
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise SyncError(
            "no_file", "找不到文件 {path}", "请检查U盘是否插好、路径是否正确", params={"path": path}
        ) from None
    except OSError as error:
        raise SyncError(
            "unreadable",
            "读不出文件 {path}（{value}）",
            "请检查U盘是否插好、文件是否被别的程序占用",
            params={"path": path, "value": error.strerror or "无法访问"},
        ) from None


def _count_down(desk: Desk, peer, after: int) -> int:
    from haian_desk.replication import selection

    with desk.db.read() as conn:
        events, _ = selection.down_events(conn, peer, after, MAX_RECORDS)
    return len(events)


def default_reply_path(path: Path) -> Path:
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    return path.with_name(f"{stem}.reply{SUFFIX}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a pulled stick never holds half a batch under the real name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
