"""Numbers never issued twice, even after a restore or a recovery.

A station numbers its own records (``origin_seq``) and its cases
(``102210-261204-007``) from its own log. A log brought back from a backup has
forgotten whatever was numbered after the backup was made, though those
numbers may already be on a villager's receipt and at the township. So:

1. A restore (``haian_desk.storage.recovery``) or a recovery marks the numbering
   *unsure*. While unsure, the station writes nothing: ``Ledger.record`` asks
   ``require_issuable`` first.
2. The next sync asks the hub where the numbering stood (``held_for`` at the
   hub, route ``/v1/numbering``) and ``learn`` sets floors under the local
   counters: records continue after the highest sequence the hub holds of this
   station, case numbers after the highest number of each day it holds.
3. With no network, a person may ``confirm_offline``. Numbers then come from a
   range the normal counters never reach (the range scheme):

   - records: from a block of ``OFFLINE_SEQ_GAP`` numbers chosen at random among
     ``OFFLINE_BLOCKS`` past the highest sequence in the local log (a station does not
     make that many records between a backup and the PC's death; the hub accepts gaps:
     it checks only that no number is used twice);
   - cases: the day's own series with the letter ``L`` (离线) and three random
     letters (the *series*) before the sequence, ``102210-261204-LKQM01``; normal
     numbers are all digits, so the two kinds cannot meet. Once the hub has been
     asked, new numbers are normal again (after the floors); the L numbers already
     given stay valid.

   Why random, drawn at each confirmation: the PC may die *again*, before any
   sync, on the same day, and be restored offline from a backup older than its
   first L numbers. Nothing on the new PC remembers the first range then (the
   backup predates it, and the hub never heard of it), so anything derived from
   the log or the backup would repeat it. Two confirmations share a case series
   with odds of 1 in 12,167 (23 letters, three places) and a record block with
   odds of 1 in 1,048,576; both only on that rare second death. Sync before
   closing the day after a restore all the same.

Everything here lives in ``meta`` (one installation's own state: never synced).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk.core.errors import HaianError, Message
from haian_desk.core.timeutil import from_iso, show, to_iso
from haian_desk.people import permissions

if TYPE_CHECKING:
    from haian_desk.desk import Desk

UNSURE = "numbering.unsure"  # {"backup_at": ISO or null, "reason": text}
OFFLINE = "numbering.offline"  # {"by": username, "at": ISO, "seq_from": int}
SEQ_FLOOR = "numbering.seq_floor"  # int: records continue after this
CASE_FLOORS = "numbering.case_floors"  # {day prefix: highest sequence issued}
OFFLINE_MARK = "L"
OFFLINE_SEQ_GAP = 1_000_000
OFFLINE_BLOCKS = 2**20  # record blocks to draw from (origin_seq stays far below 2**63)
SERIES_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"  # no I, L, O: read out over the phone without doubt
SERIES_LENGTH = 3


class NumberingUnsure(HaianError):
    """Numbers cannot be issued until the station knows where they stood."""


@dataclass(frozen=True)
class Numbering:
    state: str  # "known", "unsure" or "offline"
    backup_at: str | None = None

    def warning(self, now: datetime) -> Message | str:
        """What to tell the clerk (a Message: Chinese as ``str``, translated where shown); "" if all is well."""
        if self.state == "known":
            return ""
        if self.backup_at:
            days = max(0, (now - from_iso(self.backup_at)).days)
            age = Message("数据停在 {when}（{days} 天前）", {"when": show(self.backup_at), "days": days})
        else:
            age = Message("不知道数据停在何时")
        if self.state == "offline":
            return Message(
                "本站从备份恢复，{age}；正在离线办理，办件编号带“{mark}”，联网同步后恢复正常编号",
                {"age": age, "mark": OFFLINE_MARK},
            )
        return Message("本站从备份恢复，{age}：此后办过的事本机不知道，编号可能已被用过", {"age": age})


# -- reading and writing the state ------------------------------------------------------


def _get(conn: sqlite3.Connection, key: str):
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def _put(conn: sqlite3.Connection, key: str, value) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def _drop(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM meta WHERE key = ?", (key,))


def status(conn: sqlite3.Connection) -> Numbering:
    unsure = _get(conn, UNSURE)
    if unsure is None:
        return Numbering("known")
    return Numbering("offline" if _get(conn, OFFLINE) else "unsure", unsure.get("backup_at"))


def mark_unsure(conn: sqlite3.Connection, backup_at: str | None, reason: str) -> None:
    """A log brought back from a copy: numbers past it may already be in use."""
    _put(conn, UNSURE, {"backup_at": backup_at, "reason": reason})
    _drop(conn, OFFLINE)  # a former confirmation was about a former copy


def require_issuable(conn: sqlite3.Connection) -> None:
    if status(conn).state == "unsure":
        raise NumberingUnsure(
            "本站刚从备份恢复，还不知道编号用到了哪里，暂不能登记或办理",
            "请先联网同步一次（镇中心会告知编号用到了哪里）；确实无法联网时，"
            "请在“同步”页面（或 haian-desk numbering --offline）确认离线继续办理",
        )


def confirm_offline(desk: Desk, actor: str) -> Numbering:
    """A person's decision to work on without the hub: numbers from the offline range."""
    with desk.db.write() as conn:
        permissions.require(conn, actor, "numbering.confirm")
        if status(conn).state != "unsure":
            return status(conn)
        top = conn.execute(
            "SELECT coalesce(max(origin_seq), 0) FROM events WHERE origin = ?", (desk.installation.id,)
        ).fetchone()[0]
        seq_from = max(top, seq_floor(conn)) + OFFLINE_SEQ_GAP * (1 + secrets.randbelow(OFFLINE_BLOCKS))
        _put(conn, OFFLINE, {"by": actor, "at": to_iso(desk.now()), "seq_from": seq_from, "series": new_series()})
        _put(conn, SEQ_FLOOR, seq_from)
        desk.ledger.record(
            conn,
            "settings",
            desk.installation.id,
            "offline_confirmed",
            {"changes": {OFFLINE: True}, "unit_code": desk.installation.unit_code},
            actor,
        )
        return status(conn)


