"""Checks a decoded answer against openapi.yaml's wire types and converts values to them.

JSON and XML answers both come through here, so the same answer gives the same model whatever
its format. Where real servers are known to vary, values are read leniently (booleans as
true/false/1/0/"1"/"0", integers as digit strings); anything else that does not fit raises
PlexResponseError naming the field.
"""

from __future__ import annotations

from typing import Any

from plex_resources_api.wire_types import PROPERTIES, REQUIRED, SECRETS

from .errors import PlexResponseError

_TRUE = frozenset({"1", "true"})
_FALSE = frozenset({"0", "false"})


def normalize(value: object, schema: str, path: str) -> dict[str, Any]:
    """Return a copy of value with every declared property converted; unknown ones kept as they are."""
    if not isinstance(value, dict):
        raise PlexResponseError(f"{path}: expected an object, got {_describe(value)}")
    missing = REQUIRED[schema] - value.keys()
    if missing:
        raise PlexResponseError(
            f"{path}: missing required field(s) {', '.join(sorted(missing))}"
        )
    properties = PROPERTIES[schema]
    result: dict[str, Any] = {}
    for key, raw in value.items():
        kind = properties.get(key)
        if kind is None:
            result[key] = raw
        elif raw is None:
            # A null optional field means the same as an absent one.
            if key in REQUIRED[schema]:
                raise PlexResponseError(f"{path}.{key}: required field is null")
        elif key in SECRETS[schema]:
            if not isinstance(raw, str):
                # Never echo what sits in a secret's place, whatever its type.
                raise PlexResponseError(
                    f"{path}.{key}: expected a string (value hidden)"
                )
            result[key] = raw
        else:
            result[key] = _convert(raw, kind, f"{path}.{key}")
    return result


def _convert(raw: object, kind: str, path: str) -> Any:
    if kind == "string":
        if isinstance(raw, str):
            return raw
        # Servers send numbers where strings are documented; their text is the value.
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return str(raw)
    elif kind == "integer":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if (
            isinstance(raw, str)
            and raw.strip().lstrip("+-").isdigit()
            and raw.isascii()
        ):
            return int(raw)
    elif kind == "boolean":
        if isinstance(raw, bool):
            return raw
        if raw in (0, 1) and isinstance(raw, int):
            return raw == 1
        if isinstance(raw, str):
            lowered = raw.strip().lower()
            if lowered in _TRUE:
                return True
            if lowered in _FALSE:
                return False
    elif kind == "number":
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return raw
        if isinstance(raw, str):
            try:
                return float(raw)
            except ValueError:
                pass
    elif kind.startswith("object:"):
        return normalize(raw, kind.removeprefix("object:"), path)
    elif kind.startswith("array:"):
        if isinstance(raw, list):
            item_kind = kind.removeprefix("array:")
            if item_kind in PROPERTIES:
                item_kind = f"object:{item_kind}"
            return [
                _convert(item, item_kind, f"{path}[{i}]") for i, item in enumerate(raw)
            ]
        kind = "array"
    raise PlexResponseError(f"{path}: expected {_article(kind)}, got {_describe(raw)}")


def _article(kind: str) -> str:
    name = kind.split(":", 1)[0]
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def _describe(value: object) -> str:
    """Name a wrong value: short scalars shown (secret fields never get here), others by type."""
    if isinstance(value, str):
        return (
            repr(value) if len(value) <= 40 else f"a string of {len(value)} characters"
        )
    if isinstance(value, bool | int | float) or value is None:
        return f"{type(value).__name__} {value!r}"
    return type(value).__name__
