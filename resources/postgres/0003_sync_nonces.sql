-- Signed requests seen within the replay window, shared by every worker serving the hub: a
-- worker's memory is its own, so a request captured on the way to one worker and replayed to
-- another is refused only if the workers remember together (sync/auth.py NonceBook, per process,
-- is what a township's single server keeps). Times are the database server's, one clock for all.
CREATE TABLE sync_nonces (
    peer TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (peer, nonce)
);
CREATE INDEX sync_nonces_by_time ON sync_nonces (seen_at);
