"""Hypothesis strategies built from the hub's own JSON Schemas (``sync/schemas.py`` via the OpenAPI document).

Each strategy yields documents that fit the schema, documents that almost fit
(one value replaced by something hostile: a huge integer, a wrong type, deep
nesting) and arbitrary JSON, so the fuzzer covers the happy path and the edges.
"""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE_NUMBERS = [2**63, 2**63 - 1, -1, 0, 10**30, -(2**63) - 1, 1.5, 1e308]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(HOSTILE_NUMBERS)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def from_schema(schema: dict, components: dict, depth: int = 0) -> st.SearchStrategy:
    """Values valid under ``schema`` (a JSON Schema as msgspec writes it)."""
    if "$ref" in schema:
        return from_schema(components[schema["$ref"].rsplit("/", 1)[-1]], components, depth)
    if "anyOf" in schema:
        return st.one_of([from_schema(s, components, depth) for s in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    if kind == "object":
        return _object(schema, components, depth)
    if kind == "array":
        return _array(schema, components, depth)
    if kind == "integer":
        return st.integers(schema.get("minimum", -(2**63)), min(schema.get("maximum", 2**63 - 1), 2**63 - 1))
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        return st.text(max_size=min(schema.get("maxLength", 40), 40))
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return json_values


def _object(schema: dict, components: dict, depth: int) -> st.SearchStrategy:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    if not properties and isinstance(schema.get("additionalProperties"), dict):
        values = from_schema(schema["additionalProperties"], components, depth + 1)
        keys = from_schema({"type": "string", **schema.get("propertyNames", {})}, components, depth + 1)
        return st.dictionaries(keys, values, max_size=3)
    fixed = {k: from_schema(v, components, depth + 1) for k, v in properties.items() if k in required}
    optional = {k: from_schema(v, components, depth + 1) for k, v in properties.items() if k not in required}
    return st.fixed_dictionaries(fixed, optional=optional)


def _array(schema: dict, components: dict, depth: int) -> st.SearchStrategy:
    if "prefixItems" in schema:
        return st.tuples(*(from_schema(s, components, depth + 1) for s in schema["prefixItems"])).map(list)
    items = from_schema(schema.get("items", {}), components, depth + 1)
    return st.lists(items, max_size=min(schema.get("maxItems", 5), 5))


def near(valid: st.SearchStrategy) -> st.SearchStrategy:
    """A valid document with one value swapped for something hostile."""

    def spoil(document, data):
        if not isinstance(document, dict) or not document:
            return data
        key = sorted(document)[0]
        return {**document, key: data}

    return st.builds(spoil, valid, json_values | st.sampled_from([[[[[[[]]]]]], "1e400", {"x": None}]))


def documents(schema: dict, components: dict) -> st.SearchStrategy:
    valid = from_schema(schema, components)
    return st.one_of(valid, near(valid), json_values)
