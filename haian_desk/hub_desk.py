"""A county, city or province hub on PostgreSQL as a desk: what ``Desk`` offers the domain's
operations (``db``, ``installation``, ``ledger``, ``now``), so the inbox and its actions
(``cases/inbox.py``), logins (``people/users.py``) and the permission rule run on it unchanged.

``db`` takes the domain's statements as written for SQLite (``storage/postgres/dialect.py``)
and ``ledger`` stores each event the PostgreSQL way (``storage/postgres/ledger.py``). The
screens and the CLI call ``inbox.inbox(desk, …)``, ``inbox.take_up(desk, …)`` … with a
``HubDesk`` exactly as with a township's ``Desk`` (docs/postgres-hub.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from haian_desk.core.timeutil import now_utc
from haian_desk.network import Installation
from haian_desk.storage.postgres import hub
from haian_desk.storage.postgres.database import PgDatabase
from haian_desk.storage.postgres.dialect import PgDeskDb
from haian_desk.storage.postgres.ledger import PgLedger


class HubDesk:
    def __init__(self, db: PgDatabase, wall: Callable[[], datetime] = now_utc):
        found = hub.identity(db)  # refuses a database that is not a hub
        self.pg = db
        self.db = PgDeskDb(db)
        self.installation = Installation(found.installation_id, found.unit_code, found.unit_name, found.role)
        self.wall = wall
        self.ledger = PgLedger(self.db, self.installation.id, lambda: self.wall())  # type: ignore[arg-type]

    @classmethod
    def open(cls, url: str, wall: Callable[[], datetime] = now_utc) -> HubDesk:
        """The hub at ``url``, refused plainly if unreachable, not a hub, or of another version."""
        db = hub.open_hub(url)
        try:
            return cls(db, wall)
        except BaseException:
            db.close()
            raise

    def now(self) -> datetime:
        return self.wall()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> HubDesk:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
