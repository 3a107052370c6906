"""A hub's storage on PostgreSQL: for a county, city or province hub that many township hubs
sync into and several hub workers serve at once (issue #14). Stations and township hubs keep
SQLite (haian_desk.storage.db); both sit behind the same hub-log interface
(haian_desk.replication.hub_log)."""

# The hub database's URL for commands that take ``--database``: kept off the command line,
# where a password would show in the process list. (Here, not in hub.py: the CLI names it
# without loading psycopg.)
DATABASE_ENV = "HAIAN_DESK_DATABASE"
