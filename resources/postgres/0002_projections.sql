-- The projections a hub's reports and its check read, as the SQLite hub keeps them
-- (haian_desk/storage/migrations.py), for a hub on PostgreSQL. Rows are folded from the events
-- table by the same rules (haian_desk/events/projection.py) through
-- haian_desk/storage/postgres/projections.py; JSON columns hold the text json.dumps wrote.
-- Text is compared byte by byte (COLLATE "C"), as SQLite compares it: stamps, codes and ids
-- order the same way on both.

-- The events, too: a report orders a case's events by (hlc, origin, origin_seq) in SQL.
ALTER TABLE events
    ALTER COLUMN id TYPE TEXT COLLATE "C",
    ALTER COLUMN stream TYPE TEXT COLLATE "C",
    ALTER COLUMN stream_id TYPE TEXT COLLATE "C",
    ALTER COLUMN type TYPE TEXT COLLATE "C",
    ALTER COLUMN hlc TYPE TEXT COLLATE "C",
    ALTER COLUMN origin TYPE TEXT COLLATE "C",
    ALTER COLUMN actor TYPE TEXT COLLATE "C",
    ALTER COLUMN wall_time TYPE TEXT COLLATE "C";

-- Who this hub is (installation_id, unit_code, unit_name, role, created_at), as SQLite's meta.
CREATE TABLE meta (
    key TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE cases (
    id TEXT COLLATE "C" PRIMARY KEY,
    case_no TEXT COLLATE "C" NOT NULL,
    unit_code TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    catalogue_code TEXT COLLATE "C",
    matter_name TEXT COLLATE "C",
    timing TEXT COLLATE "C" NOT NULL,
    time_limit TEXT COLLATE "C",
    villager_id TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C" NOT NULL,
    channel TEXT COLLATE "C" NOT NULL,
    urgency TEXT COLLATE "C" NOT NULL,
    urgent_deadline TEXT COLLATE "C",
    first_cadre_id TEXT COLLATE "C" NOT NULL,
    responsible_cadre_id TEXT COLLATE "C" NOT NULL,
    materials_received TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    materials_missing TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    missing_first TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    authorisation TEXT COLLATE "C",
    long_standing BIGINT NOT NULL DEFAULT 0,
    petition BIGINT NOT NULL DEFAULT 0,
    holder TEXT COLLATE "C",
    holder_level TEXT COLLATE "C",
    joint_units TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    registered_at TEXT COLLATE "C" NOT NULL,
    accepted_at TEXT COLLATE "C",
    deadline TEXT COLLATE "C",
    paused_at TEXT COLLATE "C",
    paused_seconds BIGINT NOT NULL DEFAULT 0,
    status_before_pause TEXT COLLATE "C",
    completed_at TEXT COLLATE "C",
    result TEXT COLLATE "C",
    result_note TEXT COLLATE "C",
    replied_at TEXT COLLATE "C",
    reply_method TEXT COLLATE "C",
    rating BIGINT,
    rating_reason TEXT COLLATE "C",
    rated_at TEXT COLLATE "C",
    followup_open BIGINT NOT NULL DEFAULT 0,
    return_visit_at TEXT COLLATE "C",
    rectified_at TEXT COLLATE "C",
    closed_reason TEXT COLLATE "C",
    closed_remedy TEXT COLLATE "C",
    reopen_count BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL,
    conflicts BIGINT NOT NULL DEFAULT 0,
    imported_from TEXT COLLATE "C",
    deadline_base TEXT COLLATE "C",
    calendar_basis TEXT COLLATE "C",
    route_up TEXT COLLATE "C" NOT NULL DEFAULT '[]'
);

CREATE TABLE villagers (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    id_number TEXT COLLATE "C",
    phone TEXT COLLATE "C",
    gender TEXT COLLATE "C",
    birth_date TEXT COLLATE "C",
    address TEXT COLLATE "C",
    unit_code TEXT COLLATE "C",
    household_no TEXT COLLATE "C",
    tags TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    note TEXT COLLATE "C",
    pinyin TEXT COLLATE "C" NOT NULL,
    initials TEXT COLLATE "C" NOT NULL,
    search_text TEXT COLLATE "C" NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE cadres (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    phone TEXT COLLATE "C",
    unit_code TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C",
    area TEXT COLLATE "C",
    service_items TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    on_public_board BIGINT NOT NULL DEFAULT 1,
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL,
    role TEXT COLLATE "C" NOT NULL DEFAULT 'agent',
    party_member BIGINT NOT NULL DEFAULT 1,
    active_from TEXT COLLATE "C",
    active_to TEXT COLLATE "C",
    retired_reason TEXT COLLATE "C"
);

CREATE TABLE catalogue_items (
    code TEXT COLLATE "C" PRIMARY KEY,
    version BIGINT NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    category TEXT COLLATE "C",
    level TEXT COLLATE "C" NOT NULL,
    route TEXT COLLATE "C",
    department TEXT COLLATE "C",
    materials TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    mode TEXT COLLATE "C" NOT NULL,
    time_limit TEXT COLLATE "C",
    fee_note TEXT COLLATE "C",
    proxy_allowed BIGINT NOT NULL DEFAULT 1,
    keywords TEXT COLLATE "C",
    active BIGINT NOT NULL DEFAULT 1,
    search_text TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    updated_by TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE pairings (
    id TEXT COLLATE "C" PRIMARY KEY,
    villager_id TEXT COLLATE "C" NOT NULL,
    cadre_id TEXT COLLATE "C" NOT NULL,
    unit_code TEXT COLLATE "C" NOT NULL,
    paired_at TEXT COLLATE "C" NOT NULL,
    ended_at TEXT COLLATE "C",
    end_reason TEXT COLLATE "C",
    note TEXT COLLATE "C",
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE support_visits (
    id TEXT COLLATE "C" PRIMARY KEY,
    pairing_id TEXT COLLATE "C" NOT NULL,
    villager_id TEXT COLLATE "C" NOT NULL,
    cadre_id TEXT COLLATE "C" NOT NULL,
    unit_code TEXT COLLATE "C" NOT NULL,
    visited_at TEXT COLLATE "C" NOT NULL,
    method TEXT COLLATE "C" NOT NULL,
    note TEXT COLLATE "C" NOT NULL,
    needs TEXT COLLATE "C",
    case_id TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE meetings (
    id TEXT COLLATE "C" PRIMARY KEY,
    unit_code TEXT COLLATE "C" NOT NULL,
    held_at TEXT COLLATE "C" NOT NULL,
    place TEXT COLLATE "C",
    topic TEXT COLLATE "C" NOT NULL,
    host_cadre_id TEXT COLLATE "C",
    participants TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    participant_count BIGINT NOT NULL DEFAULT 0,
    summary TEXT COLLATE "C",
    discussed TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    feedback TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    became TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE complaints (
    id TEXT COLLATE "C" PRIMARY KEY,
    unit_code TEXT COLLATE "C" NOT NULL,
    received_at TEXT COLLATE "C" NOT NULL,
    channel TEXT COLLATE "C" NOT NULL,
    case_id TEXT COLLATE "C",
    cadre_id TEXT COLLATE "C",
    complainant TEXT COLLATE "C",
    complainant_phone TEXT COLLATE "C",
    content TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    findings TEXT COLLATE "C",
    actions TEXT COLLATE "C",
    result TEXT COLLATE "C",
    closed_at TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE accounts (
    id TEXT COLLATE "C" PRIMARY KEY,
    unit_code TEXT COLLATE "C" NOT NULL,
    username TEXT COLLATE "C" NOT NULL,
    display_name TEXT COLLATE "C" NOT NULL,
    role TEXT COLLATE "C" NOT NULL,
    cadre_id TEXT COLLATE "C",
    active BIGINT NOT NULL,
    password_set_at TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE settings_log (
    id TEXT COLLATE "C" PRIMARY KEY,
    unit_code TEXT COLLATE "C" NOT NULL,
    current TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE calendar_years (
    id TEXT COLLATE "C" PRIMARY KEY,
    year BIGINT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL,
    publisher TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C" NOT NULL,
    days TEXT COLLATE "C",
    adjustments TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    published_at TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE TABLE calendar_rules (
    id TEXT COLLATE "C" PRIMARY KEY,
    general_rule TEXT COLLATE "C" NOT NULL,
    publisher TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_hlc TEXT COLLATE "C" NOT NULL,
    event_count BIGINT NOT NULL
);

CREATE INDEX cases_by_unit_code ON cases (unit_code);
CREATE INDEX cases_by_last_hlc ON cases (last_hlc);
CREATE INDEX cases_by_registered_at ON cases (registered_at);
CREATE INDEX cadres_by_unit_code ON cadres (unit_code);
CREATE INDEX pairings_by_paired_at ON pairings (paired_at);
CREATE INDEX support_visits_by_visited_at ON support_visits (visited_at);
CREATE INDEX complaints_by_received_at ON complaints (received_at);
