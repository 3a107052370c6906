-- A number for every stored event in the order the storing transactions commit
-- (haian_desk/replication/pg_order.py reads by it; docs/postgres-hub.md, "Forwarding").
--
-- Why not events.seq: an identity value is taken when a row is inserted but seen by others
-- only when its transaction commits. With several workers, seq 41 can commit before seq 40;
-- a hub that forwarded "everything after 41" would never send 40.
--
-- How: a deferred constraint trigger numbers each new row when its transaction commits, under
-- one transaction-level advisory lock. The lock is released only after the transaction is
-- visible to everyone (CommitTransaction in PostgreSQL's xact.c fires deferred triggers, writes
-- the commit, takes the transaction out of the running set, and only then releases locks), so the next
-- transaction can take numbers only once this one is visible or rolled back. Hence every number
-- a reader can see is final: nothing will ever appear below the highest number it sees.
-- A transaction that rolls back after numbering leaves a gap nobody will ever fill; readers
-- page by "after N", so gaps are harmless. Only the numbering and the commit itself run one
-- at a time (a commit's flush, or its wait for a synchronous standby, happens under the lock);
-- storing, folding and range bookkeeping still run side by side. The lock is taken inside the
-- server's own COMMIT, never while the server waits on a client, so a killed worker cannot hold it.
-- Every path that stores events (receive, init's catalogue, whatever comes later) is covered,
-- because the trigger sits on the table, not in one caller.

CREATE SEQUENCE event_position_numbers AS BIGINT;

CREATE TABLE event_positions (
    pos BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE REFERENCES events (seq)
);

CREATE FUNCTION events_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- (two int keys: a key space of its own, apart from the one-bigint keys of migrations
    -- and of the per-stream fold locks)
    PERFORM pg_advisory_xact_lock(4841, 4); -- taken once per transaction, then re-entered
    INSERT INTO event_positions (pos, seq) VALUES (nextval('event_position_numbers'), NEW.seq);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER events_number_at_commit AFTER INSERT ON events
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION events_number_at_commit();

-- Events stored before this file: numbered in their seq order. Creating the trigger above waited
-- for every transaction that had inserted into events, so this sees all of them.
INSERT INTO event_positions (pos, seq)
    SELECT row_number() OVER (ORDER BY seq), seq FROM events;
SELECT setval('event_position_numbers', (SELECT coalesce(max(pos), 0) + 1 FROM event_positions), false);
