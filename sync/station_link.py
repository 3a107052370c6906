"""What the desktop app does about its link to the hub: enrol, set the address, move files by USB.

Thin, whole steps over the engine (``enrolment``, ``files``), each returning
what a person should be told; the app runs them on its database worker. The
same steps serve a station (its township above it) and a township (the
county above it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from haian_desk.core.errors import SetupError, ValidationError
from haian_desk.core.timeutil import local
from haian_desk.replication import sync_state
from sync import enrolment, files, keys as keymod
from sync.cli import import_lines

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def clean_url(text: str) -> str:
    """A hub address as typed (``192.168.1.10:8765`` will do), or ValidationError saying what is wrong."""
    text = text.strip()
    if not text:
        raise ValidationError("请填写镇中心的网址", "例如 http://192.168.1.10:8765", field="url")
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError("“{text}”不是网址", "例如 http://192.168.1.10:8765", field="url", params={"text": text})
    try:
        _ = parts.port  # reading it checks it: a port that is not a number raises
    except ValueError:
        raise ValidationError("网址里的端口号不对", "端口是冒号后面的数字，如 8765", field="url") from None
    return text.rstrip("/")


def set_hub_url(desk: Desk, text: str) -> str:
    url = clean_url(text)
    hub = sync_state.parent(desk.db)
    if hub is None:
        raise SetupError("本机还没有登记到镇中心", "请先办理登记，再填写网址")
    with desk.db.write() as conn:
        sync_state.set_address(conn, hub.id, url, None)
    return url


@dataclass(frozen=True)
class EnrolRequest:
    path: Path
    fingerprint: str


def write_enrol_request(desk: Desk, path: Path) -> EnrolRequest:
    """The station's signed request (keys made now if this is the first time)."""
    own = keymod.load_or_create(desk.folder)
    enrolment.write_document(enrolment.make_request(desk, own), path)
    return EnrolRequest(path, keymod.fingerprint(own.sign_public))


def accept_enrol_answer(desk: Desk, path: Path, url_text: str = "") -> sync_state.Peer:
    url = clean_url(url_text) if url_text.strip() else None
    return enrolment.accept(desk, keymod.load(desk.folder), enrolment.read_document(path), url)


def export_name(desk: Desk) -> str:
    """A file name that says whose batch it is and when it was made."""
    return f"{desk.installation.unit_code}-{local(desk.now()):%Y%m%d-%H%M%S}{files.SUFFIX}"


def export_to_folder(desk: Desk, folder: Path) -> list[str]:
    """Write what the hub has not acknowledged to a file in ``folder``; returns what to tell."""
    result = files.export_file(desk, keymod.load(desk.folder), folder / export_name(desk))
    if result.events:
        head = f"已导出 {result.events} 条待上报的记录到 {result.path}"
    else:
        head = f"没有待上报的记录；已写出 {result.path}，带去镇中心导入后可取回最新办理情况"
    return [head, "文件已加密，只有镇中心能打开。请把U盘带到镇中心导入，再把镇中心给的回执文件导入本机。"]


def import_from_file(desk: Desk, path: Path, reply_folder: Path | None = None) -> list[str]:
    """Import a batch file (a station's at a hub, a hub's reply at a station); returns what happened."""
    reply = reply_folder / files.default_reply_path(path).name if reply_folder else None
    return import_lines(files.import_file(desk, keymod.load_or_create(desk.folder), path, reply))
