"""The PostgreSQL hub's schema files: applied once, in order, all or nothing, by however many
workers start at the same moment."""

from __future__ import annotations

import multiprocessing

import psycopg
import pytest

from haian_desk.storage.postgres import migrations
from haian_desk.storage.postgres.database import PgDatabase


def test_migrations_apply_once_and_are_recorded(pg_url):
    with PgDatabase(pg_url) as db:
        applied = migrations.migrate(db)
        assert applied and applied[0] == "0001_hub_log.sql"
        assert migrations.migrate(db) == []
        assert migrations.version(db) == len(migrations.files())
        assert db.scalar("SELECT count(*) FROM events") == 0


def _migrate(url: str) -> list[str]:
    with PgDatabase(url) as db:
        return migrations.migrate(db)


def test_workers_starting_together_apply_each_file_once(pg_url):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_migrate, [pg_url] * 4)
    assert sorted(len(r) for r in results) == [0, 0, 0, len(migrations.files())]


def test_a_broken_file_leaves_the_schema_as_it_was(pg_url, tmp_path):
    (tmp_path / "0001_good.sql").write_text("CREATE TABLE good (x int);", encoding="utf-8")
    (tmp_path / "0002_bad.sql").write_text("CREATE TABLE bad (x int); SELECT nonsense FROM nowhere;", encoding="utf-8")
    with PgDatabase(pg_url) as db:
        with pytest.raises(psycopg.errors.UndefinedTable):
            migrations.migrate(db, tmp_path)
        assert migrations.version(db) == 0
        assert db.scalar("SELECT to_regclass('good') IS NULL")


def test_badly_named_or_numbered_files_are_refused(tmp_path):
    (tmp_path / "0001_a.sql").write_text("", encoding="utf-8")
    (tmp_path / "0003_c.sql").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="without gaps"):
        migrations.files(tmp_path)
    (tmp_path / "extra.sql").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="NNNN_subject"):
        migrations.files(tmp_path)
