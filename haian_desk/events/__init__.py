"""The event machinery: the ledger that records events, the projections folded from them,
and readers of recent changes and the audit trail."""
