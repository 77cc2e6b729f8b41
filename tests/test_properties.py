"""Property-based decoding: bodies generated from openapi.yaml's own schemas.

Any valid body decodes and round-trips through to_dict(); the same body rendered as JSON and
as Plex's XML decodes to equal models; and mutated, wrong-typed or random bodies raise
PlexResponseError and nothing else.

The bodies come from `schema_bodies`, a small strategy over the JSON Schema subset the spec
uses (hypothesis-jsonschema 0.23.1, the current release, fails on current Hypothesis); it
refuses any keyword it does not handle, so a spec that outgrows it fails here loudly.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plex_resources import PlexResponseError
from plex_resources._decode import decode_document
from plex_resources.testing import render_xml
from plex_resources_api.models import (
    ServerIdentityResponse,
    SourceConnectionInformationResponse,
)
from spec_diff import resolve_refs

from .conftest import load_spec

SPEC = resolve_refs(load_spec())
Envelope = type[SourceConnectionInformationResponse] | type[ServerIdentityResponse]
ENVELOPES: dict[str, Envelope] = {
    "SourceConnectionInformationResponse": SourceConnectionInformationResponse,
    "ServerIdentityResponse": ServerIdentityResponse,
}
INT64 = (-(2**63), 2**63 - 1)
# Characters XML 1.0 cannot carry, even escaped; a JSON string can.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Keywords that only describe; everything else must be handled by schema_bodies.
_DESCRIPTIVE = {
    "description",
    "example",
    "examples",
    "title",
    "format",
    "additionalProperties",
}


def schema_bodies(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid against a resolved schema, declared properties only (unknown fields are
    added separately: generated names would not be XML names); integers stay within int64."""
    if "allOf" in schema:
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in schema["allOf"]:
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return schema_bodies(merged)
    handled = _DESCRIPTIVE | {"type", "properties", "required", "items", "enum"}
    unknown = {key for key in schema if key not in handled and not key.startswith("x-")}
    if unknown:
        raise NotImplementedError(
            f"schema_bodies cannot generate for {sorted(unknown)}"
        )
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        return st.text(max_size=30)
    if kind == "integer":
        return st.integers(*INT64)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(schema_bodies(schema["items"]), max_size=4)
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {
                name: schema_bodies(p)
                for name, p in properties.items()
                if name in required
            },
            optional={
                name: schema_bodies(p)
                for name, p in properties.items()
                if name not in required
            },
        )
    raise NotImplementedError(f"schema_bodies cannot generate type {kind!r}")


def bodies(envelope: str) -> st.SearchStrategy[Any]:
    return schema_bodies(SPEC["components"]["schemas"][envelope])


def xml_safe(value: Any) -> Any:
    """Replace the characters XML cannot carry, keeping the structure."""
    if isinstance(value, str):
        return NOT_XML.sub("?", value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [xml_safe(item) for item in value]
    return value


UNKNOWN_NAMES = st.from_regex(r"\A[a-z][A-Za-z0-9]{0,12}\Z").filter(
    lambda name: name not in {"Device", "Connection"}
)
UNKNOWN_VALUES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20
)


def with_unknown_fields(body: dict[str, Any], extra: dict[str, str]) -> dict[str, Any]:
    """Add string-valued unknown fields to the container (string: XML keeps attributes so)."""
    body = copy.deepcopy(body)
    container = body["MediaContainer"]
    for name, value in extra.items():
        container.setdefault(name, value)
    return body


def decode(body: bytes, content_type: str, envelope: str) -> Any:
    document = decode_document(body, content_type, envelope, ())
    return ENVELOPES[envelope].from_dict(document)


PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(st.data())
def test_valid_json_bodies_decode_and_round_trip(data: st.DataObject) -> None:
    envelope = data.draw(st.sampled_from(sorted(ENVELOPES)))
    body = data.draw(bodies(envelope))
    model = decode(json.dumps(body).encode(), "application/json", envelope)
    assert model.to_dict() == body
    assert type(model).from_dict(model.to_dict()) == model


@PROPERTY_SETTINGS
@given(st.data())
def test_json_and_xml_forms_decode_to_equal_models(data: st.DataObject) -> None:
    envelope = data.draw(st.sampled_from(sorted(ENVELOPES)))
    extra = data.draw(st.dictionaries(UNKNOWN_NAMES, UNKNOWN_VALUES, max_size=3))
    body = with_unknown_fields(xml_safe(data.draw(bodies(envelope))), extra)
    from_json = decode(json.dumps(body).encode(), "application/json", envelope)
    from_xml = decode(render_xml(body), "application/xml", envelope)
    assert from_json == from_xml


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)  # fmt: skip


def mutate(node: Any, path: list[int], replacement: Any) -> Any:
    """Replace the node reached by following `path` (indexes into dict items or lists)."""
    if not path or not isinstance(node, dict | list) or not node:
        return replacement
    if isinstance(node, dict):
        keys = list(node)
        key = keys[path[0] % len(keys)]
        return {**node, key: mutate(node[key], path[1:], replacement)}
    index = path[0] % len(node)
    return [
        *node[:index],
        mutate(node[index], path[1:], replacement),
        *node[index + 1 :],
    ]


def drop(node: Any, path: list[int]) -> Any:
    """Delete the dict key reached by following `path`."""
    if isinstance(node, dict) and node:
        keys = list(node)
        key = keys[path[0] % len(keys)] if path else keys[0]
        if len(path) <= 1:
            return {k: v for k, v in node.items() if k != key}
        return {**node, key: drop(node[key], path[1:])}
    if isinstance(node, list) and node and path:
        index = path[0] % len(node)
        return [*node[:index], drop(node[index], path[1:]), *node[index + 1 :]]
    return node


@PROPERTY_SETTINGS
@given(st.data())
def test_mutated_bodies_raise_only_response_errors(data: st.DataObject) -> None:
    envelope = data.draw(st.sampled_from(sorted(ENVELOPES)))
    body = data.draw(bodies(envelope))
    path = data.draw(st.lists(st.integers(min_value=0, max_value=50), max_size=6))
    if data.draw(st.booleans()):
        broken = mutate(body, path, data.draw(JSON_VALUES))
    else:
        broken = drop(body, path)
    for content_type, raw in (
        ("application/json", json.dumps(broken).encode()),
        (
            "application/xml",
            render_xml(xml_safe(broken)) if _renderable(broken) else b"<x",
        ),
    ):
        with contextlib.suppress(PlexResponseError):
            decode(raw, content_type, envelope)


def _renderable(body: Any) -> bool:
    if not (isinstance(body, dict) and len(body) == 1):
        return False
    (root,) = body.values()
    return isinstance(root, dict) and all(
        re.fullmatch(r"[A-Za-z_][\w.-]*", str(key)) for key in _keys(root)
    )


def _keys(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [*node, *(k for value in node.values() for k in _keys(value))]
    if isinstance(node, list):
        return [k for item in node for k in _keys(item)]
    return []


@PROPERTY_SETTINGS
@given(
    body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode),
    content_type=st.sampled_from(["application/json", "application/xml", "text/xml", "text/html", ""]),
)  # fmt: skip
def test_random_bytes_raise_only_response_errors(
    body: bytes, content_type: str
) -> None:
    for envelope in ENVELOPES:
        with contextlib.suppress(PlexResponseError):
            decode(body, content_type, envelope)
