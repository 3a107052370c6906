"""Projections: the tables derived from the event log.

A projector folds one stream's events into one row. The same ``apply`` runs
incrementally on every write and from scratch on a rebuild, which is what
makes "rebuilt == incremental" hold.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from haian_desk.calendar import store as calendar_store
from haian_desk.cases import catalogue, fold
from haian_desk.community import complaints, opinions, support
from haian_desk.core.errors import HaianError
from haian_desk.events import audit
from haian_desk.events.columns import Row, decoded
from haian_desk.people import cadres, villagers
from haian_desk.storage.eventlog import Event

State = dict[str, Any]


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False), built once

BOOKKEEPING = ("last_hlc", "event_count", "updated_at")  # kept by ``step`` on every projection


@dataclass(frozen=True)
class Projector:
    stream: str
    table: str
    key: str
    json_columns: tuple[str, ...]
    apply: Callable[[State | None, Event], State]

    def to_row(self, state: State) -> State:
        row = dict(state)  # the same keys in the same order; only the JSON columns are encoded
        for name in self.json_columns:
            value = row.get(name)
            if value is not None:
                row[name] = _JSON.encode(value)
        return row

    def from_row(self, row: Row | None) -> State | None:
        if row is None:
            return None
        return decoded(row, self.json_columns)

    def step(self, state: State | None, event: Event) -> State:
        """Apply one event and keep the bookkeeping every projection carries."""
        new = self.apply(state, event)
        new["last_hlc"] = event.hlc
        new["event_count"] = (state or {}).get("event_count", 0) + 1
        new["updated_at"] = event.wall_time
        return new

    @staticmethod
    def same_record(before: State | None, after: State | None) -> bool:
        """Whether a step left the record as it was, apart from the bookkeeping ``step`` keeps."""
        if before is None or after is None:
            return before is after
        return {k: v for k, v in before.items() if k not in BOOKKEEPING} == {
            k: v for k, v in after.items() if k not in BOOKKEEPING
        }

    def fold(self, events: list[Event]) -> State | None:
        """Rebuild from scratch; events the rules refuse count as conflicts."""
        state = None
        for event in events:
            try:
                state = self.step(state, event)
            except HaianError:
                if state is not None and "conflicts" in state:
                    state = dict(state, conflicts=state["conflicts"] + 1, event_count=state["event_count"] + 1)
        return state

    def load(self, conn: sqlite3.Connection, stream_id: str) -> State | None:
        row = conn.execute(f"SELECT * FROM {self.table} WHERE {self.key} = ?", (stream_id,)).fetchone()
        return self.from_row(row)

    def save(self, conn: sqlite3.Connection, state: State) -> None:
        row = self.to_row(state)
        cols = ", ".join(row)
        marks = ", ".join("?" * len(row))
        conn.execute(f"INSERT OR REPLACE INTO {self.table} ({cols}) VALUES ({marks})", tuple(row.values()))


@cache
def projectors() -> dict[str, Projector]:
    return {
        "case": Projector("case", "cases", "id", fold.JSON_COLUMNS, fold.apply),
        "villager": Projector("villager", "villagers", "id", villagers.JSON_COLUMNS, villagers.apply),
        "cadre": Projector("cadre", "cadres", "id", cadres.JSON_COLUMNS, cadres.apply),
        "catalogue": Projector("catalogue", "catalogue_items", "code", catalogue.JSON_COLUMNS, catalogue.apply),
        "pairing": Projector("pairing", "pairings", "id", support.PAIRING_JSON_COLUMNS, support.apply_pairing),
        "visit": Projector("visit", "support_visits", "id", support.VISIT_JSON_COLUMNS, support.apply_visit),
        "meeting": Projector("meeting", "meetings", "id", opinions.MEETING_JSON_COLUMNS, opinions.apply_meeting),
        "complaint": Projector("complaint", "complaints", "id", complaints.JSON_COLUMNS, complaints.apply),
        "account": Projector("account", "accounts", "id", audit.ACCOUNT_JSON_COLUMNS, audit.apply_account),
        "settings": Projector("settings", "settings_log", "id", audit.SETTINGS_JSON_COLUMNS, audit.apply_settings),
        "calendar": Projector(
            "calendar", "calendar_years", "id", calendar_store.YEAR_JSON_COLUMNS, calendar_store.apply_year
        ),
        "calendar_rule": Projector(
            "calendar_rule", "calendar_rules", "id", calendar_store.RULE_JSON_COLUMNS, calendar_store.apply_rule
        ),
    }