def new_series() -> str:
    """Three random letters naming one offline confirmation's case numbers (see the module's why)."""
    return "".join(secrets.choice(SERIES_LETTERS) for _ in range(SERIES_LENGTH))


def offline_series(conn: sqlite3.Connection) -> str:
    """The letters of the current offline confirmation ("" for one made before series existed)."""
    return str((_get(conn, OFFLINE) or {}).get("series") or "")


def learn(conn: sqlite3.Connection, origin_seq: int, case_numbers: dict[str, int]) -> None:
    """What the hub holds of this station: counters continue after it, and the doubt is gone."""
    _put(conn, SEQ_FLOOR, max(seq_floor(conn), int(origin_seq)))
    floors = _get(conn, CASE_FLOORS) or {}
    for prefix, top in case_numbers.items():
        floors[prefix] = max(int(floors.get(prefix, 0)), int(top))
    _put(conn, CASE_FLOORS, floors)
    _drop(conn, UNSURE)
    _drop(conn, OFFLINE)


# -- what the counters read ----------------------------------------------------------------


def seq_floor(conn: sqlite3.Connection) -> int:
    return int(_get(conn, SEQ_FLOOR) or 0)


def case_floor(conn: sqlite3.Connection, prefix: str) -> int:
    return int((_get(conn, CASE_FLOORS) or {}).get(prefix, 0))


def offline(conn: sqlite3.Connection) -> bool:
    return status(conn).state == "offline"


# -- at the hub: where a station's numbering stands ---------------------------------------------


def held_for(conn, origin: str, unit_code: str, mark: str = "?") -> dict:
    """The highest record sequence and each day's highest case number this hub holds of a
    station, counting records held back for inspection (their numbers were issued too).

    Written once for both hub databases: plain SQL either understands, ``mark`` the driver's
    parameter mark (``?`` for SQLite, ``%s`` for psycopg); payloads are read as text here."""
    top = conn.execute(f"SELECT coalesce(max(origin_seq), 0) FROM events WHERE origin = {mark}", (origin,)).fetchone()[
        0
    ]
    numbers = [
        (_json_or_none(r[0]) or {}).get("case_no")
        for r in conn.execute(
            f"SELECT payload FROM events WHERE origin = {mark} AND stream = 'case' AND type = 'registered'",
            (origin,),
        )
    ]
    for (body,) in conn.execute(f"SELECT body FROM sync_quarantine WHERE origin = {mark}", (origin,)):
        record = _json_or_none(body)
        if isinstance(record, dict):
            top = max(top, record.get("origin_seq") if isinstance(record.get("origin_seq"), int) else 0)
            if record.get("stream") == "case" and record.get("type") == "registered":
                numbers.append((record.get("payload") or {}).get("case_no"))
    return {"origin_seq": int(top), "case_numbers": day_maxima(numbers), "unit_code": unit_code}


def day_maxima(case_numbers) -> dict[str, int]:
    """{"102210-261204-": 7, …} from case numbers; numbers of the offline series are left out."""
    found: dict[str, int] = {}
    for number in case_numbers:
        if not isinstance(number, str) or "-" not in number:
            continue
        prefix, _, tail = number.rpartition("-")
        if tail.isdigit():
            found[prefix + "-"] = max(found.get(prefix + "-", 0), int(tail))
    return found


def _json_or_none(text: str):
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None
