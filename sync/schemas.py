"""One schema per thing the hub reads: JSON bodies, query parameters, the batch envelope and header.

The same msgspec types validate what arrives and produce the JSON Schema in
the OpenAPI document (``sync/openapi.py``), so what the hub documents and
what it accepts cannot drift apart. Every integer is bounded to what SQLite
holds (a signed 64-bit integer) or to a protocol limit (``sync/limits.py``);
every list and map has a length limit; unknown fields are refused.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

import msgspec
from msgspec import Meta

from sync import limits

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

Seq = Annotated[int, Meta(ge=0, le=limits.MAX_SEQ, description="a position in a log (SQLite integer)")]
Count = Annotated[int, Meta(ge=0, le=limits.MAX_SEQ)]
Uuid = Annotated[str, Meta(pattern=UUID_PATTERN, max_length=36)]
Sha256 = Annotated[str, Meta(pattern=r"^[0-9a-f]{64}$")]
Digest = tuple[Count, Sha256]
Short = Annotated[str, Meta(max_length=200)]
Text = Annotated[str, Meta(max_length=2000)]


class Strict(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """Unknown fields are refused: a field this version does not know is a request it cannot honour."""


# -- HTTP request bodies and query parameters -------------------------------------


class HelloRequest(Strict):
    software: Short = ""
    clock: Annotated[str, Meta(max_length=40, description="the caller's own wall clock (drift report)")] = ""


class UpCheck(Strict):
    origins: Annotated[dict[Uuid, Digest], Meta(max_length=limits.MAX_ORIGINS)] = {}


class DownCheck(Strict):
    up_to: Seq = 0
    digest: Digest | None = None


class CheckRequest(Strict):
    up: UpCheck = msgspec.field(default_factory=UpCheck)
    down: DownCheck = msgspec.field(default_factory=DownCheck)


class MissingRequest(Strict):
    origin: Uuid
    ids: Annotated[list[Uuid], Meta(max_length=limits.MAX_MISSING_IDS)] = []


class BatchQuery(Strict):
    after: Seq = 0
    limit: Annotated[int, Meta(ge=1, le=limits.MAX_DOWN_LIMIT)] = limits.DEFAULT_BATCH


# -- the batch container ----------------------------------------------------------


class Envelope(Strict):
    batch: Uuid
    from_: Uuid = msgspec.field(name="from")
    to: Uuid
    kind: Literal["up", "down"]
    sealed: Annotated[int, Meta(ge=1, le=limits.MAX_SEALED)]


class RejectionItem(Strict):
    id: Text
    problem: Short
    reason: Text


class BatchHeader(Strict):
    format: Literal[1]
    batch: Uuid
    from_: Uuid = msgspec.field(name="from")
    to: Uuid
    kind: Literal["up", "down"]
    made_at: Short
    range: tuple[Seq, Seq]
    count: Annotated[int, Meta(ge=0, le=limits.MAX_RECORDS)]
    from_unit: Short = ""
    cursor: Seq | None = None
    held_up_to: Seq | None = None
    more: bool | None = None
    rejected: Annotated[list[RejectionItem], Meta(max_length=limits.MAX_REJECTED_PER_BATCH)] = []
    # a recovery page for a township: its stations (whose records reached the hub through it)
    below: Annotated[list[Uuid], Meta(max_length=limits.MAX_RECORDS)] = []


T = TypeVar("T")


class Invalid(ValueError):
    """What arrived does not fit its schema; the message names where (for the problem document)."""


def decode_json(data: bytes, schema: type[T]) -> T:
    """``data`` as ``schema``, or Invalid; never a RecursionError or an unbounded integer."""
    try:
        return msgspec.json.decode(data, type=schema)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError) as error:
        raise Invalid(_where(error)) from None


def convert(value: Any, schema: type[T], from_text: bool = False) -> T:
    try:
        return msgspec.convert(value, schema, strict=not from_text)
    except (msgspec.ValidationError, RecursionError) as error:
        raise Invalid(_where(error)) from None


def _where(error: Exception) -> str:
    text = str(error) if not isinstance(error, RecursionError) else "nested too deeply"
    return text[:200]


def json_schemas(*types: type) -> tuple[list[dict], dict[str, dict]]:
    """JSON Schema of ``types`` with shared definitions under ``#/components/schemas``."""
    schemas, components = msgspec.json.schema_components(types, ref_template="#/components/schemas/{name}")
    return list(schemas), components
