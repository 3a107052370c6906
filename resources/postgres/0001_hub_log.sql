-- The hub's event log and its sync bookkeeping, as the SQLite hub keeps them
-- (haian_desk/storage/migrations.py V1 events, V3 sync tables), for a hub on PostgreSQL.
-- Exactly-once lives in these constraints: an event id is stored once (events_id_key),
-- an installation's sequence number once (events_origin_seq_key), whichever worker receives it.

CREATE TABLE events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    type TEXT NOT NULL,
    hlc TEXT NOT NULL,
    origin TEXT NOT NULL,
    origin_seq BIGINT NOT NULL,
    actor TEXT NOT NULL,
    wall_time TEXT NOT NULL,
    -- the payload exactly as signed and sent (text, not jsonb, which would reorder its keys)
    payload TEXT NOT NULL CHECK (payload::jsonb IS NOT NULL),
    UNIQUE (origin, origin_seq)
);
CREATE INDEX events_by_stream ON events (stream, stream_id, hlc, origin, origin_seq);
CREATE INDEX events_by_hlc ON events (hlc);

CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only';
END $$;
CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_append_only();

CREATE TABLE sync_peers (
    id TEXT PRIMARY KEY,
    relation TEXT NOT NULL CHECK (relation IN ('parent', 'child')),
    unit_code TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    role TEXT NOT NULL,
    sign_key TEXT NOT NULL,
    box_key TEXT NOT NULL,
    url TEXT,
    tls_ca TEXT,
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'revoked')),
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    acked BIGINT NOT NULL DEFAULT 0,
    last_contact TEXT,
    clock_drift BIGINT,
    events_received BIGINT NOT NULL DEFAULT 0,
    last_attempt TEXT,
    last_success TEXT,
    last_error_kind TEXT,
    last_error TEXT
);
CREATE UNIQUE INDEX sync_one_parent ON sync_peers (relation)
    WHERE relation = 'parent' AND status = 'enrolled';

-- (lo, hi] of a peer's own sequence numbers applied here
CREATE TABLE sync_ranges (
    peer TEXT NOT NULL REFERENCES sync_peers (id),
    lo BIGINT NOT NULL,
    hi BIGINT NOT NULL,
    PRIMARY KEY (peer, lo)
);

CREATE TABLE sync_origins (
    origin TEXT PRIMARY KEY,
    via TEXT NOT NULL
);
CREATE INDEX sync_origins_by_via ON sync_origins (via);

CREATE TABLE sync_quarantine (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id TEXT NOT NULL,
    origin TEXT,
    peer TEXT NOT NULL,
    batch_id TEXT,
    problem TEXT NOT NULL,
    reason TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX sync_quarantine_by_event ON sync_quarantine (event_id);
CREATE INDEX sync_quarantine_by_origin ON sync_quarantine (origin);

CREATE TABLE sync_batches (
    batch_id TEXT PRIMARY KEY,
    peer TEXT NOT NULL,
    direction TEXT NOT NULL,
    transport TEXT NOT NULL,
    lo BIGINT NOT NULL,
    hi BIGINT NOT NULL,
    received_at TEXT NOT NULL,
    applied BIGINT NOT NULL,
    already BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    held BIGINT NOT NULL
);

CREATE TABLE sync_rejections (
    event_id TEXT NOT NULL,
    peer TEXT NOT NULL,
    reason TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    PRIMARY KEY (event_id, peer)
);

CREATE TABLE sync_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    peer TEXT,
    transport TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    ok BOOLEAN,
    summary TEXT,
    error_kind TEXT,
    error TEXT
);
