"""The hub's HTTP interface as an OpenAPI 3.1 document (served at /openapi.json).

Request bodies and query parameters are described by the same msgspec types
that validate them (``sync/schemas.py``), so the document cannot promise what
the hub does not check.
"""

from __future__ import annotations

from haian_desk import __version__
from sync import schemas

_REQUESTS = (schemas.HelloRequest, schemas.CheckRequest, schemas.MissingRequest, schemas.BatchQuery)

_SIGNED: list[dict[str, list[str]]] = [{"haianSignature": []}]
_BATCH = {"application/vnd.haian-desk.batch": {"schema": {"type": "string", "format": "binary"}}}
_ERROR = {
    "description": "错误：{error, message, hint}",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
}
_ERRORS = dict.fromkeys(("400", "401", "403", "408", "413", "415", "422", "429", "500", "503"), _ERROR)


def _json(ref: str) -> dict:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def _query_parameters() -> list[dict]:
    (ref,), components = schemas.json_schemas(schemas.BatchQuery)
    properties = components["BatchQuery"]["properties"]
    return [{"name": name, "in": "query", "schema": schema} for name, schema in properties.items()]


def openapi_document() -> dict:
    _, requests = schemas.json_schemas(*_REQUESTS)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Haian Desk sync hub",
            "version": __version__,
            "description": "镇（县）代理中心的同步接口。批次格式和签名规则见 docs/sync-protocol.md。",
        },
        "components": {
            "securitySchemes": {
                "haianSignature": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-Haian-Signature",
                    "description": "Ed25519 signature over 'haian-desk/2\\nMETHOD\\nPATH?QUERY\\nTO\\nTIME\\nNONCE\\n"
                    "DIGEST', with X-Haian-From, X-Haian-To, X-Haian-Time, X-Haian-Nonce (32 hex) "
                    "and X-Haian-Digest (hex sha256 of the body) headers. "
                    "Replies carry the hub's X-Haian-Signature over 'haian-desk/2 reply\\n"
                    "REQUEST_SIGNATURE\\nSTATUS\\nsha256(body)'.",
                }
            },
            "schemas": {
                **requests,
                "Problem": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": {"type": "string"},
                        "message": {"type": "string"},
                        "hint": {"type": "string"},
                        "time": {
                            "type": "string",
                            "format": "date-time",
                            "description": "with clock_skew: the hub's time (the reply is signed)",
                        },
                    },
                },
                "Hello": {
                    "type": "object",
                    "properties": {
                        "hub": {"type": "object"},
                        "time": {"type": "string", "format": "date-time"},
                        "clock_drift_seconds": {"type": ["integer", "null"]},
                        "you": {"type": "object", "properties": {"held_up_to": {"type": "integer"}}},
                    },
                },
                "Ack": {
                    "type": "object",
                    "properties": {
                        "batch": {"type": "string"},
                        "status": {"enum": ["applied", "already_received"]},
                        "applied": {"type": "integer"},
                        "already": {"type": "integer"},
                        "held": {"type": "integer"},
                        "held_up_to": {"type": "integer"},
                        "conflicts": {"type": "array", "items": {"type": "string"}},
                        "rejected": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "string"},
                                    "problem": {"type": "string"},
                                    "reason": {"type": "string"},
                                },
                            },
                        },
                    },
                },
                "CheckResult": {
                    "type": "object",
                    "properties": {
                        "up": {"type": "object", "properties": {"origins": {"type": "object"}}},
                        "down": {"enum": ["same", "differs", "hub_has_more", "hub_has_fewer"]},
                    },
                },
            },
        },
        "paths": {
            "/v1/health": {
                "get": {"summary": "Is the hub up (no authentication)", "responses": {"200": {"description": "ok"}}}
            },
            "/v1/hello": {
                "post": {
                    "summary": "Start an exchange: the hub's identity and time, and how far it holds your log",
                    "security": _SIGNED,
                    "requestBody": {"content": _json("HelloRequest")},
                    "responses": {"200": {"description": "hello", "content": _json("Hello")}, **_ERRORS},
                }
            },
            "/v1/batches": {
                "post": {
                    "summary": "Send an up batch (sealed to the hub); applied all-or-nothing, idempotent",
                    "security": _SIGNED,
                    "requestBody": {"required": True, "content": _BATCH},
                    "responses": {"200": {"description": "acknowledgement", "content": _json("Ack")}, **_ERRORS},
                },
                "get": {
                    "summary": "The next down batch (sealed to the caller) after its cursor",
                    "security": _SIGNED,
                    "parameters": _query_parameters(),
                    "responses": {"200": {"description": "a down batch", "content": _BATCH}, **_ERRORS},
                },
            },
            "/v1/missing": {
                "post": {
                    "summary": "Which of these ids of one origin the hub lacks (repair after a mismatch)",
                    "security": _SIGNED,
                    "requestBody": {"required": True, "content": _json("MissingRequest")},
                    "responses": {
                        "200": {
                            "description": "the ids the hub lacks",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "properties": {"missing": {"type": "array"}}}
                                }
                            },
                        },
                        **_ERRORS,
                    },
                }
            },
            "/v1/numbering": {
                "post": {
                    "summary": "Where a restored station's numbering stood: its highest record sequence and "
                    "each day's highest case number the hub holds (haian_desk.replication.numbering)",
                    "security": _SIGNED,
                    "responses": {
                        "200": {
                            "description": "the station's numbers held here",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "origin_seq": {"type": "integer"},
                                            "unit_code": {"type": "string"},
                                            "case_numbers": {
                                                "type": "object",
                                                "additionalProperties": {"type": "integer"},
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        **_ERRORS,
                    },
                }
            },
            "/v1/check": {
                "post": {
                    "summary": "Drift check: compare counts and hashes per origin and of what came down",
                    "security": _SIGNED,
                    "requestBody": {"required": True, "content": _json("CheckRequest")},
                    "responses": {"200": {"description": "comparison", "content": _json("CheckResult")}, **_ERRORS},
                }
            },
        },
    }
