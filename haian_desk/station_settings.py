"""The station's own settings: what its printed papers say about it.

Kept in the ``settings`` table (schema v2): local to this installation, never
synced, each value stored as JSON; every change is also a ``settings`` event
(who, when, what: ``haian_desk.events.audit``). Address and phone start from what was typed
at set-up (``meta``); the county hotline starts as 12345, the public service
hotline every county in Jiangsu answers; the township's number is not known in
advance, so it stays empty until the station fills it in and papers say so.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING

from haian_desk.core.errors import ValidationError
from haian_desk.people import users
from haian_desk.setting_labels import LABELS

if TYPE_CHECKING:
    from haian_desk.desk import Desk

DEFAULT_COUNTY_HOTLINE = "12345"
# Papers a case document can be printed on (ui.printing.papers knows their sizes).
RECEIPT_PAPERS = ("a4", "a5", "80mm", "58mm")


@dataclass(frozen=True)
class StationSettings:
    address: str = ""
    phone: str = ""
    office_hours: str = ""
    county_hotline: str = DEFAULT_COUNTY_HOTLINE
    township_hotline: str = ""
    # The villager's own receipt shows the ID number in full only if the station chooses so.
    receipt_full_id: bool = False
    receipt_paper: str = "a4"  # what the counter's printer takes; one key prints on it
    receipt_stub: bool = True  # the station's 存根 below a cut line
    # The app locks after this long without a key or a click (a PC in an office many walk through).
    idle_lock_seconds: int = 600

    def but(self, **changes) -> StationSettings:
        return replace(self, **changes)


IDLE_LOCK_RANGE = (1, 24 * 3600)
_TYPES = {f.name: type(f.default) for f in fields(StationSettings)}


def load(desk: Desk) -> StationSettings:
    """The saved settings over the defaults (address and phone from set-up)."""
    base = StationSettings(address=desk.installation.address, phone=desk.installation.phone)
    if desk.db.dialect == "postgres":  # a hub's server keeps no counter, receipts or local settings
        return base
    stored = {row["key"]: row["value"] for row in desk.db.query("SELECT key, value FROM settings")}
    values = {}
    for key, kind in _TYPES.items():
        if key in stored:
            value = json.loads(stored[key])
            if isinstance(value, kind):
                values[key] = value
    return base.but(**values)


def save(desk: Desk, actor: str, **changes) -> StationSettings:
    """Change some settings (admins only); returns the settings as they now stand."""
    users.require_role(desk, actor, "admin", "修改本站设置")
    clean = {key: _clean(key, value) for key, value in changes.items()}
    with desk.db.write() as conn:
        write(desk, conn, actor, clean)
    return load(desk)


def idle_lock_minutes(typed: str) -> int:
    """Minutes as a clerk types them ("10", "１０", "15分钟") → seconds; a clear refusal otherwise."""
    text = unicodedata.normalize("NFKC", str(typed or "")).strip()
    for unit in ("分钟", "分", "min"):
        text = text.removesuffix(unit).strip()
    low, high = 1, IDLE_LOCK_RANGE[1] // 60  # whole minutes on screen; tests may set seconds directly
    if not text:
        raise ValidationError("请填写无人操作多久后锁定（分钟）", "一般填10", field="idle_lock_seconds")
    if not text.isascii() or not text.isdigit():
        raise ValidationError(
            "“{typed}”不是分钟数",
            "请填写{low}到{high}之间的整数，一般填10",
            field="idle_lock_seconds",
            params={"typed": str(typed or "").strip(), "low": low, "high": high},
        )
    minutes = int(text)
    if not low <= minutes <= high:
        raise ValidationError(
            "自动锁定时间应在{low}分钟到{high}分钟（24小时）之间",
            "一般填10；离开座位多的站可以填得更短",
            field="idle_lock_seconds",
            params={"low": low, "high": high},
        )
    return minutes * 60


def save_idle_lock(desk: Desk, actor: str, typed: str) -> StationSettings:
    """The idle lock time as typed in settings (minutes): checked, saved, recorded like any setting."""
    return save(desk, actor, idle_lock_seconds=idle_lock_minutes(typed))


def write(desk: Desk, conn, actor: str, values: dict) -> None:
    """Store settings (already checked) and record the change, in the caller's transaction.

    Every settings change anywhere in the domain comes through here, so each
    is an event with its actor and time (``haian_desk.events.audit``); a value equal
    to the one stored is not a change and records nothing.
    """
    stored = {row["key"]: row["value"] for row in conn.execute("SELECT key, value FROM settings")}
    rows = {key: json.dumps(value, ensure_ascii=False) for key, value in values.items()}
    changed = {key: values[key] for key, text in rows.items() if stored.get(key) != text}
    if not changed:
        return
    conn.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [(key, rows[key]) for key in changed],
    )
    desk.ledger.record(
        conn,
        "settings",
        desk.installation.id,
        "changed",
        {"changes": changed, "unit_code": desk.installation.unit_code},
        actor,
    )


def _clean(key: str, value):
    if key not in _TYPES:
        raise ValidationError("没有“{key}”这项设置", field=key, params={"key": key})
    if _TYPES[key] is int:
        low, high = IDLE_LOCK_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(
                "“{value}”应在{low}秒到{value2}小时之间",
                "一般设10分钟",
                field=key,
                params={"value": LABELS[key], "low": low, "value2": high // 3600},
            )
        return value
    if _TYPES[key] is bool:
        if not isinstance(value, bool):
            raise ValidationError("“{value}”应为是或否", field=key, params={"value": LABELS[key]})
        return value
    if not isinstance(value, str):
        raise ValidationError("“{value}”应为文字", field=key, params={"value": LABELS[key]})
    if key == "receipt_paper" and value not in RECEIPT_PAPERS:
        raise ValidationError("回执纸张应为：{items}", field=key, params={"items": "、".join(RECEIPT_PAPERS)})
    text = " ".join(value.split())
    if len(text) > 80:
        raise ValidationError("“{value}”太长（最多80个字）", field=key, params={"value": LABELS[key]})
    return text


def as_dict(settings: StationSettings) -> dict:
    return asdict(settings)
