-- The logins of a county, city or province hub on PostgreSQL: who may act there (take up,
-- forward, return the matters sent up), checked by the same rule as a SQLite installation's
-- (haian_desk/people/permissions.py) and made by the same function (people/users.py).
-- The table never syncs, as on SQLite; passwords only as scrypt hashes (users.hash_password).
-- Columns as the SQLite users table (haian_desk/storage/migrations.py V9).

CREATE TABLE users (
    username TEXT COLLATE "C" PRIMARY KEY,
    display_name TEXT COLLATE "C" NOT NULL,
    role TEXT COLLATE "C" NOT NULL CHECK (role IN ('station_staff', 'station_head', 'township_staff', 'admin')),
    password_hash TEXT COLLATE "C" NOT NULL,
    cadre_id TEXT COLLATE "C",
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT COLLATE "C" NOT NULL
);
