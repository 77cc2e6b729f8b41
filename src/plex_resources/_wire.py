"""Checks a decoded answer against openapi.yaml's wire types and converts values to them.

JSON and XML answers both come through here, so the same answer gives the same model whatever
its format. Where real servers are known to vary, values are read leniently (booleans as
true/false/1/0/"1"/"0", integers as digit strings); anything else that does not fit raises
PlexResponseError naming the field.

Each schema's fields get their converter once, at import: this runs for every connection of
every answer, so per-value work is kept to a type check and a dict store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plex_resources_api.wire_types import PROPERTIES, REQUIRED, SECRETS

from .errors import PlexResponseError

# (value, path of its parent, its key or index) -> converted value. The path is only formatted
# for an error message: building it for every value would cost more than the conversion.
Converter = Callable[[Any, str, "str | int"], Any]

_TRUE = frozenset({"1", "true"})
_FALSE = frozenset({"0", "false"})


def _at(parent: str, key: str | int) -> str:
    return f"{parent}[{key}]" if isinstance(key, int) else f"{parent}.{key}"


def _wrong(path: str, expected: str, raw: object) -> PlexResponseError:
    return PlexResponseError(f"{path}: expected {expected}, got {_describe(raw)}")


def _string(raw: Any, parent: str, key: str | int) -> Any:
    kind = type(raw)
    if kind is str:
        return raw
    # Servers send numbers where strings are documented; their text is the value.
    if kind is int or kind is float:
        return str(raw)
    raise _wrong(_at(parent, key), "a string", raw)


def _integer(raw: Any, parent: str, key: str | int) -> Any:
    kind = type(raw)
    if kind is int:
        return raw
    if kind is str and raw.isascii():
        digits = raw.strip()
        if digits.lstrip("+-").isdigit() and len(digits) <= 20:  # int64 has 19 digits
            return int(digits)
    raise _wrong(_at(parent, key), "an integer", raw)


def _boolean(raw: Any, parent: str, key: str | int) -> Any:
    kind = type(raw)
    if kind is bool:
        return raw
    if kind is int and (raw == 0 or raw == 1):
        return raw == 1
    if kind is str:
        lowered = raw.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    raise _wrong(_at(parent, key), "a boolean", raw)


def _number(raw: Any, parent: str, key: str | int) -> Any:
    kind = type(raw)
    if kind is int or kind is float:
        return raw
    if kind is str and len(raw) <= 64:
        try:
            return float(raw)
        except ValueError:
            pass
    raise _wrong(_at(parent, key), "a number", raw)


def _secret(raw: Any, parent: str, key: str | int) -> Any:
    if type(raw) is str:
        return raw
    # Never echo what sits in a secret's place, whatever its type.
    raise PlexResponseError(f"{_at(parent, key)}: expected a string (value hidden)")


_SCALARS: dict[str, Converter] = {
    "string": _string,
    "integer": _integer,
    "boolean": _boolean,
    "number": _number,
}


def _object(schema: str) -> Converter:
    def convert(raw: Any, parent: str, key: str | int) -> Any:
        return normalize(raw, schema, _at(parent, key))

    return convert


def _array(item: Converter) -> Converter:
    def convert(raw: Any, parent: str, key: str | int) -> Any:
        path = _at(parent, key)
        if type(raw) is not list:
            raise _wrong(path, "an array", raw)
        return [item(value, path, i) for i, value in enumerate(raw)]

    return convert


def _converter(kind: str) -> Converter:
    if kind.startswith("object:"):
        return _object(kind.removeprefix("object:"))
    if kind.startswith("array:"):
        item = kind.removeprefix("array:")
        return _array(_object(item) if item in PROPERTIES else _SCALARS[item])
    return _SCALARS[kind]


# schema -> property -> converter, built once from the spec's wire types.
_CONVERTERS: dict[str, dict[str, Converter]] = {
    schema: {
        key: _secret if key in SECRETS[schema] else _converter(kind)
        for key, kind in properties.items()
    }
    for schema, properties in PROPERTIES.items()
}


def normalize(value: object, schema: str, path: str) -> dict[str, Any]:
    """A copy of value with every declared property converted; unknown ones kept as they are."""
    if type(value) is not dict:
        raise _wrong(path, "an object", value)
    required = REQUIRED[schema]
    if not required <= value.keys():
        missing = ", ".join(sorted(required - value.keys()))
        raise PlexResponseError(f"{path}: missing required field(s) {missing}")
    converters = _CONVERTERS[schema]
    result: dict[str, Any] = {}
    for key, raw in value.items():
        convert = converters.get(key)
        if convert is None:
            result[key] = raw
        elif raw is None:
            # A null optional field means the same as an absent one.
            if key in required:
                raise PlexResponseError(f"{path}.{key}: required field is null")
        else:
            result[key] = convert(raw, path, key)
    return result


def _describe(value: object) -> str:
    """Name a wrong value: short scalars shown (secret fields never get here), others by type."""
    if isinstance(value, str):
        return (
            repr(value) if len(value) <= 40 else f"a string of {len(value)} characters"
        )
    if isinstance(value, bool | int | float) or value is None:
        shown = repr(value)
        return f"{type(value).__name__} {shown if len(shown) <= 40 else shown[:37] + '...'}"
    return type(value).__name__
