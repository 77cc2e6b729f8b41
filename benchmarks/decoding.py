"""Benchmark 4: decoding a device with many connections, against the bare parsers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

from measure import best
from rows import Row, answer_with, as_json, as_xml

from plex_resources._decode import decode_source_connection_information

SIZES = (100, 1_000, 10_000, 100_000)
TARGET_SIZE = 10_000
TARGET = 4.0


def measure_one(
    label: str,
    body: bytes,
    content_type: str,
    bare: Callable[[bytes], object],
    bare_name: str,
    calls: int,
) -> tuple[str, float, float, str, int]:
    """(label, our seconds, the bare parser's seconds, its name, body length)."""
    ours = best(
        lambda: decode_source_connection_information(body, content_type), calls=calls
    )
    base = best(lambda: bare(body), calls=calls)
    return label, ours, base, bare_name, len(body)


def decoding() -> list[Row]:
    rows = []
    for size in SIZES:
        answer = answer_with(size)
        calls = max(1, 20_000 // size)
        json_body, xml_body = as_json(answer), as_xml(answer)
        figures = [
            measure_one(
                "JSON", json_body, "application/json", json.loads, "json.loads", calls
            ),
            measure_one(
                "XML", xml_body, "application/xml", ET.fromstring, "ElementTree", calls
            ),
        ]
        for label, ours, base, bare_name, length in figures:
            ratio = ours / base
            at_target = size == TARGET_SIZE
            rows.append(
                Row(
                    f"4{label[0].lower()}",
                    f"decode {size:,} connections, {label} ({length / 1e6:.1f} MB) vs {bare_name}",
                    f"{ours * 1e3:.1f} ms vs {base * 1e3:.1f} ms",
                    ratio,
                    f"<= {TARGET}x" if at_target else "",
                    ratio <= TARGET if at_target else None,
                )
            )
    return rows


BENCHMARKS: list[Callable[[], list[Row]]] = [decoding]
