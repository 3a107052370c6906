"""Carrying out an import: every row's verdict, in one transaction, as events.

The plan is made again inside the transaction (on the data as it is now), then
each added or changed record is written through the ledger with the import's
id in its payload, and the import is noted in ``imports``/``import_items``.
A refusal, an error, a cancel or a killed process leaves the database exactly
as it was: nothing of the import is committed until its last row is written.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.core.errors import HaianError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import to_iso
from haian_desk.imports import plan as planning
from haian_desk.imports.plan import KINDS, Plan, Progress
from haian_desk.people import permissions

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)
Cancel = Callable[[], bool]


class ImportCancelled(HaianError):
    def __init__(self):
        super().__init__("导入已取消，没有写入任何数据")


@dataclass
class ImportResult:
    import_id: str | None  # None when there was nothing to write
    plan: Plan

    def counts(self) -> dict[str, int]:
        return self.plan.counts()


def require_importer(desk: Desk, actor: str) -> None:
    """Refuse at once (before a big file is read) an actor who may not import or undo an
    import: only a station head or an admin (haian_desk.people.permissions, ``import.run``)."""
    with desk.db.read() as conn:
        permissions.require(conn, actor, "import.run")


def run_import(
    desk: Desk,
    actor: str,
    path: Path | str,
    kind: str,
    *,
    sheet: str | None = None,
    overrides: dict[str, str] | None = None,
    header_row: int | None = None,
    require: bool = True,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    """Import ``path`` as ``kind`` as login ``actor``; all of it or (on any error or cancel) none of it."""
    require_importer(desk, actor)
    if progress:
        progress(0, 1)  # at once: reading a big file takes seconds before the first row is checked
    loaded = planning.load(path, kind, sheet, overrides, header_row, require)  # reading needs no lock
    cancel = cancel or (lambda: False)
    with desk.db.write() as conn:
        permissions.require(conn, actor, "import.run")  # again: the login may have been stopped meanwhile
        plan = planning.make_plan(conn, desk, path, kind, loaded=loaded, progress=_phase(progress, 0))
        to_write = [r for r in plan.rows if r.verdict in ("add", "update")]
        if not to_write:
            log.info("import of %s rows wrote nothing (all unchanged or refused)", len(plan.rows))
            return ImportResult(None, plan)
        import_id = uuid7()
        _note_import(desk, conn, actor, import_id, plan)
        _write_rows(desk, conn, actor, import_id, plan, to_write, _phase(progress, 1), cancel)
    if progress:
        progress(1, 1)  # committed
    log.info("import %s: %s", import_id, plan.counts())
    return ImportResult(import_id, plan)


def _phase(progress: Progress | None, phase: int) -> Progress | None:
    """Checking is the first half of the bar, writing the second (its end waits for the commit)."""
    if progress is None:
        return None
    return lambda done, total: progress(min(phase * total + done, 2 * total - 1), 2 * total)


def _write_rows(desk: Desk, conn, actor, import_id, plan: Plan, rows, progress, cancel: Cancel) -> None:
    module = KINDS[plan.kind]
    registry = module.Registry(conn, desk) if plan.kind == "cases" else None
    items = []
    for done, verdict in enumerate(rows, 1):
        if cancel():
            raise ImportCancelled()
        extra = (registry,) if registry is not None else ()
        for stream, stream_id, action in module.write(desk, conn, actor, import_id, verdict, *extra):
            key = verdict.key if stream == module.STREAM else f"{stream}:{stream_id}"
            items.append((import_id, verdict.row_no, verdict.sheet, stream, stream_id, action, _stored_key(key)))
        if progress and (done % 100 == 0 or done == len(rows)):
            progress(done, len(rows))
    conn.executemany(
        "INSERT INTO import_items (import_id, row_no, sheet, stream, stream_id, action, row_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        items,
    )


def _stored_key(key: str) -> str:
    """A row's key as kept: a villager's key holds an ID number or a name and phone, so only
    its digest is stored (a ledger row's key is a digest already)."""
    if key.startswith("case:"):
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()[:32]


def _note_import(desk: Desk, conn, actor: str, import_id: str, plan: Plan) -> None:
    c = plan.counts()
    conn.execute(
        "INSERT INTO imports (id, kind, started_at, actor, file_name, checksum, rows, added, updated, "
        "unchanged, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            import_id,
            plan.kind,
            to_iso(desk.now()),
            actor,
            plan.file_name,
            plan.checksum,
            c["rows"],
            c["added"],
            c["updated"],
            c["unchanged"],
            c["refused"],
        ),
    )
