"""Compare two OpenAPI documents and classify each change for client callers.

Breaking: a caller that worked against the old document can fail against the new one (a new
required parameter, a removed or retyped response field, a removed enum value or status...).
Compatible: existing callers keep working (a new optional parameter, a new optional field, a
new operation or status...). $refs are resolved first, so a change inside a shared schema shows
up everywhere it is used.

Direction matters: what a client sends (parameters, request bodies) may widen but not narrow;
what it receives (responses) may narrow but not widen, because generated clients parse answers
strictly (an unknown enum value fails to decode).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Literal

Direction = Literal["request", "response"]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True, order=True)
class Change:
    """One difference between the documents, as a client caller sees it."""

    breaking: bool
    where: str
    what: str

    @property
    def kind(self) -> str:
        return "breaking" if self.breaking else "compatible"


def resolve_refs(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of the document with every local $ref replaced by what it points to."""

    def lookup(ref: str) -> Any:
        target: Any = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return target

    def walk(node: Any, trail: tuple[str, ...]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/"):
                if ref in trail:  # a recursive schema: leave the loop as a reference
                    return {"$ref": ref}
                return walk(lookup(ref), (*trail, ref))
            return {key: walk(value, trail) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(item, trail) for item in node]
        return node

    resolved: dict[str, Any] = walk(copy.deepcopy(document), ())
    return resolved


def _flatten(schema: dict[str, Any]) -> dict[str, Any]:
    """Merge allOf parts into one schema (properties and required combined)."""
    if "allOf" not in schema:
        return schema
    merged = {key: value for key, value in schema.items() if key != "allOf"}
    properties = dict(merged.get("properties", {}))
    required = list(merged.get("required", []))
    for part in schema["allOf"]:
        flat = _flatten(part)
        properties.update(flat.get("properties", {}))
        required += flat.get("required", [])
        for key, value in flat.items():
            if key not in ("properties", "required"):
                merged.setdefault(key, value)
    merged["properties"] = properties
    merged["required"] = sorted(set(required))
    return merged


def _types(schema: dict[str, Any]) -> frozenset[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(declared)
    return frozenset({"object"}) if "properties" in schema else frozenset({"any"})


def _covers(wider: frozenset[str], narrower: frozenset[str]) -> bool:
    """Whether every value of `narrower` types is a value of `wider` types."""
    if "any" in wider:
        return True
    return all(t in wider or (t == "integer" and "number" in wider) for t in narrower)


def _show(values: Any) -> str:
    if isinstance(values, frozenset | set):
        return ", ".join(sorted(map(str, values)))
    return repr(values)


def diff_schemas(
    where: str,
    old: dict[str, Any],
    new: dict[str, Any],
    direction: Direction,
    field: str = "",
) -> list[Change]:
    """Changes between two (resolved) schemas, judged for data flowing in `direction`.

    `where` names the parameter or body; `field` the path inside it (`Device.Connection[]`).
    """
    old, new = _flatten(old), _flatten(new)
    where_field = f"{where}: {field}" if field else where
    sending = direction == "request"
    changes: list[Change] = []
    old_types, new_types = _types(old), _types(new)
    if old_types != new_types:
        fine = (
            _covers(new_types, old_types) if sending else _covers(old_types, new_types)
        )
        verb = "widened" if _covers(new_types, old_types) else "narrowed"
        if not _covers(new_types, old_types) and not _covers(old_types, new_types):
            verb = "changed"
        changes.append(
            Change(
                not fine,
                where_field,
                f"type {verb}: {_show(old_types)} -> {_show(new_types)}",
            )
        )
    if old.get("format") != new.get("format"):
        what = f"format changed: {old.get('format')} -> {new.get('format')}"
        changes.append(Change(True, where_field, what))
    if "enum" in old or "enum" in new:
        old_enum = frozenset(map(repr, old.get("enum", [])))
        new_enum = frozenset(map(repr, new.get("enum", [])))
        if "enum" in old and "enum" not in new:
            changes.append(Change(not sending, where_field, "enum restriction removed"))
        elif "enum" not in old and "enum" in new:
            changes.append(
                Change(
                    sending, where_field, f"enum restriction added: {_show(new_enum)}"
                )
            )
        else:
            if old_enum - new_enum:
                what = f"enum value(s) removed: {_show(old_enum - new_enum)}"
                changes.append(Change(sending, where_field, what))
            if new_enum - old_enum:
                what = f"enum value(s) added: {_show(new_enum - old_enum)}"
                changes.append(Change(not sending, where_field, what))
    if old.get("default") != new.get("default"):
        what = f"default changed: {old.get('default')!r} -> {new.get('default')!r}"
        changes.append(Change(sending, where_field, what))
    if old.get("pattern") != new.get("pattern"):
        what = f"pattern changed: {old.get('pattern')!r} -> {new.get('pattern')!r}"
        changes.append(
            Change(sending and new.get("pattern") is not None, where_field, what)
        )
    changes += _diff_properties(where, field, old, new, direction)
    if "items" in old and "items" in new:
        changes += diff_schemas(
            where, old["items"], new["items"], direction, f"{field}[]"
        )
    return changes


def _diff_properties(
    where: str,
    field: str,
    old: dict[str, Any],
    new: dict[str, Any],
    direction: Direction,
) -> list[Change]:
    sending = direction == "request"
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_required, new_required = (
        set(old.get("required", [])),
        set(new.get("required", [])),
    )
    changes: list[Change] = []
    for name in sorted(old_props.keys() | new_props.keys()):
        child = f"{field}.{name}" if field else name
        at = f"{where}: {child}"
        if name not in new_props:
            changes.append(Change(True, at, "field removed"))
        elif name not in old_props:
            required = name in new_required
            what = f"new {'required' if required else 'optional'} field"
            changes.append(Change(sending and required, at, what))
        else:
            was, now = name in old_required, name in new_required
            if was and not now:
                changes.append(Change(not sending, at, "field no longer required"))
            elif now and not was:
                changes.append(Change(sending, at, "field now required"))
            changes += diff_schemas(
                where, old_props[name], new_props[name], direction, child
            )
    return changes


def _operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`GET /path` -> the operation, with path-level parameters merged in."""
    operations: dict[str, dict[str, Any]] = {}
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                operation = dict(item[method])
                own = {(p["in"], p["name"]) for p in operation.get("parameters", [])}
                inherited = [p for p in shared if (p["in"], p["name"]) not in own]
                operation["parameters"] = inherited + operation.get("parameters", [])
                operations[f"{method.upper()} {path}"] = operation
    return operations


def _needs_auth(requirements: list[dict[str, Any]]) -> bool:
    return bool(requirements) and all(requirement for requirement in requirements)


def _diff_security(
    where: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> list[Change]:
    if old == new:
        return []
    if _needs_auth(old) and not _needs_auth(new):
        return [Change(False, where, "no longer requires authentication")]
    return [Change(True, where, f"security changed: {old} -> {new}")]


def _diff_parameters(
    where: str, old: dict[str, Any], new: dict[str, Any]
) -> list[Change]:
    olds = {(p["in"], p["name"]): p for p in old.get("parameters", [])}
    news = {(p["in"], p["name"]): p for p in new.get("parameters", [])}
    changes: list[Change] = []
    for key in sorted(olds.keys() | news.keys()):
        at = f"{where} {key[0]} `{key[1]}`"
        if key not in news:
            changes.append(Change(True, at, "parameter removed"))
        elif key not in olds:
            required = bool(news[key].get("required"))
            what = f"new {'required' if required else 'optional'} parameter"
            changes.append(Change(required, at, what))
        else:
            was, now = bool(olds[key].get("required")), bool(news[key].get("required"))
            if now and not was:
                changes.append(Change(True, at, "parameter now required"))
            elif was and not now:
                changes.append(Change(False, at, "parameter no longer required"))
            changes += diff_schemas(
                at, olds[key].get("schema", {}), news[key].get("schema", {}), "request"
            )
    return changes


def _diff_content(
    where: str, old: dict[str, Any], new: dict[str, Any], direction: Direction
) -> list[Change]:
    changes: list[Change] = []
    for media in sorted(old.keys() | new.keys()):
        at = f"{where} {media}"
        if media not in new:
            changes.append(Change(True, at, "content type removed"))
        elif media not in old:
            changes.append(Change(False, at, "new content type"))
        else:
            changes += diff_schemas(
                at,
                old[media].get("schema", {}),
                new[media].get("schema", {}),
                direction,
            )
    return changes


def _diff_request_body(
    where: str, old: dict[str, Any], new: dict[str, Any]
) -> list[Change]:
    at = f"{where} request body"
    if "requestBody" not in old and "requestBody" not in new:
        return []
    if "requestBody" not in new:
        return [Change(True, at, "request body removed")]
    if "requestBody" not in old:
        required = bool(new["requestBody"].get("required"))
        return [
            Change(required, at, f"new {'required' if required else 'optional'} body")
        ]
    changes: list[Change] = []
    was, now = (
        bool(old["requestBody"].get("required")),
        bool(new["requestBody"].get("required")),
    )
    if now and not was:
        changes.append(Change(True, at, "request body now required"))
    changes += _diff_content(
        at, old["requestBody"].get("content", {}), new["requestBody"].get("content", {}),
        "request",
    )  # fmt: skip
    return changes


def _diff_responses(
    where: str, old: dict[str, Any], new: dict[str, Any]
) -> list[Change]:
    olds, news = old.get("responses", {}), new.get("responses", {})
    changes: list[Change] = []
    for status in sorted(olds.keys() | news.keys()):
        at = f"{where} {status}"
        if status not in news:
            changes.append(Change(True, at, "status removed"))
        elif status not in olds:
            changes.append(Change(False, at, "new status"))
        else:
            changes += _diff_content(
                at, olds[status].get("content", {}), news[status].get("content", {}),
                "response",
            )  # fmt: skip
    return changes


def _diff_servers(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    old_urls = [s["url"] for s in old.get("servers", [])]
    new_urls = [s["url"] for s in new.get("servers", [])]
    changes = [Change(True, f"server {url}", "server removed") for url in old_urls
               if url not in new_urls]  # fmt: skip
    changes += [Change(False, f"server {url}", "new server") for url in new_urls
                if url not in old_urls]  # fmt: skip
    return changes


def _diff_schemes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    olds = old.get("components", {}).get("securitySchemes", {})
    news = new.get("components", {}).get("securitySchemes", {})
    changes: list[Change] = []
    for name in sorted(olds.keys() | news.keys()):
        at = f"security scheme `{name}`"
        if name not in news:
            changes.append(Change(True, at, "security scheme removed"))
        elif name not in olds:
            changes.append(Change(False, at, "new security scheme"))
        else:
            fields = ("type", "in", "name", "scheme")
            before = {f: olds[name].get(f) for f in fields}
            after = {f: news[name].get(f) for f in fields}
            if before != after:
                changes.append(
                    Change(True, at, f"security scheme changed: {before} -> {after}")
                )
    return changes


def diff_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from `old` to `new`, breaking ones first."""
    old, new = resolve_refs(old), resolve_refs(new)
    changes = _diff_servers(old, new) + _diff_schemes(old, new)
    old_ops, new_ops = _operations(old), _operations(new)
    for where in sorted(old_ops.keys() | new_ops.keys()):
        if where not in new_ops:
            changes.append(Change(True, where, "operation removed"))
            continue
        if where not in old_ops:
            changes.append(Change(False, where, "new operation"))
            continue
        before, after = old_ops[where], new_ops[where]
        if before.get("operationId") != after.get("operationId"):
            what = (
                f"operationId renamed: {before.get('operationId')} -> "
                f"{after.get('operationId')} (generated function and module names change)"
            )
            changes.append(Change(True, where, what))
        changes += _diff_security(
            where, before.get("security", old.get("security", [])),
            after.get("security", new.get("security", [])),
        )  # fmt: skip
        changes += _diff_parameters(where, before, after)
        changes += _diff_request_body(where, before, after)
        changes += _diff_responses(where, before, after)
    return sorted(changes, key=lambda c: (not c.breaking, c.where, c.what))
