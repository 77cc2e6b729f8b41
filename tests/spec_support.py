"""Reading openapi.yaml in tests: $refs, parameters and JSON Schema validators."""

from __future__ import annotations

from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local $ref once."""
    if "$ref" not in node:
        return node
    target: Any = spec
    for part in node["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    resolved: dict[str, Any] = target
    return resolved


def operation_parameters(
    spec: dict[str, Any], operation: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    params = (resolve(spec, p) for p in operation["parameters"])
    return {p["name"]: p for p in params}


def validator_for(spec: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Validator:
    """A JSON Schema 2020-12 validator that resolves the spec's #/components refs."""
    registry: Registry[Any] = Registry().with_resource(
        "urn:openapi", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    rooted = {"$ref": "urn:openapi#"} if schema is spec else schema
    fixed = _rebase_refs(rooted)
    return jsonschema.Draft202012Validator(fixed, registry=registry)


def _rebase_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: ("urn:openapi" + value if key == "$ref" else _rebase_refs(value))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rebase_refs(item) for item in node]
    return node
