-- Records kept in the log but left out of every fold, as on SQLite (migrations.py, the table of
-- the same name): an old-style seeded catalogue that arrives from a level still on software
-- before the shipped catalogue had one identity is set aside once the shipped record of the same
-- item is held (haian_desk/cases/shipped_catalogue.py settle). The log stays append-only.
CREATE TABLE events_set_aside (
    event_id TEXT PRIMARY KEY REFERENCES events (id),
    reason TEXT NOT NULL,
    set_aside_at TEXT NOT NULL
);
