"""Projected rows as Python values: the one place JSON columns are decoded.

``Projector.from_row`` (haian_desk.events.projection) decodes through here, and so
do the entity modules that projection imports (they cannot import it back).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Record = TypeVar("Record", bound="DataclassInstance")
Row = sqlite3.Row | Mapping[str, Any]


def decoded(row: Row, json_columns: tuple[str, ...]) -> dict[str, Any]:
    """The row as a dict, each JSON column that holds a value decoded (a NULL stays None)."""
    state = dict(row)
    for key in json_columns:
        if state.get(key) is not None:
            state[key] = json.loads(state[key])
    return state


def decoded_value(row: Row, key: str, json_columns: tuple[str, ...]) -> Any:
    """One column of the row, decoded when it is a JSON column."""
    value = row[key]
    return json.loads(value) if key in json_columns and value is not None else value


def read_as(kind: type[Record], row: Row, json_columns: tuple[str, ...]) -> Record:
    """A projected row as the frozen dataclass ``kind``, decoded as ``Projector.from_row`` does."""
    return as_record(kind, decoded(row, json_columns))


def as_record(kind: type[Record], state: Mapping[str, Any]) -> Record:
    """A decoded row as the frozen dataclass ``kind``.

    Only the dataclass's fields are taken (a column added later does not break a
    reader); JSON lists become tuples, so the record stays frozen all the way down.
    """
    return kind(**{f.name: _frozen(state[f.name]) for f in fields(kind) if f.name in state})


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
