"""The batch container: versioned, compressed, signed by its maker, sealed to its receiver.

The same bytes travel as an HTTP body or as a file on a USB stick::

    magic    8 bytes   b"HDSYNC1\\n"  (format version 1)
    hlen     4 bytes   big-endian length of the envelope
    envelope hlen      UTF-8 JSON: {"batch", "from", "to", "kind", "sealed"}  (ids only)
    sealed   sealed    HPKE base mode to the receiver's X25519 key
                       (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305,
                        info = b"haian-desk sync batch v1"), whose plaintext is
                           signature  64 bytes  Ed25519 over the signed part
                           signed:    4-byte length + header JSON + zlib(events JSON array)

The envelope says only which installations are involved, never whose matter
it is; everything else is inside the seal. The signed header repeats the
envelope's fields, so an envelope edited after signing is caught. See
docs/sync-protocol.md.
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

import msgspec
from cryptography.exceptions import InvalidTag

from haian_desk.storage.sealing import SUITE
from sync import keys as keymod, limits, schemas
from sync.errors import BatchRefused
from sync.keys import InstallationKeys

MAGIC = b"HDSYNC1\n"
MEDIA_TYPE = "application/vnd.haian-desk.batch"
FORMAT = 1
HPKE_INFO = b"haian-desk sync batch v1"
SIGNATURE_BYTES = 64
MAX_ENVELOPE = 4096
MAX_PLAIN_BODY = limits.MAX_PLAIN_BODY  # a decompression bomb stops here
ENVELOPE_FIELDS = ("batch", "from", "to", "kind")
KINDS = ("up", "down")


@dataclass
class Batch:
    """A batch's signed header and its events (``Event.to_dict()`` form)."""

    header: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def batch_id(self) -> str:
        return self.header["batch"]

    @property
    def sender(self) -> str:
        return self.header["from"]

    @property
    def kind(self) -> str:
        return self.header["kind"]

    @property
    def range(self) -> tuple[int, int]:
        lo, hi = self.header["range"]
        return int(lo), int(hi)


def seal(batch: Batch, signer: InstallationKeys, receiver_box_key: str) -> bytes:
    """The batch as bytes for the wire or a file, readable only by the receiver."""
    header = dict(batch.header, format=FORMAT, count=len(batch.events))
    inner = _json(header)
    body = zlib.compress(_json(batch.events), 6)
    signed = struct.pack(">I", len(inner)) + inner + body
    sealed = SUITE.encrypt(signer.sign(signed) + signed, keymod.box_public_key(receiver_box_key), info=HPKE_INFO)
    envelope = _json({**{k: header[k] for k in ENVELOPE_FIELDS}, "sealed": len(sealed)})
    return MAGIC + struct.pack(">I", len(envelope)) + envelope + sealed


