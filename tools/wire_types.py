"""Derive each schema's property wire types from openapi.yaml, as a module for the SDK to read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

HEADER = '''"""Wire types of openapi.yaml's schemas; written by tools/generate.py, do not edit.

The SDK decodes XML attributes and checks JSON values by these types, so the spec stays the
one place that says what each field is.
"""

'''


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _flatten(schemas: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Merge allOf parts into one object schema (properties and required)."""
    properties: dict[str, Any] = dict(schema.get("properties", {}))
    required: list[str] = list(schema.get("required", []))
    for part in schema.get("allOf", []):
        part = schemas[_ref_name(part["$ref"])] if "$ref" in part else part
        merged = _flatten(schemas, part)
        properties.update(merged["properties"])
        required.extend(merged["required"])
    return {"properties": properties, "required": required}


def _wire_type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return f"object:{_ref_name(prop['$ref'])}"
    if prop.get("type") == "array":
        items = prop["items"]
        inner = _ref_name(items["$ref"]) if "$ref" in items else items["type"]
        return f"array:{inner}"
    kind: str = prop["type"]
    return kind


def render(spec_path: Path) -> str:
    """Return the module's source for the spec at spec_path."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas: dict[str, Any] = spec["components"]["schemas"]
    properties: dict[str, dict[str, str]] = {}
    required: dict[str, list[str]] = {}
    secrets: dict[str, list[str]] = {}
    for name in sorted(schemas):
        flat = _flatten(schemas, schemas[name])
        props = flat["properties"]
        properties[name] = {key: _wire_type(props[key]) for key in sorted(props)}
        required[name] = sorted(set(flat["required"]))
        secrets[name] = sorted(
            k for k, p in props.items() if p.get("format") == "password"
        )
    lines = [HEADER]
    lines.append(
        "# schema -> property -> boolean | integer | number | string | object:<Schema> |"
    )
    lines.append("# array:<Schema or type>")
    lines.append("PROPERTIES: dict[str, dict[str, str]] = {")
    for name, props in properties.items():
        lines.append(f"    {name!r}: {{")
        lines.extend(f"        {key!r}: {kind!r}," for key, kind in props.items())
        lines.append("    },")
    lines.append("}")
    for title, table, comment in (
        ("REQUIRED", required, "# schema -> properties an answer must carry"),
        (
            "SECRETS",
            secrets,
            "# schema -> properties marked `format: password`: credentials",
        ),
    ):
        lines.append("")
        lines.append(comment)
        lines.append(f"{title}: dict[str, frozenset[str]] = {{")
        for name, keys in table.items():
            lines.append(f"    {name!r}: frozenset({keys!r}),")
        lines.append("}")
    return "\n".join(lines) + "\n"
