"""The PostgreSQL hub's schema: plain SQL files under resources/postgres/, named
``NNNN_subject.sql``, applied in order, each recorded in ``schema_migrations``.

All pending files run in one transaction holding an advisory lock, so two workers starting
at once cannot both apply one, and a failure leaves the schema as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from haian_desk.core.paths import resource_path
from haian_desk.storage.postgres.database import PgDatabase

# Any fixed number: the one advisory lock every hub worker takes while migrating.
_LOCK = 0x4841_4941_4E

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def files(folder: Path | None = None) -> list[tuple[int, Path]]:
    folder = folder or resource_path("postgres")
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"{path.name}: PostgreSQL migrations are named NNNN_subject.sql")
        found.append((int(match.group(1)), path))
    versions = [v for v, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"PostgreSQL migrations must be numbered 1, 2, 3 … without gaps: {versions}")
    return found


def migrate(db: PgDatabase, folder: Path | None = None) -> list[str]:
    """Apply what is pending; returns the names applied now (empty when up to date)."""
    pending = files(folder)

    def apply(conn) -> list[str]:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
                            version INTEGER PRIMARY KEY,
                            name TEXT NOT NULL,
                            applied_at TIMESTAMPTZ NOT NULL DEFAULT now())""")
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, path in pending:
            if version in done:
                continue
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, path.name))
            applied.append(path.name)
        return applied

    return db.run(apply)


def version(db: PgDatabase) -> int:
    exists = db.scalar("SELECT to_regclass('schema_migrations') IS NOT NULL")
    return (db.scalar("SELECT max(version) FROM schema_migrations") or 0) if exists else 0
