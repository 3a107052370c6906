"""What a PostgreSQL hub's last push to its parent did, kept in its ``meta`` table so every
worker, every host and every command sees the same (``hub push --status``): when a push last went
through and how many records it delivered, and the failure since then, if any, in its own words
(never a villager's data: they speak of the line, the keys, the parent)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from haian_desk.core.timeutil import to_iso
from haian_desk.storage.postgres.database import PgDatabase

_KEYS = ("push_last_ok", "push_last_sent", "push_last_error", "push_last_error_at")


@dataclass(frozen=True)
class PushStatus:
    last_ok: str | None  # when a push last went through (UTC, ISO)
    last_sent: int  # records it delivered
    last_error: str | None  # the last failure since then, in words (None once a push succeeds)
    last_error_at: str | None


def status(db: PgDatabase) -> PushStatus:
    found = {r[0]: r[1] for r in db.query("SELECT key, value FROM meta WHERE key = ANY(%s)", (list(_KEYS),))}
    return PushStatus(
        found.get("push_last_ok"),
        int(found.get("push_last_sent") or 0),
        found.get("push_last_error"),
        found.get("push_last_error_at"),
    )


def _note(db: PgDatabase, values: dict[str, str | None]) -> None:
    def work(conn) -> None:
        for key, value in values.items():
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = %s", (key,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (%s, %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    db.run(work)


def note_success(db: PgDatabase, at: datetime, sent: int) -> None:
    done = {"push_last_ok": to_iso(at), "push_last_sent": str(sent)}
    _note(db, {**done, "push_last_error": None, "push_last_error_at": None})


def note_failure(db: PgDatabase, at: datetime, words: str) -> None:
    _note(db, {"push_last_error": words, "push_last_error_at": to_iso(at)})
