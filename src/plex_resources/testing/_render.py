"""Renders an answer dict (a model's to_dict()) as Plex renders XML: attributes and child elements."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any


def _attribute(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _fill(element: ET.Element, fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        if isinstance(value, dict):
            _fill(ET.SubElement(element, key), value)
        elif isinstance(value, list):
            for item in value:
                child = ET.SubElement(element, key)
                if isinstance(item, dict):
                    _fill(child, item)
                else:
                    child.text = _attribute(item)
        elif value is not None:
            element.set(key, _attribute(value))


def render_xml(answer: dict[str, Any]) -> bytes:
    """`{"MediaContainer": {...}}` -> `<?xml ...?><MediaContainer ...>...</MediaContainer>`."""
    if len(answer) != 1:
        raise ValueError("an XML answer has exactly one root element")
    ((root_tag, root_fields),) = answer.items()
    root = ET.Element(root_tag)
    _fill(root, root_fields)
    rendered: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return rendered
