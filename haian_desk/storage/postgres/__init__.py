"""A hub's storage on PostgreSQL: for a county, city or province hub that many township hubs
sync into and several hub workers serve at once (issue #14). Stations and township hubs keep
SQLite (haian_desk.storage.db); both sit behind the same hub-log interface
(haian_desk.replication.hub_log)."""
