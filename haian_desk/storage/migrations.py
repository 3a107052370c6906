"""Versioned schema migrations.

The schema version lives in ``PRAGMA user_version``. Each migration runs in one
transaction (SQLite DDL is transactional), so a failure leaves the previous
version intact; a backup is taken before an existing database is migrated.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from haian_desk.core.errors import SetupError
from haian_desk.storage.backup import backup_to
from haian_desk.storage.db import Database

log = logging.getLogger(__name__)

V1_CORE = [
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # The append-only log: the only source of truth for cases, villagers,
    # cadres and the catalogue. Projections below are derived from it.
    """CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        stream TEXT NOT NULL,
        stream_id TEXT NOT NULL,
        type TEXT NOT NULL,
        hlc TEXT NOT NULL,
        origin TEXT NOT NULL,
        origin_seq INTEGER NOT NULL,
        actor TEXT NOT NULL,
        wall_time TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        UNIQUE (origin, origin_seq)
    )""",
    "CREATE INDEX events_by_stream ON events (stream, stream_id, hlc, origin, origin_seq)",
    """CREATE TRIGGER events_are_append_only_u BEFORE UPDATE ON events
       BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
    """CREATE TRIGGER events_are_append_only_d BEFORE DELETE ON events
       BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
    """CREATE TABLE cadres (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT,
        unit_code TEXT NOT NULL,
        title TEXT,
        area TEXT,
        service_items TEXT NOT NULL DEFAULT '[]',
        on_public_board INTEGER NOT NULL DEFAULT 1,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    """CREATE TABLE users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('station_staff', 'township_staff', 'admin')),
        password_hash TEXT NOT NULL,
        cadre_id TEXT REFERENCES cadres (id) ON DELETE SET NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE villagers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        id_number TEXT,
        phone TEXT,
        gender TEXT,
        birth_date TEXT,
        address TEXT,
        unit_code TEXT,
        household_no TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        note TEXT,
        pinyin TEXT NOT NULL,
        initials TEXT NOT NULL,
        search_text TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    "CREATE INDEX villagers_by_id_number ON villagers (id_number)",
    "CREATE INDEX villagers_by_phone ON villagers (phone)",
    "CREATE INDEX villagers_by_household ON villagers (household_no)",
    """CREATE TABLE catalogue_items (
        code TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        category TEXT,
        level TEXT NOT NULL CHECK (level IN ('村', '镇', '县')),
        route TEXT,
        department TEXT,
        materials TEXT NOT NULL DEFAULT '[]',
        mode TEXT NOT NULL CHECK (mode IN ('即办', '承诺')),
        time_limit TEXT,
        fee_note TEXT,
        proxy_allowed INTEGER NOT NULL DEFAULT 1,
        keywords TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        search_text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    """CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        unit_code TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        catalogue_code TEXT,
        matter_name TEXT,
        timing TEXT NOT NULL,
        time_limit TEXT,
        villager_id TEXT NOT NULL,
        description TEXT NOT NULL,
        channel TEXT NOT NULL,
        urgency TEXT NOT NULL,
        urgent_deadline TEXT,
        first_cadre_id TEXT NOT NULL,
        responsible_cadre_id TEXT NOT NULL,
        materials_received TEXT NOT NULL DEFAULT '[]',
        materials_missing TEXT NOT NULL DEFAULT '[]',
        missing_first TEXT NOT NULL DEFAULT '[]',
        authorisation TEXT,
        long_standing INTEGER NOT NULL DEFAULT 0,
        petition INTEGER NOT NULL DEFAULT 0,
        holder TEXT,
        holder_level TEXT,
        joint_units TEXT NOT NULL DEFAULT '[]',
        registered_at TEXT NOT NULL,
        accepted_at TEXT,
        deadline TEXT,
        paused_at TEXT,
        paused_seconds INTEGER NOT NULL DEFAULT 0,
        status_before_pause TEXT,
        completed_at TEXT,
        result TEXT,
        result_note TEXT,
        replied_at TEXT,
        reply_method TEXT,
        rating INTEGER,
        rating_reason TEXT,
        rated_at TEXT,
        followup_open INTEGER NOT NULL DEFAULT 0,
        return_visit_at TEXT,
        rectified_at TEXT,
        closed_reason TEXT,
        closed_remedy TEXT,
        reopen_count INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL,
        conflicts INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX cases_by_status_deadline ON cases (status, deadline)",
    "CREATE INDEX cases_by_deadline ON cases (deadline)",
    "CREATE INDEX cases_by_villager ON cases (villager_id)",
    "CREATE INDEX cases_by_registered ON cases (registered_at)",
    "CREATE INDEX cases_by_responsible ON cases (responsible_cadre_id)",
]

# v2: local working state that never syncs: half-typed intake drafts (so a
# power cut loses nothing) and per-installation settings.
V2_DRAFTS_AND_SETTINGS = [
    """CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        form TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX drafts_by_user ON drafts (username, form)",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
]

# v3: sync bookkeeping (sync/ and haian_desk.replication.sync_state): the installations this
# one exchanges with (enrolment, keys, contact), which of their event ranges have
# been applied here, through which neighbour each origin's events arrive, records
# held back for inspection, batches received, refusals reported back, and the log
# of exchanges. None of it syncs; all of it changes in the same transaction as
# the events it describes.
V3_SYNC = [
    """CREATE TABLE sync_peers (
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
        acked INTEGER NOT NULL DEFAULT 0,
        last_contact TEXT,
        clock_drift INTEGER,
        events_received INTEGER NOT NULL DEFAULT 0,
        last_attempt TEXT,
        last_success TEXT,
        last_error_kind TEXT,
        last_error TEXT
    )""",
    """CREATE UNIQUE INDEX sync_one_parent ON sync_peers (relation)
       WHERE relation = 'parent' AND status = 'enrolled'""",
    """CREATE TABLE sync_ranges (
        peer TEXT NOT NULL,
        lo INTEGER NOT NULL,
        hi INTEGER NOT NULL,
        PRIMARY KEY (peer, lo)
    )""",
    """CREATE TABLE sync_origins (
        origin TEXT PRIMARY KEY,
        via TEXT NOT NULL
    )""",
    "CREATE INDEX sync_origins_by_via ON sync_origins (via)",
    """CREATE TABLE sync_quarantine (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL,
        origin TEXT,
        peer TEXT NOT NULL,
        batch_id TEXT,
        problem TEXT NOT NULL,
        reason TEXT NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        resolved_at TEXT
    )""",
    "CREATE INDEX sync_quarantine_by_event ON sync_quarantine (event_id)",
    "CREATE INDEX sync_quarantine_by_origin ON sync_quarantine (origin)",
    """CREATE TABLE sync_batches (
        batch_id TEXT PRIMARY KEY,
        peer TEXT NOT NULL,
        direction TEXT NOT NULL,
        transport TEXT NOT NULL,
        lo INTEGER NOT NULL,
        hi INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        applied INTEGER NOT NULL,
        already INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        held INTEGER NOT NULL
    )""",
    """CREATE TABLE sync_rejections (
        event_id TEXT NOT NULL,
        peer TEXT NOT NULL,
        reason TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        PRIMARY KEY (event_id, peer)
    )""",
    """CREATE TABLE sync_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        peer TEXT,
        transport TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        ok INTEGER,
        summary TEXT,
        error_kind TEXT,
        error TEXT
    )""",
]

# v4: records beside the cases (haian_desk.community.support, .opinions, .complaints), each a
# projection of its own event stream: paired-support households and their visits,
# meetings (座谈会) with the opinions they discussed, complaints about handling.
V4_SUPPORT_MEETINGS_COMPLAINTS = [
    """CREATE TABLE pairings (
        id TEXT PRIMARY KEY,
        villager_id TEXT NOT NULL,
        cadre_id TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        paired_at TEXT NOT NULL,
        ended_at TEXT,
        end_reason TEXT,
        note TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    "CREATE INDEX pairings_by_villager ON pairings (villager_id, active)",
    """CREATE TABLE support_visits (
        id TEXT PRIMARY KEY,
        pairing_id TEXT NOT NULL,
        villager_id TEXT NOT NULL,
        cadre_id TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        visited_at TEXT NOT NULL,
        method TEXT NOT NULL,
        note TEXT NOT NULL,
        needs TEXT,
        case_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    "CREATE INDEX support_visits_by_pairing ON support_visits (pairing_id, visited_at)",
    """CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL,
        held_at TEXT NOT NULL,
        place TEXT,
        topic TEXT NOT NULL,
        host_cadre_id TEXT,
        participants TEXT NOT NULL DEFAULT '[]',
        participant_count INTEGER NOT NULL DEFAULT 0,
        summary TEXT,
        discussed TEXT NOT NULL DEFAULT '[]',
        feedback TEXT NOT NULL DEFAULT '{}',
        became TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    "CREATE INDEX meetings_by_time ON meetings (held_at)",
    """CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        case_id TEXT,
        cadre_id TEXT,
        complainant TEXT,
        complainant_phone TEXT,
        content TEXT NOT NULL,
        status TEXT NOT NULL,
        findings TEXT,
        actions TEXT,
        result TEXT,
        closed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    "CREATE INDEX complaints_by_received ON complaints (received_at)",
]

# v5: search keys (haian_desk.cases.search), so a search stays quick with half a
# million villagers and a million cases. Derived from the projections and kept
# in step by the ledger; the statements below fill them for an existing database
# in plain SQL, computing the same keys as search.villager_keys (a test checks).
V5_SEARCH_KEYS = [
    # Small stable numbers for villagers and cases (rowids can change on VACUUM).
    "CREATE TABLE villager_numbers (n INTEGER PRIMARY KEY, villager_id TEXT NOT NULL UNIQUE)",
    """CREATE TABLE villager_search_keys (
        key TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (key, n)
    ) WITHOUT ROWID""",
    "CREATE TABLE case_text_ids (n INTEGER PRIMARY KEY, case_id TEXT NOT NULL UNIQUE)",
    # One token per character: a phrase query finds any run of characters.
    "CREATE VIRTUAL TABLE IF NOT EXISTS case_text USING fts5 (chars, tokenize = 'ascii', content = '')",
    "INSERT INTO case_text (case_text) VALUES ('delete-all')",
    "CREATE INDEX IF NOT EXISTS cases_by_number_tail ON cases (substr(case_no, instr(case_no, '-') + 1))",
    "INSERT INTO villager_numbers (villager_id) SELECT id FROM villagers ORDER BY rowid",
    """WITH RECURSIVE
        people (n, name, readings, initials, id_number, phone) AS (
            SELECT m.n, lower(v.name), v.pinyin || ' ', v.initials || ' ',
                   lower(coalesce(v.id_number, '')), coalesce(v.phone, '')
            FROM villagers v JOIN villager_numbers m ON m.villager_id = v.id),
        name_tails (n, tail) AS (
            SELECT n, name FROM people
            UNION ALL SELECT n, substr(tail, 2) FROM name_tails WHERE length(tail) > 1),
        readings (n, word, rest) AS (
            SELECT n, '', readings FROM people
            UNION ALL SELECT n, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
            FROM readings WHERE rest != ''),
        initials (n, word, rest) AS (
            SELECT n, '', initials FROM people
            UNION ALL SELECT n, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
            FROM initials WHERE rest != ''),
        initial_tails (n, tail) AS (
            SELECT n, word FROM initials WHERE word != ''
            UNION ALL SELECT n, substr(tail, 2) FROM initial_tails WHERE length(tail) > 1),
        backwards (n, done, rest) AS (
            SELECT n, '', id_number FROM people WHERE id_number != ''
            UNION ALL SELECT n, '', phone FROM people WHERE phone != ''
            UNION ALL SELECT n, substr(rest, 1, 1) || done, substr(rest, 2) FROM backwards WHERE rest != '')
    INSERT OR IGNORE INTO villager_search_keys (key, n)
        SELECT tail, n FROM name_tails WHERE tail != ''
        UNION ALL SELECT word, n FROM readings WHERE word != ''
        UNION ALL SELECT tail, n FROM initial_tails
        UNION ALL SELECT id_number, n FROM people WHERE id_number != ''
        UNION ALL SELECT substr(id_number, 7), n FROM people WHERE substr(id_number, 7) != ''
        UNION ALL SELECT phone, n FROM people WHERE phone != ''
        UNION ALL SELECT char(31) || done, n FROM backwards WHERE rest = ''""",
    "INSERT INTO case_text_ids (case_id) SELECT id FROM cases ORDER BY rowid",
    """WITH RECURSIVE chars (n, done, rest) AS (
            SELECT i.n, '', c.description FROM cases c JOIN case_text_ids i ON i.case_id = c.id
            UNION ALL SELECT n, done || ' ' || substr(rest, 1, 1), substr(rest, 2) FROM chars WHERE rest != '')
    INSERT INTO case_text (rowid, chars) SELECT n, done FROM chars WHERE rest = ''""",
]

# Versions 6-11 were written side by side for release 0.2.0 (one per piece of
# work) and are released together: like every earlier one, never edit them.
V6_CADRE_ROSTER: list[str] = [
    # The cadre roster (haian_desk.people.cadres): what a cadre does, Party membership,
    # when they serve. Defaults equal what folding older events gives.
    "ALTER TABLE cadres ADD COLUMN role TEXT NOT NULL DEFAULT 'agent'",
    "ALTER TABLE cadres ADD COLUMN party_member INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE cadres ADD COLUMN active_from TEXT",
    "ALTER TABLE cadres ADD COLUMN active_to TEXT",
    "ALTER TABLE cadres ADD COLUMN retired_reason TEXT",
    # A description in the form search compares it (haian_desk.cases.search), kept
    # only when it differs from the description. The search keys themselves are
    # rebuilt once at the next open (search.bring_up_to_date: meta
    # 'search_keys_version'), since the readings need Python (pypinyin).
    "ALTER TABLE case_text_ids ADD COLUMN folded TEXT",
]

# v7: spreadsheet imports (haian_desk.imports). What each import did is kept
# here, locally, to list and undo it; the records themselves change only by
# events, each tagged with the import's id. A case registered by an import is
# imported history: its projection says which import (no deadline, never overdue).
V7_IMPORTS: list[str] = [
    """CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('villagers', 'cases', 'cadres')),
        started_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        file_name TEXT NOT NULL,
        checksum TEXT NOT NULL,
        rows INTEGER NOT NULL,
        added INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        unchanged INTEGER NOT NULL,
        refused INTEGER NOT NULL,
        undone_at TEXT,
        undone_by TEXT,
        undo_kept INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE import_items (
        import_id TEXT NOT NULL REFERENCES imports (id),
        row_no INTEGER NOT NULL,
        sheet TEXT NOT NULL,
        stream TEXT NOT NULL,
        stream_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('added', 'updated')),
        row_key TEXT NOT NULL
    )""",
    "CREATE INDEX import_items_by_import ON import_items (import_id)",
    "CREATE INDEX import_items_by_key ON import_items (row_key)",
    "ALTER TABLE cases ADD COLUMN imported_from TEXT",
]

# v8: the working calendar (haian_desk.calendar). Publications of a year's schedule and
# local changes, one row per (year, publishing installation), folded from the "calendar"
# stream; the county's 48-hour rule from the "calendar_rule" stream; and on each case the
# deadline as first counted (pauses left out) and what it was counted on, so a calendar
# that arrives later can move exactly the deadlines it concerns.
V8_WORKING_CALENDAR: list[str] = [
    """CREATE TABLE calendar_years (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        origin TEXT NOT NULL,
        publisher TEXT NOT NULL,
        source TEXT NOT NULL,
        days TEXT,
        adjustments TEXT NOT NULL DEFAULT '{}',
        published_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    "CREATE INDEX calendar_years_by_year ON calendar_years (year)",
    """CREATE TABLE calendar_rules (
        id TEXT PRIMARY KEY,
        general_rule TEXT NOT NULL,
        publisher TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    "ALTER TABLE cases ADD COLUMN deadline_base TEXT",
    "ALTER TABLE cases ADD COLUMN calendar_basis TEXT",
    # Rows folded before v8: the deadline less the time paused since the clock last started
    # (acceptance or the latest reopening) is the deadline as first counted, as a rebuild gives.
    """UPDATE cases SET deadline_base = strftime('%Y-%m-%dT%H:%M:%SZ', deadline, '-' || coalesce((
           SELECT sum(max(0, strftime('%s', p.wall_time) - strftime('%s', p.before)))
           FROM (SELECT e.type, e.wall_time, lag(e.wall_time) OVER w AS before, lag(e.type) OVER w AS was
                 FROM events e
                 WHERE e.stream = 'case' AND e.stream_id = cases.id AND e.type IN ('paused', 'resumed')
                   AND e.hlc > (SELECT max(c.hlc) FROM events c WHERE c.stream = 'case'
                                AND c.stream_id = cases.id AND c.type IN ('accepted', 'reopened'))
                 WINDOW w AS (ORDER BY e.hlc, e.origin, e.origin_seq)) p
           WHERE p.type = 'resumed' AND p.was = 'paused'), 0) || ' seconds')
       WHERE deadline IS NOT NULL""",
]

# v9: roles and the audit trail (haian_desk.people.permissions, .audit). The users
# table is rebuilt to admit the station head (站长) role (a CHECK constraint
# cannot be altered in place); logins and settings changes get projections of
# their own event streams. Nothing references users, so dropping it is safe.
V9_AUDIT_AND_NUMBERING: list[str] = [
    """CREATE TABLE users_v9 (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('station_staff', 'station_head', 'township_staff', 'admin')),
        password_hash TEXT NOT NULL,
        cadre_id TEXT REFERENCES cadres (id) ON DELETE SET NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    "INSERT INTO users_v9 SELECT username, display_name, role, password_hash, cadre_id, active, created_at FROM users",
    "DROP TABLE users",
    "ALTER TABLE users_v9 RENAME TO users",
    """CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL,
        username TEXT NOT NULL,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        cadre_id TEXT,
        active INTEGER NOT NULL,
        password_set_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
    """CREATE TABLE settings_log (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL,
        current TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        event_count INTEGER NOT NULL
    )""",
]

# A claim whose mandate is not signed now waits in 待签委托 (haian_desk.cases.fold): the rows
# already registered that way are put where a rebuild from their events would put them.
V10_COUNTER: list[str] = [
    """UPDATE cases SET status = 'awaiting_signature'
        WHERE kind = 'claim' AND status = 'registered'
          AND (authorisation IS NULL OR json_extract(authorisation, '$.signed_on_paper') IS NOT 1)""",
]

V11_HUB_LIMITS: list[str] = [
    # Records taken out of the fold by ``haian-desk sync clock --repair`` (stamped far beyond the
    # clock window: a poisoned log). The log stays append-only; folds skip these ids.
    """CREATE TABLE events_set_aside (
        event_id TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        set_aside_at TEXT NOT NULL
    )""",
]

# Reserved for this round's work, one per piece (filled on its branch, released together).
# The centres a matter was sent up through (haian_desk.cases.levels), so a county returns it to the
# township it came from. Rows already there are refolded once at the next open (cases.upgrade).
V12_COUNTY_INBOX: list[str] = [
    "ALTER TABLE cases ADD COLUMN route_up TEXT NOT NULL DEFAULT '[]'",
]
# The queue's own order (newest first, the case number breaking ties) as one index, so a page
# read by key, a broad search walking that order (haian_desk.cases.ordered_search) and the
# page bounds a refresh walks (queries.bounds) never sort: they read the index in order. It
# takes the place of the index on registered_at alone, so an intake writes no more than before.
V13_SEARCH_ORDER: list[str] = [
    "CREATE INDEX IF NOT EXISTS cases_in_queue_order ON cases (registered_at, case_no)",
    "DROP INDEX IF EXISTS cases_by_registered",
]
V14_SPEED: list[str] = [
    # Where the clock resumes at every open (ledger.latest_plausible_hlc: the newest stamp in the
    # log): without an index that is a scan of the whole log, 13 s on a county's 6.5 million events.
    "CREATE INDEX IF NOT EXISTS events_by_hlc ON events (hlc)",
]
V15_SAFE_AT_REST: list[str] = [
    # (The clock's resume point, two thirds of an encrypted station's start-up when it was a scan,
    # is indexed by V14_SPEED's events_by_hlc.)
    # The audit trail lists reveals of full numbers (haian_desk.audit.trail): few rows among many.
    "CREATE INDEX IF NOT EXISTS events_revealed ON events (seq) WHERE type = 'revealed'",
]
V17_MERGE_SPEED: list[str] = [
    # The assessment lists every unit that ever took a case (assessment.units.known_unit_codes):
    # with this index that is a few hundred index seeks, not a scan of the whole cases table.
    "CREATE INDEX IF NOT EXISTS cases_by_unit ON cases (unit_code)",
    # No read uses it (the queue's "mine" filter is first_cadre_id OR responsible_cadre_id, which
    # one index cannot answer), yet every case write updated it: one page less per intake and merge.
    "DROP INDEX IF EXISTS cases_by_responsible",
]

V18_MERGE_PAGES: list[str] = [
    # No read looks villagers up by phone (a phone search goes through villager_search_keys,
    # forwards and backwards), yet every villager written (an intake, an import, a hub's merge)
    # put an entry in it at a random place: a page dirtied, encrypted and synced per villager.
    "DROP INDEX IF EXISTS villagers_by_phone",
]

# A search's first page in one read (haian_desk.cases.search_order): every case as one small row
# in the queue's order with the text a search tests, so the newest 200 cases 峰 finds are a read
# of this table backwards instead of 38,000 cases collected and sorted; by villager, so the few
# thousand cases of zjf are index steps, not case rows fetched to sort them. Cheap on a county's
# million cases: the table starts empty (an intake adds one row at its end and one index entry);
# the next open copies in the newest WINDOW cases only (seconds, not the minutes every case would
# take), and meta.case_search_order_from says from when the rows are complete.
V16_SEARCH_FIRST_PAGE: list[str] = [
    """CREATE TABLE IF NOT EXISTS case_search_order (
        registered_at TEXT NOT NULL,
        case_no TEXT NOT NULL,
        villager_id TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (registered_at, case_no)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS case_search_order_by_villager ON case_search_order (villager_id)",
]

MIGRATIONS: list[list[str]] = [
    V1_CORE,
    V2_DRAFTS_AND_SETTINGS,
    V3_SYNC,
    V4_SUPPORT_MEETINGS_COMPLAINTS,
    V5_SEARCH_KEYS,
    V6_CADRE_ROSTER,
    V7_IMPORTS,
    V8_WORKING_CALENDAR,
    V9_AUDIT_AND_NUMBERING,
    V10_COUNTER,
    V11_HUB_LIMITS,
    V12_COUNTY_INBOX,
    V13_SEARCH_ORDER,
    V14_SPEED,
    V15_SAFE_AT_REST,
    V16_SEARCH_FIRST_PAGE,
    V17_MERGE_SPEED,
    V18_MERGE_PAGES,
]
LATEST = len(MIGRATIONS)


def migrate(
    db: Database,
    target: int | None = None,
    backup_folder: Path | None = None,
    on_step: Callable[[int], None] | None = None,
) -> int:
    """Bring the database to ``target``; returns the version it had before."""
    target = LATEST if target is None else target
    before = db.user_version
    if before > LATEST:
        raise SetupError(
            "数据库版本（{before}）比本程序（{LATEST}）新",
            "请安装新版海安代理工作台后再打开",
            params={"before": before, "LATEST": LATEST},
        )
    if before >= target:
        return before
    if before > 0 and backup_folder is not None and db.path is not None:
        backup_to(db, backup_folder / f"before-migration-v{before}.sqlite3", unique=True)
    for version in range(before + 1, target + 1):
        _apply(db, version)
        if on_step:
            on_step(version)
    return before


def _apply(db: Database, version: int) -> None:
    log.info("migrating database to schema version %s", version)
    with db.write() as conn:
        for statement in MIGRATIONS[version - 1]:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
