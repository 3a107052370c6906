"""SQLite storage: connection, schema migrations, backups and the event log."""
