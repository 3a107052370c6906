"""Pushing up on its own: ``hub serve --database … --push-every SECONDS`` keeps a PostgreSQL hub's
parent (a county's city, a city's province) up to date without anyone running ``hub push``.

One pusher runs beside the serving workers, in the process that supervises them (``hub serve``
itself), on a thread. It pushes every ``every`` seconds while the hub has an enrolled parent;
after a failure it tries again sooner at first, then less and less often (``Backoff``, never
longer than ``every``), and says so once in the log per failure, in the error's own words (no
villager's data is ever in them). Several hosts serving one database may each run one: the push
lock (``pg_push.PUSH_LOCK``) lets one through, and a pusher that finds it held skips the round
quietly. What the last push did is kept in the hub's ``meta`` (``PushStatus``), so every worker,
the command line and the desktop see the same: ``hub push --status``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg

from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import now_utc, to_iso
from haian_desk.replication import pg_parent
from haian_desk.storage.postgres.database import PgDatabase
from sync.backoff import Backoff
from sync.errors import SyncError

log = logging.getLogger(__name__)

PUSH_EVERY = 300  # seconds: a city sees its counties' work within five minutes
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


class AutoPush:
    """The pusher thread of one ``hub serve``; ``round()`` is one attempt (also for tests)."""

    def __init__(
        self,
        url: str,
        keys_folder: Path,
        every: float = PUSH_EVERY,
        wall: Callable[[], datetime] = now_utc,
        backoff: Backoff | None = None,
    ):
        self.url, self.keys_folder, self.every, self.wall = url, keys_folder, every, wall
        self.backoff = backoff or Backoff(base=min(10.0, every), cap=every)
        self.failures = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hub-autopush", daemon=True)

    def start(self) -> AutoPush:
        self._thread.start()
        return self

    def stop(self, wait: float = 30.0) -> None:
        """Stop after the push under way, if any (it is one transaction per step: nothing is lost)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(wait)

    def _run(self) -> None:
        delay = 0.0  # the first round at once: a hub restarted after a while catches up first
        while not self._stop.wait(delay):
            try:
                outcome = self.round()
            except (psycopg.Error, OSError) as error:  # the server went away mid-push: next round
                self.failures += 1
                log.warning("push to the parent failed (attempt %s): %s", self.failures, error)
                outcome = "failed"
            delay = self.backoff.delay(self.failures - 1) if outcome == "failed" else self.every

    def round(self) -> str:
        """One push: "pushed", "no parent", "busy" (another pusher holds the lock) or "failed"."""
        from sync import pg_serve
        from sync.pg_push import push

        try:
            hub, backend = pg_serve.open_served(self.url, self.keys_folder)
        except HaianError as error:
            return self._failed(None, error)
        with backend.db as db:
            if not pg_parent.has_parent(db):
                return "no parent"
            try:
                report = push(db, hub.keys)
            except SyncError as error:
                if error.kind == "busy":
                    return "busy"
                return self._failed(db, error)
            except HaianError as error:
                return self._failed(db, error)
            self.failures = 0
            note_success(db, self.wall(), report.sent)
            if report.sent or report.received:
                log.info("pushed to the parent: %s sent, %s received", report.sent, report.received)
            return "pushed"

    def _failed(self, db: PgDatabase | None, error: HaianError) -> str:
        self.failures += 1
        log.warning("push to the parent failed (attempt %s): %s", self.failures, error)
        if db is not None:
            try:
                note_failure(db, self.wall(), str(error))
            except psycopg.Error:  # the database itself may be what failed; serving goes on
                log.warning("could not note the failed push in the database", exc_info=True)
        return "failed"
