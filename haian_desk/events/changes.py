"""What a write changed, as the write itself noted it: the change set screens refresh from.

The ledger notes a ``Touched`` for every stream an event goes into (and every
stream ``ingest`` folds again); sync bookkeeping notes ``sync_state.BOOKKEEPING``.
``storage.db.Database.watch`` collects the notes of the transactions that
commit, and ``ChangeSet`` reads them: which streams, which ids, whether a row
changed or only the stream's history grew (a reveal or a print changes nothing
in the record it is about).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Touched:
    stream: str
    stream_id: str
    row_changed: bool = True  # False: only the stream's history grew (its row is as it was)


@dataclass(frozen=True)
class ChangeSet:
    touched: frozenset[Touched]
    other: frozenset[str]  # notes that are not streams, e.g. "sync" for sync bookkeeping

    @classmethod
    def of(cls, notes: Iterable) -> ChangeSet:
        notes = set(notes)
        return cls(
            frozenset(n for n in notes if isinstance(n, Touched)), frozenset(n for n in notes if isinstance(n, str))
        )

    @property
    def empty(self) -> bool:
        return not self.touched and not self.other

    def streams(self, *, rows_only: bool = False) -> frozenset[str]:
        return frozenset(t.stream for t in self.touched if t.row_changed or not rows_only)

    def ids(self, stream: str) -> frozenset[str]:
        return frozenset(t.stream_id for t in self.touched if t.stream == stream)
