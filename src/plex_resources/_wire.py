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


def _array(item: Converter, schema: str | None) -> Converter:
    def convert(raw: Any, parent: str, key: str | int) -> Any:
        path = _at(parent, key)
        if type(raw) is not list:
            raise _wrong(path, "an array", raw)
        if schema is not None:
            # The hot loop (one pass per connection). While items arrive well-formed (JSON),
            # each is only looked at here; the first that needs converting (XML's strings)
            # or is wrong sends it and the rest through normalize, which converts in place
            # or names what is wrong (its path formatted only then).
            entries, required = _ENTRIES[schema], REQUIRED[schema]
            well_formed = True
            for index, value in enumerate(raw):
                if well_formed and type(value) is dict and required <= value.keys():
                    for name, field in value.items():
                        entry = entries.get(name)
                        if entry is not None and type(field) is not entry[0]:
                            well_formed = False
                            break
                    else:
                        continue
                normalize(value, schema, path, index)
            return raw
        return [item(value, path, i) for i, value in enumerate(raw)]

    return convert


def _converter(kind: str) -> Converter:
    if kind.startswith("object:"):
        return _object(kind.removeprefix("object:"))
    if kind.startswith("array:"):
        item = kind.removeprefix("array:")
        if item in PROPERTIES:
            return _array(_object(item), item)
        return _array(_SCALARS[item], None)
    return _SCALARS[kind]


# The Python type a well-formed value of each wire type already has: such values need no
# conversion and skip the converter call. Objects and arrays always go through theirs.
_NATIVE: dict[str, type] = {
    "string": str,
    "integer": int,
    "boolean": bool,
    "number": float,
}

# schema -> property -> (native type or None, converter), built once from the spec.
_ENTRIES: dict[str, dict[str, tuple[type | None, Converter]]] = {
    schema: {
        key: (
            _NATIVE.get(kind),
            _secret if key in SECRETS[schema] else _converter(kind),
        )
        for key, kind in properties.items()
    }
    for schema, properties in PROPERTIES.items()
}
_DROP = object()


def normalize(
    value: object, schema: str, path: str, index: int | None = None
) -> dict[str, Any]:
    """Check value against schema and convert its declared properties, in place.

    Unknown properties are kept as they are. `index` says value is item `index` of the list at
    `path`; paths are only formatted for error messages. Returns value.
    """
    if type(value) is not dict:
        raise _wrong(
            _at(path, index) if index is not None else path, "an object", value
        )
    required = REQUIRED[schema]
    if not required <= value.keys():
        here = _at(path, index) if index is not None else path
        missing = ", ".join(sorted(required - value.keys()))
        raise PlexResponseError(f"{here}: missing required field(s) {missing}")
    entries = _ENTRIES[schema]
    changes: dict[str, Any] | None = None
    for key, raw in value.items():
        entry = entries.get(key)
        if entry is None or type(raw) is entry[0]:
            continue
        here = _at(path, index) if index is not None else path
        if raw is None:
            # A null optional field means the same as an absent one.
            if key in required:
                raise PlexResponseError(f"{here}.{key}: required field is null")
            converted: Any = _DROP
        else:
            converted = entry[1](raw, here, key)
            if converted is raw:
                continue
        if changes is None:
            changes = {}
        changes[key] = converted
    if changes:
        for key, converted in changes.items():
            if converted is _DROP:
                del value[key]
            else:
                value[key] = converted
    return value


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
