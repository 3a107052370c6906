"""The backup file: an encrypted database copy that two keys can open.

::

    magic    10 bytes  b"HDBACKUP1\\n"
    clen      4 bytes  big-endian length of the description
    core     clen      UTF-8 JSON: whose backup, when, schema, the passphrase's
                       scrypt salt and cost, and the SHA-256 and size of the payload
    slen      4 bytes  big-endian length of the key slots
    slots    slen      UTF-8 JSON: the payload's content key, wrapped twice:
                         "station":  AES-256-GCM under a key derived (HKDF) from
                                     the station key, with ``core`` as associated data
                         "township": HPKE-sealed to the township hub's X25519
                                     key pinned at enrolment, ``info`` naming ``core``
    payload  rest      a SQLCipher database keyed with the random content key

The description is readable (station code and name, dates: no villager's
data) so a clerk can be told whose backup a file is before any key is tried;
it cannot be changed unnoticed, because both slots are bound to it and it
carries the payload's digest. A station not yet enrolled has only the station
slot, which its passphrase opens on any PC (the salt travels in ``core``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from haian_desk.core.errors import HaianError
from haian_desk.storage import keys, sealing

MAGIC = b"HDBACKUP1\n"
FORMAT = 1
STATION_WRAP = b"haian-desk backup wrap v1"
TOWNSHIP_INFO = b"haian-desk backup township v1 "
MAX_PART = 64 * 1024
CHUNK = 1024 * 1024


class BackupRefused(HaianError):
    """A backup file that cannot be opened here; nothing was changed."""


@dataclass(frozen=True)
class SealedFile:
    """A backup file's readable parts, checked whole (the payload's digest matches)."""

    path: Path
    core: dict[str, Any]
    core_bytes: bytes
    slots: dict[str, Any]
    payload_at: int

    @property
    def installation_id(self) -> str:
        return self.core["installation_id"]

    @property
    def keyfile(self) -> keys.KeyFile | None:
        kdf = self.core.get("kdf")
        try:
            return keys.KeyFile.from_json(kdf) if kdf else None
        except (ValueError, KeyError, TypeError, AttributeError):
            raise tampered(self.path) from None


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


# --- writing ------------------------------------------------------------------------


def write(
    payload: Path, target: Path, core: dict[str, Any], content_key: bytes, station_key: bytes, township_box: str | None
) -> None:
    """Put the keyed ``payload`` database, described by ``core``, into ``target``."""
    digest, size = _digest(payload, 0)
    core_bytes = _json({**core, "format": FORMAT, "payload_sha256": digest, "payload_bytes": size})
    slots = {"station": _wrap_for_station(content_key, station_key, core_bytes)}
    if township_box:
        slots["township"] = {"sealed": _b64(sealing.seal(content_key, township_box, _township_info(core_bytes)))}
    slots_bytes = _json(slots)
    with open(target, "wb") as out, open(payload, "rb") as source:
        out.write(MAGIC + struct.pack(">I", len(core_bytes)) + core_bytes)
        out.write(struct.pack(">I", len(slots_bytes)) + slots_bytes)
        while chunk := source.read(CHUNK):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def _wrap_for_station(content_key: bytes, station_key: bytes, core_bytes: bytes) -> dict[str, str]:
    nonce = os.urandom(12)
    wrapped = AESGCM(keys.subkey(station_key, STATION_WRAP)).encrypt(nonce, content_key, core_bytes)
    return {"nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _township_info(core_bytes: bytes) -> bytes:
    return TOWNSHIP_INFO + hashlib.sha256(core_bytes).hexdigest().encode("ascii")


# --- reading ------------------------------------------------------------------------


def read(path: Path) -> SealedFile:
    """The file's description and slots, after checking that nothing in it was changed."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise BackupRefused(
                    "{name} 不是海安代理工作台的备份文件", "请选择备份时生成的备份文件", params={"name": path.name}
                )
            core_bytes = _part(handle, path)
            slots_bytes = _part(handle, path)
            payload_at = handle.tell()
    except OSError as error:
        raise BackupRefused(
            "读不了 {name}（{value}）",
            "请检查U盘是否插好",
            params={"name": path.name, "value": error.strerror or error},
        ) from None
    try:
        core, slots = json.loads(core_bytes), json.loads(slots_bytes)
    except ValueError:
        raise tampered(path) from None
    if not isinstance(core, dict) or core.get("format") != FORMAT:
        raise BackupRefused(
            "{name} 的格式不认识（可能是新版程序生成的）",
            "请先安装新版海安代理工作台再恢复",
            params={"name": path.name},
        )
    if _digest(path, payload_at) != (core.get("payload_sha256"), core.get("payload_bytes")):
        raise tampered(path)
    return SealedFile(Path(path), core, core_bytes, slots, payload_at)


def _part(handle, path: Path) -> bytes:
    raw = handle.read(4)
    if len(raw) < 4:
        raise tampered(path)
    (length,) = struct.unpack(">I", raw)
    data = handle.read(length) if length <= MAX_PART else b""
    if len(data) != length or not data:
        raise tampered(path)
    return data


def tampered(path: Path) -> BackupRefused:
    return BackupRefused(
        "{name} 已损坏或被改动过（校验不通过），不能恢复",
        "请换一个备份文件；不要手工修改备份",
        params={"name": path.name},
    )


def content_key(sealed: SealedFile, *, station_key: bytes | None = None, township_box=None) -> bytes:
    """The payload's key from whichever slot the given key opens."""
    if station_key is not None:
        slot = sealed.slots.get("station") or {}
        try:
            return AESGCM(keys.subkey(station_key, STATION_WRAP)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), sealed.core_bytes
            )
        except (InvalidTag, KeyError, ValueError, TypeError):
            pass
    if township_box is not None and "township" in sealed.slots:
        try:
            return sealing.open_sealed(
                _unb64(sealed.slots["township"]["sealed"]), township_box, _township_info(sealed.core_bytes)
            )
        except (sealing.CannotOpen, KeyError, ValueError, TypeError):
            pass
    raise BackupRefused(
        "{name} 不是本站的备份（本站的钥匙打不开它）",
        "请在备份所属的站恢复，或输入那个站的口令；"
        "站点电脑和口令都没有了，请到镇中心用 haian-desk hub restore-station 打开",
        params={"name": sealed.path.name},
    )


@contextlib.contextmanager
def payload_copy(sealed: SealedFile, scratch: Path | None = None) -> Iterator[Path]:
    """The payload as its own file (still encrypted), removed afterwards."""
    fd, name = tempfile.mkstemp(prefix="opening-", suffix=".sqlite3", dir=scratch)
    try:
        with os.fdopen(fd, "wb") as out, open(sealed.path, "rb") as source:
            source.seek(sealed.payload_at)
            while chunk := source.read(CHUNK):
                out.write(chunk)
        yield Path(name)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)


def _digest(path: Path, start: int) -> tuple[str, int]:
    sha, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        handle.seek(start)
        while chunk := handle.read(CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return sha.hexdigest(), size


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
