"""One line of the benchmark table, and the shared inputs every benchmark uses."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from plex_resources import ClientIdentity
from plex_resources.testing import render_xml

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-token"
IDENTITY = ClientIdentity(client_identifier="bench", product="plex-resources bench")
SOURCE = "server://243b471948ace337a8f92f129ec97d1902fcb1df"
BASE_URL = "http://127.0.0.1:32400"


@dataclass(frozen=True)
class Row:
    number: str
    name: str
    figure: str  # what was measured, with units
    ratio: float | None
    target: str  # e.g. "<= 1.25x"; "" when only reported
    met: bool | None  # None when there is no target

    @property
    def verdict(self) -> str:
        return {True: "met", False: "MISSED", None: "reported"}[self.met]


def reference_answer() -> dict[str, Any]:
    """The reference 200 answer documented in openapi.yaml."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    content = spec["paths"]["/security/resources"]["get"]["responses"]["200"]["content"]
    answer: dict[str, Any] = content["application/json"]["example"]
    return answer


def answer_with(connections: int) -> dict[str, Any]:
    """A device with this many connections, a tenth of them relays."""
    return {
        "MediaContainer": {
            "size": 1,
            "Device": {
                "name": "Bench",
                "clientIdentifier": "243b471948ace337a8f92f129ec97d1902fcb1df",
                "accessToken": "transient-bench",
                "Connection": [
                    {
                        "protocol": "https",
                        "address": f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}",
                        "uri": f"https://10-0-{i >> 8 & 255}-{i & 255}.0123456789abcdef.plex.direct:32400",
                        "port": 32400,
                        "local": i % 2 == 0,
                        **({"relay": True} if i % 10 == 0 else {}),
                    }
                    for i in range(connections)
                ],
            },
        }
    }


def as_json(answer: dict[str, Any]) -> bytes:
    return json.dumps(answer).encode()


def as_xml(answer: dict[str, Any]) -> bytes:
    return render_xml(answer)
