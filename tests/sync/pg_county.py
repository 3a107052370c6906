"""A county hub kept in PostgreSQL for sync tests: made by ``create_hub`` (what ``init --role county
--database`` runs) in the test's own database on the run's throw-away server, its keys in a
folder of their own, a township enrolled under it through the same enrolment functions the CLI
uses, and the hub served by uvicorn on 127.0.0.1 (one worker, on a thread)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haian_desk.core.timeutil import to_iso
from haian_desk.replication.pg_hub import PgHub
from haian_desk.storage.postgres.create import create_hub
from haian_desk.storage.postgres.database import PgDatabase
from sync import enrolment
from sync.pg_serve import PgBackgroundHub, hub_keys
from tests.sync.helpers import COUNTY, Node

COUNTY_NAME = "海安市群众事务代理中心"


@dataclass
class PgCounty:
    url: str
    keys_dir: Path
    clock: object

    def make(self) -> PgCounty:
        create_hub(self.url, "county", COUNTY, COUNTY_NAME, to_iso(self.clock()))
        return self

    def enrol(self, child: Node, url: str | None = None) -> None:
        keys = hub_keys(self.keys_dir)
        with PgDatabase(self.url) as db:
            backend = PgHub(db, self.clock)
            backend.pin_signing_key(keys.sign_public)
            request = enrolment.make_request(child.desk, child.keys)
            _, answer = enrolment.enrol_with(backend.own, to_iso(self.clock()), keys, request, url, backend.enrol)
        enrolment.accept(child.desk, child.keys, answer)

    def served(self) -> PgBackgroundHub:
        return PgBackgroundHub(self.url, self.keys_dir, wall=self.clock)

    def query(self, sql: str, params: tuple = ()) -> list:
        with PgDatabase(self.url) as db:
            return db.query(sql, params)

    def scalar(self, sql: str, params: tuple = ()):
        with PgDatabase(self.url) as db:
            return db.scalar(sql, params)