def read_envelope(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The envelope and the sealed part, after checking the container is whole."""
    if not data.startswith(MAGIC[:6]):
        raise BatchRefused("not_a_batch", "这不是海安代理工作台的同步文件", "请选择由“导出同步文件”生成的文件")
    if data[:8] != MAGIC:
        raise BatchRefused("newer_format", "这份同步文件的格式比本程序新", "请把本机的海安代理工作台升级到最新版")
    if len(data) < 12:
        raise _truncated(12, len(data))
    (length,) = struct.unpack(">I", data[8:12])
    if length > MAX_ENVELOPE:
        raise BatchRefused("damaged", "同步文件已损坏（文件头长度不对）", "请重新导出")
    if len(data) < 12 + length:
        raise _truncated(12 + length, len(data))
    envelope = _parse_envelope(data[12 : 12 + length])
    end = 12 + length + envelope["sealed"]
    if len(data) < end:
        raise _truncated(end, len(data))
    if len(data) > end:
        raise BatchRefused(
            "damaged", "同步文件末尾多出了 {value} 字节，文件已被改动", "请重新导出", params={"value": len(data) - end}
        )
    return envelope, data[12 + length : end]


def open_sealed(envelope: dict[str, Any], sealed: bytes, own: InstallationKeys, sender_sign_key: str) -> Batch:
    """Unseal, check the signature with the sender's enrolled key, and only then read the content."""
    try:
        plain = SUITE.decrypt(sealed, own.box, info=HPKE_INFO)
    except (InvalidTag, ValueError):
        raise BatchRefused(
            "damaged", "同步文件已损坏（校验不通过），内容可能在拷贝中出错或被改动", "请重新导出一份"
        ) from None
    signature, signed = plain[:SIGNATURE_BYTES], plain[SIGNATURE_BYTES:]
    # The signature covers the raw bytes, so it is checked before anything inside is parsed:
    # without the sender's key nothing reaches a parser.
    if not keymod.verify(sender_sign_key, signature, signed):
        peeked = _peek_header(signed)
        if peeked:
            _refuse_swapped(envelope, peeked)
        raise BatchRefused(
            "bad_signature",
            "文件的签名与该站登记的密钥不符（用未登记的密钥签名），不能导入",
            "请确认文件确实来自该站；如该站重装过，请让它重新登记",
        )
    header, body = _split_signed(signed)
    _refuse_swapped(envelope, header)
    return Batch(header, _events(body, header["count"]))


def _refuse_swapped(envelope: dict[str, Any], header: dict[str, Any]) -> None:
    swapped = [k for k in ENVELOPE_FIELDS if header.get(k) != envelope.get(k)]
    if swapped:
        raise BatchRefused(
            "identity_mismatch",
            "文件外标明的{value}与签名内容里的不一致，文件被改动过",
            "不要手工修改同步文件；请让发出方重新导出",
            params={"value": _FIELD_NAMES[swapped[0]]},
        )


def _peek_header(signed: bytes) -> dict[str, Any]:
    """For the refusal's wording only: the unsigned header read into its fixed shape (no deep parsing).

    A header of the wrong shape fails at its first value, so this never
    recurses; anything unreadable counts as not swapped."""
    try:
        (length,) = struct.unpack(">I", signed[:4])
        header = schemas.decode_json(signed[4 : 4 + length], schemas.BatchHeader)
    except (struct.error, schemas.Invalid):
        return {}
    return msgspec.to_builtins(header)


_FIELD_NAMES = {"batch": "批次编号", "from": "发出站点", "to": "接收方", "kind": "方向"}


def peek(data: bytes) -> dict[str, Any]:
    """The envelope alone (who sent it to whom), for choosing keys before opening."""
    return read_envelope(data)[0]


def _split_signed(signed: bytes) -> tuple[dict[str, Any], bytes]:
    try:
        (length,) = struct.unpack(">I", signed[:4])
    except struct.error:
        raise BatchRefused("damaged", "同步文件内容无法读取", "请重新导出") from None
    raw = signed[4 : 4 + length]
    try:
        header = msgspec.json.decode(raw)
    except (msgspec.DecodeError, RecursionError) as error:
        raise BatchRefused(
            "damaged", "同步批次的标头无法读取（{value}）", "请重新导出", params={"value": str(error)[:80]}
        ) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BatchRefused("newer_format", "同步文件内容的版本不受支持", "请把本机的海安代理工作台升级到最新版")
    try:
        schemas.convert(header, schemas.BatchHeader)
    except schemas.Invalid as error:
        raise BatchRefused(
            "damaged",
            "同步批次的标头不正确（{error}）",
            "请重新导出；如反复出现请把双方都升级到最新版",
            params={"error": error},
        ) from None
    if _json(header) != raw:
        raise BatchRefused("damaged", "同步批次的标头不是规范格式（有重复或多余的内容）", "请重新导出")
    return header, signed[4 + length :]


def _events(body: bytes, count: int) -> list[Any]:
    """The events, inflated no further than the claimed count allows and decoded only then."""
    allowed = min(MAX_PLAIN_BODY, max(1, count) * limits.MAX_BYTES_PER_RECORD)
    inflater = zlib.decompressobj()
    try:
        plain = inflater.decompress(body, allowed)
        if inflater.unconsumed_tail or (not inflater.eof and len(plain) >= allowed):
            raise BatchRefused(
                "too_large",
                "同步批次解压后太大，超过了它标明的记录数能有的大小",
                "请分成几次导出；如反复出现请联系镇中心",
            )
        if not inflater.eof or inflater.unused_data:
            raise BatchRefused("damaged", "同步批次的内容不完整或末尾多出了数据", "请重新导出")
        events = msgspec.json.decode(plain)
    except (zlib.error, msgspec.DecodeError, RecursionError):
        raise BatchRefused("damaged", "同步批次的内容无法解压或读取", "请重新导出") from None
    if not isinstance(events, list) or len(events) != count:
        raise BatchRefused("damaged", "同步批次的内容与标头标明的记录数不符", "请重新导出")
    if any(_out_of_range(e) for e in events):
        raise BatchRefused("damaged", "同步批次里有记录的序号超出了能保存的范围", "发出方的数据可能已损坏；请重新导出")
    return events


def _out_of_range(record: Any) -> bool:
    """A sequence number no SQLite integer can hold: no record of it can be kept, not even in quarantine."""
    seq = record.get("origin_seq") if isinstance(record, dict) else None
    return isinstance(seq, int) and not isinstance(seq, bool) and not -limits.MAX_SEQ <= seq <= limits.MAX_SEQ


def _parse_envelope(raw: bytes) -> dict[str, Any]:
    try:
        envelope = schemas.decode_json(raw, schemas.Envelope)
    except schemas.Invalid:
        raise BatchRefused("damaged", "同步文件已损坏（文件头内容不对）", "请重新导出") from None
    fields = msgspec.to_builtins(envelope)
    if _json(fields) != raw:
        # Duplicated keys, spaces or another key order: the bytes are not the ones this format writes.
        raise BatchRefused("damaged", "同步文件已损坏（文件头不是规范格式）", "请重新导出")
    return fields


def _truncated(expected: int, actual: int) -> BatchRefused:
    return BatchRefused(
        "truncated",
        "同步文件不完整：至少应有 {expected} 字节，实际只有 {actual} 字节",
        "可能没有拷贝完就拔了U盘；请重新拷贝或重新导出",
        params={"expected": expected, "actual": actual},
    )


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
