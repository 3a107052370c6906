"""Folding for plain records (villagers, cadres, catalogue items).

A record stream starts with a ``created`` event carrying every field and goes
on with ``updated`` events carrying the fields that changed. The entity module
supplies which fields exist and how derived columns are computed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from haian_desk.core.errors import RuleRefused, ValidationError
from haian_desk.storage.eventlog import Event

State = dict[str, Any]


def record_apply(
    fields: dict[str, Any], derive: Callable[[State], None], what: str, key: str = "id"
) -> Callable[[State | None, Event], State]:
    """An ``apply`` for a record with these fields (name → default)."""

    def apply(state: State | None, event: Event) -> State:
        if event.type == "created":
            if state is not None:
                raise RuleRefused("{what}已存在", params={"what": what})
            new = dict(fields)
            new[key] = event.stream_id
            new["created_at"] = event.wall_time
        elif event.type == "updated":
            if state is None:
                raise RuleRefused("{what}不存在", params={"what": what})
            new = dict(state)
        else:
            raise ValidationError("未知的{what}事件：{type}", params={"what": what, "type": event.type})
        new.update({k: v for k, v in event.payload.items() if k in fields})
        derive(new)
        return new

    return apply


def required_text(payload: dict, key: str, what: str, hint: str = "") -> str:
    """A text field an event must carry, stripped; its absence is said in words."""
    value = str(payload.get(key) or "").strip()
    if not value:
        raise ValidationError("请填写{what}", "{hint}", field=key, params={"what": what, "hint": hint})
    return value
