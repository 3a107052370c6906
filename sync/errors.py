"""Errors of the sync engine, each with a kind a screen can sort by and a message a clerk can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from haian_desk.core.errors import HaianError

if TYPE_CHECKING:
    from sync.exchange import ExchangeReport


class SyncError(HaianError):
    """Something stopped an exchange. ``kind`` is stable (for the app and for tests);
    ``retryable`` says whether trying again later can help."""

    # What moved before an exchange stopped, for the caller to show (set by sync/exchange.py).
    report: ExchangeReport | None = None

    def __init__(self, kind: str, message: str, hint: str = "", retryable: bool = False, *, params=None):
        super().__init__(message, hint, params=params)
        self.kind = kind
        self.retryable = retryable


class BatchRefused(SyncError):
    """A batch (file or HTTP body) that is refused as a whole: nothing of it is applied."""

    def __init__(self, kind: str, message: str, hint: str = "", *, params=None):
        super().__init__(kind, message, hint, retryable=False, params=params)
