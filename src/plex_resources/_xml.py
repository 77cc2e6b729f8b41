"""Turns a Plex XML answer into the dict shape of its JSON twin, safely.

Plex renders the same answer as XML by making each field an attribute and each nested object
or list item a child element (`<Device>`, one `<Connection>` per connection). Which child is a
single object and which a list comes from openapi.yaml's wire types; attribute values stay
strings here and are converted by `_wire.normalize` exactly as JSON values are. Children the
spec does not know are kept as lists of dicts, as Plex's JSON renders them.

Safety: any DTD is refused, so no entity can be declared (no billion laughs, no external
entities); an undeclared entity reference is a parse error; nesting is capped at MAX_DEPTH.
"""

from __future__ import annotations

from typing import Any
from xml.parsers import expat

from plex_resources_api.wire_types import PROPERTIES, REQUIRED

from .errors import PlexResponseError

# Plex nests three levels (MediaContainer > Device > Connection); anything near this is hostile.
MAX_DEPTH = 32


class _ForbiddenMarkup(Exception):
    """Raised from inside the parser's callbacks to stop at a DTD."""


def _refuse_doctype(*_: object) -> None:
    raise _ForbiddenMarkup("a DTD (<!DOCTYPE …>)")


def decode_xml(body: bytes, envelope: str) -> dict[str, Any]:
    """Decode body as the XML form of schema `envelope` (its root element is one of its properties)."""
    # Each open element: (its dict, its schema's name or "" when the spec does not know it)
    stack: list[tuple[dict[str, Any], str]] = []
    result: dict[str, Any] = {}
    root_properties = PROPERTIES[envelope]

    def start(tag: str, attributes: dict[str, str]) -> None:
        if len(stack) >= MAX_DEPTH:
            raise PlexResponseError(
                f"XML answer is nested deeper than {MAX_DEPTH} elements, which Plex never does"
            )
        if stack:
            parent, parent_schema = stack[-1]
            kind = PROPERTIES.get(parent_schema, {}).get(tag, "")
        else:
            if result or tag not in root_properties:
                expected = " or ".join(f"<{name}>" for name in sorted(root_properties))
                raise PlexResponseError(
                    f"XML answer: expected a {expected} root, got <{tag}>"
                )
            parent, kind = result, root_properties[tag]
        schema = kind.partition(":")[2]
        element: dict[str, Any] = attributes
        if kind.startswith("object:"):
            if tag in parent:
                raise PlexResponseError(
                    f"XML answer: more than one <{tag}> where one is allowed"
                )
            parent[tag] = element
        else:
            parent.setdefault(tag, []).append(element)
        stack.append((element, schema if schema in PROPERTIES else ""))

    def end(_tag: str) -> None:
        element, schema = stack.pop()
        # XML has no empty list: a required list with no child elements is an empty one.
        for key in REQUIRED.get(schema, ()):
            if key not in element and PROPERTIES[schema][key].startswith("array:"):
                element[key] = []

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(body, True)
    except _ForbiddenMarkup as refused:
        raise PlexResponseError(
            f"XML answer refused: it contains {refused}, which Plex never sends"
        ) from None
    except expat.ExpatError as broken:
        raise PlexResponseError(
            f"XML answer is not well-formed ({expat.ErrorString(broken.code)} at line "
            f"{broken.lineno}, column {broken.offset})"
        ) from None
    if not result:
        raise PlexResponseError("XML answer has no root element")
    return result
