"""Pushing up on its own: ``hub serve --database … --push-every SECONDS`` keeps a PostgreSQL hub's
parent (a county's city, a city's province) up to date without anyone running ``hub push``.

One pusher runs beside the serving workers, in the process that supervises them (``hub serve``
itself), on a thread. It pushes every ``every`` seconds while the hub has an enrolled parent;
after a failure it tries again sooner at first, then less and less often (``Backoff``, never
longer than ``every``), and says so once in the log per failure, in the error's own words (no
villager's data is ever in them). Several hosts serving one database may each run one: the push
lock (``pg_push.PUSH_LOCK``) lets one through, and a pusher that finds it held skips the round
quietly. What the last push did is noted by ``push`` itself
(haian_desk/replication/pg_push_status.py): ``hub push --status``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import psycopg

from haian_desk.core.errors import HaianError
from haian_desk.replication import pg_parent
from sync.backoff import Backoff
from sync.errors import SyncError

log = logging.getLogger(__name__)

PUSH_EVERY = 300  # seconds: a city sees its counties' work within five minutes


class AutoPush:
    """The pusher thread of one ``hub serve``; ``round()`` is one attempt (also for tests)."""

    def __init__(
        self,
        url: str,
        keys_folder: Path,
        every: float = PUSH_EVERY,
        backoff: Backoff | None = None,
    ):
        self.url, self.keys_folder, self.every = url, keys_folder, every
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
            return self._failed(error)
        with backend.db as db:
            if not pg_parent.has_parent(db):
                return "no parent"
            try:
                report = push(db, hub.keys)
            except SyncError as error:
                if error.kind == "busy":
                    return "busy"
                return self._failed(error)
            except HaianError as error:
                return self._failed(error)
            self.failures = 0
            if report.sent or report.received:
                log.info("pushed to the parent: %s sent, %s received", report.sent, report.received)
            return "pushed"

    def _failed(self, error: HaianError) -> str:
        """Counted for the back-off and logged; ``push`` has already noted it in the database."""
        self.failures += 1
        log.warning("push to the parent failed (attempt %s): %s", self.failures, error)
        return "failed"
